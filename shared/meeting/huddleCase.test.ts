import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { initialiseBoard } from '../board'
import { appendToChangeLog } from '../plan/changeLog'
import { addEntry, setPersonField, updateEntry } from '../plan/entries'
import { addDecision, markDiscussed } from '../plan/meetingRecords'
import { markAgreed } from '../plan/versions'
import { idOf } from '../testing/checked'
import { writeParagraphs } from '../testing/richText'
import { changeWordsForTheRoom, MAX_CHANGE_LINES, readHuddleCase } from './huddleCase'

const lastWeek = { id: 'meeting-1', title: 'Huddle 26 Nov', date: '2026-11-26' }
const thisWeek = { id: 'meeting-2', title: 'Huddle 3 Dec', date: '2026-12-03' }
const author = { by: 'Jo', now: new Date('2026-11-20T10:00:00Z') }
const today = '2026-12-03'

function regPlan() {
  const doc = new Y.Doc({ gc: false })
  initialiseBoard(doc, { kind: 'plan', title: 'R.W.', now: author.now })
  setPersonField(doc, 'name', 'Reginald Walker', '2026-11-20')
  setPersonField(doc, 'preferredName', 'Reg', '2026-11-20')
  writeParagraphs(doc, 'importantToMe', 'Keep growing my tomatoes at the allotment')
  writeParagraphs(doc, 'whatShouldHappen', 'Breathless at rest: call the COPD team')
  const gp = idOf(addEntry(doc, 'professional', { name: 'Dr Khan', role: 'GP', organisation: 'Valence Surgery', contact: '', keyWorker: false }, author))
  const goal = idOf(addEntry(doc, 'goal', { text: 'Get back to the allotment', importance: 'high', voice: 'person' }, author))
  const action = (what: string, dueDate: string, options: { fromMeeting?: typeof thisWeek } = {}) =>
    idOf(addEntry(doc, 'action', { what, ownerId: gp, agency: 'GP', dueDate, status: 'not-started', reviewDate: '', outcome: '', voice: 'professional' }, { ...author, goalId: goal, today: '2026-11-20', ...options }))
  return { doc, gp, goal, action }
}

describe('a person’s case in the huddle', () => {
  it('shows what matters, overdue actions first, and what to do if things get worse', () => {
    const { doc, action } = regPlan()
    const later = action('Raised beds via Age UK', '2027-01-01')
    const overdue = action('Inhaler review', '2026-11-30')
    const done = action('Blood test', '2026-12-20')
    updateEntry(doc, done, 'action', { status: 'done' })
    const shown = readHuddleCase(doc, thisWeek.id, today)
    expect(shown.found).toBe(true)
    expect(shown.callName).toBe('Reg')
    expect(shown.whatMatters).toBe('Keep growing my tomatoes at the allotment')
    expect(shown.openActions.map((open) => [open.id, open.overdue])).toEqual([
      [overdue, true],
      [later, false],
    ])
    expect(shown.openActions[0]).toMatchObject({ ownerName: 'Dr Khan', ownerDetail: 'GP', goalText: 'Get back to the allotment' })
    expect(shown.triggers).toEqual([{ title: 'What should happen', text: 'Breathless at rest: call the COPD team' }])
  })

  it('lists what changed since another meeting last discussed them, and not what this meeting did', () => {
    const { doc } = regPlan()
    const record = (at: string, field: string) => ({ id: at, by: 'Sam', at, change: { kind: 'person' as const, field, before: '', after: 'x' } })
    appendToChangeLog(doc, [record('2026-11-25T10:00:00.000Z', 'gpPractice')])
    markDiscussed(doc, lastWeek, new Date('2026-11-26T09:00:00Z'))
    appendToChangeLog(doc, [record('2026-11-28T10:00:00.000Z', 'communicationNeeds')])
    markDiscussed(doc, thisWeek, new Date('2026-12-03T09:00:00Z'))
    appendToChangeLog(doc, [record('2026-12-03T09:05:00.000Z', 'dateOfBirth')])
    const changes = readHuddleCase(doc, thisWeek.id, today).changesSinceLast
    expect(changes.since?.meetingTitle).toBe('Huddle 26 Nov')
    expect(changes.lines).toEqual([{ by: 'Sam', at: '2026-11-28T10:00:00.000Z', words: expect.stringContaining('communication needs') }])
  })

  it('counts the changes it does not list', () => {
    const { doc } = regPlan()
    const records = Array.from({ length: MAX_CHANGE_LINES + 3 }, (_, index) => ({
      id: `r${index}`,
      by: 'Sam',
      at: `2026-11-2${index % 10}T1${index % 10}:00:00.000Z`,
      change: { kind: 'person' as const, field: 'gpPractice', before: '', after: `Surgery ${index}` },
    }))
    appendToChangeLog(doc, records, 1000)
    const changes = readHuddleCase(doc, thisWeek.id, today).changesSinceLast
    expect(changes.since).toBeNull()
    expect(changes.more).toBe(3)
    expect(changes.lines).toHaveLength(MAX_CHANGE_LINES)
  })

  it('shows this meeting’s decisions and actions, not another meeting’s', () => {
    const { doc, action } = regPlan()
    addDecision(doc, 'Refer to the falls clinic', thisWeek, author)
    addDecision(doc, 'Old decision', lastWeek, author)
    const agreedToday = action('Falls clinic referral', '2026-12-09', { fromMeeting: thisWeek })
    action('Ordinary action', '2026-12-09')
    const shown = readHuddleCase(doc, thisWeek.id, today)
    expect(shown.decisionsHere.map((decision) => decision.text)).toEqual(['Refer to the falls clinic'])
    expect(shown.actionsHere.map((here) => here.id)).toEqual([agreedToday])
  })

  it('says when the plan was agreed and is due for review, or that it has not been agreed', () => {
    const { doc } = regPlan()
    expect(readHuddleCase(doc, thisWeek.id, today).agreement).toBeNull()
    idOf(markAgreed(doc, { agreedBy: 'Reg', relation: 'The person', how: 'In person at the huddle', reviewDate: '2026-12-01', reviewer: 'Jo' }, { by: 'Jo', now: new Date('2026-11-03T10:00:00Z') }))
    expect(readHuddleCase(doc, thisWeek.id, today).agreement).toEqual({ agreedOn: '3 November 2026', reviewDate: '2026-12-01', reviewOverdue: true })
  })

  it('says when the plan is not there (deleted, or not arrived yet)', () => {
    const shown = readHuddleCase(new Y.Doc(), thisWeek.id, today)
    expect(shown.found).toBe(false)
    expect(shown.openActions).toEqual([])
  })
})

describe('what changed, in words a room may see', () => {
  it('never gives identifiers, family names or contact details, only what kind of thing changed', () => {
    const secrets = ['9434765919', '1944-03-02', 'Reginald Walker', 'Mary Walker', '07700 900456']
    const changes = [
      { kind: 'person' as const, field: 'nhsNumber', before: '', after: '9434765919' },
      { kind: 'person' as const, field: 'dateOfBirth', before: '1944-03-02', after: '' },
      { kind: 'agreed' as const, name: 'Reginald Walker' },
      { kind: 'renamed' as const, before: 'Reginald Walker', after: 'R.W.' },
      { kind: 'added' as const, list: 'personal' as const, entryId: 'p', label: 'Mary Walker' },
      { kind: 'entry' as const, list: 'professional' as const, entryId: 'd', label: 'Dr Khan', field: 'contact', before: '', after: '07700 900456' },
    ]
    const words = changes.map(changeWordsForTheRoom)
    expect(words[0]).toBe('changed the person’s NHS number')
    for (const line of words) for (const secret of secrets) expect(line).not.toContain(secret)
    // Everything else is said as History says it.
    expect(changeWordsForTheRoom({ kind: 'added', list: 'action', entryId: 'a', label: 'Inhaler review' })).toBe('added the action ‘Inhaler review’')
  })
})
