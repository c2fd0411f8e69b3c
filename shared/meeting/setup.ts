import type { DocumentSummary } from '../api'
import { localDay } from '../plan/dates'

/**
 * Rules for preparing a huddle (the "Agenda and people" screen): what to suggest before anything
 * is saved, which plans can still go on the agenda, and when the agenda should end.
 */

const QUARTER_HOUR_MS = 15 * 60_000

/** "09:05" from hours and minutes. */
function clockText(hours: number, minutes: number): string {
  return `${String(hours).padStart(2, '0')}:${String(minutes).padStart(2, '0')}`
}

/**
 * What the details form suggests for a meeting with none saved: the next round quarter hour where
 * the user is (10:07 → 10:15; 10:15 exactly stays), and that quarter hour's day (23:55 → tomorrow 00:00).
 */
export function suggestedStart(now: Date): { date: string; startTime: string } {
  const start = new Date(Math.ceil(now.getTime() / QUARTER_HOUR_MS) * QUARTER_HOUR_MS)
  // Whole quarter hours since the epoch are quarter hours locally too, except in a zone offset by
  // a non-quarter amount (none today); round the local minutes again to be sure.
  const extra = (15 - (start.getMinutes() % 15)) % 15
  start.setMinutes(start.getMinutes() + extra, 0, 0)
  return { date: localDay(start), startTime: clockText(start.getHours(), start.getMinutes()) }
}

const CLOCK_TIME = /^([01]\d|2[0-3]):([0-5]\d)$/

/**
 * When an agenda of `minutes` starting at `startTime` ("09:30") should end: "10:12", and whether
 * that is on the next day. Null when the start time is not a time (not set yet).
 */
export function expectedEnd(startTime: string, minutes: number): { time: string; nextDay: boolean } | null {
  const match = CLOCK_TIME.exec(startTime)
  if (!match || !Number.isFinite(minutes) || minutes < 0) return null
  const total = Number(match[1]) * 60 + Number(match[2]) + Math.round(minutes)
  const inDay = total % (24 * 60)
  return { time: clockText(Math.floor(inDay / 60), inDay % 60), nextDay: total >= 24 * 60 }
}

/** The minutes planned for the whole agenda. */
export function plannedMinutes(agenda: readonly { budgetMinutes: number }[]): number {
  return agenda.reduce((sum, item) => sum + item.budgetMinutes, 0)
}

/**
 * The plans a person can add to the agenda: plans only (not meetings), not already on it, by
 * title. `chosen` stays offered even once it is on the agenda (someone else added it meanwhile),
 * so the choice does not vanish under the person: adding it then says why it cannot go on twice.
 */
export function plansToOffer(documents: readonly DocumentSummary[], onAgenda: ReadonlySet<string>, chosen = ''): DocumentSummary[] {
  return documents
    .filter((document) => document.kind === 'plan' && (!onAgenda.has(document.id) || document.id === chosen))
    .sort((a, b) => a.title.localeCompare(b.title, 'en-GB') || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
}

/**
 * A case's minutes as typed: a whole number, or NaN for anything else (empty, words, "6.5" stays
 * 6.5), so the agenda's schema gives its own message for it.
 */
export function readMinutes(typed: string): number {
  const trimmed = typed.trim()
  return /^-?\d+(\.\d+)?$/.test(trimmed) ? Number(trimmed) : Number.NaN
}

/** Said after a case moves: "R.W. is now 2 of 3 on the agenda." (index from 0). */
export function agendaPlaceWords(label: string, index: number, total: number): string {
  return `${label} is now ${index + 1} of ${total} on the agenda.`
}
