import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { caseProgress, huddleProgress, shownCaseId } from './huddleProgress'
import { addAgendaItem, endMeeting, goToCase, removeAgendaItem, setMeetingDetails } from './meeting'
import { readMeeting } from './read'
import { idOf } from '../testing/checked'

const MINUTE = 60_000

function thursday() {
  const doc = new Y.Doc()
  expect(setMeetingDetails(doc, { date: '2026-12-03', startTime: '09:30', place: '' }).ok).toBe(true)
  const reg = idOf(addAgendaItem(doc, { planId: 'planRW', label: 'R.W.', budgetMinutes: 6 }))
  const ann = idOf(addAgendaItem(doc, { planId: 'planAK', label: 'A.K.', budgetMinutes: 5 }))
  const jo = idOf(addAgendaItem(doc, { planId: 'planJM', label: 'J.M.', budgetMinutes: 8 }))
  return { doc, reg, ann, jo }
}

describe('huddleProgress', () => {
  it('before the start, ends the planned start plus every budget', () => {
    const { doc } = thursday()
    const start = new Date('2026-12-03T09:30:00').getTime()
    const progress = huddleProgress(readMeeting(doc, start - 10 * MINUTE), start - 10 * MINUTE)
    expect(progress.doneLine).toBe('0 of 3 done')
    expect(progress.expectedEnd).toBe(start + 19 * MINUTE)
  })

  it('while running, counts what is left of the current case and the waiting ones', () => {
    const { doc, reg, ann } = thursday()
    const start = new Date('2026-12-03T09:35:00').getTime()
    idOf(goToCase(doc, null, reg, start))
    idOf(goToCase(doc, reg, ann, start + 7 * MINUTE))
    const now = start + 9 * MINUTE
    const view = readMeeting(doc, now)
    expect(view.agenda.map(caseProgress)).toEqual(['done', 'current', 'waiting'])
    const progress = huddleProgress(view, now)
    expect(progress.doneLine).toBe('1 of 3 done')
    // A.K. has 3 of her 5 minutes left, J.M. all 8.
    expect(progress.expectedEnd).toBe(now + 11 * MINUTE)
    // A case over its budget adds nothing more.
    expect(huddleProgress(readMeeting(doc, now + 10 * MINUTE), now + 10 * MINUTE).expectedEnd).toBe(now + 18 * MINUTE)
  })

  it('has no end time once the meeting has ended, and marks cases not reached', () => {
    const { doc, reg } = thursday()
    idOf(goToCase(doc, null, reg, 0))
    endMeeting(doc, 5 * MINUTE)
    const view = readMeeting(doc, 6 * MINUTE)
    expect(view.agenda.map(caseProgress)).toEqual(['done', 'not-reached', 'not-reached'])
    expect(huddleProgress(view, 6 * MINUTE)).toMatchObject({ doneLine: '1 of 3 done', expectedEnd: null })
  })

  it('an empty agenda has nothing to end', () => {
    expect(huddleProgress(readMeeting(new Y.Doc(), 0), 0)).toMatchObject({ doneLine: '0 of 0 done', expectedEnd: null })
  })
})

describe('shownCaseId', () => {
  it('follows the current case unless someone chose another that is still on the agenda', () => {
    const { doc, reg, ann } = thursday()
    expect(shownCaseId(readMeeting(doc, 0), null)).toBeNull()
    idOf(goToCase(doc, null, reg, 0))
    expect(shownCaseId(readMeeting(doc, 0), null)).toBe(reg)
    expect(shownCaseId(readMeeting(doc, 0), ann)).toBe(ann)
    removeAgendaItem(doc, ann)
    expect(shownCaseId(readMeeting(doc, 0), ann)).toBe(reg)
  })
})
