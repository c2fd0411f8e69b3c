import { useSyncExternalStore } from 'react'
import { parseRoute, type Route } from './routePaths'

export { boardHref, HOME_HREF, JOIN_HREF, parseRoute, TRACKER_HREF, type BoardView, type Route } from './routePaths'

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
