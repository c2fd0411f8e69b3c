import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import fc from 'fast-check'
import { ANY_DOCUMENT, grantCoversDocument, grantCoversIndex, roleCanEdit } from './access'
import { isValidDocId, newDocId } from './docId'
import { fromBase64, remoteHasEverything, snapshotHoldsAll, toBase64 } from './stateVector'

describe('document ids', () => {
  it('accepts 1–64 of [A-Za-z0-9_-] and nothing else', () => {
    expect(isValidDocId('a')).toBe(true)
    expect(isValidDocId('A_b-9'.padEnd(64, 'x'))).toBe(true)
    for (const bad of ['', 'x'.repeat(65), '../etc', 'a b', 'é', 'a/b', 42, null]) expect(isValidDocId(bad)).toBe(false)
  })
  it('makes fresh ids that are valid and different', () => {
    const ids = new Set(Array.from({ length: 100 }, newDocId))
    expect(ids.size).toBe(100)
    for (const id of ids) expect(isValidDocId(id)).toBe(true)
  })
})

describe('grants', () => {
  it('scope a token to one document or all, and only editors edit', () => {
    const resident = { role: 'contributor' as const, docId: 'w1' }
    const admin = { role: 'facilitator' as const, docId: ANY_DOCUMENT }
    expect(grantCoversDocument(resident, 'w1')).toBe(true)
    expect(grantCoversDocument(resident, 'w2')).toBe(false)
    expect(grantCoversIndex(resident)).toBe(false)
    expect(grantCoversDocument(admin, 'anything')).toBe(true)
    expect(grantCoversIndex(admin)).toBe(true)
    expect(roleCanEdit('viewer')).toBe(false)
    expect(roleCanEdit('contributor')).toBe(true)
  })

  it('a workshop contributor covers the workshop and its own private board, no other', () => {
    const phone = { role: 'contributor' as const, docId: 'w1', workshopRoom: true, privateBoard: 'w1__aaaaaaaa00' }
    expect(grantCoversDocument(phone, 'w1')).toBe(true)
    expect(grantCoversDocument(phone, 'w1__aaaaaaaa00')).toBe(true)
    expect(grantCoversDocument(phone, 'w1__bbbbbbbb00')).toBe(false)
    expect(grantCoversDocument(phone, 'w2')).toBe(false)
    expect(grantCoversIndex(phone)).toBe(false)
  })
})

describe('saved check', () => {
  it('says saved only when the remote holds every local change', () => {
    const local = new Y.Doc()
    const hub = new Y.Doc()
    local.getText('t').insert(0, 'hello')
    expect(remoteHasEverything(Y.encodeStateVector(local), Y.encodeStateVector(hub))).toBe(false)
    Y.applyUpdate(hub, Y.encodeStateAsUpdate(local))
    hub.getText('t').insert(0, 'other person ')
    expect(remoteHasEverything(Y.encodeStateVector(local), Y.encodeStateVector(hub))).toBe(true)
  })
  it('does not say saved while the hub lacks a change that only deletes', () => {
    const hub = new Y.Doc({ gc: false })
    hub.getMap('entries').set('need-1', 'Falls at night')
    const local = new Y.Doc({ gc: false })
    Y.applyUpdate(local, Y.encodeStateAsUpdate(hub))
    local.getMap('entries').delete('need-1')
    // The state vectors alone cannot tell: a deletion moves no clock.
    expect(remoteHasEverything(Y.encodeStateVector(local), Y.encodeStateVector(hub))).toBe(true)
    expect(snapshotHoldsAll(Y.snapshot(hub), Y.snapshot(local))).toBe(false)
    Y.applyUpdate(hub, Y.encodeStateAsUpdate(local))
    expect(snapshotHoldsAll(Y.snapshot(hub), Y.snapshot(local))).toBe(true)
  })
  it('says the hub holds everything exactly when merging the window into it would change nothing', () => {
    // Random edits on a window and a hub that have seen some of each other's changes.
    const edit = fc.record({ onWindow: fc.boolean(), insert: fc.boolean(), at: fc.nat(20), text: fc.string({ maxLength: 3 }), sync: fc.boolean() })
    fc.assert(
      fc.property(fc.array(edit, { maxLength: 25 }), (edits) => {
        const hub = new Y.Doc({ gc: false })
        const local = new Y.Doc({ gc: false })
        for (const step of edits) {
          const doc = step.onWindow ? local : hub
          const text = doc.getText('notes')
          if (step.insert || text.length === 0) text.insert(Math.min(step.at, text.length), step.text || 'x')
          else text.delete(Math.min(step.at, text.length - 1), 1)
          if (step.sync) Y.applyUpdate(step.onWindow ? hub : local, Y.encodeStateAsUpdate(doc))
        }
        const merged = new Y.Doc({ gc: false })
        Y.applyUpdate(merged, Y.encodeStateAsUpdate(hub))
        Y.applyUpdate(merged, Y.encodeStateAsUpdate(local))
        const nothingNew = Y.equalSnapshots(Y.snapshot(hub), Y.snapshot(merged))
        return snapshotHoldsAll(Y.snapshot(hub), Y.snapshot(local)) === nothingNew
      }),
      { numRuns: 300 },
    )
  })
  it('round-trips base64', () => {
    const bytes = new Uint8Array([0, 1, 127, 128, 255])
    expect(fromBase64(toBase64(bytes))).toEqual(bytes)
  })
})
