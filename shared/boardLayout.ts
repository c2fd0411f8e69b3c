import type * as Y from 'yjs'

/**
 * The one shared type every kind of board has: its `meta` map (kind, title, createdAt, template),
 * written and read by shared/board.ts. Everything else in a board's Y.Doc belongs to its kind
 * (shared/boardKinds.ts).
 */
export const META_MAP = 'meta'

/** A top-level shared type of a board's structure: the kinds a board's undo and re-reading watch. */
export type SharedType = Y.Map<unknown> | Y.Array<unknown>
