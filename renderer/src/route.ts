import { useSyncExternalStore } from 'react'
import { isValidDocId } from '../../shared/docId'

/**
 * Screens live in the URL's hash (`#/board/<id>`), so the `?token=` the page was opened with stays
 * put and reloading a board reopens it.
 */
export type Route = { screen: 'home' } | { screen: 'board'; docId: string } | { screen: 'not-found' }

export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#/, '')
  if (path === '' || path === '/') return { screen: 'home' }
  const board = /^\/board\/([^/]+)$/.exec(path)
  if (board && isValidDocId(board[1])) return { screen: 'board', docId: board[1] }
  return { screen: 'not-found' }
}

export function boardHref(docId: string): string {
  return `#/board/${docId}`
}

export const HOME_HREF = '#/'

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange)
  return () => window.removeEventListener('hashchange', onChange)
}

export function useRoute(): Route {
  const hash = useSyncExternalStore(subscribe, () => window.location.hash)
  return parseRoute(hash)
}

export function navigate(href: string): void {
  window.location.hash = href.replace(/^#/, '')
}
