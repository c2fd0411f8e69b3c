import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { formatClock, readClock } from './clock'
import {
  addAgendaItem,
  addAttendee,
  caseNotes,
  endMeeting,
  goToCase,
  moveAgendaItem,
  nextWaitingCase,
  removeAgendaItem,
  removeAttendee,
  rollOver,
  setAttendance,
  setCaseBudget,
  setMeetingDetails,
  setMeetingRole,
} from './meeting'
import { readMeeting, timeAccount } from './read'
import { idOf } from '../testing/checked'

const MINUTE = 60_000
const start = Date.UTC(2026, 11, 3, 9, 30)


function sync(a: Y.Doc, b: Y.Doc): void {
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)))
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)))
}

/** Thursday's huddle with three people on the agenda. */
function thursday() {
  const doc = new Y.Doc()
  const reg = idOf(addAgendaItem(doc, { planId: 'planRW', label: 'R.W.', budgetMinutes: 6 }))
  const ann = idOf(addAgendaItem(doc, { planId: 'planAK', label: 'A.K.', budgetMinutes: 5 }))
  const jo = idOf(addAgendaItem(doc, { planId: 'planJM', label: 'J.M.', budgetMinutes: 8 }))
  return { doc, reg, ann, jo }
}

const labels = (doc: Y.Doc) => readMeeting(doc, start).agenda.map((item) => item.label)

describe('meeting details and attendees', () => {
  it('checks the date and a 24-hour start time, and says what to type', () => {
    const doc = new Y.Doc()
    expect(setMeetingDetails(doc, { date: '2026-12-03', startTime: '09:30', place: 'Dagenham East INT hub' }).ok).toBe(true)
    const bad = setMeetingDetails(doc, { date: '2026-02-30', startTime: '9.30am', place: '' })
    expect(!bad.ok && bad.errors.date).toMatch(/real date/)
    expect(!bad.ok && bad.errors.startTime).toMatch(/24-hour clock, for example 09:30/)
    expect(readMeeting(doc, start)).toMatchObject({ date: '2026-12-03', startTime: '09:30', place: 'Dagenham East INT hub' })
  })

  it('takes attendance and names a facilitator and a scribe from the attendees', () => {
    const doc = new Y.Doc()
    const priya = idOf(addAttendee(doc, { name: 'Priya Shah', role: 'Care coordinator', organisation: 'Dagenham East PCN' }))
    const jo = idOf(addAttendee(doc, { name: 'Jo Brown', role: 'District nurse', organisation: 'NELFT' }))
    expect(addAttendee(doc, { name: '', role: 'GP', organisation: 'Practice' })).toMatchObject({ ok: false, errors: { name: 'Enter their name.' } })
    setAttendance(doc, priya, 'present')
    setAttendance(doc, jo, 'remote')
    expect(setMeetingRole(doc, 'facilitator', priya).ok).toBe(true)
    expect(setMeetingRole(doc, 'scribe', 'someone-else')).toMatchObject({ ok: false, errors: { scribe: 'Choose someone from the attendees.' } })
    setMeetingRole(doc, 'scribe', jo)
    expect(readMeeting(doc, start)).toMatchObject({
      facilitatorId: priya,
      scribeId: jo,
      attendees: [
        { name: 'Priya Shah', attendance: 'present' },
        { name: 'Jo Brown', attendance: 'remote' },
      ],
    })
    removeAttendee(doc, jo)
    expect(readMeeting(doc, start).scribeId).toBeNull()
  })
})

describe('the agenda', () => {
  it('keeps the order people are added in, and moves a person to any place', () => {
    const { doc, jo } = thursday()
    expect(labels(doc)).toEqual(['R.W.', 'A.K.', 'J.M.'])
    moveAgendaItem(doc, jo, 0)
    expect(labels(doc)).toEqual(['J.M.', 'R.W.', 'A.K.'])
    moveAgendaItem(doc, jo, 99)
    expect(labels(doc)).toEqual(['R.W.', 'A.K.', 'J.M.'])
  })

  it('refuses the same person twice, and budgets outside 1 to 60 whole minutes', () => {
    const { doc, reg } = thursday()
    expect(addAgendaItem(doc, { planId: 'planRW', label: 'Reg', budgetMinutes: 6 })).toMatchObject({
      ok: false,
      errors: { planId: 'R.W. is already on this agenda. Change their time or place there instead.' },
    })
    expect(addAgendaItem(doc, { planId: 'planXX', label: 'X.X.', budgetMinutes: 0 }).ok).toBe(false)
    expect(addAgendaItem(doc, { planId: '../etc', label: 'X.X.', budgetMinutes: 5 })).toMatchObject({ ok: false, errors: { planId: 'Choose the person’s plan.' } })
    expect(setCaseBudget(doc, reg, 2.5)).toMatchObject({ ok: false })
    expect(setCaseBudget(doc, reg, 61)).toMatchObject({ ok: false, errors: { budgetMinutes: 'A huddle gives one person at most 60 minutes.' } })
    expect(setCaseBudget(doc, reg, 10).ok).toBe(true)
    expect(readMeeting(doc, start).agenda[0].budgetMinutes).toBe(10)
  })

  it('two people reordering at once end with the same order on both devices, nobody lost or doubled', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 2 }), fc.integer({ min: 0, max: 3 })), { maxLength: 6 }),
        fc.array(fc.tuple(fc.integer({ min: 0, max: 2 }), fc.integer({ min: 0, max: 3 })), { maxLength: 6 }),
        (movesA, movesB) => {
          const { doc: a, reg, ann, jo } = thursday()
          const b = new Y.Doc()
          sync(a, b)
          const ids = [reg, ann, jo]
          for (const [which, to] of movesA) moveAgendaItem(a, ids[which], to)
          for (const [which, to] of movesB) moveAgendaItem(b, ids[which], to)
          sync(a, b)
          expect(labels(a)).toEqual(labels(b))
          expect([...labels(a)].sort()).toEqual(['A.K.', 'J.M.', 'R.W.'])
        },
      ),
    )
  })
})

describe('running the huddle and the case clock', () => {
  it('banks the time of each case when the huddle moves on, and counts the running case live', () => {
    const { doc, reg, ann } = thursday()
    expect(nextWaitingCase(doc)).toBe(reg)
    expect(goToCase(doc, null, reg, start).ok).toBe(true)
    expect(readMeeting(doc, start + 4 * MINUTE + 12_000).agenda[0]).toMatchObject({ isCurrent: true, spentMs: 4 * MINUTE + 12_000, state: 'waiting' })
    expect(nextWaitingCase(doc)).toBe(ann)
    goToCase(doc, reg, ann, start + 5 * MINUTE)
    const view = readMeeting(doc, start + 12 * MINUTE)
    expect(view.agenda.map((item) => [item.label, item.state, item.spentMs, item.isCurrent])).toEqual([
      ['R.W.', 'discussed', 5 * MINUTE, false],
      ['A.K.', 'waiting', 7 * MINUTE, true],
      ['J.M.', 'waiting', 0, false],
    ])
    expect(timeAccount(view)).toEqual({ planned: 19 * MINUTE, spent: 12 * MINUTE, overruns: [ann] })
  })

  it('going back to a case adds to its time rather than starting again', () => {
    const { doc, reg, ann, jo } = thursday()
    goToCase(doc, null, reg, start)
    goToCase(doc, reg, ann, start + 3 * MINUTE)
    goToCase(doc, ann, reg, start + 4 * MINUTE)
    expect(readMeeting(doc, start + 6 * MINUTE).agenda[0].spentMs).toBe(5 * MINUTE)
    goToCase(doc, reg, jo, start + 7 * MINUTE)
    expect(readMeeting(doc, start + 9 * MINUTE).agenda.map((item) => item.spentMs)).toEqual([6 * MINUTE, MINUTE, 2 * MINUTE])
  })

  it('two people pressing Next at once move one step: one wins, the other is told, notes are kept', () => {
    const { doc: facilitator, reg, ann, jo } = thursday()
    goToCase(facilitator, null, reg, start)
    const scribe = new Y.Doc()
    sync(facilitator, scribe)
    caseNotes(scribe, reg).insert(0, 'Fell on 20 Nov. ')
    caseNotes(facilitator, reg).insert(0, 'Daughter visiting less. ')
    expect(goToCase(facilitator, reg, ann, start + 5 * MINUTE).ok).toBe(true)
    expect(goToCase(scribe, reg, jo, start + 5 * MINUTE + 500).ok).toBe(true)
    sync(facilitator, scribe)
    const [one, two] = [readMeeting(facilitator, start + 6 * MINUTE), readMeeting(scribe, start + 6 * MINUTE)]
    expect(one.currentCaseId).toBe(two.currentCaseId)
    expect([ann, jo]).toContain(one.currentCaseId)
    const regNotes = one.agenda[0].notes
    expect(regNotes).toContain('Fell on 20 Nov.')
    expect(regNotes).toContain('Daughter visiting less.')
    expect(one.agenda[0].spentMs).toBeGreaterThanOrEqual(5 * MINUTE)
    // Anyone who still thinks R.W. is current is told the huddle has moved on, and nothing changes.
    const late = goToCase(scribe, reg, jo, start + 7 * MINUTE)
    expect(!late.ok && late.errors.form).toMatch(/^Someone else has already moved the huddle on to (A\.K\.|J\.M\.)\.$/)
  })

  it('ending marks unreached cases, and a clock on a device that is ahead never runs backwards', () => {
    const { doc, reg } = thursday()
    goToCase(doc, null, reg, start)
    expect(readMeeting(doc, start - 30_000).agenda[0].spentMs).toBe(0)
    endMeeting(doc, start + 6 * MINUTE)
    const view = readMeeting(doc, start + 60 * MINUTE)
    expect(view.state).toBe('ended')
    expect(view.currentCaseId).toBeNull()
    expect(view.agenda.map((item) => [item.state, item.spentMs])).toEqual([
      ['discussed', 6 * MINUTE],
      ['not-reached', 0],
      ['not-reached', 0],
    ])
    expect(goToCase(doc, null, reg, start + 61 * MINUTE)).toMatchObject({ ok: false })
  })

  it('a person taken off the agenda while current stops the clock', () => {
    const { doc, reg } = thursday()
    goToCase(doc, null, reg, start)
    removeAgendaItem(doc, reg)
    expect(readMeeting(doc, start + MINUTE).currentCaseId).toBeNull()
    expect(labels(doc)).toEqual(['A.K.', 'J.M.'])
  })

  it('reads the clock for the room and for a screen reader, calmly over budget', () => {
    expect(formatClock(4 * MINUTE + 12_000)).toBe('4:12')
    expect(formatClock(62 * MINUTE + 30_000)).toBe('1:02:30')
    expect(readClock(4 * MINUTE + 12_000, 6)).toEqual({ label: '4:12 of 6:00', spoken: '4 minutes 12 seconds of 6 minutes', over: false, overBy: '' })
    expect(readClock(7 * MINUTE + 10_000, 6)).toMatchObject({ over: true, overBy: '1:10 over' })
  })
})

describe('rolling over', () => {
  it('moves cases not reached to the next meeting with their notes, once, however often it is run', () => {
    const { doc, reg, ann } = thursday()
    goToCase(doc, null, reg, start)
    caseNotes(doc, ann).insert(0, 'Ask about the carers assessment')
    expect(rollOver(doc, new Y.Doc(), 'nextMeeting')).toMatchObject({ ok: false })
    endMeeting(doc, start + 6 * MINUTE)
    const next = new Y.Doc()
    expect(rollOver(doc, next, 'nextMeeting')).toEqual({ ok: true, value: 2 })
    expect(rollOver(doc, next, 'nextMeeting')).toEqual({ ok: true, value: 0 })
    const nextView = readMeeting(next, start)
    expect(nextView.agenda.map((item) => [item.label, item.budgetMinutes, item.state, item.notes])).toEqual([
      ['A.K.', 5, 'waiting', 'Ask about the carers assessment'],
      ['J.M.', 8, 'waiting', ''],
    ])
    expect(nextView.agenda[0].rolledFrom).toBe(ann)
    expect(readMeeting(doc, start).agenda.map((item) => item.rolledOverTo)).toEqual(['', 'nextMeeting', 'nextMeeting'])
  })
})
