/**
 * Dates in a plan are calendar days, written YYYY-MM-DD, with no time zone: "by 3 March" means the
 * same day to everyone in the huddle. "Today" is always passed in, so every rule is testable.
 */

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/

/** Years a plan's dates may fall in: a typing slip such as year 0002 or 20266 is refused. */
export const EARLIEST_YEAR = 1850
export const LATEST_YEAR = 2199

export function isCalendarDay(value: string): boolean {
  const match = ISO_DAY.exec(value)
  if (!match) return false
  if (Number(match[1]) < EARLIEST_YEAR || Number(match[1]) > LATEST_YEAR) return false
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])]
  const date = new Date(Date.UTC(year, month - 1, day))
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
}

/** The calendar day of `now` where the user is. */
export function localDay(now: Date): string {
  const year = now.getFullYear()
  const month = String(now.getMonth() + 1).padStart(2, '0')
  const day = String(now.getDate()).padStart(2, '0')
  return `${year}-${month}-${day}`
}

/** "3 March 2027" for a YYYY-MM-DD day; the text itself if it is not one. */
export function formatDay(day: string): string {
  if (!isCalendarDay(day)) return day
  const [year, month, date] = day.split('-').map(Number)
  return new Date(Date.UTC(year, month - 1, date)).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' })
}
