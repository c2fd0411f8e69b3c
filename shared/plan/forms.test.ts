import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import * as Y from 'yjs'
import { addEntry } from './entries'
import { ENTRY_LISTS, ENTRY_SCHEMAS } from './fields'
import { addEntryFromForm, changedFields, entryChangesFromForm, entryInputFromForm, NEW_OWNER, newEntryDefaults, newOwnerFromForm, updateEntryFromForm } from './forms'
import { readPlan } from './read'
import { idOf } from '../testing/checked'

const now = new Date('2026-11-23T10:00:00Z')
const today = '2026-11-23'
const author = { by: 'Sam, nurse', now }


describe('form values to typed input', () => {
  it('keeps only the list’s own fields, each of the kind its schema takes', () => {
    const read = entryInputFromForm('professional', { name: 'Sam', role: 'Nurse', organisation: 'NHS', contact: '', keyWorker: true, newOwnerName: 'stray' })
    expect(read).toEqual({ ok: true, value: { name: 'Sam', role: 'Nurse', organisation: 'NHS', contact: '', keyWorker: true } })
  })

  it('counts a field missing from the form as empty, or unticked', () => {
    expect(entryInputFromForm('professional', {})).toEqual({ ok: true, value: { name: '', role: '', organisation: '', contact: '', keyWorker: false } })
  })

  it('says which field holds the wrong kind of value', () => {
    const read = entryInputFromForm('professional', { name: true, role: 'Nurse', organisation: 'NHS', keyWorker: 'yes' })
    expect(read.ok).toBe(false)
    expect(!read.ok && read.errors).toEqual({ name: 'Type the answer in the box.', keyWorker: 'Tick the box or leave it unticked.' })
  })

  it('every list’s new-entry defaults read back as its typed input, field for field', () => {
    for (const list of ENTRY_LISTS) {
      const defaults = newEntryDefaults(list, today)
      expect(Object.keys(defaults).sort()).toEqual(Object.keys(ENTRY_SCHEMAS[list].shape).sort())
      expect(entryInputFromForm(list, defaults)).toEqual({ ok: true, value: defaults })
    }
  })

  it('a new strength, need or goal starts with whose words unanswered', () => {
    for (const list of ['strength', 'need', 'goal'] as const) expect(newEntryDefaults(list, today).voice).toBe('')
  })

  it('an edit that changed the person’s words passes on the form’s answer to whether they still are', () => {
    const doc = new Y.Doc()
    const goal = idOf(addEntry(doc, 'goal', { text: 'Walk', importance: 'high', voice: 'person' }, author))
    const opened = { text: 'Walk', importance: 'high', voice: 'person' }
    expect(updateEntryFromForm(doc, goal, 'goal', { ...opened, text: 'Walking' }, opened).ok).toBe(false)
    expect(updateEntryFromForm(doc, goal, 'goal', { ...opened, text: 'Walking', stillTheirWords: 'no' }, opened).ok).toBe(true)
    expect(readPlan(doc, today).goals[0]).toMatchObject({ text: 'Walking', voice: 'professional' })
  })

  it('a new action starts due today, not started, as a professional’s note', () => {
    expect(newEntryDefaults('action', today)).toMatchObject({ dueDate: today, status: 'not-started', voice: 'professional', ownerId: '' })
  })
})

describe('only the changed fields', () => {
  it('are the ones that differ from what the form opened with', () => {
    expect(changedFields({ text: 'New', voice: 'person', keyWorker: false }, { text: 'Old', voice: 'person', keyWorker: true })).toEqual(['text', 'keyWorker'])
    expect(changedFields({ text: 'Same' }, { text: 'Same' })).toEqual([])
  })

  it('an edit’s changes hold the changed fields of the list and nothing else', () => {
    const changes = entryChangesFromForm('goal', { text: 'Walk to the shop', importance: 'high', voice: 'person', stray: 'x' }, { text: 'Walk', importance: 'high', voice: 'person' })
    expect(changes).toEqual({ ok: true, value: { text: 'Walk to the shop' } })
  })

  it('property: whatever the edit, the changes are exactly the list fields that differ', () => {
    const value = fc.oneof(fc.constantFrom('a', 'b', ''), fc.boolean())
    const form = fc.record({ text: value, importance: value, voice: value }, { requiredKeys: [] })
    fc.assert(
      fc.property(form, form, (values, opened) => {
        const changes = entryChangesFromForm('goal', values, opened)
        const differing = Object.keys(values).filter((field) => values[field as keyof typeof values] !== opened[field as keyof typeof opened])
        if (changes.ok) expect(Object.keys(changes.value).sort()).toEqual(differing.sort())
        else expect(Object.keys(changes.errors).every((field) => differing.includes(field))).toBe(true)
      }),
    )
  })

  it('two people editing different fields of one goal both keep their change', () => {
    const one = new Y.Doc({ gc: false })
    const goal = idOf(addEntry(one, 'goal', { text: 'Walk', importance: 'high', voice: 'person' }, author))
    const two = new Y.Doc({ gc: false })
    Y.applyUpdate(two, Y.encodeStateAsUpdate(one))
    const opened = { text: 'Walk', importance: 'high', voice: 'person' }
    expect(updateEntryFromForm(one, goal, 'goal', { ...opened, text: 'Walk to the shop', stillTheirWords: 'yes' }, opened).ok).toBe(true)
    expect(updateEntryFromForm(two, goal, 'goal', { ...opened, importance: 'low' }, opened).ok).toBe(true)
    Y.applyUpdate(one, Y.encodeStateAsUpdate(two))
    Y.applyUpdate(two, Y.encodeStateAsUpdate(one))
    for (const doc of [one, two]) expect(readPlan(doc, today).goals[0]).toMatchObject({ text: 'Walk to the shop', importance: 'low' })
  })
})

describe('adding from a form', () => {
  function planWithGoal() {
    const doc = new Y.Doc({ gc: false })
    const goal = idOf(addEntry(doc, 'goal', { text: 'Get to the shops', importance: 'high', voice: 'person' }, author))
    return { doc, goal }
  }
  const action = { ...newEntryDefaults('action', today), what: 'Walking aid assessment', dueDate: '2026-12-01' }

  it('adds an entry and reports a bad field without writing', () => {
    const { doc } = planWithGoal()
    expect(addEntryFromForm(doc, 'need', { text: 'Lonely since the fall', voice: 'person' }, author).ok).toBe(true)
    const empty = addEntryFromForm(doc, 'need', { text: ' ', voice: 'person' }, author)
    expect(!empty.ok && empty.errors.text).toMatch(/Write the need/)
    expect(readPlan(doc, today).needs.map((need) => need.text)).toEqual(['Lonely since the fall'])
  })

  it('“someone new” as the owner adds them to the care team with the action, their organisation as its agency', () => {
    const { doc, goal } = planWithGoal()
    const values = { ...action, ownerId: NEW_OWNER, newOwnerName: 'Ade Okafor', newOwnerRole: 'Link worker', newOwnerOrganisation: 'Age UK' }
    expect(addEntryFromForm(doc, 'action', values, { ...author, goalId: goal, today }).ok).toBe(true)
    const plan = readPlan(doc, today)
    expect(plan.careTeam.map((member) => member.name)).toEqual(['Ade Okafor'])
    expect(plan.goals[0].actions[0]).toMatchObject({ what: 'Walking aid assessment', ownerName: 'Ade Okafor', agency: 'Age UK' })
  })

  it('“someone new” without a name says so under the new owner’s box', () => {
    const { doc, goal } = planWithGoal()
    const result = addEntryFromForm(doc, 'action', { ...action, ownerId: NEW_OWNER }, { ...author, goalId: goal, today })
    expect(!result.ok && result.errors.newOwnerName).toMatch(/Enter their name/)
  })

  it('reads the new owner’s boxes as text, empty when missing', () => {
    expect(newOwnerFromForm({ newOwnerName: 'Ade', newOwnerRole: true })).toEqual({ name: 'Ade', role: '', organisation: '' })
  })
})
