import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { idOf } from '../testing/checked'
import { addNote } from './notes'
import { goToStage } from './stages'
import { readWorkshop } from './read'
import { amina, facilitator, projector, start, sync, tomasz } from './testing'
import { createTheme, mergeThemes, renameTheme, setNoteTheme, splitTheme } from './themes'

const view = (doc: Y.Doc) => readWorkshop(doc, facilitator, start)
const themeNames = (doc: Y.Doc) => Object.fromEntries(view(doc).themes.map((theme) => [theme.name, theme.noteIds.map((id) => view(doc).notes.find((note) => note.id === id)?.text)]))

function hall() {
  const doc = new Y.Doc()
  const add = (text: string, at: number) => idOf(addNote(doc, amina, { text, x: at * 10, y: 0 }, start + at))
  return { doc, bench: add('Benches', 1), bus: add('Later buses', 2), walk: add('Walking group', 3), lunch: add('Lunch club', 4), cafe: add('Chatty café', 5) }
}

describe('themes', () => {
  it('are created with notes, renamed, and notes move into and out of them', () => {
    const { doc, bench, bus, walk, lunch } = hall()
    const out = idOf(createTheme(doc, tomasz, { name: 'Getting out', x: 0, y: 300 }, [bench, bus], start))
    expect(createTheme(doc, amina, { name: '', x: 0, y: 0 }, [], start)).toMatchObject({ ok: false, errors: { name: expect.stringMatching(/Give the theme a name/) } })
    expect(createTheme(doc, projector, { name: 'Mine', x: 0, y: 0 }, [], start).ok).toBe(false)
    expect(renameTheme(doc, amina, out, '  Getting about  ').ok).toBe(true)
    expect(setNoteTheme(doc, amina, walk, out).ok).toBe(true)
    expect(setNoteTheme(doc, amina, bus, null).ok).toBe(true)
    expect(themeNames(doc)).toEqual({ 'Getting about': ['Benches', 'Walking group'] })
    expect(view(doc).unthemedNoteIds).toEqual([bus, lunch, expect.any(String)])
  })

  it('merge: the notes join the kept theme, and the merged one is gone from the board', () => {
    const { doc, bench, bus, lunch, cafe } = hall()
    const out = idOf(createTheme(doc, amina, { name: 'Getting out', x: 0, y: 0 }, [bench, bus], start))
    const company = idOf(createTheme(doc, amina, { name: 'Company', x: 400, y: 0 }, [lunch, cafe], start + 1))
    expect(mergeThemes(doc, amina, out, out)).toEqual({ ok: false, errors: { form: 'Choose two different themes to merge.' } })
    expect(mergeThemes(doc, amina, out, company)).toEqual({ ok: true, value: out })
    expect(themeNames(doc)).toEqual({ 'Getting out': ['Benches', 'Later buses', 'Lunch club', 'Chatty café'] })
    // The merged theme's id still leads somewhere: to the theme it joined.
    expect(setNoteTheme(doc, amina, bench, company)).toEqual({ ok: true, value: out })
    expect(renameTheme(doc, amina, company, 'Out and about').ok).toBe(true)
    expect(themeNames(doc)).toHaveProperty('Out and about')
  })

  it('split: chosen notes leave for a new theme beside the old one; only notes in the theme can go', () => {
    const { doc, bench, bus, walk, lunch } = hall()
    const out = idOf(createTheme(doc, amina, { name: 'Getting out', x: 100, y: 100 }, [bench, bus, walk], start))
    expect(splitTheme(doc, amina, out, [], 'Transport', start).ok).toBe(false)
    expect(splitTheme(doc, amina, out, [lunch], 'Transport', start)).toEqual({ ok: false, errors: { form: 'Choose notes that are in this theme.' } })
    const transport = idOf(splitTheme(doc, amina, out, [bus], 'Transport', start + 1))
    expect(themeNames(doc)).toEqual({ 'Getting out': ['Benches', 'Walking group'], Transport: ['Later buses'] })
    expect(view(doc).themes.find((theme) => theme.id === transport)).toMatchObject({ x: 420, y: 100 })
  })

  it('a note dropped into a theme while someone else merges that theme lands in the surviving one', () => {
    const { doc: laptop, bench, bus, lunch } = hall()
    const out = idOf(createTheme(laptop, amina, { name: 'Getting out', x: 0, y: 0 }, [bench], start))
    const company = idOf(createTheme(laptop, amina, { name: 'Company', x: 0, y: 0 }, [lunch], start + 1))
    const phone = new Y.Doc()
    sync(laptop, phone)
    mergeThemes(laptop, facilitator, out, company)
    setNoteTheme(phone, tomasz, bus, company)
    sync(laptop, phone)
    for (const doc of [laptop, phone]) expect(themeNames(doc)).toEqual({ 'Getting out': ['Benches', 'Later buses', 'Lunch club'] })
  })

  it('two themes merged into each other at once leave one theme with every note, the same on both devices', () => {
    const { doc: laptop, bench, lunch } = hall()
    const out = idOf(createTheme(laptop, amina, { name: 'Getting out', x: 0, y: 0 }, [bench], start))
    const company = idOf(createTheme(laptop, amina, { name: 'Company', x: 0, y: 0 }, [lunch], start + 1))
    const phone = new Y.Doc()
    sync(laptop, phone)
    mergeThemes(laptop, amina, out, company)
    mergeThemes(phone, tomasz, company, out)
    sync(laptop, phone)
    expect(view(laptop).themes).toHaveLength(1)
    expect(view(laptop).themes).toEqual(view(phone).themes)
    expect(view(laptop).themes[0].noteIds.sort()).toEqual([bench, lunch].sort())
  })

  it('themes are made during ideas and themes only', () => {
    const { doc } = hall()
    goToStage(doc, facilitator, 'ideas', 'prioritise')
    expect(createTheme(doc, amina, { name: 'Late', x: 0, y: 0 }, [], start)).toMatchObject({ ok: false, errors: { form: expect.stringMatching(/ideas or themes stage/) } })
  })
})

describe('themes under concurrent edits (property)', () => {
  type Step =
    | { kind: 'create'; device: number; notes: number[] }
    | { kind: 'merge'; device: number; keep: number; merge: number }
    | { kind: 'drop'; device: number; note: number; theme: number }
    | { kind: 'split'; device: number; theme: number; note: number }
    | { kind: 'send'; from: number; to: number }

  const DEVICES = 3
  const NOTES = 5
  const device = fc.nat(DEVICES - 1)
  const step: fc.Arbitrary<Step> = fc.oneof(
    { weight: 2, arbitrary: fc.record({ kind: fc.constant('create' as const), device, notes: fc.uniqueArray(fc.nat(NOTES - 1), { maxLength: 3 }) }) },
    { weight: 2, arbitrary: fc.record({ kind: fc.constant('merge' as const), device, keep: fc.nat(3), merge: fc.nat(3) }) },
    { weight: 3, arbitrary: fc.record({ kind: fc.constant('drop' as const), device, note: fc.nat(NOTES - 1), theme: fc.integer({ min: -1, max: 3 }) }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('split' as const), device, theme: fc.nat(3), note: fc.nat(NOTES - 1) }) },
    { weight: 3, arbitrary: fc.record({ kind: fc.constant('send' as const), from: device, to: device }) },
  )

  it('every device ends with the same themes, each note in at most one live theme, and no note lost', () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 30 }), (steps) => {
        const base = new Y.Doc()
        const notes = Array.from({ length: NOTES }, (_, i) => idOf(addNote(base, amina, { text: `Idea ${i}`, x: 0, y: 0 }, start + i)))
        // Three themes every device starts with, so merges and drops on different devices meet often.
        for (let i = 0; i < 3; i += 1) idOf(createTheme(base, facilitator, { name: `Start ${i}`, x: 0, y: 0 }, [notes[i]], start + i))
        const devices = Array.from({ length: DEVICES }, () => {
          const copy = new Y.Doc()
          Y.applyUpdate(copy, Y.encodeStateAsUpdate(base))
          return copy
        })
        // Theme ids each device knows of, in the order it learnt them (steps pick by index).
        const known = (doc: Y.Doc) => [...doc.getMap('themes').keys()].sort()
        steps.forEach((each, index) => {
          if (each.kind === 'send') {
            Y.applyUpdate(devices[each.to], Y.encodeStateAsUpdate(devices[each.from], Y.encodeStateVector(devices[each.to])))
            return
          }
          const doc = devices[each.device]
          const themes = known(doc)
          const pick = (i: number) => themes[i % Math.max(1, themes.length)] ?? 'none'
          if (each.kind === 'create') createTheme(doc, amina, { name: `Theme ${index}`, x: 0, y: 0 }, each.notes.map((i) => notes[i]), start + index)
          if (each.kind === 'merge') mergeThemes(doc, tomasz, pick(each.keep), pick(each.merge))
          if (each.kind === 'drop') setNoteTheme(doc, amina, notes[each.note], each.theme < 0 ? null : pick(each.theme))
          if (each.kind === 'split') splitTheme(doc, tomasz, pick(each.theme), [notes[each.note]], `Split ${index}`, start + index)
        })
        for (const from of devices) for (const to of devices) Y.applyUpdate(to, Y.encodeStateAsUpdate(from, Y.encodeStateVector(to)))
        const expected = readWorkshop(devices[0], facilitator, start)
        for (const doc of devices) {
          const seen = readWorkshop(doc, facilitator, start)
          expect({ themes: seen.themes, unthemed: seen.unthemedNoteIds }).toEqual({ themes: expected.themes, unthemed: expected.unthemedNoteIds })
          const placed = [...seen.themes.flatMap((theme) => theme.noteIds), ...seen.unthemedNoteIds].sort()
          expect(placed).toEqual([...notes].sort())
          for (const note of seen.notes) if (note.themeId !== null) expect(seen.themes.some((theme) => theme.id === note.themeId)).toBe(true)
        }
      }),
      { numRuns: 100 },
    )
  })
})
