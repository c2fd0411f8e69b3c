import * as Y from 'yjs'
import { initialiseBoard } from '../../shared/board'
import { newDocId } from '../../shared/docId'
import { connectClient, synced, waitUntilStored } from '../hub/helpers'
import type { ServedHub } from './served-hub'

/**
 * Writes a plan straight into the real hub, as another device would: a y-websocket client in this
 * Node process, the plan's own shared commands, and a wait until the hub has stored every change.
 * For tests about reading a plan (the overview, printing) that do not need to type it all first.
 */
export async function seedPlan(hub: ServedHub, title: string, build: (doc: Y.Doc) => void): Promise<string> {
  const docId = newDocId()
  // Plans keep their history (agreed versions are snapshots), as the app's own documents do.
  const client = connectClient(hub.origin.replace(/^http/, 'ws') + '/sync', docId, hub.token, new Y.Doc({ gc: false }))
  try {
    await synced(client)
    initialiseBoard(client.doc, { kind: 'plan', title, now: new Date() })
    build(client.doc)
    await waitUntilStored(hub.origin, docId, client.doc, hub.token)
  } finally {
    client.destroy()
  }
  return docId
}

/**
 * Writes a meeting (an MDT huddle) straight into the real hub, as seedPlan writes a plan: `build`
 * uses the meeting's own commands (shared/meeting/meeting.ts), and this waits until the hub has it.
 */
export async function seedMeeting(hub: ServedHub, title: string, build: (doc: Y.Doc) => void): Promise<string> {
  const docId = newDocId()
  const client = connectClient(hub.origin.replace(/^http/, 'ws') + '/sync', docId, hub.token, new Y.Doc({ gc: false }))
  try {
    await synced(client)
    initialiseBoard(client.doc, { kind: 'meeting', title, now: new Date() })
    build(client.doc)
    await waitUntilStored(hub.origin, docId, client.doc, hub.token)
  } finally {
    client.destroy()
  }
  return docId
}
