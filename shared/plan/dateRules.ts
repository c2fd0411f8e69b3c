import { formatDay, isCalendarDay } from './dates'

/**
 * Dates a clinician would question. Each rule takes today (YYYY-MM-DD, where the user is) and
 * returns a message that says what to do, or null. Days compare as text: YYYY-MM-DD sorts by date.
 */

/** The oldest age a date of birth may give: older than any person recorded. */
export const OLDEST_AGE_YEARS = 130
/** A due date further ahead than this is asked about: usually a slip in the year. */
export const FAR_DUE_YEARS = 5

/** The same day `years` later (or earlier, if negative); 29 February becomes 28 February in a common year. */
export function addYears(day: string, years: number): string {
  const [year, month, date] = day.split('-').map(Number)
  const target = year + years
  const lastDay = new Date(Date.UTC(target, month, 0)).getUTCDate()
  return `${String(target).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(Math.min(date, lastDay)).padStart(2, '0')}`
}

export function dateOfBirthProblem(dateOfBirth: string, today: string): string | null {
  if (dateOfBirth === '') return null
  if (dateOfBirth > today) return `A date of birth cannot be after today (${formatDay(today)}). Check the year.`
  if (dateOfBirth < addYears(today, -OLDEST_AGE_YEARS)) {
    return `This date of birth makes the person more than ${OLDEST_AGE_YEARS} years old. Check the year, or leave the date of birth empty.`
  }
  return null
}

/** When a plan is agreed, its planned review must be today or later. */
export function planReviewDateProblem(reviewDate: string, today: string): string | null {
  if (reviewDate >= today) return null
  return `The review date has passed. Choose today (${formatDay(today)}) or a later date for the next review.`
}

/** An agreed plan whose planned review date has passed is overdue for review. */
export function isReviewOverdue(reviewDate: string, today: string): boolean {
  return isCalendarDay(reviewDate) && reviewDate < today
}

/** An action is reviewed after it is due, not before. An empty review date is fine. */
export function actionReviewDateProblem(dueDate: string, reviewDate: string): string | null {
  if (reviewDate === '' || reviewDate >= dueDate) return null
  return `The review date is before the due date (${formatDay(dueDate)}). Choose a review date on or after the due date, or leave it empty.`
}

/** The start of every "far due date" message, so a form can tell it asks to confirm rather than refuses. */
export const FAR_DUE_DATE_QUESTION = 'This due date is more than five years away'

/** A due date more than five years ahead is asked about once: the person confirms by saving it again. */
export function farDueDateQuestion(dueDate: string, today: string): string | null {
  if (dueDate <= addYears(today, FAR_DUE_YEARS)) return null
  return `${FAR_DUE_DATE_QUESTION} (${formatDay(dueDate)}). Check the year; if it is right, save again to keep it.`
}

export function isFarDueDateQuestion(message: string | undefined): boolean {
  return message?.startsWith(FAR_DUE_DATE_QUESTION) === true
}

/** What is typed in the three date boxes (day, month, year), as typed. */
export interface DayParts {
  day: string
  month: string
  year: string
}

export type ReadDay = { kind: 'empty' } | { kind: 'day'; value: string } | { kind: 'partial'; message: string } | { kind: 'invalid'; value: string }

export const PARTIAL_DATE_MESSAGE = 'Enter the whole date: day, month and a four-digit year.'

/**
 * Reads the three boxes as a YYYY-MM-DD day, the NHS way: day first, whatever the browser's
 * locale. All empty is no date; some empty is a partial date (refused, never read as no date);
 * a day that does not exist comes back as `invalid`, for the field's own "real date" message.
 */
export function readDayParts(parts: DayParts): ReadDay {
  const day = parts.day.trim()
  const month = parts.month.trim()
  const year = parts.year.trim()
  if (day === '' && month === '' && year === '') return { kind: 'empty' }
  if (day === '' || month === '' || year === '') return { kind: 'partial', message: PARTIAL_DATE_MESSAGE }
  if (!/^\d{1,2}$/.test(day) || !/^\d{1,2}$/.test(month) || !/^\d{4}$/.test(year)) {
    return { kind: 'invalid', value: `${year}-${month}-${day}` }
  }
  const value = `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`
  return isCalendarDay(value) ? { kind: 'day', value } : { kind: 'invalid', value }
}

/** The boxes for a stored day; empty boxes for no date (or for text that is not a day). */
export function dayParts(value: string): DayParts {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return { day: '', month: '', year: '' }
  const [year, month, day] = value.split('-')
  return { day: String(Number(day)), month: String(Number(month)), year }
}
