import * as Y from 'yjs'
import { LOCAL_ORIGIN, positionBetween } from '../board'
import { actionReviewDateProblem, dateOfBirthProblem, farDueDateQuestion } from './dateRules'
import { localDay } from './dates'
import { PLAN_LAYOUT } from './layout'
import { agencyForOwner, agencyProblem, type OwnerKind } from './owners'
import { voiceAfterEdit, wordsFieldOf, type StillTheirWords } from './voice'
import { meetingRefSchema, type MeetingRef } from './meetingRecords'
import {
  check,
  checkNewAction,
  ENTRY_SCHEMAS,
  personSchema,
  type Checked,
  type EntryFields,
  type EntryInput,
  type EntryList,
  type Person,
  type PersonField,
  type Voice,
} from './fields'

/**
 * The only functions that change a plan's person details and entries in its Y.Doc.
 *
 *   person:  Y.Map  name, preferredName, dateOfBirth, nhsNumber, gpPractice, communicationNeeds
 *   entries: Y.Map  entryId -> Y.Map { list, position, addedBy, createdAt, ...the list's fields }
 *            an action also has goalId, and if it was agreed at a meeting fromMeetingId,
 *            fromMeetingTitle and fromMeetingDate (meetingRecords.ts); a goal also has needs: Y.Map needId -> true
 *
 * Each entry is one Y.Map of its fields, so two people changing different fields of the same entry
 * both keep their change. Order is a fractional position on the entry (as for board cards), so
 * concurrent moves can never duplicate or lose an entry.
 */


export function personMap(doc: Y.Doc): Y.Map<string> {
  return doc.getMap(PLAN_LAYOUT.person)
}

export function entriesMap(doc: Y.Doc): Y.Map<Y.Map<unknown>> {
  return doc.getMap(PLAN_LAYOUT.entries)
}

/** Who made a change and when; every entry records who added it. */
export interface Author {
  by: string
  now: Date
}

/**
 * Sets one detail of the person after checking it; on a bad value nothing is written. `today`
 * (YYYY-MM-DD) rules out a date of birth in the future or more than 130 years ago.
 */
export function setPersonField(doc: Y.Doc, field: PersonField, raw: string, today: string = localDay(new Date())): Checked<string> {
  const schema = personSchema.shape[field]
  const checked = check(schema, raw)
  if (!checked.ok) return { ok: false, errors: { [field]: checked.errors.form } }
  const value = String(checked.value)
  const birthProblem = field === 'dateOfBirth' ? dateOfBirthProblem(value, today) : null
  if (birthProblem) return { ok: false, errors: { dateOfBirth: birthProblem } }
  doc.transact(() => personMap(doc).set(field, value), LOCAL_ORIGIN)
  return { ok: true, value }
}

export function readPerson(doc: Y.Doc): Person {
  const map = personMap(doc)
  const text = (field: PersonField) => {
    const value = map.get(field)
    return typeof value === 'string' ? value : ''
  }
  return {
    name: text('name'),
    preferredName: text('preferredName'),
    dateOfBirth: text('dateOfBirth'),
    nhsNumber: text('nhsNumber'),
    gpPractice: text('gpPractice'),
    communicationNeeds: text('communicationNeeds'),
  }
}

function entryMap(doc: Y.Doc, id: string): Y.Map<unknown> {
  const map = entriesMap(doc).get(id)
  if (!map) throw new Error('That entry has been deleted by someone else.')
  return map
}

/** The entries of one list (and, for actions, of one goal), in order. */
export function orderedIds(doc: Y.Doc, list: EntryList, goalId?: string): string[] {
  const found: { id: string; position: string }[] = []
  entriesMap(doc).forEach((map, id) => {
    if (!(map instanceof Y.Map) || map.get('list') !== list) return
    if (goalId !== undefined && map.get('goalId') !== goalId) return
    const position = map.get('position')
    found.push({ id, position: typeof position === 'string' ? position : '' })
  })
  found.sort((a, b) => (a.position !== b.position ? (a.position < b.position ? -1 : 1) : a.id < b.id ? -1 : 1))
  return found.map((entry) => entry.id)
}

function positionAt(doc: Y.Doc, ids: string[], index: number): string {
  const at = Math.max(0, Math.min(index, ids.length))
  const positionOf = (id: string | undefined) => {
    const position = id === undefined ? null : entriesMap(doc).get(id)?.get('position')
    return typeof position === 'string' ? position : null
  }
  return positionBetween(at > 0 ? positionOf(ids[at - 1]) : null, positionOf(ids[at]))
}

export interface AddOptions extends Author {
  /** For an action: the goal it belongs to. */
  goalId?: string
  /** For an action: today's date (YYYY-MM-DD); a new action cannot be due before it. */
  today?: string
  /** For an action: the person has confirmed a due date more than five years ahead. */
  confirmFarDueDate?: boolean
  /** For an action agreed at a meeting: which one, so the plan and the minutes can say so. */
  fromMeeting?: MeetingRef
}

/** Adds an entry at the end of its list (or its goal's actions). Returns the new id, or the problems. */
export function addEntry<L extends EntryList>(doc: Y.Doc, list: L, input: EntryInput<L>, options: AddOptions): Checked<string> {
  let checked: Checked<EntryFields<L>>
  if (list === 'action') {
    if (!options.goalId || entriesMap(doc).get(options.goalId)?.get('list') !== 'goal') {
      return { ok: false, errors: { goalId: 'Choose the goal this action is for.' } }
    }
    if (!options.today) throw new Error('addEntry needs today’s date for an action')
    checked = checkNewAction(input, options.today, options.confirmFarDueDate) as Checked<EntryFields<L>>
  } else {
    checked = check(ENTRY_SCHEMAS[list], input) as Checked<EntryFields<L>>
  }
  if (!checked.ok) return checked
  if (list === 'action') {
    const ownerProblems = actionOwnerProblems(doc, checked.value as EntryFields<'action'>)
    if (ownerProblems) return { ok: false, errors: ownerProblems }
  }
  const fromMeeting = list === 'action' && options.fromMeeting ? check(meetingRefSchema, options.fromMeeting) : null
  if (fromMeeting && !fromMeeting.ok) return { ok: false, errors: { form: Object.values(fromMeeting.errors).join(' ') } }
  const id = globalThis.crypto.randomUUID()
  const map = new Y.Map<unknown>()
  doc.transact(() => {
    map.set('list', list)
    const goalId = list === 'action' ? options.goalId : undefined
    map.set('position', positionAt(doc, orderedIds(doc, list, goalId), Number.MAX_SAFE_INTEGER))
    map.set('addedBy', options.by)
    map.set('createdAt', options.now.toISOString())
    for (const [field, value] of Object.entries(checked.value)) map.set(field, value)
    if (list === 'action') map.set('goalId', options.goalId)
    if (fromMeeting?.ok) {
      map.set('fromMeetingId', fromMeeting.value.id)
      map.set('fromMeetingTitle', fromMeeting.value.title)
      map.set('fromMeetingDate', fromMeeting.value.date)
    }
    if (list === 'goal') map.set('needs', new Y.Map<boolean>())
    entriesMap(doc).set(id, map)
  }, LOCAL_ORIGIN)
  return { ok: true, value: id }
}

function contactKind(doc: Y.Doc, id: string): OwnerKind | null {
  const list = entriesMap(doc).get(id)?.get('list')
  return list === 'professional' || list === 'personal' ? list : null
}

/** An action's owner must be a contact, and a professional owner needs an agency. */
function actionOwnerProblems(doc: Y.Doc, action: EntryFields<'action'>): Record<string, string> | null {
  const kind = contactKind(doc, action.ownerId)
  if (!kind) return { ownerId: 'Choose who will do this from the care team or personal contacts.' }
  const agency = agencyProblem(kind, action.agency)
  return agency ? { agency } : null
}

export interface UpdateOptions {
  /** Today (YYYY-MM-DD) where the user is; a changed due date more than five years after it is asked about. */
  today?: string
  confirmFarDueDate?: boolean
  /** The answer to "are these still the person's own words?", asked when their words change (voice.ts). */
  stillTheirWords?: StillTheirWords
}

/**
 * Changes some fields of an entry. The whole entry must still be valid (an action: reviewed no
 * earlier than it is due, an agency if a professional owns it); only changed fields are written.
 * Changing the words of an entry in the person's own words needs `stillTheirWords` (see voice.ts).
 */
export function updateEntry<L extends EntryList>(doc: Y.Doc, id: string, list: L, changes: Partial<EntryInput<L>>, options: UpdateOptions = {}): Checked<string> {
  const map = entryMap(doc, id)
  if (map.get('list') !== list) throw new Error(`Entry ${id} is not in ${list}`)
  const current: Record<string, unknown> = {}
  for (const field of Object.keys(ENTRY_SCHEMAS[list].shape)) current[field] = map.get(field)
  const checked = check(ENTRY_SCHEMAS[list], { ...current, ...changes }) as Checked<Record<string, unknown>>
  if (!checked.ok) return checked
  const wordsField = wordsFieldOf(list)
  if (wordsField) {
    const after = { words: checked.value[wordsField], voice: checked.value.voice as Voice }
    const voice = voiceAfterEdit({ words: current[wordsField], voice: current.voice }, after, options.stillTheirWords)
    if (!voice.ok) return voice
    checked.value.voice = voice.value
  }
  if (list === 'action') {
    const problems = actionUpdateProblems(doc, checked.value as EntryFields<'action'>, current.dueDate, options)
    if (problems) return { ok: false, errors: problems }
  }
  doc.transact(() => {
    for (const [field, value] of Object.entries(checked.value)) if (map.get(field) !== value) map.set(field, value)
  }, LOCAL_ORIGIN)
  return { ok: true, value: id }
}

function actionUpdateProblems(doc: Y.Doc, action: EntryFields<'action'>, dueDateBefore: unknown, options: UpdateOptions): Record<string, string> | null {
  const problems: Record<string, string> = { ...actionOwnerProblems(doc, action) }
  const review = actionReviewDateProblem(action.dueDate, action.reviewDate)
  if (review) problems.reviewDate = review
  if (action.dueDate !== dueDateBefore && !options.confirmFarDueDate) {
    const question = farDueDateQuestion(action.dueDate, options.today ?? localDay(new Date()))
    if (question) problems.dueDate = question
  }
  return Object.keys(problems).length > 0 ? problems : null
}

/**
 * Deletes an entry. A goal's actions are kept (shown as "not linked to a goal" until moved) and
 * a contact's actions keep their text, so deleting one thing never silently deletes another.
 */
export function deleteEntry(doc: Y.Doc, id: string): void {
  doc.transact(() => {
    entriesMap(doc).delete(id)
    // Links from goals to a deleted need go too.
    entriesMap(doc).forEach((map) => {
      const needs = map.get('needs')
      if (needs instanceof Y.Map && needs.has(id)) needs.delete(id)
    })
  }, LOCAL_ORIGIN)
}

/** Moves an entry to `toIndex` within its list (an action: within its goal), counted without the entry itself. */
export function moveEntry(doc: Y.Doc, id: string, toIndex: number): void {
  const map = entryMap(doc, id)
  const list = map.get('list') as EntryList
  const goalId = list === 'action' ? (map.get('goalId') as string) : undefined
  const others = orderedIds(doc, list, goalId).filter((other) => other !== id)
  doc.transact(() => map.set('position', positionAt(doc, others, toIndex)), LOCAL_ORIGIN)
}

/** Moves an action to another goal, at `toIndex` among that goal's actions. */
export function moveActionToGoal(doc: Y.Doc, actionId: string, goalId: string, toIndex: number): void {
  const action = entryMap(doc, actionId)
  if (action.get('list') !== 'action') throw new Error('Only actions belong to goals.')
  if (entryMap(doc, goalId).get('list') !== 'goal') throw new Error('That is not a goal.')
  const others = orderedIds(doc, 'action', goalId).filter((other) => other !== actionId)
  doc.transact(() => {
    action.set('goalId', goalId)
    action.set('position', positionAt(doc, others, toIndex))
  }, LOCAL_ORIGIN)
}

function goalNeeds(doc: Y.Doc, goalId: string, needId: string): Y.Map<boolean> {
  const goal = entryMap(doc, goalId)
  if (goal.get('list') !== 'goal') throw new Error('That is not a goal.')
  if (entryMap(doc, needId).get('list') !== 'need') throw new Error('That is not a need.')
  let needs = goal.get('needs')
  if (!(needs instanceof Y.Map)) {
    needs = new Y.Map<boolean>()
    goal.set('needs', needs)
  }
  return needs as Y.Map<boolean>
}

/** Records that a goal answers a need. Linking twice is harmless. */
export function linkNeedToGoal(doc: Y.Doc, needId: string, goalId: string): void {
  doc.transact(() => goalNeeds(doc, goalId, needId).set(needId, true), LOCAL_ORIGIN)
}

export function unlinkNeedFromGoal(doc: Y.Doc, needId: string, goalId: string): void {
  doc.transact(() => goalNeeds(doc, goalId, needId).delete(needId), LOCAL_ORIGIN)
}

/**
 * Adds an action whose owner is someone new to the care team, in one step: both are checked first,
 * and either both are written (one undo step) or neither is. Owner problems come back under
 * newOwnerName, newOwnerRole and newOwnerOrganisation.
 */
export function addActionWithNewOwner(
  doc: Y.Doc,
  action: Omit<EntryInput<'action'>, 'ownerId'>,
  owner: { name: string; role: string; organisation: string },
  options: AddOptions,
): Checked<string> {
  const ownerChecked = check(ENTRY_SCHEMAS.professional, { ...owner, contact: '', keyWorker: false })
  // The new owner's organisation is the usual agency; it fills the box if nobody typed one.
  const filled = { ...action, agency: agencyForOwner(action.agency ?? '', owner.organisation) }
  const actionChecked = checkNewAction({ ...filled, ownerId: 'new' }, options.today ?? '', options.confirmFarDueDate)
  const errors: Record<string, string> = {}
  if (!ownerChecked.ok) {
    const names: Record<string, string> = { name: 'newOwnerName', role: 'newOwnerRole', organisation: 'newOwnerOrganisation' }
    for (const [field, message] of Object.entries(ownerChecked.errors)) if (message) errors[names[field] ?? field] = message
  }
  if (!actionChecked.ok) Object.assign(errors, actionChecked.errors)
  if (Object.keys(errors).length > 0 || !ownerChecked.ok) return { ok: false, errors }
  let result: Checked<string> = { ok: false, errors: { form: 'The action could not be added.' } }
  doc.transact(() => {
    const added = addEntry(doc, 'professional', ownerChecked.value, { by: options.by, now: options.now })
    if (!added.ok) return
    result = addEntry(doc, 'action', { ...filled, ownerId: added.value }, options)
    // The action was checked above, so this only fails if its goal vanished meanwhile; then undo the owner too.
    if (!result.ok) entriesMap(doc).delete(added.value)
  }, LOCAL_ORIGIN)
  return result
}

/**
 * Moves an entry to just after `afterId` (or first, for null) in its list, or, for an action,
 * among `goalId`'s actions (moving it to that goal). Screens show the person's words and
 * professionals' notes as two groups; a move within a group, given its neighbour in that group,
 * keeps the group's order right whatever lies between in the stored order.
 */
export function moveEntryAfter(doc: Y.Doc, id: string, afterId: string | null, goalId?: string): void {
  const map = entryMap(doc, id)
  const list = map.get('list') as EntryList
  if (list === 'action') {
    const targetGoal = goalId ?? (map.get('goalId') as string)
    const others = orderedIds(doc, 'action', targetGoal).filter((other) => other !== id)
    // A neighbour deleted meanwhile (by someone else): leave the entry where it is rather than guess.
    if (afterId !== null && !others.includes(afterId)) return
    moveActionToGoal(doc, id, targetGoal, afterId === null ? 0 : others.indexOf(afterId) + 1)
    return
  }
  const others = orderedIds(doc, list).filter((other) => other !== id)
  if (afterId !== null && !others.includes(afterId)) return
  const index = afterId === null ? 0 : others.indexOf(afterId) + 1
  doc.transact(() => map.set('position', positionAt(doc, others, index)), LOCAL_ORIGIN)
}
