import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { DocumentSummary } from '../api'
import { meetingDetailsSchema } from './fields'
import { agendaPlaceWords, expectedEnd, plannedMinutes, plansToOffer, readMinutes, suggestedStart } from './setup'

describe('suggestedStart', () => {
  it('suggests the next round quarter hour today', () => {
    expect(suggestedStart(new Date(2026, 11, 3, 10, 7, 30))).toEqual({ date: '2026-12-03', startTime: '10:15' })
    expect(suggestedStart(new Date(2026, 11, 3, 10, 15, 0, 0))).toEqual({ date: '2026-12-03', startTime: '10:15' })
    expect(suggestedStart(new Date(2026, 11, 3, 10, 15, 0, 1))).toEqual({ date: '2026-12-03', startTime: '10:30' })
    expect(suggestedStart(new Date(2026, 11, 3, 9, 46))).toEqual({ date: '2026-12-03', startTime: '10:00' })
  })

  it('moves to tomorrow after the last quarter of the day', () => {
    expect(suggestedStart(new Date(2026, 11, 31, 23, 50))).toEqual({ date: '2027-01-01', startTime: '00:00' })
  })

  it('always suggests details the meeting schema accepts, on a quarter hour no earlier than now', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date(2000, 0, 1), max: new Date(2100, 0, 1), noInvalidDate: true }), (now) => {
        const suggestion = suggestedStart(now)
        expect(meetingDetailsSchema.safeParse({ ...suggestion, place: '' }).success).toBe(true)
        const [hours, minutes] = suggestion.startTime.split(':').map(Number)
        expect(minutes % 15).toBe(0)
        const [year, month, day] = suggestion.date.split('-').map(Number)
        const start = new Date(year, month - 1, day, hours, minutes)
        expect(start.getTime()).toBeGreaterThanOrEqual(now.getTime() - 60_000)
        expect(start.getTime() - now.getTime()).toBeLessThanOrEqual(15 * 60_000 + 60 * 60_000)
      }),
    )
  })
})

describe('expectedEnd', () => {
  it('adds the planned minutes to the start time', () => {
    expect(expectedEnd('09:30', 60)).toEqual({ time: '10:30', nextDay: false })
    expect(expectedEnd('09:30', 0)).toEqual({ time: '09:30', nextDay: false })
    expect(expectedEnd('10:00', 18)).toEqual({ time: '10:18', nextDay: false })
  })

  it('says when the agenda runs past midnight', () => {
    expect(expectedEnd('23:30', 45)).toEqual({ time: '00:15', nextDay: true })
  })

  it('has no answer without a start time', () => {
    expect(expectedEnd('', 30)).toBeNull()
    expect(expectedEnd('9.30', 30)).toBeNull()
  })
})

describe('plannedMinutes', () => {
  it('adds up every case’s budget', () => {
    expect(plannedMinutes([])).toBe(0)
    expect(plannedMinutes([{ budgetMinutes: 6 }, { budgetMinutes: 8 }, { budgetMinutes: 5 }])).toBe(19)
  })
})

describe('plansToOffer', () => {
  const doc = (id: string, kind: string, title: string): DocumentSummary => ({ id, kind, title, updatedAt: '2026-12-01T10:00:00Z' })
  const documents = [doc('c', 'plan', 'Ruth Jones'), doc('m', 'meeting', 'Thursday huddle'), doc('a', 'plan', 'anne Smith'), doc('b', 'plan', 'R.W.')]

  it('offers plans only, by title, leaving out those on the agenda', () => {
    expect(plansToOffer(documents, new Set()).map((plan) => plan.id)).toEqual(['a', 'b', 'c'])
    expect(plansToOffer(documents, new Set(['b'])).map((plan) => plan.id)).toEqual(['a', 'c'])
  })

  it('keeps the plan someone has chosen, even once it is on the agenda', () => {
    expect(plansToOffer(documents, new Set(['b', 'c']), 'b').map((plan) => plan.id)).toEqual(['a', 'b'])
  })
})

describe('readMinutes', () => {
  it('reads numbers and gives NaN for anything else', () => {
    expect(readMinutes(' 8 ')).toBe(8)
    expect(readMinutes('6.5')).toBe(6.5)
    expect(readMinutes('-2')).toBe(-2)
    expect(readMinutes('')).toBeNaN()
    expect(readMinutes('six')).toBeNaN()
    expect(readMinutes('1e3')).toBeNaN()
  })
})

describe('agendaPlaceWords', () => {
  it('counts places from one', () => {
    expect(agendaPlaceWords('R.W.', 1, 3)).toBe('R.W. is now 2 of 3 on the agenda.')
  })
})
