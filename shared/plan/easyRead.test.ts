import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { easyReadAction, easyReadAgreed, easyReadPlan, EASY_READ_IF_THINGS_GET_WORSE } from './easyRead'
import { addEntry, setPersonField, updateEntry } from './entries'
import { ACTION_STATUSES } from './fields'
import { CONTINGENCY_FIELDS } from './narrative'
import { readPlan, type Action } from './read'
import { markAgreed, readAgreement } from './versions'

const now = new Date('2026-11-23T12:00:00Z')
const today = '2026-11-23'
const author = { by: 'Dee, coordinator', now }

function id(result: { ok: boolean; value?: string }): string {
  if (!result.ok || !result.value) throw new Error(JSON.stringify(result))
  return result.value
}

/** Ade (the person's daughter) and a social worker each own an action for one goal in the person's words. */
function plan() {
  const doc = new Y.Doc({ gc: false })
  setPersonField(doc, 'name', 'Joan Smith', today)
  setPersonField(doc, 'nhsNumber', '999 876 5439', today)
  const ade = id(addEntry(doc, 'personal', { name: 'Ade', relationship: 'Daughter', contact: '07700 900123' }, author))
  const marcus = id(addEntry(doc, 'professional', { name: 'Marcus Green', role: 'Social worker', organisation: 'Adult social care', contact: '', keyWorker: true }, author))
  const goal = id(addEntry(doc, 'goal', { text: 'Grow my own vegetables again', importance: 'high', voice: 'person' }, author))
  const action = (what: string, ownerId: string, agency: string, dueDate: string) =>
    id(addEntry(doc, 'action', { what, ownerId, agency, dueDate, status: 'not-started', reviewDate: '', outcome: '', voice: 'professional' }, { ...author, goalId: goal, today }))
  const beds = action('Raised beds at the allotment', ade, '', '2027-03-03')
  const assessment = action('Care Act assessment', marcus, 'Adult social care', '2026-12-14')
  return { doc, ade, marcus, goal, beds, assessment }
}

/** Every piece of text a page shows (not the ids it is keyed by), one a line. */
function shownText(value: unknown): string {
  if (typeof value === 'string') return value
  if (Array.isArray(value)) return value.map(shownText).join('\n')
  if (value && typeof value === 'object') return Object.entries(value).filter(([key]) => key !== 'id' && key !== 'key').map(([, inner]) => shownText(inner)).join('\n')
  return ''
}

const read = (doc: Y.Doc, day = today) => readPlan(doc, day)
const input = (doc: Y.Doc, day = today) => ({ plan: read(doc, day), agreement: readAgreement(doc), changedSinceAgreed: null, today: day, writtenFields: new Set<string>() })

describe('easy-read actions', () => {
  it('gives what, who and when each its own line, never "X will" stitched to what was typed', () => {
    const { doc } = plan()
    const [goal] = easyReadPlan(input(doc)).goals
    expect(goal.next.map((action) => action.lines)).toEqual([
      [
        { label: 'What will happen', text: 'Raised beds at the allotment' },
        { label: 'Who will do it', text: 'Ade (Daughter)' },
        { label: 'When', text: 'By 3 March 2027.' },
      ],
      [
        { label: 'What will happen', text: 'Care Act assessment' },
        { label: 'Who will do it', text: 'Marcus Green (Social worker)' },
        { label: 'When', text: 'By 14 December 2026.' },
      ],
    ])
  })

  it('keeps whatever was typed whole, on its own line, for any text', () => {
    const base: Action = {
      id: 'a1', goalId: 'g1', addedBy: '', createdAt: '', what: '', ownerId: 'o1', agency: '', dueDate: '2027-01-05', status: 'not-started',
      reviewDate: '', outcome: '', voice: 'professional', ownerName: 'Ade', ownerRelationship: 'Daughter', overdue: false, fromMeeting: null,
    }
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 80 }), (what) => {
        const lines = easyReadAction({ ...base, what }, new Map([['o1', 'Daughter']])).lines
        expect(lines[0]).toEqual({ label: 'What will happen', text: what })
        expect(lines.slice(1).some((line) => line.text.includes(what) && what.length > 3)).toBe(false)
        expect(lines.some((line) => line.text.includes(`will ${what}`))).toBe(false)
      }),
    )
  })

  it('says when an action is late, and who to expect when its owner has left the plan', () => {
    const { doc, marcus } = plan()
    const later = '2026-12-20'
    const late = easyReadPlan(input(doc, later)).goals[0].next[1]
    expect(late.lines[2]).toEqual({ label: 'When', text: 'By 14 December 2026. This is late.' })
    const orphan = { ...read(doc).goals[0].actions[1], ownerId: 'gone', ownerName: null }
    expect(easyReadAction(orphan, new Map([[marcus, 'Social worker']])).lines[1]).toEqual({ label: 'Who will do it', text: 'Someone from the team. We will tell you who.' })
  })

  it('lists done actions apart, and leaves cancelled ones out', () => {
    const { doc, beds, assessment } = plan()
    updateEntry(doc, beds, 'action', { status: 'done' })
    updateEntry(doc, assessment, 'action', { status: 'cancelled' })
    const [goal] = easyReadPlan(input(doc)).goals
    expect(goal).toMatchObject({ text: 'Grow my own vegetables again', inTheirWords: true, next: [], done: ['Raised beds at the allotment'] })
  })
})

describe('the easy-read page', () => {
  it('is headed with the person’s name, the date and whether the plan is agreed, and never shows their NHS number', () => {
    const { doc } = plan()
    const page = easyReadPlan(input(doc))
    expect(page.title).toBe('Joan Smith’s plan')
    expect(page.details).toEqual([
      { label: 'My name', text: 'Joan Smith' },
      { label: 'Date', text: '23 November 2026' },
      { label: 'Plan agreed', text: 'Not yet. We will agree this plan together.' },
    ])
    expect(page.pages).toEqual({ topLeft: 'Joan Smith’s plan', topRight: '23 November 2026', bottomLeft: 'Plan agreed: Not yet. We will agree this plan together.' })
    expect(JSON.stringify(page)).not.toMatch(/9998765439|999 876 5439/)
  })

  it('uses the preferred name in the title, and says the version agreed, and when it has changed since', () => {
    const { doc } = plan()
    setPersonField(doc, 'preferredName', 'Jo', today)
    id(markAgreed(doc, { agreedBy: 'Joan Smith', relation: 'The person', how: 'At home', reviewDate: '2027-02-23', reviewer: 'Marcus Green' }, author))
    const agreed = easyReadPlan({ ...input(doc), changedSinceAgreed: false })
    expect(agreed.title).toBe('Jo’s plan')
    expect(agreed.details).toContainEqual({ label: 'I like to be called', text: 'Jo' })
    expect(agreed.details).toContainEqual({ label: 'Plan agreed', text: '23 November 2026, with Joan Smith.' })
    expect(agreed.review).toBe('23 February 2027, with Marcus Green.')
    expect(easyReadPlan({ ...input(doc), changedSinceAgreed: true }).pages.bottomLeft).toBe(
      'Plan agreed: 23 November 2026, with Joan Smith. Some things have changed since then.',
    )
    expect(easyReadAgreed(null, null)).toBe('Not yet. We will agree this plan together.')
  })

  it('lists helpers with who they are, one idea a line', () => {
    const { doc, ade, marcus } = plan()
    expect(easyReadPlan(input(doc)).helpers).toEqual([
      { id: marcus, name: 'Marcus Green', lines: ['Social worker', 'My main contact.'] },
      { id: ade, name: 'Ade', lines: ['Daughter', 'Contact: 07700 900123'] },
    ])
  })

  it('shows only the parts of "if things get worse" that are written, under plain headings, and no status codes anywhere', () => {
    const { doc } = plan()
    const page = easyReadPlan({ ...input(doc), writtenFields: new Set(['earlyWarningSigns', 'whoToContact']) })
    expect(page.ifThingsGetWorse.map((field) => field.heading)).toEqual(['Signs that I am not well', 'Who to call'])
    expect(EASY_READ_IF_THINGS_GET_WORSE.map((field) => field.key)).toEqual(CONTINGENCY_FIELDS.map((field) => field.key))
    const text = shownText(easyReadPlan({ ...input(doc), writtenFields: new Set(CONTINGENCY_FIELDS.map((field) => field.key)) }))
    for (const code of ACTION_STATUSES) expect(text).not.toContain(code)
    for (const field of CONTINGENCY_FIELDS) if (field.title !== 'What should happen') expect(text).not.toContain(field.title)
  })
})
