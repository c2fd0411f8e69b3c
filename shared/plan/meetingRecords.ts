import * as Y from 'yjs'
import { z } from 'zod'
import { LOCAL_ORIGIN } from '../board'
import { isValidDocId } from '../docId'
import { calendarDay, check, MAX_ENTRY_TEXT, MAX_NAME, requiredText, type Checked } from './fields'
import { PLAN_LAYOUT } from './layout'
import type { Author } from './entries'

/**
 * What meetings (MDT huddles) did with a plan, kept in the plan itself so that whoever opens it
 * sees it, with or without the meeting:
 *
 *   decisions:   Y.Map  decisionId -> { text, meetingId, meetingTitle, meetingDate, by, createdAt }
 *   discussions: Y.Map  meetingId  -> { meetingTitle, meetingDate, firstAt, at } (when each meeting
 *                                     first and last opened this person's case: "changed since the last huddle")
 *
 * A decision is written once and never edited (a plain value, not a Y.Map): a decision that changes
 * is a new decision at a later meeting. Actions agreed at a meeting are ordinary plan actions that
 * also carry the meeting they came from (entries.ts, `fromMeeting`).
 */

/** The meeting a decision or action came from, as it was named when it was made. */
export interface MeetingRef {
  id: string
  title: string
  /** The meeting's day, YYYY-MM-DD. */
  date: string
}

export interface Decision {
  id: string
  text: string
  meetingId: string
  meetingTitle: string
  meetingDate: string
  by: string
  createdAt: string
}

export interface Discussion {
  meetingId: string
  meetingTitle: string
  meetingDate: string
  /** When the meeting first opened this case, as an ISO time. */
  firstAt: string
  /** When the meeting last opened this case. */
  at: string
}

export const meetingRefSchema = z.object({
  id: z.string().refine(isValidDocId, 'This meeting has no valid id.'),
  title: requiredText('A meeting name', MAX_NAME, 'The meeting needs a name.'),
  date: calendarDay,
})

const decisionTextSchema = requiredText('A decision', MAX_ENTRY_TEXT, 'Write the decision first.')

const storedDecisionSchema = z.object({
  text: z.string(),
  meetingId: z.string(),
  meetingTitle: z.string(),
  meetingDate: z.string(),
  by: z.string(),
  createdAt: z.string(),
})

const storedDiscussionSchema = z.object({ meetingTitle: z.string(), meetingDate: z.string(), firstAt: z.string(), at: z.string() })

export function decisionsMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap(PLAN_LAYOUT.decisions)
}

function discussionsMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap(PLAN_LAYOUT.discussions)
}

/** Records a decision about the person, made at `meeting`. Nothing is written if the text or meeting is not valid. */
export function addDecision(doc: Y.Doc, text: string, meeting: MeetingRef, author: Author): Checked<string> {
  const checkedText = check(decisionTextSchema, text)
  if (!checkedText.ok) return { ok: false, errors: { text: checkedText.errors.form } }
  const checkedMeeting = check(meetingRefSchema, meeting)
  if (!checkedMeeting.ok) return { ok: false, errors: { form: Object.values(checkedMeeting.errors).join(' ') } }
  const id = globalThis.crypto.randomUUID()
  const { id: meetingId, title: meetingTitle, date: meetingDate } = checkedMeeting.value
  const decision = { text: checkedText.value, meetingId, meetingTitle, meetingDate, by: author.by, createdAt: author.now.toISOString() }
  doc.transact(() => decisionsMap(doc).set(id, decision), LOCAL_ORIGIN)
  return { ok: true, value: id }
}

/** Every decision, oldest first; malformed ones (from a faulty device) are left out. */
export function readDecisions(doc: Y.Doc): Decision[] {
  const decisions: Decision[] = []
  decisionsMap(doc).forEach((value, id) => {
    const parsed = storedDecisionSchema.safeParse(value)
    if (parsed.success) decisions.push({ id, ...parsed.data })
  })
  return decisions.sort((a, b) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : a.id < b.id ? -1 : 1))
}

/** Notes that `meeting` has the person's case open now (called when the huddle moves to it). */
export function markDiscussed(doc: Y.Doc, meeting: MeetingRef, now: Date): void {
  const checked = check(meetingRefSchema, meeting)
  if (!checked.ok) return
  const earlier = storedDiscussionSchema.safeParse(discussionsMap(doc).get(checked.value.id))
  const at = now.toISOString()
  const record = { meetingTitle: checked.value.title, meetingDate: checked.value.date, firstAt: earlier.success ? earlier.data.firstAt : at, at }
  doc.transact(() => discussionsMap(doc).set(checked.value.id, record), LOCAL_ORIGIN)
}

export function readDiscussions(doc: Y.Doc): Discussion[] {
  const discussions: Discussion[] = []
  discussionsMap(doc).forEach((value, meetingId) => {
    const parsed = storedDiscussionSchema.safeParse(value)
    if (parsed.success) discussions.push({ meetingId, ...parsed.data })
  })
  return discussions.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0))
}

/**
 * When the person was last discussed at a meeting other than `meetingId`: "what changed since the
 * last huddle" counts from there. Null when no other meeting has discussed them.
 */
export function lastDiscussedElsewhere(doc: Y.Doc, meetingId: string): Discussion | null {
  const others = readDiscussions(doc).filter((discussion) => discussion.meetingId !== meetingId)
  return others.length > 0 ? others[others.length - 1] : null
}
