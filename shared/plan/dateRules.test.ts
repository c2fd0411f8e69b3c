import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import {
  actionReviewDateProblem,
  addYears,
  dateOfBirthProblem,
  dayParts,
  farDueDateQuestion,
  isFarDueDateQuestion,
  isReviewOverdue,
  planReviewDateProblem,
  readDayParts,
} from './dateRules'
import { isCalendarDay } from './dates'

const today = '2026-11-23'

describe('dates a clinician would question', () => {
  it('counts years on the calendar, 29 February falling back to 28 in a common year', () => {
    expect(addYears('2026-11-23', 5)).toBe('2031-11-23')
    expect(addYears('2026-11-23', -130)).toBe('1896-11-23')
    expect(addYears('2028-02-29', 1)).toBe('2029-02-28')
  })

  it('a date of birth: not after today, not more than 130 years ago', () => {
    expect(dateOfBirthProblem('2026-11-24', today)).toMatch(/cannot be after today \(23 November 2026\)/)
    expect(dateOfBirthProblem('1896-11-22', today)).toMatch(/more than 130 years old. Check the year, or leave the date of birth empty/)
    expect(dateOfBirthProblem('1896-11-23', today)).toBeNull()
    expect(dateOfBirthProblem(today, today)).toBeNull()
    expect(dateOfBirthProblem('', today)).toBeNull()
  })

  it('the review date of a plan being agreed: today or later', () => {
    expect(planReviewDateProblem('2026-11-22', today)).toBe('The review date has passed. Choose today (23 November 2026) or a later date for the next review.')
    expect(planReviewDateProblem(today, today)).toBeNull()
    expect(planReviewDateProblem('2027-02-23', today)).toBeNull()
  })

  it('an agreed plan is overdue for review the day after its review date', () => {
    expect(isReviewOverdue('2026-11-22', today)).toBe(true)
    expect(isReviewOverdue(today, today)).toBe(false)
    expect(isReviewOverdue('', today)).toBe(false)
  })

  it('an action is not reviewed before it is due; no review date is fine', () => {
    expect(actionReviewDateProblem('2026-12-10', '2026-12-09')).toMatch(/before the due date \(10 December 2026\). Choose a review date on or after the due date, or leave it empty/)
    expect(actionReviewDateProblem('2026-12-10', '2026-12-10')).toBeNull()
    expect(actionReviewDateProblem('2026-12-10', '')).toBeNull()
  })

  it('a due date more than five years ahead is asked about, not refused outright', () => {
    const question = farDueDateQuestion('2031-11-24', today)
    expect(question).toMatch(/more than five years away \(24 November 2031\). Check the year; if it is right, save again to keep it/)
    expect(isFarDueDateQuestion(question ?? undefined)).toBe(true)
    expect(isFarDueDateQuestion('The due date cannot be before today.')).toBe(false)
    expect(farDueDateQuestion('2031-11-23', today)).toBeNull()
  })
})

describe('the three date boxes (day, month, year)', () => {
  it('reads day first, whatever the browser’s locale, and stores YYYY-MM-DD', () => {
    expect(readDayParts({ day: '3', month: '4', year: '1950' })).toEqual({ kind: 'day', value: '1950-04-03' })
    expect(readDayParts({ day: ' 03 ', month: '04', year: '1950' })).toEqual({ kind: 'day', value: '1950-04-03' })
  })

  it('all empty is no date; part empty is a partial date, refused with what to do', () => {
    expect(readDayParts({ day: '', month: '', year: '' })).toEqual({ kind: 'empty' })
    expect(readDayParts({ day: '3', month: '', year: '1950' })).toEqual({ kind: 'partial', message: 'Enter the whole date: day, month and a four-digit year.' })
  })

  it('a day that does not exist, a two-digit year or letters are not a day', () => {
    expect(readDayParts({ day: '30', month: '2', year: '1950' }).kind).toBe('invalid')
    expect(readDayParts({ day: '3', month: '4', year: '50' }).kind).toBe('invalid')
    expect(readDayParts({ day: 'x', month: '4', year: '1950' }).kind).toBe('invalid')
    expect(readDayParts({ day: '3', month: '13', year: '1950' }).kind).toBe('invalid')
  })

  it('property: any real day shown in the boxes reads back as the same day', () => {
    const day = fc.date({ min: new Date('1850-01-01T00:00:00Z'), max: new Date('2199-12-31T00:00:00Z'), noInvalidDate: true }).map((date) => date.toISOString().slice(0, 10))
    fc.assert(
      fc.property(day, (value) => {
        expect(isCalendarDay(value)).toBe(true)
        expect(readDayParts(dayParts(value))).toEqual({ kind: 'day', value })
      }),
    )
  })

  it('no stored date, or text that is not one, shows empty boxes', () => {
    expect(dayParts('')).toEqual({ day: '', month: '', year: '' })
    expect(dayParts('soon')).toEqual({ day: '', month: '', year: '' })
  })
})
