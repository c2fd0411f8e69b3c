import type * as Y from 'yjs'
import { readMeta } from '../board'
import { describeChange, readChangeLog, type LoggedChange } from '../plan/changeLog'
import { LIST_WORDS, PERSON_FIELD_WORDS } from '../plan/changeWords'
import { isOpenAction, type ActionStatus } from '../plan/fields'
import { lastDiscussedElsewhere, readDecisions, readDiscussions, type Decision, type Discussion } from '../plan/meetingRecords'
import { CONTINGENCY_FIELDS } from '../plan/narrative'
import { richTextPlain } from '../plan/narrativeText'
import { readPlan, type Action } from '../plan/read'
import { isReviewOverdue } from '../plan/dateRules'
import { agreedDay } from '../plan/printedPlan'
import { readAgreement } from '../plan/versions'

/**
 * One person's case as the huddle shows it, read from their plan: what matters to them, what is
 * open (overdue first), what changed since a meeting last discussed them, what to do if things get
 * worse, and what this meeting has decided and agreed so far. Nothing here writes.
 */

/** How many changes "since the last meeting" lists; the rest are counted. */
export const MAX_CHANGE_LINES = 8

export interface HuddleAction {
  id: string
  what: string
  goalText: string
  ownerName: string | null
  /** The agency, or for a family member or friend who they are to the person. */
  ownerDetail: string
  dueDate: string
  overdue: boolean
  status: ActionStatus
}

export interface HuddleCase {
  /** False while the plan is empty or not a plan: it was deleted, or has not arrived yet. */
  found: boolean
  name: string
  /** Their preferred name, else their name. */
  callName: string
  /** "What is most important to me", as plain text. */
  whatMatters: string
  /** Open actions, overdue first, then soonest due. */
  openActions: HuddleAction[]
  goals: { id: string; text: string }[]
  careTeam: { id: string; name: string; role: string; organisation: string }[]
  personalContacts: { id: string; name: string; relationship: string }[]
  /** The contingency plan's parts that have something written. */
  triggers: { title: string; text: string }[]
  changesSinceLast: {
    /** The meeting that last discussed them before this one, or null if none has. */
    since: Discussion | null
    lines: { by: string; at: string; words: string }[]
    /** Changes not listed in `lines`. */
    more: number
  }
  /** Decisions made at this meeting, oldest first. */
  decisionsHere: Decision[]
  /** Actions agreed at this meeting, in the plan's order. */
  actionsHere: HuddleAction[]
  /** When the plan was last agreed and is due for review, for the line beside the name; null if never agreed. */
  agreement: { agreedOn: string; reviewDate: string; reviewOverdue: boolean } | null
}

/**
 * A change in words a room may see. The huddle's screen faces a room, so the person's details (NHS
 * number, date of birth, name), the names in an agreement or the plan's title, family and friends,
 * and anyone's contact details are said without their values: "changed the person’s NHS number".
 */
export function changeWordsForTheRoom(change: LoggedChange): string {
  switch (change.kind) {
    case 'person':
      return `changed the person’s ${PERSON_FIELD_WORDS[change.field] ?? 'details'}`
    case 'agreed':
      return 'marked the plan as agreed'
    case 'created':
      return 'started the plan'
    case 'renamed':
      return 'renamed the plan'
    case 'entry':
      return change.list === 'personal' || change.field === 'contact' ? `changed the details of ${LIST_WORDS[change.list] ?? 'an entry'}` : describeChange(change)
    case 'added':
    case 'deleted':
      return change.list === 'personal' ? `${change.kind} a personal contact` : describeChange(change)
    case 'moved':
      return change.list === 'personal' ? 'moved a personal contact' : describeChange(change)
    default:
      return describeChange(change)
  }
}

function huddleAction(action: Action, goalText: string): HuddleAction {
  return {
    id: action.id,
    what: action.what,
    goalText,
    ownerName: action.ownerName,
    ownerDetail: action.ownerRelationship ?? action.agency,
    dueDate: action.dueDate,
    overdue: action.overdue,
    status: action.status,
  }
}

export function readHuddleCase(planDoc: Y.Doc, meetingId: string, today: string): HuddleCase {
  const meta = readMeta(planDoc)
  const plan = readPlan(planDoc, today)
  const allActions = [
    ...plan.goals.flatMap((goal) => goal.actions.map((action) => ({ action, goalText: goal.text }))),
    ...plan.actionsWithoutGoal.map((action) => ({ action, goalText: '' })),
  ]
  const openActions = allActions
    .filter(({ action }) => isOpenAction(action))
    .sort((a, b) => (a.action.overdue !== b.action.overdue ? (a.action.overdue ? -1 : 1) : a.action.dueDate < b.action.dueDate ? -1 : a.action.dueDate > b.action.dueDate ? 1 : 0))
    .map(({ action, goalText }) => huddleAction(action, goalText))

  const agreement = readAgreement(planDoc)
  const since = lastDiscussedElsewhere(planDoc, meetingId)
  const here = readDiscussions(planDoc).find((discussion) => discussion.meetingId === meetingId)
  // From the last meeting until this one first opened the case: what this meeting did itself is
  // shown under "Decisions and actions today", not again here.
  const changed = readChangeLog(planDoc).filter((record) => (!since || record.at > since.at) && (!here || record.at < here.firstAt))

  return {
    found: meta?.kind === 'plan',
    name: plan.person.name,
    callName: plan.person.preferredName.trim() || plan.person.name.trim() || meta?.title || '',
    whatMatters: richTextPlain(planDoc, 'importantToMe').trim(),
    openActions,
    goals: plan.goals.map((goal) => ({ id: goal.id, text: goal.text })),
    careTeam: plan.careTeam.map(({ id, name, role, organisation }) => ({ id, name, role, organisation })),
    personalContacts: plan.personalContacts.map(({ id, name, relationship }) => ({ id, name, relationship })),
    triggers: CONTINGENCY_FIELDS.map((field) => ({ title: field.title, text: richTextPlain(planDoc, field.key).trim() })).filter((trigger) => trigger.text !== ''),
    changesSinceLast: {
      since,
      lines: changed.slice(0, MAX_CHANGE_LINES).map((record) => ({ by: record.by, at: record.at, words: changeWordsForTheRoom(record.change) })),
      more: Math.max(0, changed.length - MAX_CHANGE_LINES),
    },
    agreement: agreement ? { agreedOn: agreedDay(agreement), reviewDate: agreement.reviewDate, reviewOverdue: isReviewOverdue(agreement.reviewDate, today) } : null,
    decisionsHere: readDecisions(planDoc).filter((decision) => decision.meetingId === meetingId),
    actionsHere: allActions.filter(({ action }) => action.fromMeeting?.id === meetingId).map(({ action, goalText }) => huddleAction(action, goalText)),
  }
}
