import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import * as Y from 'yjs'
import { catchUpEdit, fieldOutcome, settleClash } from './clashes'
import { addEntry, readPerson, setPersonField } from './plan/entries'
import { savePersonField, updateEntryFromForm } from './plan/forms'
import { readPlan } from './plan/read'

const now = new Date('2026-11-23T10:00:00Z')
const today = '2026-11-23'

describe('one field of an edit in progress', () => {
  it('keeps mine when nobody else changed it, takes theirs when only they did, and calls both changing it a clash', () => {
    expect(fieldOutcome('Reg', 'Reggie', 'Reg')).toBe('mine')
    expect(fieldOutcome('Reg', 'Reg', 'Reginald')).toBe('theirs')
    expect(fieldOutcome('Reg', 'Reggie', 'Reginald')).toBe('clash')
    expect(fieldOutcome('Reg', 'Reginald', 'Reginald')).toBe('agreed')
  })

  it('counts spaces around words and a missing field as no change', () => {
    expect(fieldOutcome('', 'Reg ', undefined)).toBe('mine')
    expect(fieldOutcome(undefined, '', 'Reginald')).toBe('theirs')
  })
})

describe('catching an open form up with the document', () => {
  it('brings in fields only someone else changed, keeps mine, and names clashes without touching them', () => {
    const base = { text: 'Walk', importance: 'high', voice: 'person', newOwnerName: 'Ade' }
    const mine = { text: 'Walk to the shop', importance: 'high', voice: 'professional', newOwnerName: 'Ade O' }
    const theirs = { text: 'Walk with a frame', importance: 'low', voice: 'person' }
    const next = catchUpEdit(base, mine, theirs)
    expect(next.mine).toEqual({ text: 'Walk to the shop', importance: 'low', voice: 'professional', newOwnerName: 'Ade O' })
    expect(next.base).toEqual({ text: 'Walk', importance: 'low', voice: 'person', newOwnerName: 'Ade' })
    expect(next.clashes).toEqual([{ field: 'text', mine: 'Walk to the shop', theirs: 'Walk with a frame' }])
  })

  it('settles a clash either way, after which the same document is no clash', () => {
    const edit = { base: { text: 'Walk' }, mine: { text: 'Walk to the shop' } }
    const [clash] = catchUpEdit(edit.base, edit.mine, { text: 'Walk with a frame' }).clashes
    const kept = settleClash(edit, clash, 'mine')
    expect(kept.mine.text).toBe('Walk to the shop')
    expect(catchUpEdit(kept.base, kept.mine, { text: 'Walk with a frame' }).clashes).toEqual([])
    const taken = settleClash(edit, clash, 'theirs')
    expect(taken.mine.text).toBe('Walk with a frame')
    expect(catchUpEdit(taken.base, taken.mine, { text: 'Walk with a frame' }).clashes).toEqual([])
  })
})

describe('saving a person detail', () => {
  it('refuses to write over a name someone else saved while this person typed, then saves once they choose', () => {
    const doc = new Y.Doc()
    setPersonField(doc, 'name', 'R. P.', today)
    setPersonField(doc, 'name', 'Reginald', today) // Ann saves while Bob is typing
    const refused = savePersonField(doc, 'name', 'Reggie', 'R. P.', today)
    expect(refused.ok).toBe(false)
    expect(!refused.ok && refused.errors.name).toContain('“Reginald”')
    expect(readPerson(doc).name).toBe('Reginald')
    expect(savePersonField(doc, 'name', 'Reginald (Reggie)', 'Reginald', today).ok).toBe(true)
    expect(readPerson(doc).name).toBe('Reginald (Reggie)')
  })
})

/**
 * Two people open the same goal, each changes some fields, and they save one after the other (the
 * second with the first's save already arrived). However the changes fall, no one's change is lost
 * without the second saver being told of a clash on that field.
 */
describe('two people editing one entry (property)', () => {
  const fields = ['text', 'importance', 'voice'] as const
  const choices = { text: ['Walk', 'Walk to the shop', 'Walk with a frame'], importance: ['high', 'medium', 'low'], voice: ['person', 'professional'] }
  const edit = fc.record({
    text: fc.option(fc.constantFrom(...choices.text), { nil: undefined }),
    importance: fc.option(fc.constantFrom(...choices.importance), { nil: undefined }),
    voice: fc.option(fc.constantFrom(...choices.voice), { nil: undefined }),
  })

  it('the second save writes all of its changes or none, and never replaces the first’s change without naming that field as a clash', () => {
    fc.assert(
      fc.property(edit, edit, (annChanges, bobChanges) => {
        const ann = new Y.Doc()
        const opened = { text: 'Walk', importance: 'high', voice: 'person' }
        const added = addEntry(ann, 'goal', { text: 'Walk', importance: 'high', voice: 'person' }, { by: 'Ann', now })
        if (!added.ok) throw new Error('goal not added')
        const bob = new Y.Doc()
        Y.applyUpdate(bob, Y.encodeStateAsUpdate(ann))
        const annValues = { ...opened, ...definedOnly(annChanges) }
        const bobValues = { ...opened, ...definedOnly(bobChanges) }

        // Each answers "still the person's own words?" as yes if asked (shared/plan/voice.ts); clashes are what is tested here.
        expect(updateEntryFromForm(ann, added.value, 'goal', annValues, opened, { stillTheirWords: 'yes' }).ok).toBe(true)
        Y.applyUpdate(bob, Y.encodeStateAsUpdate(ann))
        const result = updateEntryFromForm(bob, added.value, 'goal', bobValues, opened, { stillTheirWords: 'yes' })
        Y.applyUpdate(ann, Y.encodeStateAsUpdate(bob))

        const clashed = result.ok ? [] : Object.keys(result.errors)
        const final = readPlan(ann, today).goals[0] as unknown as Record<string, string>
        for (const field of fields) {
          const annChanged = annValues[field] !== opened[field]
          const bobChanged = bobValues[field] !== opened[field]
          // Bob's change is written, or his save is refused with the clash named (his form keeps it).
          if (bobChanged && final[field] !== bobValues[field]) expect(clashed.length).toBeGreaterThan(0)
          // Ann's change survives, or Bob is told he is about to replace it.
          if (annChanged && final[field] !== annValues[field]) expect(clashed).toContain(field)
          // A clash is only ever reported where both changed the field to different things.
          if (clashed.includes(field)) expect(annChanged && bobChanged && annValues[field] !== bobValues[field]).toBe(true)
          if (!annChanged && !bobChanged) expect(final[field]).toBe(opened[field])
        }
        // A refused save writes nothing at all.
        if (!result.ok) expect(final).toMatchObject(annValues)
      }),
    )
  })

  it('catching up and settling every clash as mine, then saving, keeps all of both people’s changes that did not clash', () => {
    fc.assert(
      fc.property(edit, edit, fc.boolean(), (annChanges, bobChanges, keepMine) => {
        const opened = { text: 'Walk', importance: 'high', voice: 'person' }
        const theirs = { ...opened, ...definedOnly(annChanges) }
        const mine = { ...opened, ...definedOnly(bobChanges) }
        let next = catchUpEdit(opened, mine, theirs)
        for (const clash of next.clashes) next = { ...next, ...settleClash(next, clash, keepMine ? 'mine' : 'theirs') }
        expect(catchUpEdit(next.base, next.mine, theirs).clashes).toEqual([])
        for (const field of fields) {
          const bobChanged = mine[field] !== opened[field]
          const annChanged = theirs[field] !== opened[field]
          if (annChanged && !bobChanged) expect(next.mine[field]).toBe(theirs[field])
          if (bobChanged && (!annChanged || keepMine)) expect(next.mine[field]).toBe(mine[field])
        }
      }),
    )
  })
})

function definedOnly<T extends Record<string, string | undefined>>(values: T): Record<string, string> {
  return Object.fromEntries(Object.entries(values).filter((entry): entry is [string, string] => entry[1] !== undefined))
}
