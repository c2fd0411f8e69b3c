/**
 * The case clock: time spent on each person in a huddle, kept as milliseconds already banked plus
 * the moment the current case's clock started. Every device works the running time out from those
 * two numbers and its own clock, so the clock keeps going with the hub unreachable and nothing is
 * written every second. (Devices whose clocks disagree show slightly different running times; the
 * banked time is written once, by whoever moves on.)
 */

export interface CaseTime {
  /** Time already counted for this case (earlier turns at it). */
  spentMs: number
  /** When its clock started (epoch ms), or null while it is not running. */
  runningSince: number | null
}

/** Time spent on a case up to `now`; a start in the future (a device clock ahead) counts as none. */
export function elapsedMs(time: CaseTime, now: number): number {
  const running = time.runningSince === null ? 0 : Math.max(0, now - time.runningSince)
  return Math.max(0, time.spentMs) + running
}

/** "4:12", "12:05", "1:02:30": minutes and seconds, hours only when there are any. */
export function formatClock(ms: number): string {
  const totalSeconds = Math.floor(Math.max(0, ms) / 1000)
  const hours = Math.floor(totalSeconds / 3600)
  const minutes = Math.floor((totalSeconds % 3600) / 60)
  const seconds = String(totalSeconds % 60).padStart(2, '0')
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${seconds}` : `${minutes}:${seconds}`
}

export interface ClockReading {
  /** "4:12 of 6:00" */
  label: string
  /** Said to a screen reader: "4 minutes 12 seconds of 6 minutes". */
  spoken: string
  over: boolean
  /** "1:10 over", or '' when within budget. */
  overBy: string
}

function spokenDuration(ms: number): string {
  const totalSeconds = Math.floor(Math.max(0, ms) / 1000)
  const minutes = Math.floor(totalSeconds / 60)
  const seconds = totalSeconds % 60
  const parts: string[] = []
  if (minutes > 0 || seconds === 0) parts.push(`${minutes} ${minutes === 1 ? 'minute' : 'minutes'}`)
  if (seconds > 0) parts.push(`${seconds} ${seconds === 1 ? 'second' : 'seconds'}`)
  return parts.join(' ')
}

/** How a case stands against its budget, in words for the room and for a screen reader. */
export function readClock(elapsed: number, budgetMinutes: number): ClockReading {
  const budget = budgetMinutes * 60_000
  const over = elapsed > budget
  return {
    label: `${formatClock(elapsed)} of ${formatClock(budget)}`,
    spoken: `${spokenDuration(elapsed)} of ${spokenDuration(budget)}`,
    over,
    overBy: over ? `${formatClock(elapsed - budget)} over` : '',
  }
}
