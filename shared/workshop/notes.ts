import * as Y from 'yjs'
import { LOCAL_ORIGIN } from '../board'
import { check, type Checked } from '../plan/fields'
import { MAX_NOTES, noteEditSchema, noteSchema, positionSchema, STAGES, type CanvasPosition, type NoteEdit, type NoteFields, type NoteInput } from './fields'
import { WORKSHOP_LAYOUT } from './layout'
import { isAnonymous, isFacilitator, isPrivateWriting, markWritingStarted, notesRevealed, refuse, writeRefusal, type Actor } from './workshop'

/**
 * The sticky notes everyone can see.
 *
 *   notes: Y.Map  noteId -> Y.Map { text, colour, author?, ownerId, x, y, themeId?, createdAt }
 *
 * `author` is the name a person chose to put on their note; it is never written when the workshop
 * is anonymous. `ownerId` is the writer's participant id (a random key, not a name) so people can
 * edit their own notes. The text is one value: a sticky note is rewritten whole, and the last edit
 * wins. A note's theme is a field on the note, so a note is in one theme at most, however many
 * people drag it at once.
 */

export function notesMap(doc: Y.Doc): Y.Map<Y.Map<unknown>> {
  return doc.getMap(WORKSHOP_LAYOUT.notes)
}

/** Ideas can be written and rearranged while ideas are gathered and grouped. */
const NOTE_STAGES = ['ideas', 'themes'] as const

/**
 * A note as a Y.Map, the same in the workshop and in a contributor's private board. The author is
 * left out entirely when the workshop is anonymous: not blank, absent.
 */
export function noteEntry(fields: NoteFields, ownerId: string, createdAt: number, anonymous: boolean): Y.Map<unknown> {
  const note = new Y.Map<unknown>()
  note.set('text', fields.text)
  note.set('colour', fields.colour)
  if (!anonymous && fields.author !== '') note.set('author', fields.author)
  note.set('ownerId', ownerId)
  note.set('x', fields.x)
  note.set('y', fields.y)
  note.set('createdAt', createdAt)
  return note
}

/** Adds a note everyone sees. While writing is private and not yet revealed, notes go to each person's own board instead (privateWriting.ts). */
export function addNote(doc: Y.Doc, actor: Actor, input: NoteInput, now: number): Checked<string> {
  const refused = writeRefusal(doc, actor, NOTE_STAGES, 'add notes')
  if (refused) return refused
  if (isPrivateWriting(doc) && !notesRevealed(doc)) return refuse('Writing is private for now: your notes stay on your own page until the facilitator reveals them.')
  const checked = check(noteSchema, input)
  if (!checked.ok) return checked
  if (notesMap(doc).size >= MAX_NOTES) return refuse(`This board holds ${MAX_NOTES.toLocaleString('en-GB')} notes already. Group similar ideas, or start another workshop.`)
  const id = globalThis.crypto.randomUUID()
  doc.transact(() => {
    notesMap(doc).set(id, noteEntry(checked.value, actor.participantId, now, isAnonymous(doc)))
    markWritingStarted(doc)
  }, LOCAL_ORIGIN)
  return { ok: true, value: id }
}

export function ownerOf(note: Y.Map<unknown>): string {
  const owner = note.get('ownerId')
  return typeof owner === 'string' ? owner : ''
}

/** People change their own notes; the facilitator may change any, at any stage. */
export function canChangeNote(note: Y.Map<unknown>, actor: Actor): boolean {
  return isFacilitator(actor) || (actor.role === 'contributor' && ownerOf(note) === actor.participantId)
}

function findNote(doc: Y.Doc, noteId: string): Y.Map<unknown> | null {
  const note = notesMap(doc).get(noteId)
  return note instanceof Y.Map ? note : null
}

const GONE = 'That note has been removed.'

export function editNote(doc: Y.Doc, actor: Actor, noteId: string, edit: NoteEdit): Checked<string> {
  const refused = writeRefusal(doc, actor, isFacilitator(actor) ? STAGES : NOTE_STAGES, 'change notes')
  if (refused) return refused
  const note = findNote(doc, noteId)
  if (!note) return refuse(GONE)
  if (!canChangeNote(note, actor)) return refuse('You can change your own notes. Ask the facilitator to change someone else’s.')
  const checked = check(noteEditSchema, edit)
  if (!checked.ok) return checked
  doc.transact(() => {
    if (checked.value.text !== undefined && note.get('text') !== checked.value.text) note.set('text', checked.value.text)
    if (checked.value.colour !== undefined && note.get('colour') !== checked.value.colour) note.set('colour', checked.value.colour)
  }, LOCAL_ORIGIN)
  return { ok: true, value: noteId }
}

/** Moves a note on the canvas. Anyone taking part may move any note: arranging ideas is shared work. */
export function moveNote(doc: Y.Doc, actor: Actor, noteId: string, position: CanvasPosition): Checked<CanvasPosition> {
  const refused = writeRefusal(doc, actor, isFacilitator(actor) ? STAGES : NOTE_STAGES, 'move notes')
  if (refused) return refused
  const note = findNote(doc, noteId)
  if (!note) return refuse(GONE)
  const checked = check(positionSchema, position)
  if (!checked.ok) return checked
  doc.transact(() => {
    note.set('x', checked.value.x)
    note.set('y', checked.value.y)
  }, LOCAL_ORIGIN)
  return checked
}

export function removeNote(doc: Y.Doc, actor: Actor, noteId: string): Checked<string> {
  const refused = writeRefusal(doc, actor, isFacilitator(actor) ? STAGES : NOTE_STAGES, 'remove notes')
  if (refused) return refused
  const note = findNote(doc, noteId)
  if (!note) return { ok: true, value: noteId }
  if (!canChangeNote(note, actor)) return refuse('You can remove your own notes. Ask the facilitator to remove someone else’s.')
  doc.transact(() => notesMap(doc).delete(noteId), LOCAL_ORIGIN)
  return { ok: true, value: noteId }
}
