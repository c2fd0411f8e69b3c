import * as Y from 'yjs'
import { LOCAL_ORIGIN } from '../board'
import { check, type Checked } from '../plan/fields'
import { MAX_THEMES, positionSchema, themeNameSchema, type CanvasPosition } from './fields'
import { WORKSHOP_LAYOUT } from './layout'
import { notesMap } from './notes'
import { refuse, writeRefusal, type Actor } from './workshop'

/**
 * Themes: named groups of notes on the canvas.
 *
 *   themes: Y.Map  themeId -> Y.Map { name, x, y, createdAt, mergedInto? }
 *
 * A note says which theme it is in (notes.ts `themeId`). Merging keeps the merged theme as a
 * pointer to the one it joined (`mergedInto`) instead of deleting it, so a note someone drops into
 * it at the same moment, or a dot placed on it, lands in the surviving theme on every device.
 */

export function themesMap(doc: Y.Doc): Y.Map<Y.Map<unknown>> {
  return doc.getMap(WORKSHOP_LAYOUT.themes)
}

const THEME_STAGES = ['ideas', 'themes'] as const
const GONE = 'That theme has been removed or merged. Choose it again from the board.'

/**
 * The live theme a theme id now stands for: itself, or the theme it was merged into (following
 * merges of merges), or null if it never existed. Two themes merged into each other at the same
 * moment form a loop; the one with the smallest id then survives, the same on every device.
 */
export function resolveTheme(doc: Y.Doc, themeId: string): string | null {
  const themes = themesMap(doc)
  const path: string[] = []
  let current = themeId
  while (themes.get(current) instanceof Y.Map) {
    if (path.includes(current)) {
      const loop = path.slice(path.indexOf(current))
      return loop.reduce((smallest, id) => (id < smallest ? id : smallest))
    }
    path.push(current)
    const next = themes.get(current)?.get('mergedInto')
    if (typeof next !== 'string') return current
    current = next
  }
  return null
}

/** Themes that stand on their own (not merged into another), in creation order then id. */
export function liveThemeIds(doc: Y.Doc): string[] {
  const rows: { id: string; createdAt: number }[] = []
  themesMap(doc).forEach((theme, id) => {
    if (resolveTheme(doc, id) !== id) return
    const createdAt = theme.get('createdAt')
    rows.push({ id, createdAt: typeof createdAt === 'number' ? createdAt : 0 })
  })
  rows.sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
  return rows.map((row) => row.id)
}

/** The live theme a note is in, or null. */
export function themeOfNote(doc: Y.Doc, note: Y.Map<unknown>): string | null {
  const themeId = note.get('themeId')
  return typeof themeId === 'string' ? resolveTheme(doc, themeId) : null
}

function placeNotes(doc: Y.Doc, noteIds: readonly string[], themeId: string): void {
  for (const noteId of noteIds) notesMap(doc).get(noteId)?.set('themeId', themeId)
}

function missingNote(doc: Y.Doc, noteIds: readonly string[]): boolean {
  return noteIds.some((noteId) => !(notesMap(doc).get(noteId) instanceof Y.Map))
}

/** Starts a theme at a place on the canvas, with any notes already chosen for it. */
export function createTheme(doc: Y.Doc, actor: Actor, input: { name: unknown } & CanvasPosition, noteIds: readonly string[], now: number): Checked<string> {
  const refused = writeRefusal(doc, actor, THEME_STAGES, 'group ideas into themes')
  if (refused) return refused
  const name = check(themeNameSchema, input.name)
  if (!name.ok) return { ok: false, errors: { name: name.errors.form } }
  const position = check(positionSchema, { x: input.x, y: input.y })
  if (!position.ok) return position
  if (liveThemeIds(doc).length >= MAX_THEMES) return refuse(`A workshop can have up to ${MAX_THEMES} themes. Merge some that are alike first.`)
  if (missingNote(doc, noteIds)) return refuse('One of those notes has been removed. Choose the notes again.')
  const id = globalThis.crypto.randomUUID()
  doc.transact(() => {
    const theme = new Y.Map<unknown>()
    theme.set('name', name.value)
    theme.set('x', position.value.x)
    theme.set('y', position.value.y)
    theme.set('createdAt', now)
    themesMap(doc).set(id, theme)
    placeNotes(doc, noteIds, id)
  }, LOCAL_ORIGIN)
  return { ok: true, value: id }
}

export function renameTheme(doc: Y.Doc, actor: Actor, themeId: string, name: unknown): Checked<string> {
  const refused = writeRefusal(doc, actor, THEME_STAGES, 'rename themes')
  if (refused) return refused
  const live = resolveTheme(doc, themeId)
  const theme = live === null ? undefined : themesMap(doc).get(live)
  if (!theme) return refuse(GONE)
  const checked = check(themeNameSchema, name)
  if (!checked.ok) return { ok: false, errors: { name: checked.errors.form } }
  doc.transact(() => theme.set('name', checked.value), LOCAL_ORIGIN)
  return checked
}

/** Puts a note into a theme, or (themeId null) takes it out of any theme. */
export function setNoteTheme(doc: Y.Doc, actor: Actor, noteId: string, themeId: string | null): Checked<string | null> {
  const refused = writeRefusal(doc, actor, THEME_STAGES, 'group ideas into themes')
  if (refused) return refused
  const note = notesMap(doc).get(noteId)
  if (!(note instanceof Y.Map)) return refuse('That note has been removed.')
  const live = themeId === null ? null : resolveTheme(doc, themeId)
  if (themeId !== null && live === null) return refuse(GONE)
  doc.transact(() => (live === null ? note.delete('themeId') : note.set('themeId', live)), LOCAL_ORIGIN)
  return { ok: true, value: live }
}

/** Merges `mergeId` into `keepId`: its notes join `keepId`, and it stays only as a pointer there. */
export function mergeThemes(doc: Y.Doc, actor: Actor, keepId: string, mergeId: string): Checked<string> {
  const refused = writeRefusal(doc, actor, THEME_STAGES, 'merge themes')
  if (refused) return refused
  const keep = resolveTheme(doc, keepId)
  const merge = resolveTheme(doc, mergeId)
  if (keep === null || merge === null) return refuse(GONE)
  if (keep === merge) return refuse('Choose two different themes to merge.')
  doc.transact(() => {
    notesMap(doc).forEach((note) => {
      if (themeOfNote(doc, note) === merge) note.set('themeId', keep)
    })
    themesMap(doc).get(merge)?.set('mergedInto', keep)
  }, LOCAL_ORIGIN)
  return { ok: true, value: keep }
}

/** Splits the chosen notes out of a theme into a new one beside it. */
export function splitTheme(doc: Y.Doc, actor: Actor, themeId: string, noteIds: readonly string[], newName: unknown, now: number): Checked<string> {
  const refused = writeRefusal(doc, actor, THEME_STAGES, 'split themes')
  if (refused) return refused
  const live = resolveTheme(doc, themeId)
  const theme = live === null ? undefined : themesMap(doc).get(live)
  if (!theme) return refuse(GONE)
  if (noteIds.length === 0) return refuse('Choose the notes to move into the new theme.')
  const inTheme = noteIds.every((noteId) => {
    const note = notesMap(doc).get(noteId)
    return note instanceof Y.Map && themeOfNote(doc, note) === live
  })
  if (!inTheme) return refuse('Choose notes that are in this theme.')
  const x = Number(theme.get('x')) || 0
  const y = Number(theme.get('y')) || 0
  return createTheme(doc, actor, { name: newName, x: x + 320, y }, noteIds, now)
}
