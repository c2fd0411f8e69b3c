import * as Y from 'yjs'
import { WebsocketProvider } from 'y-websocket'
import { initialiseBoard, validateTitle } from '../../../shared/board'
import { newDocId } from '../../../shared/docId'
import { snapshotHoldsAll } from '../../../shared/stateVector'
import { fetchStoredSnapshot, type HubAddress } from '../hub'

/** How long to wait for the hub to open the new plan and to store it. */
const WAIT_MS = 15_000

/**
 * Starts a blank plan for a person from a meeting's agenda, without leaving the meeting: opens the
 * new plan's own document for a moment (the same y-websocket connection a board uses), writes its
 * kind and title once the hub has answered, and waits until the hub has stored it, so the plan is
 * in the hub's list and opens from the agenda straight away. Gives the plan's id, or a message.
 */
export async function startPlan(hub: HubAddress, title: string, now: Date): Promise<{ ok: true; planId: string } | { ok: false; message: string }> {
  const problem = validateTitle(title)
  if (problem) return { ok: false, message: problem }
  const planId = newDocId()
  // No garbage collection, as every plan: its agreed versions are snapshots of deleted content.
  const doc = new Y.Doc({ gc: false })
  const provider = new WebsocketProvider(hub.syncUrl, planId, doc, { params: { token: hub.token }, disableBc: true })
  try {
    if (!(await waitFor(() => provider.synced))) return { ok: false, message: 'The new plan could not be started: the hub did not answer. Check Roundtable is still running, then try again.' }
    initialiseBoard(doc, { kind: 'plan', title, now, template: 'blank' })
    const stored = await waitFor(async () => snapshotHoldsAll(await fetchStoredSnapshot(hub, planId), Y.snapshot(doc)))
    if (!stored) return { ok: false, message: 'The hub has not confirmed the new plan yet, so it was not put on the agenda. Try again.' }
    return { ok: true, planId }
  } finally {
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
