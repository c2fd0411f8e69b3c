import * as Y from 'yjs'
import { generateKeyBetween } from 'fractional-indexing'
import { boardKindInfo, boardStructure, isBoardKind, type BoardKind } from './boardKinds'
import { META_MAP } from './boardLayout'

/**
 * What every board has in its Y.Doc, and the helpers its content shares.
 *
 *   meta:  Y.Map  kind, title, createdAt, template   (the hub's document index is derived from this)
 *
 * The kinds of board are in shared/boardKinds.ts; each kind's content is in its own module (a
 * plan's person, entries, agreement, versions and rich text: shared/plan/). A plan's entries
 * keep their place as a fractional-index position on the entry itself (positionBetween), so two
 * people moving the same entry at once can never duplicate or lose it: the last move wins.
 */

export type { BoardKind }

export interface BoardMeta {
  kind: BoardKind
  title: string
  createdAt: string
  /** The planning method it was started from (shared/plan/templates.ts), or 'blank'. */
  template: string
}

export const MAX_TITLE_LENGTH = 120

/** Marks changes made by this app's own user, so undo only ever undoes your own edits. */
export const LOCAL_ORIGIN = Symbol('roundtable-local')


function metaMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap(META_MAP)
}

export function validateTitle(title: string, kind: BoardKind = 'plan'): string | null {
  const trimmed = title.trim()
  const { noun, nameExample } = boardKindInfo(kind)
  if (trimmed.length === 0) return `Enter a name for the ${noun}, for example ${nameExample}.`
  if (trimmed.length > MAX_TITLE_LENGTH) {
    return `A ${noun} name can be up to ${MAX_TITLE_LENGTH} characters. It is ${trimmed.length}.`
  }
  return null
}

/** Sets kind, title and creation time once. Safe to call from two clients at once: the first write wins. */
export function initialiseBoard(doc: Y.Doc, meta: { kind: BoardKind; title: string; now: Date; template?: string }): void {
  const error = validateTitle(meta.title, meta.kind)
  if (error) throw new Error(error)
  const map = metaMap(doc)
  if (map.has('kind')) return
  doc.transact(() => {
    map.set('kind', meta.kind)
    map.set('title', meta.title.trim())
    map.set('createdAt', meta.now.toISOString())
    map.set('template', meta.template ?? 'blank')
  }, LOCAL_ORIGIN)
}

/**
 * The board's meta, or null while the document has none yet (still loading, or not a board) or is
 * of a kind this app does not know (shared/boardKinds.ts).
 */
export function readMeta(doc: Y.Doc): BoardMeta | null {
  const map = metaMap(doc)
  const kind = map.get('kind')
  const title = map.get('title')
  const createdAt = map.get('createdAt')
  const template = map.get('template')
  if (!isBoardKind(kind) || typeof title !== 'string') return null
  return { kind, title, createdAt: typeof createdAt === 'string' ? createdAt : '', template: typeof template === 'string' ? template : 'blank' }
}

/**
 * What the hub's list of boards shows for a document: its kind and title, each '' while missing.
 * A document of a kind this app does not know gets kind '' and is left out of the list.
 */
export function readBoardLabel(doc: Y.Doc): { kind: BoardKind | ''; title: string } {
  const map = metaMap(doc)
  const kind = map.get('kind')
  const title = map.get('title')
  return { kind: isBoardKind(kind) ? kind : '', title: typeof title === 'string' ? title : '' }
}

export function renameBoard(doc: Y.Doc, title: string): void {
  const error = validateTitle(title)
  if (error) throw new Error(error)
  doc.transact(() => metaMap(doc).set('title', title.trim()), LOCAL_ORIGIN)
}

/** A key that sorts after `before` and before `after`, tolerating the equal or malformed keys concurrent edits can leave. */
export function positionBetween(before: string | null, after: string | null): string {
  try {
    if (before !== null && after !== null && before >= after) return generateKeyBetween(before, null)
    return generateKeyBetween(before, after)
  } catch {
    return generateKeyBetween(null, null) + globalThis.crypto.randomUUID().slice(0, 4)
  }
}

/**
 * Undo and redo for this user's own board changes (for a plan: add, edit, move, delete, agree),
 * never other people's. Each change is one step (captureTimeout 0): entries change by whole
 * actions, not keystrokes, so a quick "add, then delete" must undo the delete alone rather than
 * both at once. It covers the board's structure (shared/boardKinds.ts); rich-text fields have their
 * own undo inside each editor (renderer/src/richtext).
 */
export function createBoardUndoManager(doc: Y.Doc): Y.UndoManager {
  return new Y.UndoManager(boardStructure(doc), { trackedOrigins: new Set([LOCAL_ORIGIN]), captureTimeout: 0 })
}
