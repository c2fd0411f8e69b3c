import { z } from 'zod'
import { isValidDocId } from '../docId'
import { calendarDay, MAX_NAME, MAX_SHORT_TEXT, optionalText, requiredText } from '../plan/fields'

/**
 * What a huddle (an MDT meeting) holds, as zod schemas with messages a person can act on. Every
 * command in meeting.ts checks its input with one of these before anything reaches the Y.Doc.
 */

/** How each attendee is here: not yet known, in the room, sent apologies, or joined from elsewhere. */
export const ATTENDANCE = ['expected', 'present', 'apologies', 'remote'] as const
export type Attendance = (typeof ATTENDANCE)[number]

export const ATTENDANCE_WORDS: Record<Attendance, string> = {
  expected: 'Not marked yet',
  present: 'Present',
  apologies: 'Apologies',
  remote: 'Joined remotely',
}

/** Where a case on the agenda stands. */
export const CASE_STATES = ['waiting', 'discussed', 'not-reached'] as const
export type CaseState = (typeof CASE_STATES)[number]

export const CASE_STATE_WORDS: Record<CaseState, string> = {
  waiting: 'Waiting',
  discussed: 'Discussed',
  'not-reached': 'Not reached',
}

export const MEETING_STATES = ['planned', 'running', 'ended'] as const
export type MeetingState = (typeof MEETING_STATES)[number]

/** A case gets at least a minute and at most an hour: anything else is a typing slip. */
export const MIN_BUDGET_MINUTES = 1
export const MAX_BUDGET_MINUTES = 60
export const DEFAULT_BUDGET_MINUTES = 6

/** A huddle of more people than this is not a huddle; the limit also caps what one message can add. */
export const MAX_AGENDA_ITEMS = 40
export const MAX_ATTENDEES = 60

const clockTime = z
  .string()
  .trim()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Enter the time as hours and minutes on the 24-hour clock, for example 09:30.')

export const meetingDetailsSchema = z.object({
  date: calendarDay,
  startTime: clockTime,
  place: optionalText('A place', MAX_SHORT_TEXT),
})
export type MeetingDetails = z.output<typeof meetingDetailsSchema>

export const attendeeSchema = z.object({
  name: requiredText('A name', MAX_NAME, 'Enter their name.'),
  role: requiredText('A role', MAX_SHORT_TEXT, 'Enter their role, for example social worker.'),
  organisation: requiredText('An organisation', MAX_SHORT_TEXT, 'Enter their organisation, for example Age UK.'),
})
export type AttendeeInput = z.input<typeof attendeeSchema>

export const agendaItemSchema = z.object({
  planId: z.string().refine(isValidDocId, 'Choose the person’s plan.'),
  /** What the room sees: the plan's name, usually the person's initials. */
  label: requiredText('A name', MAX_NAME, 'Enter how the agenda shows this person, for example their initials.'),
  budgetMinutes: z
    .number({ error: 'Enter the minutes for this person as a whole number, for example 6.' })
    .int('Enter the minutes for this person as a whole number, for example 6.')
    .min(MIN_BUDGET_MINUTES, `Give each person at least ${MIN_BUDGET_MINUTES} minute.`)
    .max(MAX_BUDGET_MINUTES, `A huddle gives one person at most ${MAX_BUDGET_MINUTES} minutes.`),
})
export type AgendaItemInput = z.input<typeof agendaItemSchema>
