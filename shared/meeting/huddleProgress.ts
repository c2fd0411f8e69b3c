import type { AgendaCase, MeetingView } from './read'

/**
 * How a running huddle stands, for the agenda beside the case: which cases are done, which one is
 * on now, and when the huddle will end if every case still to come takes its budget.
 */

export type CaseProgress = 'done' | 'current' | 'waiting' | 'not-reached'

export const CASE_PROGRESS_WORDS: Record<CaseProgress, string> = {
  done: 'Done',
  current: 'Now',
  waiting: 'Waiting',
  'not-reached': 'Not reached',
}

export function caseProgress(item: AgendaCase): CaseProgress {
  if (item.isCurrent) return 'current'
  if (item.state === 'discussed') return 'done'
  return item.state === 'not-reached' ? 'not-reached' : 'waiting'
}

export interface HuddleProgress {
  done: number
  total: number
  /** "2 of 4 done" */
  doneLine: string
  /** When the huddle should end (epoch ms): now plus what is left of the budgets; null once it has ended or has no agenda. */
  expectedEnd: number | null
}

/** When the meeting was due to start (local time, epoch ms), or null if its date or time is not set. */
function plannedStart(view: MeetingView): number | null {
  if (!view.date || !view.startTime) return null
  const start = new Date(`${view.date}T${view.startTime}:00`).getTime()
  return Number.isFinite(start) ? start : null
}

/**
 * What is left: the current case's budget not yet used (nothing once it has run over) and the full
 * budget of every case still waiting. Before the start, the planned start time counts from then.
 */
export function huddleProgress(view: MeetingView, now: number): HuddleProgress {
  const total = view.agenda.length
  const done = view.agenda.filter((item) => caseProgress(item) === 'done').length
  const doneLine = `${done} of ${total} done`
  if (view.state === 'ended' || total === 0) return { done, total, doneLine, expectedEnd: null }
  let remaining = 0
  for (const item of view.agenda) {
    const budget = item.budgetMinutes * 60_000
    const progress = caseProgress(item)
    if (progress === 'current') remaining += Math.max(0, budget - item.spentMs)
    else if (progress === 'waiting') remaining += budget
  }
  const from = view.state === 'planned' ? Math.max(now, plannedStart(view) ?? now) : now
  return { done, total, doneLine, expectedEnd: from + remaining }
}

/**
 * The case a screen shows: the one this person chose to look at, while it is still on the agenda,
 * else the huddle's current case (follow mode), else none.
 */
export function shownCaseId(view: MeetingView, chosen: string | null): string | null {
  if (chosen && view.agenda.some((item) => item.id === chosen)) return chosen
  return view.currentCaseId
}
