import { isValidDocId } from '../../shared/docId'

/**
 * Screens live in the URL's hash (`#/board/<id>`), so moving between them never reloads the page
 * and reloading a board reopens it.
 *
 * A board's views: 'overview' is the plan's heart on one screen; 'shared-screen' is the same in
 * large type, for a room.
 */
export type BoardView = 'plan' | 'history' | 'my-plan' | 'overview' | 'shared-screen'

export type Route = { screen: 'home' } | { screen: 'tracker' } | { screen: 'board'; docId: string; view: BoardView } | { screen: 'not-found' }

export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#/, '')
  if (path === '' || path === '/') return { screen: 'home' }
  if (path === TRACKER_HREF.slice(1)) return { screen: 'tracker' }
  const board = /^\/board\/([^/]+)(?:\/(history|my-plan|overview|shared-screen))?$/.exec(path)
  if (board && isValidDocId(board[1])) return { screen: 'board', docId: board[1], view: (board[2] as BoardView | undefined) ?? 'plan' }
  return { screen: 'not-found' }
}

export function boardHref(docId: string, view: BoardView = 'plan'): string {
  return view === 'plan' ? `#/board/${docId}` : `#/board/${docId}/${view}`
}

export const HOME_HREF = '#/'
/** Every action on every plan: what a coordinator opens on Monday morning. */
export const TRACKER_HREF = '#/tracker'
