import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { addEntry, deleteEntry, linkNeedToGoal, moveActionToGoal, setPersonField, updateEntry } from './entries'
import { readPlan } from './read'
import { changesSinceAgreed, diffVersions, docAtVersion, listVersions, markAgreed, NOW, readAgreement } from './versions'

const now = new Date('2026-11-23T10:00:00Z')
const today = '2026-11-23'
const author = { by: 'Dee, coordinator', now }
const agreement = { agreedBy: 'Joan Smith', relation: 'The person', how: 'In person at the huddle', reviewDate: '2027-02-23', reviewer: 'Sam Patel' }

function id(result: { ok: boolean; value?: string }): string {
  if (!result.ok || !result.value) throw new Error(JSON.stringify(result))
  return result.value
}

function agreedPlan() {
  const doc = new Y.Doc({ gc: false })
  setPersonField(doc, 'name', 'Joan Smith')
  const nurse = id(addEntry(doc, 'professional', { name: 'Sam Patel', role: 'District nurse', organisation: 'Community nursing', contact: '', keyWorker: true }, author))
  const goal = id(addEntry(doc, 'goal', { text: 'Get to the shops', importance: 'high', voice: 'person' }, author))
  const other = id(addEntry(doc, 'goal', { text: 'Sleep well', importance: 'low', voice: 'person' }, author))
  const strength = id(addEntry(doc, 'strength', { text: 'Determined', holder: 'person', voice: 'person' }, author))
  const action = id(
    addEntry(doc, 'action', { what: 'Walking aid', ownerId: nurse, agency: 'Community nursing', dueDate: '2026-12-01', status: 'not-started', reviewDate: '', outcome: '', voice: 'professional' }, { ...author, goalId: goal, today }),
  )
  const version = id(markAgreed(doc, agreement, author))
  return { doc, nurse, goal, other, strength, action, version }
}

describe('agreement', () => {
  it('records who agreed, how and when, and takes a named version', () => {
    const { doc, version } = agreedPlan()
    expect(readAgreement(doc)).toMatchObject({ ...agreement, agreedAt: now.toISOString(), recordedBy: 'Dee, coordinator', versionId: version })
    expect(listVersions(doc)).toEqual([expect.objectContaining({ id: version, name: 'Agreed with Joan Smith (The person)', takenBy: 'Dee, coordinator' })])
    expect(changesSinceAgreed(doc, today)).toEqual([])
  })

  it('refuses an incomplete agreement, saying what is missing', () => {
    const doc = new Y.Doc({ gc: false })
    const result = markAgreed(doc, { ...agreement, agreedBy: '', reviewDate: 'soon' }, author)
    expect(result.ok).toBe(false)
    expect(!result.ok && result.errors).toMatchObject({ agreedBy: expect.stringMatching(/who agreed/), reviewDate: expect.stringMatching(/real date/) })
    expect(listVersions(doc)).toEqual([])
  })

  it('refuses a review date that has already passed when the plan is agreed', () => {
    const doc = new Y.Doc({ gc: false })
    const result = markAgreed(doc, { ...agreement, reviewDate: '2026-11-22' }, author)
    expect(!result.ok && result.errors.reviewDate).toMatch(/The review date has passed. Choose today \(23 November 2026\) or a later date/)
    expect(listVersions(doc)).toEqual([])
    expect(markAgreed(doc, { ...agreement, reviewDate: today }, author).ok).toBe(true)
  })

  it('needs garbage collection off, or history could not be rebuilt', () => {
    expect(() => markAgreed(new Y.Doc(), agreement, author)).toThrow(/gc: false/)
  })

  it('a plan is unchanged since agreed until its content changes, then says what changed, in words', () => {
    const { doc, goal, other, strength, action } = agreedPlan()
    expect(changesSinceAgreed(doc, '2027-06-01')).toEqual([]) // becoming overdue is not a change to the plan
    updateEntry(doc, goal, 'goal', { text: 'Get to the shops on my own' }, { stillTheirWords: 'yes' })
    moveActionToGoal(doc, action, other, 0)
    deleteEntry(doc, strength)
    addEntry(doc, 'need', { text: 'Falls at night', voice: 'professional' }, author)
    setPersonField(doc, 'nhsNumber', '9998765439')
    expect(changesSinceAgreed(doc, today)).toEqual(
      expect.arrayContaining([
        { section: 'About the person', change: 'added', what: 'NHS number', before: '', after: '9998765439' },
        { section: 'Goals', change: 'changed', what: 'Get to the shops: wording', before: 'Get to the shops', after: 'Get to the shops on my own' },
        { section: 'Actions', change: 'changed', what: 'Walking aid: goal', before: 'Get to the shops', after: 'Sleep well' },
        { section: 'Strengths', change: 'removed', what: 'Determined' },
        { section: 'Needs and concerns', change: 'added', what: 'Falls at night' },
      ]),
    )
    expect(changesSinceAgreed(doc, today)).toHaveLength(5)
  })

  it('shows the plan as it was at a version, including what was deleted since', () => {
    const { doc, version, strength } = agreedPlan()
    deleteEntry(doc, strength)
    expect(() => updateEntry(doc, strength, 'strength', { text: 'x' })).toThrow('That entry has been deleted by someone else.')
    const then = docAtVersion(doc, version)
    expect(then && readPlan(then, today).strengths.map((entry) => entry.text)).toEqual(['Determined'])
    expect(then && readPlan(then, today).person.name).toBe('Joan Smith')
  })
})

describe('versions across windows', () => {
  it('survive being sent to another window, which can rebuild the agreed plan', () => {
    const { doc, version, strength } = agreedPlan()
    deleteEntry(doc, strength)
    const elsewhere = new Y.Doc({ gc: false })
    Y.applyUpdate(elsewhere, Y.encodeStateAsUpdate(doc))
    const then = docAtVersion(elsewhere, version)
    expect(then && readPlan(then, today).strengths.map((entry) => entry.text)).toEqual(['Determined'])
    expect(readPlan(elsewhere, today).strengths).toEqual([])
    expect(docAtVersion(elsewhere, 'no-such-version')).toBeNull()
  })
})

describe('a damaged version', () => {
  it('cannot be shown, and says so with null, without breaking the plan', () => {
    const doc = new Y.Doc({ gc: false })
    doc.getArray('versions').push([{ id: 'v1', name: 'Agreed', kind: 'agreed', takenAt: '', takenBy: '', snapshot: '%%not base64%%' }])
    doc.getMap('agreement').set('versionId', 'v1')
    expect(docAtVersion(doc, 'v1')).toBeNull()
    expect(changesSinceAgreed(doc, today)).toBeNull()
  })
})

describe('comparing any two versions', () => {
  it('lists what changed between them in words: review dates, linked needs, statuses, importance', () => {
    const { doc, goal, action, version: first } = agreedPlan()
    const falls = id(addEntry(doc, 'need', { text: 'Falls at night', voice: 'person' }, author))
    const stairs = id(addEntry(doc, 'need', { text: 'Stairs', voice: 'person' }, author))
    linkNeedToGoal(doc, falls, goal)
    linkNeedToGoal(doc, stairs, goal)
    expect(updateEntry(doc, action, 'action', { reviewDate: '2026-12-15', status: 'in-progress' }, { today })).toEqual({ ok: true, value: action })
    updateEntry(doc, goal, 'goal', { importance: 'medium' })
    setPersonField(doc, 'dateOfBirth', '1944-05-02', today)
    const second = id(markAgreed(doc, { ...agreement, agreedBy: 'Mary Smith', relation: 'Daughter' }, author))
    updateEntry(doc, action, 'action', { reviewDate: '2027-01-05' }, { today })

    const between = diffVersions(doc, first, second, today)
    expect(between).toEqual(
      expect.arrayContaining([
        { section: 'Actions', change: 'changed', what: 'Walking aid: review date', before: '', after: '15 December 2026' },
        { section: 'Actions', change: 'changed', what: 'Walking aid: status', before: 'Not started', after: 'In progress' },
        { section: 'Goals', change: 'changed', what: 'Get to the shops: linked needs', before: '', after: 'Falls at night and Stairs' },
        { section: 'Goals', change: 'changed', what: 'Get to the shops: importance', before: 'Very important to me', after: 'Quite important to me' },
        { section: 'About the person', change: 'added', what: 'Date of birth', before: '', after: '2 May 1944' },
      ]),
    )
    expect(JSON.stringify(between)).not.toMatch(/in-progress|not-started|medium|2026-12-15|ownerRelationship/)
    expect(diffVersions(doc, second, NOW, today)).toEqual([
      { section: 'Actions', change: 'changed', what: 'Walking aid: review date', before: '15 December 2026', after: '5 January 2027' },
    ])
    expect(diffVersions(doc, NOW, NOW, today)).toEqual([])
    expect(diffVersions(doc, first, 'no-such-version', today)).toBeNull()
  })
})
