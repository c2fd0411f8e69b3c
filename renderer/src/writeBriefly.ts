import * as Y from 'yjs'
import { WebsocketProvider } from 'y-websocket'
import { recordChanges } from '../../shared/plan/changeRecorder'
import { snapshotHoldsAll } from '../../shared/stateVector'
import { fetchStoredSnapshot, type HubAddress } from './hub'

/** How long to wait for the hub to open the board and to store the change. */
const WAIT_MS = 15_000

export type Written<T> = { ok: true; value: T } | { ok: false; message: string }

export interface WriteBrieflyOptions {
  /** Said when the hub does not open the board in time; nothing was written. */
  notOpened: string
  /** Said when the hub has not confirmed it stored the change in time. */
  notStored: string
  /** Records the change in the board's History under this name (plans keep a change log). */
  recordAs?: string
}

/**
 * Writes to a board this screen does not show (another person's plan from the tracker, a new plan
 * or the next meeting from a meeting): opens that one board over the same y-websocket connection a
 * board uses, lets `write` change it through its own commands once the hub has sent what it holds,
 * waits until the hub has stored the change, and closes it. `write` returns a message instead of a
 * value to write nothing; a thrown error (the entry vanished meanwhile) writes nothing either.
 */
export async function writeBriefly<T>(hub: HubAddress, docId: string, write: (doc: Y.Doc) => Written<T>, options: WriteBrieflyOptions): Promise<Written<T>> {
  // No garbage collection, as every board: a plan's agreed versions are snapshots of deleted content.
  const doc = new Y.Doc({ gc: false })
  const provider = new WebsocketProvider(hub.syncUrl, docId, doc, { params: { token: hub.token }, disableBc: true })
  const recorder = options.recordAs === undefined ? null : recordChanges(doc, { by: () => options.recordAs ?? '' })
  try {
    if (!(await waitFor(() => provider.synced))) return { ok: false, message: options.notOpened }
    const written = write(doc)
    if (!written.ok) return written
    recorder?.flush()
    const stored = await waitFor(async () => snapshotHoldsAll(await fetchStoredSnapshot(hub, docId), Y.snapshot(doc)))
    return stored ? written : { ok: false, message: options.notStored }
  } finally {
    recorder?.stop()
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
