import { useEffect } from 'react'

/** "Plan for Joan – History – Roundtable": the most specific part first, as a tab or a screen reader shows it. */
export function pageTitle(...parts: string[]): string {
  return [...parts, 'Roundtable'].join(' – ')
}

/**
 * Sets the page's title while a screen is shown. `null` leaves it to a screen inside this one
 * (whose effect runs first). The desktop window keeps "Roundtable" in its title bar whatever this says.
 */
export function usePageTitle(parts: readonly string[] | null): void {
  const title = parts ? pageTitle(...parts) : null
  useEffect(() => {
    if (title !== null) document.title = title
  }, [title])
}
