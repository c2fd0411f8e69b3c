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
 * True when a peer whose stored state is `stored` holds everything in every one of `updates` (the
 * copy's rows), insertions and deletions alike, so they may be cleared.
 */
export function storedHoldsAll(updates: readonly Uint8Array[], stored: Y.Snapshot): boolean {
  return updates.every((update) => Y.snapshotContainsUpdate(stored, update))
}
