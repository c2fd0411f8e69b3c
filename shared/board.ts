import * as Y from 'yjs'
import { generateKeyBetween } from 'fractional-indexing'

/**
 * The shape of a board inside its Y.Doc, and the only functions that change it.
 *
 *   meta:  Y.Map  kind, title, createdAt        (the hub's document index is derived from this)
 *   cards: Y.Map  cardId -> Y.Map { section, position, text, author, createdAt }
 *
 * A card's place is a (section, position) pair on the card itself rather than membership of a
 * per-section array, so two people moving the same card at once can never duplicate or lose it:
 * the last move wins. Positions are fractional-index keys; ties sort by id.
 */

export type BoardKind = 'plan'

export interface BoardMeta {
  kind: BoardKind
  title: string
  createdAt: string
}

export interface Card {
  id: string
  section: string
  position: string
  text: string
  author: string
}

export interface Section {
  id: string
  title: string
  hint: string
}

export const PLAN_SECTIONS: readonly Section[] = [
  { id: 'what-matters', title: 'What matters to me', hint: 'In the person’s own words where possible.' },
  { id: 'strengths', title: 'Strengths', hint: 'The person’s, their family’s and their community’s.' },
  { id: 'goals', title: 'Goals', hint: 'What the person hopes for.' },
  { id: 'actions', title: 'Actions', hint: 'Who will do what, by when.' },
]

export const MAX_TITLE_LENGTH = 120
export const MAX_CARD_TEXT_LENGTH = 2000

/** Marks changes made by this app's own user, so undo only ever undoes your own edits. */
export const LOCAL_ORIGIN = Symbol('roundtable-local')

const META = 'meta'
const CARDS = 'cards'

function metaMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap(META)
}

function cardsMap(doc: Y.Doc): Y.Map<Y.Map<unknown>> {
  return doc.getMap(CARDS)
}

export function isSection(sectionId: string): boolean {
  return PLAN_SECTIONS.some((section) => section.id === sectionId)
}

export function validateTitle(title: string): string | null {
  const trimmed = title.trim()
  if (trimmed.length === 0) return 'Enter a name for the plan, for example the person’s initials.'
  if (trimmed.length > MAX_TITLE_LENGTH) {
    return `A plan name can be up to ${MAX_TITLE_LENGTH} characters. It is ${trimmed.length}.`
  }
  return null
}

export function validateCardText(text: string): string | null {
  if (text.trim().length === 0) return 'Write something on the card first.'
  if (text.length > MAX_CARD_TEXT_LENGTH) {
    return `A card can hold up to ${MAX_CARD_TEXT_LENGTH.toLocaleString('en-GB')} characters. This one has ${text.length.toLocaleString('en-GB')}; split it into several cards.`
  }
  return null
}

/** Sets kind, title and creation time once. Safe to call from two clients at once: the first write wins. */
export function initialiseBoard(doc: Y.Doc, meta: { kind: BoardKind; title: string; now: Date }): void {
  const error = validateTitle(meta.title)
  if (error) throw new Error(error)
  const map = metaMap(doc)
  if (map.has('kind')) return
  doc.transact(() => {
    map.set('kind', meta.kind)
    map.set('title', meta.title.trim())
    map.set('createdAt', meta.now.toISOString())
  }, LOCAL_ORIGIN)
}

/** The board's meta, or null while the document has none yet (still loading, or not a board). */
export function readMeta(doc: Y.Doc): BoardMeta | null {
  const map = metaMap(doc)
  const kind = map.get('kind')
  const title = map.get('title')
  const createdAt = map.get('createdAt')
  if (kind !== 'plan' || typeof title !== 'string') return null
  return { kind, title, createdAt: typeof createdAt === 'string' ? createdAt : '' }
}

export function renameBoard(doc: Y.Doc, title: string): void {
  const error = validateTitle(title)
  if (error) throw new Error(error)
  doc.transact(() => metaMap(doc).set('title', title.trim()), LOCAL_ORIGIN)
}

function readCard(id: string, map: Y.Map<unknown>): Card | null {
  const section = map.get('section')
  const position = map.get('position')
  const text = map.get('text')
  const author = map.get('author')
  if (typeof section !== 'string' || typeof position !== 'string' || typeof text !== 'string') return null
  return { id, section, position, text, author: typeof author === 'string' ? author : '' }
}

function compareCards(a: Card, b: Card): number {
  if (a.position !== b.position) return a.position < b.position ? -1 : 1
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0
}

export function cardsInSection(doc: Y.Doc, sectionId: string): Card[] {
  const cards: Card[] = []
  cardsMap(doc).forEach((map, id) => {
    const card = readCard(id, map)
    if (card && card.section === sectionId) cards.push(card)
  })
  return cards.sort(compareCards)
}

export function findCard(doc: Y.Doc, cardId: string): Card | null {
  const map = cardsMap(doc).get(cardId)
  return map ? readCard(cardId, map) : null
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

function requireSection(sectionId: string): void {
  if (!isSection(sectionId)) throw new Error(`There is no section called “${sectionId}” on this board.`)
}

export function addCard(doc: Y.Doc, card: { section: string; text: string; author: string; now: Date }): string {
  requireSection(card.section)
  const error = validateCardText(card.text)
  if (error) throw new Error(error)
  const existing = cardsInSection(doc, card.section)
  const last = existing.at(-1)
  const id = globalThis.crypto.randomUUID()
  const map = new Y.Map<unknown>()
  map.set('section', card.section)
  map.set('position', positionBetween(last ? last.position : null, null))
  map.set('text', card.text.trim())
  map.set('author', card.author)
  map.set('createdAt', card.now.toISOString())
  doc.transact(() => cardsMap(doc).set(id, map), LOCAL_ORIGIN)
  return id
}

export function updateCardText(doc: Y.Doc, cardId: string, text: string): void {
  const error = validateCardText(text)
  if (error) throw new Error(error)
  const map = cardsMap(doc).get(cardId)
  if (!map) throw new Error('That card has been deleted by someone else.')
  doc.transact(() => map.set('text', text.trim()), LOCAL_ORIGIN)
}

export function deleteCard(doc: Y.Doc, cardId: string): void {
  doc.transact(() => cardsMap(doc).delete(cardId), LOCAL_ORIGIN)
}

/**
 * Moves a card to `toIndex` within `toSection`, counted as if the card were already removed from
 * wherever it was. An index past the end puts it last.
 */
export function moveCard(doc: Y.Doc, cardId: string, toSection: string, toIndex: number): void {
  requireSection(toSection)
  const map = cardsMap(doc).get(cardId)
  if (!map) throw new Error('That card has been deleted by someone else.')
  const others = cardsInSection(doc, toSection).filter((card) => card.id !== cardId)
  const index = Math.max(0, Math.min(toIndex, others.length))
  const before = index > 0 ? others[index - 1].position : null
  const after = index < others.length ? others[index].position : null
  doc.transact(() => {
    map.set('section', toSection)
    map.set('position', positionBetween(before, after))
  }, LOCAL_ORIGIN)
}

/**
 * Undo and redo for this user's own card changes (add, edit, move, delete), never other people's.
 * Each change is one step (captureTimeout 0): cards change by whole actions, not keystrokes, so a
 * quick "add, then delete" must undo the delete alone rather than both at once.
 */
export function createBoardUndoManager(doc: Y.Doc): Y.UndoManager {
  return new Y.UndoManager([cardsMap(doc), metaMap(doc)], { trackedOrigins: new Set([LOCAL_ORIGIN]), captureTimeout: 0 })
}
