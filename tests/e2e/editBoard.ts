import * as Y from 'yjs'
import { connectClient, synced, waitUntilStored } from '../hub/helpers'
import type { ServedHub } from './served-hub'

/**
 * Changes a board already on the hub as another device would (seed.ts writes new ones): a
 * y-websocket client in this Node process, the board's own commands in `change`, and a wait until
 * the hub has stored the change.
 */
export async function editBoard(hub: ServedHub, docId: string, change: (doc: Y.Doc) => void): Promise<void> {
  const client = connectClient(`${hub.origin.replace(/^http/, 'ws')}/sync`, docId, hub.token, new Y.Doc({ gc: false }))
  try {
    await synced(client)
    change(client.doc)
    await waitUntilStored(hub.origin, docId, client.doc, hub.token)
  } finally {
    client.destroy()
  }
}
