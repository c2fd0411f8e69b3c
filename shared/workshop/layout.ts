import type * as Y from 'yjs'
import { META_MAP, type SharedType } from '../boardLayout'

/**
 * Where a co-production workshop keeps everything in its Y.Doc: every top-level shared type, by
 * name. These names are stored in every workshop ever written and never change; workshop.ts says
 * what each holds.
 *
 *   meta        Y.Map  kind 'workshop', title, createdAt (every board)             shared/board.ts
 *   workshop    Y.Map  question, stage, settings, reveal and lock flags, timer     workshop.ts
 *   notes       Y.Map  noteId -> Y.Map, the sticky notes everyone can see          notes.ts
 *   themes      Y.Map  themeId -> Y.Map, named groups of notes                     themes.ts
 *   dots        Y.Map  dotId -> { voterId, targetId, at }, one entry per dot       voting.ts
 *   matrix      Y.Map  themeId -> { impact, effort }, the impact / effort placing  prioritise.ts
 *   actions     Y.Map  actionId -> Y.Map, the co-produced action plan              actionPlan.ts
 *
 * A contributor's notes written in private live in a separate small board of their own
 * (privateWriting.ts), whose one shared type is:
 *
 *   drafts      Y.Map  noteId -> Y.Map, shaped like a workshop note, plus `copied` once revealed
 */
export const WORKSHOP_LAYOUT = {
  workshop: 'workshop',
  notes: 'notes',
  themes: 'themes',
  dots: 'dots',
  matrix: 'matrix',
  actions: 'actions',
} as const

export const PRIVATE_BOARD_LAYOUT = {
  drafts: 'drafts',
} as const

/** The shared types a workshop's screens re-read on and its undo covers. */
export function workshopStructure(doc: Y.Doc): SharedType[] {
  return [
    doc.getMap(META_MAP),
    doc.getMap(WORKSHOP_LAYOUT.workshop),
    doc.getMap(WORKSHOP_LAYOUT.notes),
    doc.getMap(WORKSHOP_LAYOUT.themes),
    doc.getMap(WORKSHOP_LAYOUT.dots),
    doc.getMap(WORKSHOP_LAYOUT.matrix),
    doc.getMap(WORKSHOP_LAYOUT.actions),
  ]
}
