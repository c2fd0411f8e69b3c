import { updateEntry } from '../../../shared/plan/entries'
import type { ActionStatus } from '../../../shared/plan/fields'
import type { HubAddress } from '../hub'
import { writeBriefly } from '../writeBriefly'

/**
 * Changes one action's status from the tracker: opens that one plan (and only it), changes the
 * status through the plan's own command, records it in the plan's History under this person's
 * name, and waits until the hub has stored it. Resolves with a message for a person, or null when
 * the change is stored.
 */
export async function setActionStatus(hub: HubAddress, docId: string, actionId: string, status: ActionStatus, by: string): Promise<string | null> {
  const written = await writeBriefly(
    hub,
    docId,
    (doc) => {
      let result
      try {
        result = updateEntry(doc, actionId, 'action', { status })
      } catch {
        return { ok: false, message: 'That action has been deleted from its plan since this list was loaded. Nothing was changed.' }
      }
      return result.ok ? { ok: true, value: actionId } : { ok: false, message: `The plan refused the change: ${Object.values(result.errors).join(' ')}` }
    },
    {
      notOpened: 'The plan could not be opened: the hub did not answer. Nothing was changed; try again.',
      notStored: 'The hub has not confirmed the change yet. Open the plan to check its status.',
      recordAs: by,
    },
  )
  return written.ok ? null : written.message
}
