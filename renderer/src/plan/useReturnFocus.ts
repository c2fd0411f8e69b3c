import { useEffect, useRef } from 'react'

/**
 * When a form closes (`open` goes from true to false), puts keyboard focus back on the button that
 * opened it, so keyboard and screen-reader users carry on from where they were.
 */
export function useReturnFocus<T extends HTMLElement>(open: boolean) {
  const ref = useRef<T>(null)
  const wasOpen = useRef(open)
  useEffect(() => {
    if (wasOpen.current && !open) ref.current?.focus()
    wasOpen.current = open
  }, [open])
  return ref
}

/** After an entry is deleted its card is gone: focus its section's heading instead of the page's top. */
export function focusSectionOf(element: HTMLElement): void {
  const heading = element.closest('section')?.querySelector<HTMLElement>('h2')
  if (!heading) return
  heading.tabIndex = -1
  heading.focus()
}

/**
 * Focuses the element with `id` once it is on the page: after a move, the entry's controls are
 * drawn afresh in their new place, a frame or two later.
 */
export function focusWhenPresent(id: string, framesLeft = 10): void {
  const element = document.getElementById(id)
  if (element) element.focus()
  else if (framesLeft > 0) requestAnimationFrame(() => focusWhenPresent(id, framesLeft - 1))
}
