import * as Y from 'yjs'
import { readMeta, type BoardMeta } from '../board'
import { ENTRY_SCHEMAS, isOpenAction, type ActionStatus, type EntryFields, type Person, type Voice } from './fields'
import { entriesMap, orderedIds, readPerson } from './entries'
import type { MeetingRef } from './meetingRecords'

/**
 * A plan read out of its Y.Doc as plain data: what screens, exports and the history diff use.
 * Nothing here writes; read it again after each change.
 */

interface EntryBase {
  id: string
  addedBy: string
  createdAt: string
}

export type Strength = EntryBase & EntryFields<'strength'>
export type Need = EntryBase & EntryFields<'need'>
export type Professional = EntryBase & EntryFields<'professional'>
export type PersonalContact = EntryBase & EntryFields<'personal'>
export type Contact = (Professional & { kind: 'professional' }) | (PersonalContact & { kind: 'personal' })

export interface Action extends EntryBase, EntryFields<'action'> {
  goalId: string
  /** The owner's name as the care team has it now, or null if they have been removed. */
  ownerName: string | null
  /** When a personal contact owns it: who they are to the person (shown instead of an agency). */
  ownerRelationship: string | null
  overdue: boolean
  /** The meeting this action was agreed at, or null. */
  fromMeeting: MeetingRef | null
}

export interface Goal extends EntryBase, EntryFields<'goal'> {
  needIds: string[]
  actions: Action[]
}

export interface PlanView {
  meta: BoardMeta | null
  person: Person
  strengths: Strength[]
  needs: Need[]
  goals: Goal[]
  /** Actions whose goal was deleted: kept, and shown until someone moves them to a goal. */
  actionsWithoutGoal: Action[]
  careTeam: Professional[]
  personalContacts: PersonalContact[]
}

/** An action is overdue when its due day has passed and it is neither done nor cancelled. */
export function isOverdue(action: { dueDate: string; status: ActionStatus }, today: string): boolean {
  return action.dueDate < today && isOpenAction(action)
}

/** The person's own words first, then professionals' notes; each group keeps its order. */
export function personWordsFirst<T extends { voice: Voice }>(entries: readonly T[]): T[] {
  return [...entries.filter((entry) => entry.voice === 'person'), ...entries.filter((entry) => entry.voice !== 'person')]
}

/**
 * One stored entry as plain data, or null if it does not hold valid fields. Entries come from every
 * device on the plan; one malformed entry (an old or faulty client) is left out rather than
 * breaking the plan for everyone who opens it.
 */
function plain(map: unknown, id: string, list: keyof typeof ENTRY_SCHEMAS): Record<string, unknown> | null {
  if (!(map instanceof Y.Map)) return null
  const record: Record<string, unknown> = {}
  map.forEach((value, key) => {
    if (key === 'needs' && value instanceof Y.Map) record.needIds = [...value.keys()].sort()
    else if (!(value instanceof Y.AbstractType)) record[key] = value
  })
  if (!ENTRY_SCHEMAS[list].safeParse(record).success) return null
  if (list === 'action' && typeof record.goalId !== 'string') return null
  return {
    ...record,
    id,
    addedBy: typeof record.addedBy === 'string' ? record.addedBy : '',
    createdAt: typeof record.createdAt === 'string' ? record.createdAt : '',
  }
}

function readList<T>(doc: Y.Doc, list: keyof typeof ENTRY_SCHEMAS, goalId?: string): T[] {
  const entries = entriesMap(doc)
  const read: T[] = []
  for (const id of orderedIds(doc, list, goalId)) {
    const entry = plain(entries.get(id), id, list)
    if (entry) read.push(entry as T)
  }
  return read
}

/** An action as stored: the meeting it came from is three plain fields. */
type RawAction = Omit<Action, 'ownerName' | 'ownerRelationship' | 'overdue' | 'fromMeeting'> & {
  fromMeetingId?: unknown
  fromMeetingTitle?: unknown
  fromMeetingDate?: unknown
}

export function readPlan(doc: Y.Doc, today: string): PlanView {
  const careTeam = readList<Professional>(doc, 'professional')
  const personalContacts = readList<PersonalContact>(doc, 'personal')
  const names = new Map<string, string>()
  for (const contact of [...careTeam, ...personalContacts]) names.set(contact.id, contact.name)
  const relationships = new Map(personalContacts.map((contact) => [contact.id, contact.relationship]))
  const toAction = (raw: RawAction): Action => {
    const { fromMeetingId, fromMeetingTitle, fromMeetingDate, ...action } = raw
    return {
      ...action,
      ownerName: names.get(raw.ownerId) ?? null,
      ownerRelationship: relationships.get(raw.ownerId) ?? null,
      overdue: isOverdue(raw, today),
      fromMeeting: typeof fromMeetingId === 'string' && fromMeetingId ? { id: fromMeetingId, title: String(fromMeetingTitle ?? ''), date: String(fromMeetingDate ?? '') } : null,
    }
  }

  // Every action in one pass, in position order, then shared out to their goals (one pass per goal
  // was most of the time on a 200-goal plan; see docs/benchmarks.md).
  const actionsByGoal = new Map<string, Action[]>()
  for (const action of readList<RawAction>(doc, 'action')) {
    const list = actionsByGoal.get(action.goalId) ?? []
    list.push(toAction(action))
    actionsByGoal.set(action.goalId, list)
  }
  const goals = readList<Omit<Goal, 'actions'>>(doc, 'goal').map((goal) => ({
    ...goal,
    needIds: goal.needIds ?? [],
    actions: actionsByGoal.get(goal.id) ?? [],
  }))
  const goalIds = new Set(goals.map((goal) => goal.id))
  const actionsWithoutGoal = [...actionsByGoal].filter(([goalId]) => !goalIds.has(goalId)).flatMap(([, actions]) => actions)

  return {
    meta: readMeta(doc),
    person: readPerson(doc),
    strengths: readList<Strength>(doc, 'strength'),
    needs: readList<Need>(doc, 'need'),
    goals,
    actionsWithoutGoal,
    careTeam,
    personalContacts,
  }
}
