import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { idOf } from '../testing/checked'
import { MAX_NOTE_CHARACTERS } from './fields'
import { addNote, editNote, moveNote, removeNote } from './notes'
import { goToStage } from './stages'
import { readWorkshop } from './read'
import { amina, bytesContain, facilitator, projector, start, tomasz } from './testing'
import { setWritingMode } from './workshop'

const notesOf = (doc: Y.Doc, viewer = facilitator) => readWorkshop(doc, viewer, start).notes

describe('writing a note', () => {
  it('keeps its text, colour, author and place on the canvas', () => {
    const doc = new Y.Doc()
    const id = idOf(addNote(doc, amina, { text: '  A bench by the bus stop  ', colour: 'green', author: 'Amina', x: 120, y: -40 }, start))
    expect(notesOf(doc, amina)).toEqual([{ id, text: 'A bench by the bus stop', colour: 'green', author: 'Amina', x: 120, y: -40, themeId: null, mine: true, canChange: true }])
  })

  it('a note of 10,000 characters is refused with the limit and its length, and nothing is written', () => {
    const doc = new Y.Doc()
    const result = addNote(doc, amina, { text: 'a'.repeat(10_000), x: 0, y: 0 }, start)
    expect(result).toEqual({
      ok: false,
      errors: { text: 'A note can be up to 1,000 characters; this is 10,000. Shorten it or split it across several notes.' },
    })
    expect(notesOf(doc)).toEqual([])
    expect(readWorkshop(doc, facilitator, start).anonymous).toBe(false)
    // Nothing at all reached the document, not even "writing has started".
    expect(Y.encodeStateAsUpdate(doc).length).toBeLessThan(10)
  })

  it('counts an emoji as one character, and keeps emoji and right-to-left text exactly as typed', () => {
    const doc = new Y.Doc()
    const emoji = '👩🏽‍🦽 ramps at the library 🌳'
    const arabic = 'حديقة للمشي قرب المسجد'
    const hebrew = 'ספסלים ליד התחנה \u200Fבבקשה'
    const mixed = 'Walking group — مجموعة مشي — 🚶'
    const texts = [emoji, arabic, hebrew, mixed]
    texts.forEach((text, index) => idOf(addNote(doc, tomasz, { text, x: 0, y: 0 }, start + index)))
    expect(notesOf(doc).map((note) => note.text)).toEqual(texts)
    // And byte for byte after a round trip through the hub's encoding.
    const copy = new Y.Doc()
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc))
    expect(notesOf(copy).map((note) => note.text)).toEqual(texts)
    // 1,000 emoji are 1,000 characters (2,000 UTF-16 units): allowed. One more is not.
    expect(addNote(doc, tomasz, { text: '🌳'.repeat(MAX_NOTE_CHARACTERS), x: 0, y: 0 }, start).ok).toBe(true)
    expect(addNote(doc, tomasz, { text: '🌳'.repeat(MAX_NOTE_CHARACTERS + 1), x: 0, y: 0 }, start)).toMatchObject({ ok: false, errors: { text: expect.stringMatching(/this is 1,001/) } })
  })

  it('an empty note, an unknown colour or a place off the board is refused with what to do', () => {
    const doc = new Y.Doc()
    expect(addNote(doc, amina, { text: '   ', x: 0, y: 0 }, start)).toMatchObject({ ok: false, errors: { text: 'Write something on the note first.' } })
    expect(addNote(doc, amina, { text: 'Hi', colour: 'tartan' as 'yellow', x: 0, y: 0 }, start)).toMatchObject({ ok: false, errors: { colour: 'Choose one of the note colours.' } })
    expect(addNote(doc, amina, { text: 'Hi', x: Number.NaN, y: 0 }, start)).toMatchObject({ ok: false, errors: { x: 'Place the note on the board.' } })
    expect(addNote(doc, amina, { text: 'Hi', x: 5e9, y: 0 }, start)).toMatchObject({ ok: false, errors: { x: expect.stringMatching(/off the edge/) } })
    expect(notesOf(doc)).toEqual([])
  })

  it('a viewer (the projector) cannot write, and nobody adds ideas after the themes stage', () => {
    const doc = new Y.Doc()
    expect(addNote(doc, projector, { text: 'Hi', x: 0, y: 0 }, start)).toMatchObject({ ok: false, errors: { form: expect.stringMatching(/cannot change it/) } })
    goToStage(doc, facilitator, 'ideas', 'prioritise')
    expect(addNote(doc, amina, { text: 'Hi', x: 0, y: 0 }, start)).toEqual({
      ok: false,
      errors: { form: 'You can add notes during the ideas or themes stage; the workshop is now at prioritise.' },
    })
  })
})

describe('changing notes', () => {
  it('people change and remove their own notes; the facilitator any', () => {
    const doc = new Y.Doc()
    const mine = idOf(addNote(doc, amina, { text: 'More benches', x: 0, y: 0 }, start))
    expect(editNote(doc, amina, mine, { text: 'More benches on the high street', colour: 'pink' }).ok).toBe(true)
    expect(editNote(doc, tomasz, mine, { text: 'Fewer benches' })).toEqual({ ok: false, errors: { form: 'You can change your own notes. Ask the facilitator to change someone else’s.' } })
    expect(removeNote(doc, tomasz, mine).ok).toBe(false)
    expect(notesOf(doc, tomasz)[0]).toMatchObject({ text: 'More benches on the high street', colour: 'pink', mine: false, canChange: false })
    expect(editNote(doc, facilitator, mine, { text: 'More benches on Heathway' }).ok).toBe(true)
    expect(editNote(doc, amina, mine, { text: 'x'.repeat(10_000) }).ok).toBe(false)
    expect(notesOf(doc)[0].text).toBe('More benches on Heathway')
    expect(removeNote(doc, amina, mine).ok).toBe(true)
    expect(notesOf(doc)).toEqual([])
    expect(editNote(doc, amina, mine, { text: 'Back?' })).toEqual({ ok: false, errors: { form: 'That note has been removed.' } })
  })

  it('anyone taking part can move any note on the canvas (arranging is shared work)', () => {
    const doc = new Y.Doc()
    const id = idOf(addNote(doc, amina, { text: 'Benches', x: 0, y: 0 }, start))
    expect(moveNote(doc, tomasz, id, { x: 300, y: 200 }).ok).toBe(true)
    expect(moveNote(doc, projector, id, { x: 0, y: 0 }).ok).toBe(false)
    expect(notesOf(doc)[0]).toMatchObject({ x: 300, y: 200 })
  })
})

describe('anonymous mode', () => {
  it('stores no author anywhere in the document, even when one is typed', () => {
    const doc = new Y.Doc()
    setWritingMode(doc, facilitator, { anonymous: true, privateWriting: false })
    idOf(addNote(doc, amina, { text: 'A warm space in winter', author: 'Amina Haddad', x: 0, y: 0 }, start))
    expect(notesOf(doc)[0].author).toBe('')
    expect(bytesContain(doc, 'Amina Haddad')).toBe(false)
    expect(bytesContain(doc, 'A warm space in winter')).toBe(true)
  })

  it('without it the author is kept (the scan can find a name)', () => {
    const doc = new Y.Doc()
    idOf(addNote(doc, amina, { text: 'A warm space in winter', author: 'Amina Haddad', x: 0, y: 0 }, start))
    expect(bytesContain(doc, 'Amina Haddad')).toBe(true)
  })
})
