import type * as Y from 'yjs'
import { LOCAL_ORIGIN } from '../board'
import { check, type Checked } from '../plan/fields'
import { matrixPlacementSchema, type MatrixPlacement } from './fields'
import { WORKSHOP_LAYOUT } from './layout'
import { resolveTheme } from './themes'
import { readVoteSettings, voteResults } from './voting'
import { refuse, writeRefusal, type Actor } from './workshop'

/**
 * The impact / effort grid the top themes are placed on.
 *
 *   matrix: Y.Map  themeId -> { impact, effort }   each from 0 (least) to 1 (most)
 *
 * The whole placing is one value, so two people dragging the same theme leave it where one of
 * them put it, never half of each. A keyboard moves it by steps (nudgePlacement).
 */

export function matrixMap(doc: Y.Doc): Y.Map<MatrixPlacement> {
  return doc.getMap(WORKSHOP_LAYOUT.matrix)
}

export const QUADRANTS = ['quick-wins', 'big-projects', 'small-jobs', 'think-again'] as const
export type Quadrant = (typeof QUADRANTS)[number]

export const QUADRANT_WORDS: Record<Quadrant, string> = {
  'quick-wins': 'Quick wins: a big difference for little effort',
  'big-projects': 'Big projects: a big difference, worth planning for',
  'small-jobs': 'Small jobs: little effort, a small difference',
  'think-again': 'Think again: a lot of effort for a small difference',
}

/** Which quarter of the grid a placing is in; the middle line counts as the higher half. */
export function quadrantOf(placement: MatrixPlacement): Quadrant {
  const bigDifference = placement.impact >= 0.5
  const littleEffort = placement.effort < 0.5
  if (bigDifference) return littleEffort ? 'quick-wins' : 'big-projects'
  return littleEffort ? 'small-jobs' : 'think-again'
}

/** The keyboard's step on the grid: a tenth of an axis. */
export const MATRIX_STEP = 0.1

/** A placing moved one step in a direction, kept on the grid. */
export function nudgePlacement(placement: MatrixPlacement, direction: 'more-impact' | 'less-impact' | 'more-effort' | 'less-effort'): MatrixPlacement {
  const clamp = (value: number) => Math.round(Math.min(1, Math.max(0, value)) * 100) / 100
  switch (direction) {
    case 'more-impact':
      return { ...placement, impact: clamp(placement.impact + MATRIX_STEP) }
    case 'less-impact':
      return { ...placement, impact: clamp(placement.impact - MATRIX_STEP) }
    case 'more-effort':
      return { ...placement, effort: clamp(placement.effort + MATRIX_STEP) }
    case 'less-effort':
      return { ...placement, effort: clamp(placement.effort - MATRIX_STEP) }
  }
}

/**
 * The themes to prioritise: the `count` with most dots, plus any tied with the last of them (a
 * tie is never broken silently). Themes with no dots are not top themes.
 */
export function topThemes(doc: Y.Doc, count: number): string[] {
  if (readVoteSettings(doc).target !== 'themes') return []
  const results = voteResults(doc).filter((result) => result.dots > 0)
  if (results.length <= count) return results.map((result) => result.targetId)
  const cutOff = results[count - 1].dots
  return results.filter((result) => result.dots >= cutOff).map((result) => result.targetId)
}

export function placeOnMatrix(doc: Y.Doc, actor: Actor, themeId: string, placement: MatrixPlacement): Checked<MatrixPlacement> {
  const refused = writeRefusal(doc, actor, ['prioritise'], 'place themes on the grid')
  if (refused) return refused
  const live = resolveTheme(doc, themeId)
  if (live === null) return refuse('That theme is no longer on the board.')
  const checked = check(matrixPlacementSchema, placement)
  if (!checked.ok) return checked
  doc.transact(() => matrixMap(doc).set(live, { impact: checked.value.impact, effort: checked.value.effort }), LOCAL_ORIGIN)
  return checked
}

export function removeFromMatrix(doc: Y.Doc, actor: Actor, themeId: string): Checked<string> {
  const refused = writeRefusal(doc, actor, ['prioritise'], 'take themes off the grid')
  if (refused) return refused
  doc.transact(() => matrixMap(doc).delete(themeId), LOCAL_ORIGIN)
  return { ok: true, value: themeId }
}

export interface MatrixEntry extends MatrixPlacement {
  themeId: string
  quadrant: Quadrant
}

/** The grid as it stands, for live themes only (a merged theme's placing is dropped). */
export function readMatrix(doc: Y.Doc): MatrixEntry[] {
  const entries: MatrixEntry[] = []
  matrixMap(doc).forEach((value, themeId) => {
    if (resolveTheme(doc, themeId) !== themeId) return
    const { impact, effort } = (value ?? {}) as Partial<MatrixPlacement>
    if (typeof impact !== 'number' || typeof effort !== 'number') return
    entries.push({ themeId, impact, effort, quadrant: quadrantOf({ impact, effort }) })
  })
  return entries.sort((a, b) => b.impact - a.impact || a.effort - b.effort || (a.themeId < b.themeId ? -1 : 1))
}
