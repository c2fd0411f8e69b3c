import * as Y from 'yjs'
import { LOCAL_ORIGIN } from '../board'
import { MAX_NAME_LENGTH } from '../presence'
import type { SharedType } from '../boardLayout'
import { PLAN_LAYOUT } from './layout'

/**
 * Who wrote each narrative field (About me, the contingency plan), at the level of the field.
 *
 * Why per field and not per character: a rich-text field is one Lexical editor over one Y.XmlText,
 * and Yjs could tell which device inserted each character, but not which person (a device's
 * client id is not a name, and one laptop at a huddle is used by many). What a plan needs to be
 * honest about is the PRSB question "who helped write this": so each field records two things.
 *
 *   1. Who has typed in it: the name each window goes by (shared/presence.ts), recorded the first
 *      time that window's own edits change the field. Facts, written by the app, never edited.
 *   2. How it was written: "in the person's own words", "written with the person" or "written by
 *      the care team", a choice anyone can make or change, unset until someone does. The app
 *      cannot know this from who typed (a nurse typing what the person dictates is still the
 *      person's words), so it is asked, never inferred.
 *
 * Layout: two top-level maps, flat, so concurrent first writes never replace each other (a nested
 * Y.Map per field created by two people at once would keep only one of them):
 *   narrativeWriters: Y.Map  JSON [fieldKey, name] -> ISO time that name first wrote there
 *   narrativeWording: Y.Map  fieldKey -> one of NARRATIVE_WORDINGS
 */

/** The doc's top-level types this module keeps, for screens that re-read when they change. */
export function narrativeAuthorshipTypes(doc: Y.Doc): SharedType[] {
  return [doc.getMap(PLAN_LAYOUT.narrativeWriters), doc.getMap(PLAN_LAYOUT.narrativeWording)]
}

/**
 * Recording a writer is bookkeeping, not an edit of the plan: it is marked with its own origin so
 * the board's undo (which undoes LOCAL_ORIGIN changes) never takes a name off a field whose text
 * the rich-text editor's own undo has kept.
 */
export const AUTHORSHIP_ORIGIN = Symbol('roundtable-authorship')

export const NARRATIVE_WORDINGS = ['own-words', 'with-person', 'by-team'] as const
export type NarrativeWording = (typeof NARRATIVE_WORDINGS)[number]

/** The choices as a person reads them; `person` is the name the person goes by, or empty. */
export function wordingLabel(wording: NarrativeWording, person: string): string {
  const who = person.trim() || 'the person'
  switch (wording) {
    case 'own-words':
      return `In ${who}’s own words`
    case 'with-person':
      return `Written with ${who}`
    case 'by-team':
      return 'Written by the care team'
  }
}

export interface NarrativeAuthorship {
  /** Everyone who has typed in the field, in the order they first did. */
  writers: string[]
  /** How it was written, or null while nobody has said. */
  wording: NarrativeWording | null
}

function writersMap(doc: Y.Doc): Y.Map<string> {
  return doc.getMap(PLAN_LAYOUT.narrativeWriters)
}

function wordingMap(doc: Y.Doc): Y.Map<string> {
  return doc.getMap(PLAN_LAYOUT.narrativeWording)
}

const writerKey = (fieldKey: string, name: string) => JSON.stringify([fieldKey, name])

/**
 * Notes that `name` has written in `fieldKey`. Called on every local edit of the field, so it
 * writes only the first time (one small change per person per field, not one per keystroke).
 */
export function recordNarrativeWriter(doc: Y.Doc, fieldKey: string, name: string, now: Date): void {
  const clean = name.trim().slice(0, MAX_NAME_LENGTH)
  if (clean === '') return
  const key = writerKey(fieldKey, clean)
  if (writersMap(doc).has(key)) return
  doc.transact(() => writersMap(doc).set(key, now.toISOString()), AUTHORSHIP_ORIGIN)
}

/** Sets (or, with null, clears) how a field was written. */
export function setNarrativeWording(doc: Y.Doc, fieldKey: string, wording: NarrativeWording | null): void {
  doc.transact(() => {
    if (wording === null) wordingMap(doc).delete(fieldKey)
    else wordingMap(doc).set(fieldKey, wording)
  }, LOCAL_ORIGIN)
}

function isWording(value: unknown): value is NarrativeWording {
  return typeof value === 'string' && (NARRATIVE_WORDINGS as readonly string[]).includes(value)
}

/** A wording from a form's choice, or null for "not said yet" (or anything else). */
export function wordingFromChoice(value: unknown): NarrativeWording | null {
  return isWording(value) ? value : null
}

/** What the doc says about who wrote a field; anything malformed (from another device) is left out. */
export function readNarrativeAuthorship(doc: Y.Doc, fieldKey: string): NarrativeAuthorship {
  const found: { name: string; at: string }[] = []
  writersMap(doc).forEach((at, key) => {
    let parsed: unknown
    try {
      parsed = JSON.parse(key)
    } catch {
      return
    }
    if (!Array.isArray(parsed) || parsed[0] !== fieldKey || typeof parsed[1] !== 'string' || typeof at !== 'string') return
    found.push({ name: parsed[1], at })
  })
  found.sort((a, b) => (a.at !== b.at ? (a.at < b.at ? -1 : 1) : a.name < b.name ? -1 : 1))
  const wording = wordingMap(doc).get(fieldKey)
  return { writers: found.map((writer) => writer.name), wording: isWording(wording) ? wording : null }
}

/** Who has typed in a field, in words ("Typed by Sam and Ann."), or empty if nobody has. */
export function writersLine(authorship: NarrativeAuthorship): string {
  return authorship.writers.length > 0 ? `Typed by ${listInWords(authorship.writers)}.` : ''
}

/** One line for beside a field: how it was written, then who typed it. Empty when neither is known. */
export function authorshipLine(authorship: NarrativeAuthorship, person: string): string {
  const parts: string[] = []
  if (authorship.wording) parts.push(`${wordingLabel(authorship.wording, person)}.`)
  const writers = writersLine(authorship)
  if (writers) parts.push(writers)
  return parts.join(' ')
}

function listInWords(names: readonly string[]): string {
  if (names.length <= 1) return names.join('')
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`
}
