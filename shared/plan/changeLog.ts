import * as Y from 'yjs'
import { FIELD_WORDS, LIST_WORDS, PERSON_FIELD_WORDS } from './changeWords'
import type { EntryList } from './fields'
import { PLAN_LAYOUT } from './layout'

/**
 * Who changed what and when. Yjs keeps no names or times on its edits, so each window records its
 * own person's changes (changeRecorder.ts) as small records in the plan's Y.Doc:
 *
 *   changeLog: Y.Array of { id, by, at, change }, oldest first, at most MAX_LOG_RECORDS
 *
 * `by` is the name the window goes by (typed by its user, not checked by anyone); `at` is an ISO
 * time; `change` is what changed, with values already in words (a date as "3 March 2027", an owner
 * by name) as they were at the time, so a later rename or deletion does not rewrite history.
 */

export type LoggedChange =
  | { kind: 'person'; field: string; before: string; after: string }
  | { kind: 'entry'; list: EntryList; entryId: string; label: string; field: string; before: string; after: string }
  | { kind: 'added' | 'deleted' | 'moved'; list: EntryList; entryId: string; label: string }
  | { kind: 'linked' | 'unlinked'; goalId: string; goal: string; need: string }
  | { kind: 'text'; fieldKey: string; title: string }
  | { kind: 'wording'; fieldKey: string; title: string; after: string }
  | { kind: 'agreed'; name: string }
  | { kind: 'decision'; text: string; meeting: string }
  | { kind: 'created' | 'renamed'; before: string; after: string }

export interface ChangeRecord {
  id: string
  /** The name the person who made the change goes by. */
  by: string
  /** When, as an ISO time. */
  at: string
  change: LoggedChange
}

/**
 * The newest records kept. Every device reads the whole log when History opens, so it must not
 * grow for ever on a plan used for years; 1,000 records is months of weekly huddles. (Plan docs
 * keep deleted content for their versions, so this bounds what is read, not the file's size.)
 */
export const MAX_LOG_RECORDS = 1000

/** Repeated edits by one person to one field within this time are one record, not one per keystroke. */
export const COALESCE_WINDOW_MS = 5 * 60 * 1000

/** Writes to the log carry this origin: not a change of the plan, so neither undone nor logged again. */
export const CHANGE_LOG_ORIGIN = Symbol('roundtable-change-log')

export function changeLogArray(doc: Y.Doc): Y.Array<ChangeRecord> {
  return doc.getArray(PLAN_LAYOUT.changeLog)
}

function isRecord(value: unknown): value is ChangeRecord {
  if (typeof value !== 'object' || value === null) return false
  const record = value as Record<string, unknown>
  const change = record.change as Record<string, unknown> | null
  return typeof record.by === 'string' && typeof record.at === 'string' && typeof change === 'object' && change !== null && typeof change.kind === 'string'
}

/** Every record, newest first; malformed ones (from a faulty device) are left out. */
export function readChangeLog(doc: Y.Doc): ChangeRecord[] {
  return changeLogArray(doc)
    .toArray()
    .filter(isRecord)
    .reverse()
    .sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0))
}

/** The names that appear in the log, in alphabetical order, for "show changes by". */
export function changeLogPeople(records: readonly ChangeRecord[]): string[] {
  return [...new Set(records.map((record) => record.by))].sort((a, b) => a.localeCompare(b, 'en-GB'))
}

/** What a change is about, for coalescing; null for changes that are never merged (adding, agreeing). */
export function changeTarget(change: LoggedChange): string | null {
  switch (change.kind) {
    case 'person':
      return `person:${change.field}`
    case 'entry':
      return `entry:${change.entryId}:${change.field}`
    case 'moved':
      return `moved:${change.entryId}`
    case 'text':
      return `text:${change.fieldKey}`
    case 'wording':
      return `wording:${change.fieldKey}`
    default:
      return null
  }
}

/** Two changes to one target as one: from the first one's old value to the second's new. Null if they cancel out. */
function mergeChanges(older: LoggedChange, newer: LoggedChange): LoggedChange | null {
  if ((newer.kind === 'person' && older.kind === 'person') || (newer.kind === 'entry' && older.kind === 'entry')) {
    const merged = { ...newer, before: older.before }
    return merged.before === merged.after ? null : merged
  }
  return newer
}

export interface Coalesced {
  /** The record to take out (it is replaced, or the two changes cancelled out), or -1. */
  remove: number
  /** The record to add at the end, or null. */
  add: ChangeRecord | null
}

/**
 * Where `incoming` goes in `records` (oldest first): merged into the same person's newest record
 * when that is about the same field, at most COALESCE_WINDOW_MS older, and nobody else has changed
 * that field since; else added.
 */
export function coalesce(records: readonly ChangeRecord[], incoming: ChangeRecord): Coalesced {
  const target = changeTarget(incoming.change)
  if (target === null) return { remove: -1, add: incoming }
  for (let index = records.length - 1; index >= 0; index -= 1) {
    const record = records[index]
    if (!isRecord(record)) continue
    if (record.by !== incoming.by) {
      // Someone else changed it since: this edit answers theirs, and both are kept.
      if (changeTarget(record.change) === target) break
      continue
    }
    const gap = Date.parse(incoming.at) - Date.parse(record.at)
    if (changeTarget(record.change) !== target || !(gap >= 0 && gap <= COALESCE_WINDOW_MS)) break
    const merged = mergeChanges(record.change, incoming.change)
    return { remove: index, add: merged ? { ...record, at: incoming.at, change: merged } : null }
  }
  return { remove: -1, add: incoming }
}

/** Adds records to the log, merging repeated edits and keeping only the newest MAX_LOG_RECORDS. */
export function appendToChangeLog(doc: Y.Doc, records: readonly ChangeRecord[], max = MAX_LOG_RECORDS): void {
  if (records.length === 0) return
  const log = changeLogArray(doc)
  doc.transact(() => {
    for (const record of records) {
      const { remove, add } = coalesce(log.toArray(), record)
      if (remove >= 0) log.delete(remove, 1)
      if (add) log.push([add])
    }
    if (log.length > max) log.delete(0, log.length - max)
  }, CHANGE_LOG_ORIGIN)
}

const quote = (text: string) => `‘${text}’`

function setOrChange(what: string, before: string, after: string): string {
  if (before === '') return `set the ${what} to ${after}`
  if (after === '') return `cleared the ${what} (it was ${before})`
  return `changed the ${what} from ${before} to ${after}`
}

/** A change in plain words, as History shows it after the person's name. */
export function describeChange(change: LoggedChange): string {
  switch (change.kind) {
    case 'person':
      return setOrChange(`person’s ${PERSON_FIELD_WORDS[change.field] ?? change.field}`, change.before, change.after)
    case 'entry': {
      const entry = `${LIST_WORDS[change.list] ?? 'the entry'} ${quote(change.label)}`
      if (['text', 'what', 'name'].includes(change.field)) return `reworded ${LIST_WORDS[change.list] ?? 'the entry'} ${quote(change.before)} as ${quote(change.after)}`
      if (change.field === 'goalId') return `moved ${entry} from the goal ${quote(change.before)} to the goal ${quote(change.after)}`
      if (change.field === 'voice') return `marked ${entry} as ${change.after}`
      return setOrChange(`${FIELD_WORDS[change.field] ?? change.field} of ${entry}`, change.before, change.after)
    }
    case 'added':
      return `added ${LIST_WORDS[change.list] ?? 'an entry'} ${quote(change.label)}`
    case 'deleted':
      return `deleted ${LIST_WORDS[change.list] ?? 'an entry'} ${quote(change.label)}`
    case 'moved':
      return `moved ${LIST_WORDS[change.list] ?? 'an entry'} ${quote(change.label)} to another place in its list`
    case 'linked':
      return `linked the need ${quote(change.need)} to the goal ${quote(change.goal)}`
    case 'unlinked':
      return `unlinked the need ${quote(change.need)} from the goal ${quote(change.goal)}`
    case 'text':
      return `edited ${change.title}`
    case 'wording':
      return change.after ? `marked ${change.title} as ${quote(change.after)}` : `cleared how ${change.title} was written`
    case 'agreed':
      return `marked the plan as agreed (${change.name})`
    case 'decision':
      return `recorded a decision at ${change.meeting}: ${quote(change.text)}`
    case 'created':
      return `started the plan ${quote(change.after)}`
    case 'renamed':
      return `renamed the plan from ${quote(change.before)} to ${quote(change.after)}`
    default:
      return 'made a change'
  }
}
