import * as Y from 'yjs'
import { LOCAL_ORIGIN } from '../board'
import { isValidDocId } from '../docId'
import { check, type Checked } from '../plan/fields'
import { noteEditSchema, noteSchema, type NoteEdit, type NoteInput } from './fields'
import { PRIVATE_BOARD_LAYOUT } from './layout'
import { noteEntry, notesMap } from './notes'
import { isAnonymous, isPrivateWriting, markWritingStarted, notesRevealed, refuse, writeRefusal, type Actor } from './workshop'

/**
 * Private writing, then reveal: contributors see only their own notes until the facilitator reveals.
 *
 * The design. One Y.Doc goes whole to everyone who opens it: the hub cannot send a document with
 * some entries cut out, and a phone holding hidden notes is one developer-tools panel away from
 * showing them. So hidden notes are never in the workshop's document at all:
 *
 *   - Each contributor's unrevealed notes live in a small board of their own, named by
 *     privateBoardId(workshopId, contributorKey) = `<workshopId>__<contributorKey>`. The
 *     contributor key is random, made when the phone joins, and tied by the hub to that phone's
 *     scoped token. Its only shared type is `drafts`, shaped exactly like the workshop's `notes`.
 *     It has no `meta`, so it is never listed as a board.
 *   - The hub (electron/hub/invitations.ts) lets a contributor's token open the workshop and its own private
 *     board only, never another contributor's; the facilitator's full token opens any of them.
 *     Because the scope is a whole document, "a contributor's connection never receives others'
 *     hidden notes" holds by construction, not by filtering.
 *   - Reveal is two parts. revealNotes (workshop.ts) marks the workshop revealed, once.
 *     revealPrivateNotes below then copies a private board's drafts into the workshop's notes,
 *     keeping each note's id. Each phone runs it for its own board when it sees the reveal, and
 *     the hub runs it for boards whose phones are away; running it twice, or on two devices at
 *     once, leaves one copy of each note (the same id, the same content).
 *   - Anonymous mode is fixed before the first note is written (setWritingMode), and a note
 *     written anonymously never holds an author, here or in the workshop. Should a name still
 *     reach a draft (the mode changed at the very moment a note was written), the copy leaves it
 *     out and it is deleted from the draft.
 */

export function draftsMap(privateDoc: Y.Doc): Y.Map<Y.Map<unknown>> {
  return privateDoc.getMap(PRIVATE_BOARD_LAYOUT.drafts)
}

/** The separator is one a doc id allows (shared/docId.ts) and a contributor key never contains. */
const SEPARATOR = '__'
const CONTRIBUTOR_KEY = /^[a-z0-9]{8,24}$/

/** A fresh contributor key: 20 hex characters, random. */
export function newContributorKey(): string {
  return globalThis.crypto.randomUUID().replaceAll('-', '').slice(0, 20)
}

export function isContributorKey(value: unknown): value is string {
  return typeof value === 'string' && CONTRIBUTOR_KEY.test(value)
}

/** The private board of one contributor in one workshop, or null if those cannot make a valid doc id. */
export function privateBoardId(workshopId: string, contributorKey: string): string | null {
  if (!isValidDocId(workshopId) || workshopId.includes(SEPARATOR) || !isContributorKey(contributorKey)) return null
  const id = `${workshopId}${SEPARATOR}${contributorKey}`
  return isValidDocId(id) ? id : null
}

/** The workshop and contributor a private board belongs to, or null for any other doc id. */
export function parsePrivateBoardId(docId: string): { workshopId: string; contributorKey: string } | null {
  const at = docId.lastIndexOf(SEPARATOR)
  if (at <= 0) return null
  const workshopId = docId.slice(0, at)
  const contributorKey = docId.slice(at + SEPARATOR.length)
  return privateBoardId(workshopId, contributorKey) === docId ? { workshopId, contributorKey } : null
}

function privateRefusal(workshopDoc: Y.Doc, actor: Actor, doingWhat: string): ReturnType<typeof writeRefusal> {
  const refused = writeRefusal(workshopDoc, actor, ['ideas', 'themes'], doingWhat)
  if (refused) return refused
  if (!isPrivateWriting(workshopDoc)) return refuse('Writing is not private in this workshop. Add your note to the board.')
  if (notesRevealed(workshopDoc)) return refuse('The notes have been revealed. Add your note to the board for everyone to see.')
  return null
}

/** Writes a note to the contributor's own private board (and marks the workshop's writing as started). */
export function addPrivateNote(privateDoc: Y.Doc, workshopDoc: Y.Doc, actor: Actor, input: NoteInput, now: number): Checked<string> {
  const refused = privateRefusal(workshopDoc, actor, 'add notes')
  if (refused) return refused
  const checked = check(noteSchema, input)
  if (!checked.ok) return checked
  const id = globalThis.crypto.randomUUID()
  workshopDoc.transact(() => markWritingStarted(workshopDoc), LOCAL_ORIGIN)
  privateDoc.transact(() => draftsMap(privateDoc).set(id, noteEntry(checked.value, actor.participantId, now, isAnonymous(workshopDoc))), LOCAL_ORIGIN)
  return { ok: true, value: id }
}

export function editPrivateNote(privateDoc: Y.Doc, workshopDoc: Y.Doc, actor: Actor, noteId: string, edit: NoteEdit): Checked<string> {
  const refused = privateRefusal(workshopDoc, actor, 'change notes')
  if (refused) return refused
  const draft = draftsMap(privateDoc).get(noteId)
  if (!(draft instanceof Y.Map)) return refuse('That note has been removed.')
  const checked = check(noteEditSchema, edit)
  if (!checked.ok) return checked
  privateDoc.transact(() => {
    if (checked.value.text !== undefined) draft.set('text', checked.value.text)
    if (checked.value.colour !== undefined) draft.set('colour', checked.value.colour)
  }, LOCAL_ORIGIN)
  return { ok: true, value: noteId }
}

export function removePrivateNote(privateDoc: Y.Doc, workshopDoc: Y.Doc, actor: Actor, noteId: string): Checked<string> {
  const refused = privateRefusal(workshopDoc, actor, 'remove notes')
  if (refused) return refused
  privateDoc.transact(() => draftsMap(privateDoc).delete(noteId), LOCAL_ORIGIN)
  return { ok: true, value: noteId }
}

/** Marks the copying done on reveal: it is nobody's own edit, so nobody's undo takes it back. */
export const REVEAL_ORIGIN = Symbol('roundtable-reveal')

const NOTE_FIELDS = ['text', 'colour', 'author', 'ownerId', 'x', 'y', 'createdAt'] as const

/**
 * Copies a private board's notes into the workshop once the facilitator has revealed them. A
 * note already in the workshop (copied before, by this device or another) is left as it is, so
 * this can run any number of times, anywhere; each draft is then marked copied, so a note the
 * room has since removed does not come back. Answers how many notes it copied.
 */
export function revealPrivateNotes(privateDoc: Y.Doc, workshopDoc: Y.Doc): Checked<number> {
  if (!notesRevealed(workshopDoc)) return refuse('The facilitator has not revealed the notes yet.')
  const anonymous = isAnonymous(workshopDoc)
  // A draft marked copied stays out even if its note was later removed from the board.
  const toCopy = [...draftsMap(privateDoc).entries()].filter(([id, draft]) => draft instanceof Y.Map && draft.get('copied') !== true && !notesMap(workshopDoc).has(id))
  if (toCopy.length > 0) {
    workshopDoc.transact(() => {
      for (const [id, draft] of toCopy) {
        const note = new Y.Map<unknown>()
        for (const field of NOTE_FIELDS) {
          if (field === 'author' && anonymous) continue
          const value = draft.get(field)
          if (value !== undefined) note.set(field, value)
        }
        notesMap(workshopDoc).set(id, note)
      }
      markWritingStarted(workshopDoc)
    }, REVEAL_ORIGIN)
  }
  privateDoc.transact(() => {
    draftsMap(privateDoc).forEach((draft) => {
      if (!(draft instanceof Y.Map)) return
      if (draft.get('copied') !== true) draft.set('copied', true)
      if (anonymous && draft.has('author')) draft.delete('author')
    })
  }, REVEAL_ORIGIN)
  return { ok: true, value: toCopy.length }
}
