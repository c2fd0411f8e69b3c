import * as Y from 'yjs'
import { initialiseBoard } from '../../shared/board'
import type { BoardKind } from '../../shared/boardKinds'
import { newDocId } from '../../shared/docId'
import { connectClient, synced, waitUntilStored } from '../hub/helpers'
import type { ServedHub } from './served-hub'

/**
 * Writes a board straight into the real hub, as another device would: a y-websocket client in this
 * Node process, the board's own shared commands (`build`), and a wait until the hub has stored every
 * change. For tests about reading a board that do not need to type it all first.
 */
export async function seedBoard(hub: ServedHub, kind: BoardKind, title: string, build: (doc: Y.Doc) => void): Promise<string> {
  const docId = newDocId()
  // Boards keep their history (a plan's agreed versions are snapshots), as the app's own documents do.
  const client = connectClient(hub.origin.replace(/^http/, 'ws') + '/sync', docId, hub.token, new Y.Doc({ gc: false }))
  try {
    await synced(client)
    initialiseBoard(client.doc, { kind, title, now: new Date() })
    build(client.doc)
    await waitUntilStored(hub.origin, docId, client.doc, hub.token)
  } finally {
    client.destroy()
  }
  return docId
}

/** A plan, written with the plan's commands (shared/plan/). */
export function seedPlan(hub: ServedHub, title: string, build: (doc: Y.Doc) => void): Promise<string> {
  return seedBoard(hub, 'plan', title, build)
}

/** A meeting (an MDT huddle), written with the meeting's commands (shared/meeting/meeting.ts). */
export function seedMeeting(hub: ServedHub, title: string, build: (doc: Y.Doc) => void): Promise<string> {
  return seedBoard(hub, 'meeting', title, build)
}
