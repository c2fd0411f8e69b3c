import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { initialiseBoard } from '../board'
import { addEntry, setPersonField } from '../plan/entries'
import { addDecision } from '../plan/meetingRecords'
import { idOf } from '../testing/checked'
import { addAgendaItem, addAttendee, endMeeting, goToCase, rollOver, setAttendance } from './meeting'
import { attendeesBy, caseLabel, casesToRollOver, minutesForCase, nextMeetingTitle } from './minutes'
import { readMeeting } from './read'

const lastWeek = { id: 'meeting-1', title: 'Huddle 26 Nov', date: '2026-11-26' }
const thisWeek = { id: 'meeting-2', title: 'Huddle 3 Dec', date: '2026-12-03' }
const author = { by: 'Jo', now: new Date('2026-12-03T10:00:00Z') }

function planWithMeetingRecords() {
  const doc = new Y.Doc({ gc: false })
  initialiseBoard(doc, { kind: 'plan', title: 'R.W.', now: author.now })
  setPersonField(doc, 'name', 'Reginald Walker', '2026-11-20')
  setPersonField(doc, 'nhsNumber', '9998765439', '2026-11-20')
  const gp = idOf(addEntry(doc, 'professional', { name: 'Dr Khan', role: 'GP', organisation: 'Valence Surgery', contact: '', keyWorker: false }, author))
  const daughter = idOf(addEntry(doc, 'personal', { name: 'Ade Walker', relationship: 'Daughter', contact: '' }, author))
  const goal = idOf(addEntry(doc, 'goal', { text: 'Get back to the allotment', importance: 'high', voice: 'person' }, author))
  const action = (what: string, ownerId: string, agency: string, fromMeeting?: typeof thisWeek) =>
    idOf(addEntry(doc, 'action', { what, ownerId, agency, dueDate: '2026-12-17', status: 'not-started', reviewDate: '', outcome: '', voice: 'professional' }, { ...author, goalId: goal, today: '2026-12-03', fromMeeting }))
  action('Inhaler review', gp, 'Valence Surgery', thisWeek)
  action('Lift to the allotment', daughter, '', thisWeek)
  action('Blood test', gp, 'Valence Surgery', lastWeek)
  action('Walking aid', gp, 'Valence Surgery')
  addDecision(doc, 'Refer to the falls service', thisWeek, { by: 'Sam', now: author.now })
  addDecision(doc, 'Wait for the hospital letter', lastWeek, { by: 'Sam', now: author.now })
  return doc
}

describe('the minutes of one case', () => {
  it('hold this meeting’s decisions and actions only, with owners, agencies and due dates', () => {
    const minutes = minutesForCase(planWithMeetingRecords(), thisWeek.id, false, '2026-12-03')
    expect(minutes.found).toBe(true)
    expect(minutes.decisions.map((decision) => [decision.text, decision.by])).toEqual([['Refer to the falls service', 'Sam']])
    expect(minutes.actions.map(({ what, owner, ownerDetail, dueDate }) => [what, owner, ownerDetail, dueDate])).toEqual([
      ['Inhaler review', 'Dr Khan', 'Valence Surgery', '2026-12-17'],
      ['Lift to the allotment', 'Ade Walker', 'Daughter', '2026-12-17'],
    ])
  })

  it('with initials only, name family and friends by initials, and never carry the NHS number or full name', () => {
    const minutes = minutesForCase(planWithMeetingRecords(), thisWeek.id, true, '2026-12-03')
    expect(minutes.actions.map((action) => action.owner)).toEqual(['Dr Khan', 'A.W.'])
    const text = JSON.stringify(minutes)
    expect(text).not.toContain('9998765439')
    expect(text).not.toContain('Reginald')
    expect(text).not.toContain('Ade Walker')
  })

  it('say when the plan is not there (deleted, or never written)', () => {
    expect(minutesForCase(new Y.Doc(), thisWeek.id, false, '2026-12-03')).toEqual({ found: false, decisions: [], actions: [] })
  })
})

describe('the minutes of the meeting', () => {
  function endedMeeting() {
    const doc = new Y.Doc()
    initialiseBoard(doc, { kind: 'meeting', title: 'Huddle 3 Dec', now: author.now })
    const sam = idOf(addAttendee(doc, { name: 'Sam Patel', role: 'Social worker', organisation: 'LBBD' }))
    const jo = idOf(addAttendee(doc, { name: 'Jo Brown', role: 'District nurse', organisation: 'NELFT' }))
    const kay = idOf(addAttendee(doc, { name: 'Kay Obi', role: 'Pharmacist', organisation: 'PCN' }))
    idOf(addAttendee(doc, { name: 'Lee Ray', role: 'Link worker', organisation: 'Age UK' }))
    setAttendance(doc, sam, 'present')
    setAttendance(doc, jo, 'remote')
    setAttendance(doc, kay, 'apologies')
    const first = idOf(addAgendaItem(doc, { planId: 'planRW', label: 'Reginald Walker', budgetMinutes: 6 }))
    idOf(addAgendaItem(doc, { planId: 'planAK', label: 'A.K.', budgetMinutes: 5 }))
    idOf(addAgendaItem(doc, { planId: 'planBT', label: 'B.T.', budgetMinutes: 5 }))
    idOf(goToCase(doc, null, first, 1_000))
    endMeeting(doc, 1_000 + 7 * 60_000)
    return doc
  }

  it('group attendees by attendance, leaving nobody out', () => {
    const groups = attendeesBy(readMeeting(endedMeeting(), 0).attendees)
    expect(Object.fromEntries(Object.entries(groups).map(([key, people]) => [key, people.map((person) => person.name)]))).toEqual({
      present: ['Sam Patel'],
      remote: ['Jo Brown'],
      apologies: ['Kay Obi'],
      expected: ['Lee Ray'],
    })
  })

  it('offer to roll over the cases not reached, until they have gone to another meeting', () => {
    const doc = endedMeeting()
    expect(casesToRollOver(readMeeting(doc, 0)).map((item) => item.label)).toEqual(['A.K.', 'B.T.'])
    const next = new Y.Doc()
    initialiseBoard(next, { kind: 'meeting', title: 'Huddle 10 Dec', now: author.now })
    expect(rollOver(doc, next, 'meeting-3')).toEqual({ ok: true, value: 2 })
    expect(casesToRollOver(readMeeting(doc, 0))).toEqual([])
  })

  it('name people on the agenda by initials when the meeting shows initials only', () => {
    const [first] = readMeeting(endedMeeting(), 0).agenda
    expect(caseLabel(first, true)).toBe('R.W.')
    expect(caseLabel(first, false)).toBe('Reginald Walker')
  })

  it('suggest a name for the next meeting', () => {
    expect(nextMeetingTitle('Huddle 3 Dec')).toBe('Huddle 3 Dec (next)')
    expect(nextMeetingTitle('Huddle 3 Dec (next)')).toBe('Huddle 3 Dec (next)')
  })
})
