import { isValidDocId } from '../../shared/docId'

/**
 * Screens live in the URL's hash (`#/board/<id>`), so moving between them never reloads the page
 * and reloading a board reopens it.
 *
 * A board's views: 'plan' is a board's main screen (a plan's board, a meeting's agenda and people).
 * For a plan, 'overview' is its heart on one screen and 'shared-screen' the same in large type, for
 * a room. For a meeting, 'huddle' runs it case by case, 'shared-screen' is the huddle in large type
 * for the room's screen, and 'minutes' is what it decided.
 *
 * `#/join` is where a colleague types the meeting code from the shared screen: it works without an
 * access code, since the code is how they get one.
 */
export type BoardView = 'plan' | 'history' | 'my-plan' | 'overview' | 'shared-screen' | 'huddle' | 'minutes'

export type Route =
  | { screen: 'home' }
  | { screen: 'tracker' }
  | { screen: 'join' }
  | { screen: 'board'; docId: string; view: BoardView }
  | { screen: 'not-found' }

export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#/, '')
  if (path === '' || path === '/') return { screen: 'home' }
  if (path === TRACKER_HREF.slice(1)) return { screen: 'tracker' }
  if (path === JOIN_HREF.slice(1)) return { screen: 'join' }
  const board = /^\/board\/([^/]+)(?:\/(history|my-plan|overview|shared-screen|huddle|minutes))?$/.exec(path)
  if (board && isValidDocId(board[1])) return { screen: 'board', docId: board[1], view: (board[2] as BoardView | undefined) ?? 'plan' }
  return { screen: 'not-found' }
}

export function boardHref(docId: string, view: BoardView = 'plan'): string {
  return view === 'plan' ? `#/board/${docId}` : `#/board/${docId}/${view}`
}

export const HOME_HREF = '#/'
/** Every action on every plan: what a coordinator opens on Monday morning. */
export const TRACKER_HREF = '#/tracker'
/** Where a colleague joins a meeting with the code on the shared screen. */
export const JOIN_HREF = '#/join'
