import * as Y from 'yjs'
import { LOCAL_ORIGIN } from '../board'
import { fromBase64, toBase64 } from '../stateVector'
import { FIELD_WORDS, listInWords, PERSON_FIELD_WORDS, valueWords } from './changeWords'
import { planReviewDateProblem } from './dateRules'
import { localDay } from './dates'
import { PLAN_LAYOUT } from './layout'
import { readNarrative, type Narrative } from './narrativeText'
import { agreementSchema, check, type Checked } from './fields'
import type { Author } from './entries'
import { readPlan, type PlanView } from './read'

/**
 * Agreement and history. "Mark as agreed" records who agreed, how and when, and takes a named
 * version: a Yjs snapshot (state vector + delete set), kept in the plan's own Y.Doc. A snapshot can
 * rebuild the plan as it was only if nothing deleted has been garbage-collected, so plan documents
 * run with `gc: false` in every window and in the hub.
 *
 *   agreement: Y.Map  agreedBy, relation, how, reviewDate, reviewer, agreedAt, recordedBy, versionId
 *   versions:  Y.Array of { id, name, kind, takenAt, takenBy, snapshot (base64) }, oldest first
 */

export interface Agreement {
  agreedBy: string
  relation: string
  how: string
  reviewDate: string
  reviewer: string
  agreedAt: string
  recordedBy: string
  versionId: string
}

export interface Version {
  id: string
  name: string
  kind: 'agreed'
  takenAt: string
  takenBy: string
  snapshot: string
}

function agreementMap(doc: Y.Doc): Y.Map<string> {
  return doc.getMap(PLAN_LAYOUT.agreement)
}

function versionsArray(doc: Y.Doc): Y.Array<Version> {
  return doc.getArray(PLAN_LAYOUT.versions)
}

export function requireHistory(doc: Y.Doc): void {
  if (doc.gc) throw new Error('Plan history needs the Y.Doc created with { gc: false }.')
}

/** Records the agreement and takes a named version of the plan as agreed. */
export function markAgreed(doc: Y.Doc, input: unknown, author: Author): Checked<string> {
  requireHistory(doc)
  const checked = check(agreementSchema, input)
  if (!checked.ok) return checked
  // "Today" is the agreeing person's calendar day.
  const reviewProblem = planReviewDateProblem(checked.value.reviewDate, localDay(author.now))
  if (reviewProblem) return { ok: false, errors: { reviewDate: reviewProblem } }
  const id = globalThis.crypto.randomUUID()
  const agreedAt = author.now.toISOString()
  doc.transact(() => {
    const map = agreementMap(doc)
    for (const [field, value] of Object.entries(checked.value)) map.set(field, value)
    map.set('agreedAt', agreedAt)
    map.set('recordedBy', author.by)
    map.set('versionId', id)
    // Taken inside the transaction, after the agreement is written: the version is the plan as agreed.
    const snapshot = toBase64(Y.encodeSnapshot(Y.snapshot(doc)))
    versionsArray(doc).push([
      { id, name: `Agreed with ${checked.value.agreedBy} (${checked.value.relation})`, kind: 'agreed', takenAt: agreedAt, takenBy: author.by, snapshot },
    ])
  }, LOCAL_ORIGIN)
  return { ok: true, value: id }
}

export function readAgreement(doc: Y.Doc): Agreement | null {
  const map = agreementMap(doc)
  const field = (key: keyof Agreement) => {
    const value = map.get(key)
    return typeof value === 'string' ? value : ''
  }
  if (!field('versionId')) return null
  return {
    agreedBy: field('agreedBy'),
    relation: field('relation'),
    how: field('how'),
    reviewDate: field('reviewDate'),
    reviewer: field('reviewer'),
    agreedAt: field('agreedAt'),
    recordedBy: field('recordedBy'),
    versionId: field('versionId'),
  }
}

function isVersion(value: unknown): value is Version {
  if (typeof value !== 'object' || value === null) return false
  const version = value as Record<string, unknown>
  return ['id', 'name', 'takenAt', 'takenBy', 'snapshot'].every((key) => typeof version[key] === 'string')
}

/** Every named version, newest first. */
export function listVersions(doc: Y.Doc): Version[] {
  return versionsArray(doc).toArray().filter(isVersion).reverse()
}

/** A read-only copy of the plan as it was at a version, or null if there is no such version. */
export function docAtVersion(doc: Y.Doc, versionId: string): Y.Doc | null {
  requireHistory(doc)
  const version = listVersions(doc).find((candidate) => candidate.id === versionId)
  if (!version) return null
  try {
    return Y.createDocFromSnapshot(doc, Y.decodeSnapshot(fromBase64(version.snapshot)))
  } catch {
    // A damaged snapshot (from a faulty client) means this version cannot be shown; the plan itself is fine.
    return null
  }
}

export interface PlanChange {
  /** Where in the plan, for example "Goals" or "About the person". */
  section: string
  change: 'added' | 'removed' | 'changed'
  /** Which entry or field, in words. */
  what: string
  before?: string
  after?: string
}


// Fields that are bookkeeping or worked out, not content someone agreed to.
const IGNORED = new Set(['id', 'addedBy', 'createdAt', 'position', 'list', 'overdue', 'ownerName', 'ownerRelationship', 'actions'])

interface Listed {
  id: string
  [field: string]: unknown
}

function label(entry: Listed): string {
  const text = entry.text ?? entry.what ?? entry.name
  return typeof text === 'string' ? text : entry.id
}

const capitalised = (words: string) => words.charAt(0).toUpperCase() + words.slice(1)

/** Turns a stored value into words: ids of owners, goals and needs become their names, keys the board's words. */
function show(field: string, value: unknown, plan: PlanView): string {
  if (field === 'ownerId') {
    const owner = [...plan.careTeam, ...plan.personalContacts].find((contact) => contact.id === value)
    return owner ? owner.name : 'someone no longer listed'
  }
  if (field === 'goalId') return plan.goals.find((goal) => goal.id === value)?.text ?? 'a deleted goal'
  if (field === 'needIds' && Array.isArray(value)) {
    // In the order the plan lists its needs (ids alone have no meaningful order).
    const linked = plan.needs.filter((need) => value.includes(need.id)).map((need) => need.text)
    const gone = value.filter((id) => !plan.needs.some((need) => need.id === id)).map(() => 'a deleted need')
    return listInWords([...linked, ...gone])
  }
  return valueWords(field, value)
}

function diffList(
  section: string,
  before: readonly Listed[],
  after: readonly Listed[],
  changes: PlanChange[],
  plans: { before: PlanView; after: PlanView },
): void {
  const old = new Map(before.map((entry) => [entry.id, entry]))
  const now = new Map(after.map((entry) => [entry.id, entry]))
  for (const entry of after) {
    const previous = old.get(entry.id)
    if (!previous) {
      changes.push({ section, change: 'added', what: label(entry) })
      continue
    }
    for (const field of new Set([...Object.keys(previous), ...Object.keys(entry)])) {
      if (IGNORED.has(field)) continue
      if (JSON.stringify(previous[field]) !== JSON.stringify(entry[field])) {
        changes.push({
          section,
          change: 'changed',
          what: `${label(previous)}: ${FIELD_WORDS[field] ?? field}`,
          before: show(field, previous[field], plans.before),
          after: show(field, entry[field], plans.after),
        })
      }
    }
  }
  for (const entry of before) if (!now.has(entry.id)) changes.push({ section, change: 'removed', what: label(entry) })
}

const actionsOf = (plan: PlanView): Listed[] =>
  [...plan.goals.flatMap((goal) => goal.actions), ...plan.actionsWithoutGoal] as unknown as Listed[]

/** What changed between two readings of a plan, section by section, in words. */
export function diffPlans(before: PlanView, after: PlanView, narrativeBefore: Narrative = {}, narrativeAfter: Narrative = {}): PlanChange[] {
  const changes: PlanChange[] = []
  for (const [field, words] of Object.entries(PERSON_FIELD_WORDS)) {
    const was = valueWords(field, before.person[field as keyof PlanView['person']])
    const is = valueWords(field, after.person[field as keyof PlanView['person']])
    if (was !== is) changes.push({ section: 'About the person', change: was === '' ? 'added' : is === '' ? 'removed' : 'changed', what: capitalised(words), before: was, after: is })
  }
  for (const key of new Set([...Object.keys(narrativeBefore), ...Object.keys(narrativeAfter)])) {
    const was = narrativeBefore[key]?.text ?? ''
    const is = narrativeAfter[key]?.text ?? ''
    const title = narrativeAfter[key]?.title ?? narrativeBefore[key]?.title ?? key
    if (was !== is) changes.push({ section: 'About me', change: was === '' ? 'added' : is === '' ? 'removed' : 'changed', what: title, before: was, after: is })
  }
  const plans = { before, after }
  const listed = (entries: readonly object[]) => entries as unknown as Listed[]
  diffList('Strengths', listed(before.strengths), listed(after.strengths), changes, plans)
  diffList('Needs and concerns', listed(before.needs), listed(after.needs), changes, plans)
  diffList('Goals', listed(before.goals), listed(after.goals), changes, plans)
  diffList('Actions', actionsOf(before), actionsOf(after), changes, plans)
  diffList('Care team', listed(before.careTeam), listed(after.careTeam), changes, plans)
  diffList('Personal contacts', listed(before.personalContacts), listed(after.personalContacts), changes, plans)
  return changes
}

/**
 * What changed since the plan was last agreed, or null if it never was. An empty list means the
 * plan is as agreed; anything else marks it "changed since agreed".
 */
export function changesSinceAgreed(doc: Y.Doc, today: string): PlanChange[] | null {
  const agreement = readAgreement(doc)
  if (!agreement) return null
  const then = docAtVersion(doc, agreement.versionId)
  if (!then) return null
  try {
    return diffPlans(readPlan(then, today), readPlan(doc, today), readNarrative(then), readNarrative(doc))
  } finally {
    then.destroy()
  }
}

/** "now" in diffVersions: the plan as it is. */
export const NOW = 'now'

/**
 * What changed from one version to another (either may be NOW), or null if one of them cannot be
 * rebuilt. Comparing a later version with an earlier one lists the changes backwards.
 */
export function diffVersions(doc: Y.Doc, fromId: string, toId: string, today: string): PlanChange[] | null {
  const open = (versionId: string) => (versionId === NOW ? doc : docAtVersion(doc, versionId))
  const from = open(fromId)
  const to = open(toId)
  try {
    if (!from || !to) return null
    return diffPlans(readPlan(from, today), readPlan(to, today), readNarrative(from), readNarrative(to))
  } finally {
    if (from && from !== doc) from.destroy()
    if (to && to !== doc) to.destroy()
  }
}
