import type * as Y from 'yjs'
import type { SharedType } from './boardLayout'
import { meetingStructure } from './meeting/layout'
import { planStructure } from './plan/layout'
import { workshopStructure } from './workshop/layout'

/**
 * Every kind of board this app knows, and what the hub, the home screen and the board page need
 * to know about each without opening its own module: what to call it, and which shared types make
 * up its structure. A board's kind is in its `meta` map (shared/board.ts); a document whose kind
 * is not here is not listed or opened.
 *
 * To add a kind (a meeting, a workshop): give it its own module in shared/<kind>/ that owns its
 * document layout and commands, as shared/plan/ does, then add it here.
 */
export interface BoardKindInfo {
  /** What one is called in a sentence: "a plan", "Untitled plan". */
  noun: string
  /** What one is called at the start of a label: "Plan · last updated …". */
  label: string
  /** A good name for one, for "Enter a name for the …, for example …". */
  nameExample: string
  /** The shared types whose changes re-draw the board and whose local changes undo can take back. */
  structure(doc: Y.Doc): SharedType[]
}

export const BOARD_KINDS = {
  plan: { noun: 'plan', label: 'Plan', nameExample: 'the person’s initials', structure: planStructure },
  // An MDT huddle (shared/meeting/): the hub knows it (labels, meeting links); its screens come next.
  meeting: { noun: 'meeting', label: 'Meeting', nameExample: '“Thursday huddle”', structure: meetingStructure },
  // A co-production workshop (shared/workshop/): its commands are ready; the hub and screens come next.
  workshop: { noun: 'workshop', label: 'Workshop', nameExample: '“Staying well in Dagenham”', structure: workshopStructure },
} as const satisfies Record<string, BoardKindInfo>

export type BoardKind = keyof typeof BOARD_KINDS

export const BOARD_KIND_NAMES = Object.keys(BOARD_KINDS) as BoardKind[]

export function isBoardKind(value: unknown): value is BoardKind {
  return typeof value === 'string' && Object.hasOwn(BOARD_KINDS, value)
}

export function boardKindInfo(kind: BoardKind): BoardKindInfo {
  return BOARD_KINDS[kind]
}

/**
 * The structure of a board of any known kind: before its meta has arrived, a board's kind is not
 * known yet. Each kind's types are only ever written in boards of that kind, so watching the
 * others costs nothing.
 */
export function boardStructure(doc: Y.Doc): SharedType[] {
  return [...new Set(BOARD_KIND_NAMES.flatMap((kind) => BOARD_KINDS[kind].structure(doc)))]
}
