import * as Y from 'yjs'
import { WebsocketProvider } from 'y-websocket'
import { initialiseBoard, readMeta } from '../../../shared/board'
import { rollOver } from '../../../shared/meeting/meeting'
import { meetingHasEnded } from '../../../shared/meeting/read'
import { snapshotHoldsAll } from '../../../shared/stateVector'
import { fetchStoredSnapshot, type HubAddress } from '../hub'

/** How long to wait for the next meeting to open and for the hub to store what was written into it. */
const WAIT_MS = 15_000

export type NextMeeting = { kind: 'existing'; id: string } | { kind: 'new'; id: string; title: string }

/**
 * Puts the cases an ended meeting did not reach on the next meeting's agenda, in one step: opens
 * that one meeting (creating it when asked) over its own short-lived connection, rolls the cases
 * over with the meeting's own command (their budgets and notes go too; `from` records where they
 * went), and waits until the hub has stored the next meeting before closing it. Resolves with a
 * message for a person, or null when it is done.
 */
export async function rollOverTo(hub: HubAddress, from: Y.Doc, next: NextMeeting): Promise<string | null> {
  const doc = new Y.Doc({ gc: false })
  const provider = new WebsocketProvider(hub.syncUrl, next.id, doc, { params: { token: hub.token }, disableBc: true })
  try {
    if (!(await waitFor(() => provider.synced))) return 'The next meeting could not be opened: the hub did not answer. Nothing was rolled over; try again.'
    if (next.kind === 'new') initialiseBoard(doc, { kind: 'meeting', title: next.title, now: new Date() })
    else if (readMeta(doc)?.kind !== 'meeting') return 'That meeting is no longer on this hub. Choose another, or start a new one.'
    if (meetingHasEnded(doc)) return 'That meeting has ended too. Choose a meeting still to come, or start a new one.'
    const moved = rollOver(from, doc, next.id)
    if (!moved.ok) return Object.values(moved.errors).join(' ')
    const stored = await waitFor(async () => snapshotHoldsAll(await fetchStoredSnapshot(hub, next.id), Y.snapshot(doc)))
    return stored ? null : 'The hub has not confirmed the next meeting’s agenda yet. Open the next meeting to check it.'
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
