import * as Y from 'yjs'

/**
 * Rules for the copy of a board a browser keeps while the hub lacks some of a window's changes
 * (renderer/src/deviceCopy.ts keeps it in IndexedDB).
 */

/** One IndexedDB database per board, shared by every window of that board on the device. */
export function deviceCopyName(docId: string): string {
  return `roundtable-device-copy-${docId}`
}

/**
 * True when a peer whose state vector is `stored` holds everything in every one of `updates` (the
 * copy's rows), so they may be cleared. Like the "saved" check, it compares what was inserted;
 * deletions move no clock.
 */
export function storedHoldsAll(updates: readonly Uint8Array[], stored: Uint8Array): boolean {
  const clocks = Y.decodeStateVector(stored)
  return updates.every((update) => {
    const { to } = Y.parseUpdateMeta(update)
    for (const [client, clock] of to) if ((clocks.get(client) ?? 0) < clock) return false
    return true
  })
}
