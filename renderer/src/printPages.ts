import { useEffect, useState } from 'react'
import { flushSync } from 'react-dom'
import { cssString } from '../../shared/cssString'
import type { PageMargins } from '../../shared/plan/printedPlan'

/**
 * What a printed page carries in its margins (print.scss places them with CSS @page margin boxes,
 * which read these custom properties), and when the page is being printed.
 */

const PROPERTIES: Record<keyof PageMargins, string> = {
  topLeft: '--rt-page-top-left',
  topRight: '--rt-page-top-right',
  bottomLeft: '--rt-page-bottom-left',
}

/** Puts `margins` on every printed page while the screen that calls it is shown. */
export function usePageMargins(margins: PageMargins): void {
  const { topLeft, topRight, bottomLeft } = margins
  useEffect(() => {
    const style = document.documentElement.style
    const shown: PageMargins = { topLeft, topRight, bottomLeft }
    for (const [key, property] of Object.entries(PROPERTIES)) style.setProperty(property, cssString(shown[key as keyof PageMargins]))
    return () => {
      for (const property of Object.values(PROPERTIES)) style.removeProperty(property)
    }
  }, [topLeft, topRight, bottomLeft])
}

/**
 * True from just before the browser prints (the print dialog, Ctrl+P, or saving as PDF) until it
 * has printed. The change is rendered at once, so what is printed is what this screen renders for
 * print: a document that exists only then cannot be mistaken for the screen by anyone using it.
 */
export function usePrinting(): boolean {
  const [printing, setPrinting] = useState(false)
  useEffect(() => {
    const before = () => flushSync(() => setPrinting(true))
    const after = () => setPrinting(false)
    window.addEventListener('beforeprint', before)
    window.addEventListener('afterprint', after)
    return () => {
      window.removeEventListener('beforeprint', before)
      window.removeEventListener('afterprint', after)
    }
  }, [])
  return printing
}
