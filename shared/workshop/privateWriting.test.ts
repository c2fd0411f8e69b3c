import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { isValidDocId, newDocId } from '../docId'
import { idOf } from '../testing/checked'
import { addNote, removeNote } from './notes'
import { addPrivateNote, draftsMap, editPrivateNote, newContributorKey, parsePrivateBoardId, privateBoardId, removePrivateNote, revealPrivateNotes } from './privateWriting'
import { readWorkshop } from './read'
import { amina, bytesContain, facilitator, projector, start, sync, tomasz } from './testing'
import { revealNotes, setWritingMode } from './workshop'

function privateWorkshop(anonymous = false) {
  const workshop = new Y.Doc()
  expect(setWritingMode(workshop, facilitator, { anonymous, privateWriting: true }).ok).toBe(true)
  return { workshop, aminasBoard: new Y.Doc(), tomaszsBoard: new Y.Doc() }
}

const texts = (doc: Y.Doc) => readWorkshop(doc, facilitator, start).notes.map((note) => note.text).sort()

describe('private board names', () => {
  it('name one contributor’s board in one workshop, and read back', () => {
    const workshopId = newDocId()
    const key = newContributorKey()
    const id = privateBoardId(workshopId, key)
    expect(id).toBe(`${workshopId}__${key}`)
    expect(isValidDocId(id)).toBe(true)
    expect(parsePrivateBoardId(id ?? '')).toEqual({ workshopId, contributorKey: key })
    expect(newContributorKey()).not.toBe(key)
  })

  it('refuse anything that would not be a valid, unambiguous board id', () => {
    const workshopId = newDocId()
    expect(privateBoardId(workshopId, 'short')).toBeNull()
    expect(privateBoardId(workshopId, 'has_underscore1')).toBeNull()
    expect(privateBoardId('a__b', newContributorKey())).toBeNull()
    expect(privateBoardId('x'.repeat(60), newContributorKey())).toBeNull()
    expect(privateBoardId('../etc', newContributorKey())).toBeNull()
    for (const other of [workshopId, 'plan_1', `${workshopId}__`, `__${newContributorKey()}`, `${workshopId}__SHOUTING1234`]) expect(parsePrivateBoardId(other)).toBeNull()
  })
})

describe('writing in private', () => {
  it('notes go to the writer’s own board; the workshop holds none of them, and knows writing has started', () => {
    const { workshop, aminasBoard } = privateWorkshop()
    expect(addNote(workshop, amina, { text: 'Benches', x: 0, y: 0 }, start)).toMatchObject({ ok: false, errors: { form: expect.stringMatching(/Writing is private/) } })
    idOf(addPrivateNote(aminasBoard, workshop, amina, { text: 'A secret bench', author: 'Amina', x: 0, y: 0 }, start))
    expect(bytesContain(workshop, 'A secret bench')).toBe(false)
    expect(texts(workshop)).toEqual([])
    expect(setWritingMode(workshop, facilitator, { anonymous: true, privateWriting: true }).ok).toBe(false)
  })

  it('are changed and removed on the writer’s own board, with the same limits', () => {
    const { workshop, aminasBoard } = privateWorkshop()
    const id = idOf(addPrivateNote(aminasBoard, workshop, amina, { text: 'Bench', x: 0, y: 0 }, start))
    expect(addPrivateNote(aminasBoard, workshop, amina, { text: 'a'.repeat(10_000), x: 0, y: 0 }, start).ok).toBe(false)
    expect(editPrivateNote(aminasBoard, workshop, amina, id, { text: 'Benches' }).ok).toBe(true)
    expect(draftsMap(aminasBoard).get(id)?.get('text')).toBe('Benches')
    expect(addPrivateNote(aminasBoard, workshop, projector, { text: 'x', x: 0, y: 0 }, start).ok).toBe(false)
    expect(removePrivateNote(aminasBoard, workshop, amina, id).ok).toBe(true)
    expect(draftsMap(aminasBoard).size).toBe(0)
  })

  it('are refused once revealed (they go straight to the board) or when writing is not private', () => {
    const open = new Y.Doc()
    expect(addPrivateNote(new Y.Doc(), open, amina, { text: 'x', x: 0, y: 0 }, start)).toMatchObject({ ok: false, errors: { form: expect.stringMatching(/not private/) } })
    const { workshop, aminasBoard } = privateWorkshop()
    revealNotes(workshop, facilitator, start)
    expect(addPrivateNote(aminasBoard, workshop, amina, { text: 'x', x: 0, y: 0 }, start)).toMatchObject({ ok: false, errors: { form: expect.stringMatching(/have been revealed/) } })
    expect(addNote(workshop, amina, { text: 'Straight on', x: 0, y: 0 }, start).ok).toBe(true)
  })
})

describe('revealing', () => {
  it('copies each board’s notes in, keeping id, text, author and owner, only after the facilitator reveals', () => {
    const { workshop, aminasBoard, tomaszsBoard } = privateWorkshop()
    const bench = idOf(addPrivateNote(aminasBoard, workshop, amina, { text: 'Benches 🪑', author: 'Amina', colour: 'blue', x: 10, y: 20 }, start))
    idOf(addPrivateNote(tomaszsBoard, workshop, tomasz, { text: 'ממתקים', x: 0, y: 0 }, start + 1))
    expect(revealPrivateNotes(aminasBoard, workshop)).toEqual({ ok: false, errors: { form: 'The facilitator has not revealed the notes yet.' } })
    expect(texts(workshop)).toEqual([])
    revealNotes(workshop, facilitator, start + 2)
    expect(revealPrivateNotes(aminasBoard, workshop)).toEqual({ ok: true, value: 1 })
    expect(revealPrivateNotes(tomaszsBoard, workshop)).toEqual({ ok: true, value: 1 })
    expect(readWorkshop(workshop, amina, start).notes.find((note) => note.id === bench)).toMatchObject({ text: 'Benches 🪑', author: 'Amina', colour: 'blue', x: 10, y: 20, mine: true, canChange: true })
    expect(texts(workshop)).toEqual(['Benches 🪑', 'ממתקים'])
  })

  it('is idempotent: run twice, or on two devices at once, each note arrives once; a note removed later does not come back', () => {
    const { workshop: hub, aminasBoard } = privateWorkshop()
    idOf(addPrivateNote(aminasBoard, hub, amina, { text: 'Benches', x: 0, y: 0 }, start))
    idOf(addPrivateNote(aminasBoard, hub, amina, { text: 'Buses', x: 0, y: 0 }, start + 1))
    revealNotes(hub, facilitator, start)
    const phone = new Y.Doc()
    sync(hub, phone)
    const phonesBoard = new Y.Doc()
    sync(aminasBoard, phonesBoard)
    // The hub and Amina's phone both copy her notes before hearing from each other.
    expect(revealPrivateNotes(aminasBoard, hub)).toEqual({ ok: true, value: 2 })
    expect(revealPrivateNotes(phonesBoard, phone)).toEqual({ ok: true, value: 2 })
    expect(revealPrivateNotes(aminasBoard, hub)).toEqual({ ok: true, value: 0 })
    sync(hub, phone)
    sync(aminasBoard, phonesBoard)
    expect(texts(hub)).toEqual(['Benches', 'Buses'])
    expect(readWorkshop(phone, facilitator, start).notes).toEqual(readWorkshop(hub, facilitator, start).notes)
    const buses = readWorkshop(hub, facilitator, start).notes.find((note) => note.text === 'Buses')?.id ?? ''
    removeNote(hub, facilitator, buses)
    expect(revealPrivateNotes(phonesBoard, hub)).toEqual({ ok: true, value: 0 })
    expect(texts(hub)).toEqual(['Benches'])
  })

  it('in an anonymous workshop no name is stored in the private board or the workshop', () => {
    const { workshop, aminasBoard } = privateWorkshop(true)
    idOf(addPrivateNote(aminasBoard, workshop, amina, { text: 'A warm space', author: 'Amina Haddad', x: 0, y: 0 }, start))
    expect(bytesContain(aminasBoard, 'Amina Haddad')).toBe(false)
    revealNotes(workshop, facilitator, start)
    revealPrivateNotes(aminasBoard, workshop)
    expect(texts(workshop)).toEqual(['A warm space'])
    expect(bytesContain(workshop, 'Amina Haddad')).toBe(false)
  })

  it('a name that reached a draft as the mode changed is left out of the copy and deleted from the draft', () => {
    const workshop = new Y.Doc()
    setWritingMode(workshop, facilitator, { anonymous: false, privateWriting: true })
    const aminasBoard = new Y.Doc()
    const facilitatorsCopy = new Y.Doc()
    sync(workshop, facilitatorsCopy)
    // The facilitator switches to anonymous at the moment Amina's phone writes her first note.
    setWritingMode(facilitatorsCopy, facilitator, { anonymous: true, privateWriting: true })
    idOf(addPrivateNote(aminasBoard, workshop, amina, { text: 'A warm space', author: 'Amina Haddad', x: 0, y: 0 }, start))
    sync(workshop, facilitatorsCopy)
    expect(readWorkshop(workshop, facilitator, start).anonymous).toBe(true)
    revealNotes(workshop, facilitator, start)
    revealPrivateNotes(aminasBoard, workshop)
    expect(bytesContain(workshop, 'Amina Haddad')).toBe(false)
    expect(bytesContain(aminasBoard, 'Amina Haddad')).toBe(false)
    expect(texts(workshop)).toEqual(['A warm space'])
  })
})

describe('revealing from many devices in any order (property)', () => {
  it('every draft arrives exactly once, the same on every copy of the workshop', () => {
    const CONTRIBUTORS = 3
    const DEVICES = 3
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 3 }), { minLength: CONTRIBUTORS, maxLength: CONTRIBUTORS }),
        // Each step: a device copies one contributor's board into its workshop copy, or two workshop copies sync.
        fc.array(fc.oneof(fc.tuple(fc.constant('copy' as const), fc.nat(DEVICES - 1), fc.nat(CONTRIBUTORS - 1)), fc.tuple(fc.constant('sync' as const), fc.nat(DEVICES - 1), fc.nat(DEVICES - 1))), { maxLength: 25 }),
        (draftCounts, steps) => {
          const hub = new Y.Doc()
          setWritingMode(hub, facilitator, { anonymous: false, privateWriting: true })
          const boards = draftCounts.map((count, who) => {
            const board = new Y.Doc()
            const actor = { role: 'contributor' as const, participantId: `person${who}` }
            for (let i = 0; i < count; i += 1) idOf(addPrivateNote(board, hub, actor, { text: `Idea ${who}.${i}`, x: i, y: who }, start + i))
            return board
          })
          revealNotes(hub, facilitator, start)
          const copies = Array.from({ length: DEVICES }, () => {
            const copy = new Y.Doc()
            Y.applyUpdate(copy, Y.encodeStateAsUpdate(hub))
            return copy
          })
          // Each device reads its own copy of each private board, as it stood before any copying.
          const boardCopies = copies.map(() => boards.map((board) => {
            const copy = new Y.Doc()
            Y.applyUpdate(copy, Y.encodeStateAsUpdate(board))
            return copy
          }))
          for (const [kind, a, b] of steps) {
            if (kind === 'copy') expect(revealPrivateNotes(boardCopies[a][b], copies[a]).ok).toBe(true)
            else sync(copies[a], copies[b])
          }
          // Finally everyone copies everything, and all copies meet.
          copies.forEach((copy, device) => boardCopies[device].forEach((board) => revealPrivateNotes(board, copy)))
          for (const a of copies) for (const b of copies) sync(a, b)
          const expected = draftCounts.flatMap((count, who) => Array.from({ length: count }, (_, i) => `Idea ${who}.${i}`)).sort()
          for (const copy of copies) {
            expect(texts(copy)).toEqual(expected)
            expect(readWorkshop(copy, facilitator, start).notes).toEqual(readWorkshop(copies[0], facilitator, start).notes)
          }
        },
      ),
      { numRuns: 60 },
    )
  })
})
