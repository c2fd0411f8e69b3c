import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { deviceCopyName, storedHoldsAll } from './deviceCopy'

// The device copy itself (renderer/src/deviceCopy.ts) needs IndexedDB, so it is tested in Chromium
// (tests/e2e/offline.spec.ts).
// Here: the rule that decides whether its rows may be cleared.

function updatesOf(doc: Y.Doc, change: () => void): Uint8Array {
  let captured: Uint8Array | null = null
  const listener = (update: Uint8Array) => (captured = update)
  doc.on('update', listener)
  change()
  doc.off('update', listener)
  if (!captured) throw new Error('the change produced no update')
  return captured
}

describe('whether the hub holds every row of a device copy', () => {
  it('is true only when what the hub stored covers every row', () => {
    const doc = new Y.Doc({ gc: false })
    const first = updatesOf(doc, () => doc.getMap('entries').set('a', 'Loves gardening'))
    const storedAfterFirst = Y.snapshot(doc)
    const second = updatesOf(doc, () => doc.getMap('entries').set('b', 'Walks the dog'))

    expect(storedHoldsAll([first], storedAfterFirst)).toBe(true)
    expect(storedHoldsAll([first, second], storedAfterFirst)).toBe(false)
    expect(storedHoldsAll([first, second], Y.snapshot(doc))).toBe(true)
    expect(storedHoldsAll([Y.encodeStateAsUpdate(doc)], storedAfterFirst)).toBe(false)
  })

  it('counts a row that only deletes as not held until the hub has the deletion', () => {
    const hub = new Y.Doc({ gc: false })
    hub.getMap('entries').set('a', 'Falls at night')
    hub.getText('notes').insert(0, 'Knock before coming in')
    const window = new Y.Doc({ gc: false })
    Y.applyUpdate(window, Y.encodeStateAsUpdate(hub))
    // Deleting moves no clock: the hub's state vector already covers this row.
    const deletion = updatesOf(window, () => {
      window.getMap('entries').delete('a')
      window.getText('notes').delete(0, 6)
    })
    expect(Y.encodeStateVector(window)).toEqual(Y.encodeStateVector(hub))

    expect(storedHoldsAll([deletion], Y.snapshot(hub))).toBe(false)
    Y.applyUpdate(hub, deletion)
    expect(storedHoldsAll([deletion], Y.snapshot(hub))).toBe(true)
  })

  it('counts another window’s unsent change (another client id) as not held', () => {
    const hub = new Y.Doc({ gc: false })
    hub.getMap('meta').set('title', 'Plan for Ann')
    const otherWindow = new Y.Doc({ gc: false })
    Y.applyUpdate(otherWindow, Y.encodeStateAsUpdate(hub))
    const unsent = updatesOf(otherWindow, () => otherWindow.getMap('entries').set('c', 'Takes the bus'))

    expect(storedHoldsAll([Y.encodeStateAsUpdate(hub)], Y.snapshot(hub))).toBe(true)
    expect(storedHoldsAll([Y.encodeStateAsUpdate(hub), unsent], Y.snapshot(hub))).toBe(false)
  })

  it('an empty copy may be cleared', () => {
    expect(storedHoldsAll([], Y.snapshot(new Y.Doc()))).toBe(true)
  })

  it('names one database per board', () => {
    expect(deviceCopyName('abc123')).toBe('roundtable-device-copy-abc123')
  })
})
