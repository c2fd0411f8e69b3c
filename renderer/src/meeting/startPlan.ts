import { initialiseBoard, validateTitle } from '../../../shared/board'
import { newDocId } from '../../../shared/docId'
import type { HubAddress } from '../hub'
import { writeBriefly } from '../writeBriefly'

/**
 * Starts a blank plan for a person from a meeting's agenda, without leaving the meeting: writes the
 * new plan's kind and title into its own document and waits until the hub has stored it, so the
 * plan is in the hub's list and opens from the agenda straight away. Gives the plan's id, or a message.
 */
export async function startPlan(hub: HubAddress, title: string, now: Date): Promise<{ ok: true; planId: string } | { ok: false; message: string }> {
  const problem = validateTitle(title)
  if (problem) return { ok: false, message: problem }
  const planId = newDocId()
  const written = await writeBriefly(
    hub,
    planId,
    (doc) => {
      initialiseBoard(doc, { kind: 'plan', title, now, template: 'blank' })
      return { ok: true, value: planId }
    },
    {
      notOpened: 'The new plan could not be started: the hub did not answer. Check Roundtable is still running, then try again.',
      notStored: 'The hub has not confirmed the new plan yet, so it was not put on the agenda. Try again.',
    },
  )
  return written.ok ? { ok: true, planId } : written
}
