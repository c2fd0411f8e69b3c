import * as Y from 'yjs'
import { LOCAL_ORIGIN, positionBetween } from '../board'
import { MEETING_LAYOUT } from './layout'
import { check, type Checked } from '../plan/fields'
import {
  agendaItemSchema,
  attendeeSchema,
  MAX_AGENDA_ITEMS,
  MAX_ATTENDEES,
  meetingDetailsSchema,
  type AgendaItemInput,
  type Attendance,
  type AttendeeInput,
  type MeetingDetails,
} from './fields'

/**
 * The only functions that change a huddle's Y.Doc.
 *
 *   meeting:   Y.Map  date, startTime, place, facilitatorId, scribeId, state,
 *                     run: { itemId, since } (the current case and when its clock started), endedAt,
 *                     initialsOnly (the room-facing privacy switch, shared by every screen)
 *   attendees: Y.Map  attendeeId -> Y.Map { name, role, organisation, attendance, position }
 *   agenda:    Y.Map  itemId -> Y.Map { planId, label, budgetMinutes, position, spentMs, state, rolledFrom }
 *   notes:<itemId>    a top-level Y.Text per case, so two people typing notes at once both keep theirs
 *                     (top-level types are found by name, so two devices can never each make their own)
 *
 * The current case and its clock start are one value (`run`), written together: when two people
 * move on at the same moment one move wins whole, and neither can leave the clock of one case
 * running against another.
 */

const MEETING = MEETING_LAYOUT.meeting
const ATTENDEES = MEETING_LAYOUT.attendees
const AGENDA = MEETING_LAYOUT.agenda
const NOTES_PREFIX = MEETING_LAYOUT.notesPrefix

export interface Run {
  itemId: string
  /** Epoch ms when this case's clock started. */
  since: number
}

export function meetingMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap(MEETING)
}

export function attendeesMap(doc: Y.Doc): Y.Map<Y.Map<unknown>> {
  return doc.getMap(ATTENDEES)
}

export function agendaMap(doc: Y.Doc): Y.Map<Y.Map<unknown>> {
  return doc.getMap(AGENDA)
}

/** A case's discussion notes; created on first use, by name, so every device shares the one text. */
export function caseNotes(doc: Y.Doc, itemId: string): Y.Text {
  return doc.getText(NOTES_PREFIX + itemId)
}

/** The notes as they stand, without creating the shared text (for reading an item that has none). */
export function caseNotesText(doc: Y.Doc, itemId: string): string {
  const name = NOTES_PREFIX + itemId
  return doc.share.has(name) ? doc.getText(name).toString() : ''
}

/** Ids in position order; ties (two devices adding at once) fall back to the id, the same on every device. */
function ordered(map: Y.Map<Y.Map<unknown>>): string[] {
  const rows: { id: string; position: string }[] = []
  map.forEach((entry, id) => {
    const position = entry instanceof Y.Map ? entry.get('position') : undefined
    rows.push({ id, position: typeof position === 'string' ? position : '' })
  })
  rows.sort((a, b) => (a.position < b.position ? -1 : a.position > b.position ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
  return rows.map((row) => row.id)
}

export function orderedAgendaIds(doc: Y.Doc): string[] {
  return ordered(agendaMap(doc))
}

export function orderedAttendeeIds(doc: Y.Doc): string[] {
  return ordered(attendeesMap(doc))
}

function lastPosition(map: Y.Map<Y.Map<unknown>>): string | null {
  const ids = ordered(map)
  const last = ids.length > 0 ? map.get(ids[ids.length - 1])?.get('position') : null
  return typeof last === 'string' ? last : null
}

export function setMeetingDetails(doc: Y.Doc, input: unknown): Checked<MeetingDetails> {
  const checked = check(meetingDetailsSchema, input)
  if (!checked.ok) return checked
  doc.transact(() => {
    const map = meetingMap(doc)
    for (const [field, value] of Object.entries(checked.value)) if (map.get(field) !== value) map.set(field, value)
  }, LOCAL_ORIGIN)
  return checked
}

/**
 * The privacy switch for a screen that faces a room: every screen showing this meeting then names
 * people by initials and hides NHS numbers, dates of birth and address-like details. It lives in
 * the meeting, not one window, so a colleague's laptop on the projector obeys it too.
 */
export function setInitialsOnly(doc: Y.Doc, on: boolean): void {
  doc.transact(() => meetingMap(doc).set('initialsOnly', on), LOCAL_ORIGIN)
}

export function addAttendee(doc: Y.Doc, input: AttendeeInput): Checked<string> {
  const checked = check(attendeeSchema, input)
  if (!checked.ok) return checked
  if (attendeesMap(doc).size >= MAX_ATTENDEES) return { ok: false, errors: { form: `A meeting can list up to ${MAX_ATTENDEES} attendees.` } }
  const id = globalThis.crypto.randomUUID()
  doc.transact(() => {
    const attendee = new Y.Map<unknown>()
    for (const [field, value] of Object.entries(checked.value)) attendee.set(field, value)
    attendee.set('attendance', 'expected' satisfies Attendance)
    attendee.set('position', positionBetween(lastPosition(attendeesMap(doc)), null))
    attendeesMap(doc).set(id, attendee)
  }, LOCAL_ORIGIN)
  return { ok: true, value: id }
}

export function setAttendance(doc: Y.Doc, attendeeId: string, attendance: Attendance): Checked<Attendance> {
  const attendee = attendeesMap(doc).get(attendeeId)
  if (!(attendee instanceof Y.Map)) return { ok: false, errors: { form: 'That attendee has been removed from the meeting.' } }
  doc.transact(() => attendee.set('attendance', attendance), LOCAL_ORIGIN)
  return { ok: true, value: attendance }
}

/** Removes an attendee; if they were the facilitator or the scribe, that role is left empty. */
export function removeAttendee(doc: Y.Doc, attendeeId: string): void {
  doc.transact(() => {
    attendeesMap(doc).delete(attendeeId)
    const map = meetingMap(doc)
    for (const role of ['facilitatorId', 'scribeId'] as const) if (map.get(role) === attendeeId) map.delete(role)
  }, LOCAL_ORIGIN)
}

export type MeetingRole = 'facilitator' | 'scribe'

/** Names who facilitates or takes notes; `attendeeId` null clears the role. */
export function setMeetingRole(doc: Y.Doc, role: MeetingRole, attendeeId: string | null): Checked<string | null> {
  if (attendeeId !== null && !(attendeesMap(doc).get(attendeeId) instanceof Y.Map)) {
    return { ok: false, errors: { [role]: 'Choose someone from the attendees.' } }
  }
  const key = role === 'facilitator' ? 'facilitatorId' : 'scribeId'
  doc.transact(() => (attendeeId === null ? meetingMap(doc).delete(key) : meetingMap(doc).set(key, attendeeId)), LOCAL_ORIGIN)
  return { ok: true, value: attendeeId }
}

/** The agenda item for a plan, if that plan is on the agenda. */
export function agendaItemForPlan(doc: Y.Doc, planId: string): string | null {
  for (const id of orderedAgendaIds(doc)) if (agendaMap(doc).get(id)?.get('planId') === planId) return id
  return null
}

/** Adds a person (their plan) to the end of the agenda. The same plan twice is refused. */
export function addAgendaItem(doc: Y.Doc, input: AgendaItemInput, rolledFrom = ''): Checked<string> {
  const checked = check(agendaItemSchema, input)
  if (!checked.ok) return checked
  const existing = agendaItemForPlan(doc, checked.value.planId)
  if (existing) {
    const label = agendaMap(doc).get(existing)?.get('label')
    return { ok: false, errors: { planId: `${String(label)} is already on this agenda. Change their time or place there instead.` } }
  }
  if (agendaMap(doc).size >= MAX_AGENDA_ITEMS) return { ok: false, errors: { form: `An agenda can hold up to ${MAX_AGENDA_ITEMS} people. Start another meeting for the rest.` } }
  const id = globalThis.crypto.randomUUID()
  doc.transact(() => {
    const item = new Y.Map<unknown>()
    for (const [field, value] of Object.entries(checked.value)) item.set(field, value)
    item.set('position', positionBetween(lastPosition(agendaMap(doc)), null))
    item.set('spentMs', 0)
    item.set('state', 'waiting')
    item.set('rolledFrom', rolledFrom)
    agendaMap(doc).set(id, item)
  }, LOCAL_ORIGIN)
  return { ok: true, value: id }
}

export function setCaseBudget(doc: Y.Doc, itemId: string, budgetMinutes: number): Checked<number> {
  const item = agendaMap(doc).get(itemId)
  if (!(item instanceof Y.Map)) return { ok: false, errors: { form: 'That person has been taken off the agenda.' } }
  const checked = check(agendaItemSchema.shape.budgetMinutes, budgetMinutes)
  if (!checked.ok) return { ok: false, errors: { budgetMinutes: checked.errors.form } }
  doc.transact(() => item.set('budgetMinutes', checked.value), LOCAL_ORIGIN)
  return checked
}

/** Moves an agenda item to `toIndex` among the others (0 is first). */
export function moveAgendaItem(doc: Y.Doc, itemId: string, toIndex: number): void {
  const item = agendaMap(doc).get(itemId)
  if (!(item instanceof Y.Map)) return
  const others = orderedAgendaIds(doc).filter((id) => id !== itemId)
  const index = Math.max(0, Math.min(toIndex, others.length))
  const positionOf = (id: string | undefined) => {
    const position = id === undefined ? null : agendaMap(doc).get(id)?.get('position')
    return typeof position === 'string' ? position : null
  }
  doc.transact(() => item.set('position', positionBetween(positionOf(others[index - 1]), positionOf(others[index]))), LOCAL_ORIGIN)
}

/** Takes a person off the agenda; their notes stay in the document (history), unseen. */
export function removeAgendaItem(doc: Y.Doc, itemId: string): void {
  doc.transact(() => {
    agendaMap(doc).delete(itemId)
    const run = readRun(doc)
    if (run?.itemId === itemId) meetingMap(doc).delete('run')
  }, LOCAL_ORIGIN)
}

export function readRun(doc: Y.Doc): Run | null {
  const run = meetingMap(doc).get('run')
  if (typeof run !== 'object' || run === null) return null
  const { itemId, since } = run as Partial<Run>
  return typeof itemId === 'string' && typeof since === 'number' && Number.isFinite(since) ? { itemId, since } : null
}

/** Adds the running clock's time to the case it belongs to (inside a transaction). */
function bankRunningTime(doc: Y.Doc, run: Run, now: number): void {
  const item = agendaMap(doc).get(run.itemId)
  if (!(item instanceof Y.Map)) return
  const spent = item.get('spentMs')
  item.set('spentMs', (typeof spent === 'number' ? spent : 0) + Math.max(0, now - run.since))
  item.set('state', 'discussed')
}

/**
 * Moves the huddle to a case. `seenCurrent` is the case the person saw as current when they acted
 * (null before the first case): if someone else has moved on since, nothing changes and the
 * message says so, so two people pressing "Next" at once move one step, not two. Time on the case
 * being left is banked; its notes are untouched.
 */
export function goToCase(doc: Y.Doc, seenCurrent: string | null, itemId: string, now: number): Checked<string> {
  const target = agendaMap(doc).get(itemId)
  if (!(target instanceof Y.Map)) return { ok: false, errors: { form: 'That person has been taken off the agenda.' } }
  if (meetingMap(doc).get('state') === 'ended') return { ok: false, errors: { form: 'This meeting has ended. Roll unfinished cases over to the next meeting instead.' } }
  const run = readRun(doc)
  if ((run?.itemId ?? null) !== seenCurrent) {
    const label = run ? agendaMap(doc).get(run.itemId)?.get('label') : null
    return { ok: false, errors: { form: label ? `Someone else has already moved the huddle on to ${String(label)}.` : 'Someone else has already changed the current case.' } }
  }
  if (run?.itemId === itemId) return { ok: true, value: itemId }
  doc.transact(() => {
    if (run) bankRunningTime(doc, run, now)
    meetingMap(doc).set('run', { itemId, since: now } satisfies Run)
    meetingMap(doc).set('state', 'running')
  }, LOCAL_ORIGIN)
  return { ok: true, value: itemId }
}

/** The case after the current one that is still waiting, or null. */
export function nextWaitingCase(doc: Y.Doc): string | null {
  const ids = orderedAgendaIds(doc)
  const run = readRun(doc)
  const start = run ? ids.indexOf(run.itemId) + 1 : 0
  for (const id of [...ids.slice(start), ...ids.slice(0, start)]) {
    if (id !== run?.itemId && agendaMap(doc).get(id)?.get('state') === 'waiting') return id
  }
  return null
}

/** Ends the meeting: the running case's time is banked, and cases never reached are marked so. */
export function endMeeting(doc: Y.Doc, now: number): void {
  doc.transact(() => {
    const run = readRun(doc)
    if (run) bankRunningTime(doc, run, now)
    meetingMap(doc).delete('run')
    agendaMap(doc).forEach((item) => {
      if (item instanceof Y.Map && item.get('state') === 'waiting') item.set('state', 'not-reached')
    })
    meetingMap(doc).set('state', 'ended')
    meetingMap(doc).set('endedAt', now)
  }, LOCAL_ORIGIN)
}

/**
 * Puts every case the meeting did not reach on the next meeting's agenda, with its budget and its
 * notes so far, and records where it went. Running it twice (or from two devices) adds nothing
 * twice: a plan already on the next agenda is left as it is. Gives how many cases moved.
 */
export function rollOver(from: Y.Doc, to: Y.Doc, toMeetingId: string): Checked<number> {
  if (meetingMap(from).get('state') !== 'ended') return { ok: false, errors: { form: 'End the meeting first: cases still waiting might yet be reached.' } }
  let moved = 0
  for (const id of orderedAgendaIds(from)) {
    const item = agendaMap(from).get(id)
    if (!(item instanceof Y.Map) || item.get('state') !== 'not-reached') continue
    const planId = String(item.get('planId'))
    if (!agendaItemForPlan(to, planId)) {
      const added = addAgendaItem(to, { planId, label: String(item.get('label')), budgetMinutes: Number(item.get('budgetMinutes')) }, id)
      if (!added.ok) return added
      const notes = caseNotesText(from, id)
      if (notes) to.transact(() => caseNotes(to, added.value).insert(0, notes), LOCAL_ORIGIN)
      moved += 1
    }
    from.transact(() => item.set('rolledOverTo', toMeetingId), LOCAL_ORIGIN)
  }
  return { ok: true, value: moved }
}
