import type * as Y from 'yjs'
import type { ActionStatus } from '../plan/fields'
import type { Attendance } from './fields'
import { readHuddleCase } from './huddleCase'
import { shownName } from './privacy'
import type { AgendaCase, Attendee, MeetingView } from './read'

/**
 * What a meeting's minutes say, read from the meeting and from each person's plan: who came, and
 * per person what this meeting decided and agreed (those live in the plans, marked with the
 * meeting), the time each case took, and where unfinished cases went. Nothing here writes.
 */

export interface MinutesAction {
  id: string
  what: string
  /** Who will do it: a professional by name; a family member or friend by initials when the meeting shows initials only. */
  owner: string
  /** The agency, or for a family member or friend who they are to the person. */
  ownerDetail: string
  dueDate: string
  status: ActionStatus
}

export interface MinutesCase {
  /** False when the plan is empty or not a plan (deleted, or never written). */
  found: boolean
  decisions: { id: string; text: string; by: string }[]
  actions: MinutesAction[]
}

/** This meeting's decisions and actions for one person, from their plan. No NHS number, date of birth or full name. */
export function minutesForCase(planDoc: Y.Doc, meetingId: string, initialsOnly: boolean, today: string): MinutesCase {
  const huddleCase = readHuddleCase(planDoc, meetingId, today)
  const family = new Set(huddleCase.personalContacts.map((contact) => contact.name))
  return {
    found: huddleCase.found,
    decisions: huddleCase.decisionsHere.map(({ id, text, by }) => ({ id, text, by })),
    actions: huddleCase.actionsHere.map((action) => ({
      id: action.id,
      what: action.what,
      owner: action.ownerName === null ? 'No owner (removed from the plan)' : family.has(action.ownerName) ? shownName(action.ownerName, initialsOnly) : action.ownerName,
      ownerDetail: action.ownerDetail,
      dueDate: action.dueDate,
      status: action.status,
    })),
  }
}

/** How the minutes group the attendees, in this order; nobody is left out. */
export const ATTENDANCE_ORDER: readonly Attendance[] = ['present', 'remote', 'apologies', 'expected']

export function attendeesBy(attendees: readonly Attendee[]): Record<Attendance, Attendee[]> {
  const groups: Record<Attendance, Attendee[]> = { present: [], remote: [], apologies: [], expected: [] }
  for (const attendee of attendees) groups[attendee.attendance].push(attendee)
  return groups
}

/** Cases the meeting did not reach and has not yet put on another meeting's agenda. */
export function casesToRollOver(view: MeetingView): AgendaCase[] {
  return view.agenda.filter((item) => item.state === 'not-reached' && item.rolledOverTo === '')
}

/** How the minutes name a person on the agenda: their agenda label, by initials when the meeting shows initials only. */
export function caseLabel(item: AgendaCase, initialsOnly: boolean): string {
  return shownName(item.label, initialsOnly)
}

/** "Thursday huddle" → "Thursday huddle (next)"; a next meeting's next stays one "(next)" deep. */
export function nextMeetingTitle(title: string): string {
  const base = title.trim().replace(/\s*\(next\)$/, '')
  return `${base} (next)`
}
