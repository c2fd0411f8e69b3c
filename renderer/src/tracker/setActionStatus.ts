import * as Y from 'yjs'
import { WebsocketProvider } from 'y-websocket'
import { recordChanges } from '../../../shared/plan/changeRecorder'
import { updateEntry } from '../../../shared/plan/entries'
import type { ActionStatus } from '../../../shared/plan/fields'
import { snapshotHoldsAll } from '../../../shared/stateVector'
import { fetchStoredSnapshot, type HubAddress } from '../hub'

/** How long to wait for the plan to open and for the hub to store the change. */
const WAIT_MS = 15_000

/**
 * Changes one action's status from the tracker: opens that one plan (and only it) over the same
 * y-websocket connection a board uses, changes the status through the plan's own command, records
 * it in the plan's History under this person's name, and waits until the hub has stored it.
 * Resolves with a message for a person, or null when the change is stored.
 */
export async function setActionStatus(hub: HubAddress, docId: string, actionId: string, status: ActionStatus, by: string): Promise<string | null> {
  const doc = new Y.Doc({ gc: false })
  const provider = new WebsocketProvider(hub.syncUrl, docId, doc, { params: { token: hub.token }, disableBc: true })
  const recorder = recordChanges(doc, { by: () => by })
  try {
    if (!(await waitFor(() => provider.synced))) return 'The plan could not be opened: the hub did not answer. Nothing was changed; try again.'
    let result
    try {
      result = updateEntry(doc, actionId, 'action', { status })
    } catch {
      return 'That action has been deleted from its plan since this list was loaded. Nothing was changed.'
    }
    if (!result.ok) return `The plan refused the change: ${Object.values(result.errors).join(' ')}`
    recorder.flush()
    const stored = await waitFor(async () => snapshotHoldsAll(await fetchStoredSnapshot(hub, docId), Y.snapshot(doc)))
    return stored ? null : 'The hub has not confirmed the change yet. Open the plan to check its status.'
  } finally {
    recorder.stop()
    provider.destroy()
    doc.destroy()
  }
}

async function waitFor(check: () => boolean | Promise<boolean>): Promise<boolean> {
  const started = Date.now()
  while (Date.now() - started < WAIT_MS) {
    try {
      if (await check()) return true
    } catch {
      // The hub may be restarting; keep asking until the time is up.
    }
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
  return false
}
