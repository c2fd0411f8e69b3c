/**
 * Titles of boards this window has just created and not yet opened. The board page writes the
 * title into the board's own Y.Doc once it has synced with the hub (see Board.tsx), so the hub's
 * list of boards is still derived from the boards themselves.
 */
const pendingTitles = new Map<string, string>()

export function rememberNewBoard(docId: string, title: string): void {
  pendingTitles.set(docId, title)
}

export function pendingTitleFor(docId: string): string | undefined {
  return pendingTitles.get(docId)
}

export function forgetNewBoard(docId: string): void {
  pendingTitles.delete(docId)
}
