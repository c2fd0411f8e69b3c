import type { BoardKind } from '../../shared/boardKinds'

/**
 * Boards this window has just created and not yet opened (kind, title and template). The board page writes
 * them into the board's own Y.Doc once it has synced with the hub (see Board.tsx), so the hub's
 * list of boards is still derived from the boards themselves.
 */
export interface NewBoard {
  kind: BoardKind
  title: string
  template: string
}

const pending = new Map<string, NewBoard>()

export function rememberNewBoard(docId: string, board: NewBoard): void {
  pending.set(docId, board)
}

export function pendingBoard(docId: string): NewBoard | undefined {
  return pending.get(docId)
}

export function forgetNewBoard(docId: string): void {
  pending.delete(docId)
}
