import * as Y from 'yjs'
import { elapsedMs } from './clock'
import { MEETING_LAYOUT } from './layout'
import { ATTENDANCE, CASE_STATES, MEETING_STATES, type Attendance, type CaseState, type MeetingState } from './fields'
import { agendaMap, attendeesMap, caseNotesText, meetingMap, orderedAgendaIds, orderedAttendeeIds, readRun } from './meeting'

/** A huddle read out of its Y.Doc as plain data, for screens and minutes. Nothing here writes. */

export interface Attendee {
  id: string
  name: string
  role: string
  organisation: string
  attendance: Attendance
}

export interface AgendaCase {
  id: string
  planId: string
  label: string
  budgetMinutes: number
  state: CaseState
  isCurrent: boolean
  /** Time spent so far, the running clock included. */
  spentMs: number
  notes: string
  /** The meeting it was rolled over to, or ''. */
  rolledOverTo: string
  /** The agenda item of an earlier meeting it came from, or ''. */
  rolledFrom: string
}

export interface MeetingView {
  date: string
  startTime: string
  place: string
  state: MeetingState
  facilitatorId: string | null
  scribeId: string | null
  attendees: Attendee[]
  agenda: AgendaCase[]
  currentCaseId: string | null
  /** Epoch ms the current case's clock started, for a ticking display. */
  currentSince: number | null
  /** Every screen of this meeting shows initials only (see setInitialsOnly). */
  initialsOnly: boolean
}

function text(map: Y.Map<unknown>, key: string): string {
  const value = map.get(key)
  return typeof value === 'string' ? value : ''
}

function oneOf<T extends string>(allowed: readonly T[], value: unknown, fallback: T): T {
  return allowed.includes(value as T) ? (value as T) : fallback
}

export function readMeeting(doc: Y.Doc, now: number): MeetingView {
  const meeting = meetingMap(doc)
  const run = readRun(doc)
  const attendees: Attendee[] = []
  for (const id of orderedAttendeeIds(doc)) {
    const map = attendeesMap(doc).get(id)
    if (!(map instanceof Y.Map)) continue
    attendees.push({ id, name: text(map, 'name'), role: text(map, 'role'), organisation: text(map, 'organisation'), attendance: oneOf(ATTENDANCE, map.get('attendance'), 'expected') })
  }
  const agenda: AgendaCase[] = []
  for (const id of orderedAgendaIds(doc)) {
    const map = agendaMap(doc).get(id)
    if (!(map instanceof Y.Map)) continue
    const spent = map.get('spentMs')
    const budget = map.get('budgetMinutes')
    const isCurrent = run?.itemId === id
    agenda.push({
      id,
      planId: text(map, 'planId'),
      label: text(map, 'label'),
      budgetMinutes: typeof budget === 'number' ? budget : 0,
      state: oneOf(CASE_STATES, map.get('state'), 'waiting'),
      isCurrent,
      spentMs: elapsedMs({ spentMs: typeof spent === 'number' ? spent : 0, runningSince: isCurrent && run ? run.since : null }, now),
      notes: caseNotesText(doc, id),
      rolledOverTo: text(map, 'rolledOverTo'),
      rolledFrom: text(map, 'rolledFrom'),
    })
  }
  const attendeeIds = new Set(attendees.map((attendee) => attendee.id))
  const role = (key: string) => {
    const id = meeting.get(key)
    return typeof id === 'string' && attendeeIds.has(id) ? id : null
  }
  const currentOnAgenda = run !== null && agenda.some((item) => item.id === run.itemId)
  return {
    date: text(meeting, 'date'),
    startTime: text(meeting, 'startTime'),
    place: text(meeting, 'place'),
    state: oneOf(MEETING_STATES, meeting.get('state'), 'planned'),
    facilitatorId: role('facilitatorId'),
    scribeId: role('scribeId'),
    attendees,
    agenda,
    currentCaseId: currentOnAgenda ? run.itemId : null,
    currentSince: currentOnAgenda ? run.since : null,
    initialsOnly: meeting.get('initialsOnly') === true,
  }
}

/**
 * The plans on the meeting's agenda now: what a meeting link opens besides the meeting. Read
 * straight from the agenda (no clock, no notes), as the hub does on every connection.
 */
export function agendaPlanIds(doc: Y.Doc): Set<string> {
  const ids = new Set<string>()
  if (!doc.share.has(MEETING_LAYOUT.agenda)) return ids
  agendaMap(doc).forEach((item) => {
    const planId = item instanceof Y.Map ? item.get('planId') : undefined
    if (typeof planId === 'string') ids.add(planId)
  })
  return ids
}

/** Whether the meeting has been marked ended (its link then stops working). */
export function meetingHasEnded(doc: Y.Doc): boolean {
  return doc.share.has(MEETING_LAYOUT.meeting) && meetingMap(doc).get('state') === 'ended'
}

/** Minutes against budget for each case, and in all: what the minutes and the room's clock show. */
export function timeAccount(view: MeetingView): { planned: number; spent: number; overruns: string[] } {
  let planned = 0
  let spent = 0
  const overruns: string[] = []
  for (const item of view.agenda) {
    planned += item.budgetMinutes * 60_000
    spent += item.spentMs
    if (item.spentMs > item.budgetMinutes * 60_000) overruns.push(item.id)
  }
  return { planned, spent, overruns }
}
