import { useEffect, useMemo, useState } from 'react'
import type * as Y from 'yjs'
import { localDay } from '../../../shared/plan/dates'
import { readPlan, type PlanView } from '../../../shared/plan/read'
import { changesSinceAgreed, readAgreement, type Agreement, type PlanChange } from '../../../shared/plan/versions'

/** The plan as plain data, read again whenever the document changes (`version`). */
export function usePlan(doc: Y.Doc, version: number): { plan: PlanView; agreement: Agreement | null; today: string } {
  const today = localDay(new Date())
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const plan = useMemo(() => readPlan(doc, today), [doc, version, today])
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const agreement = useMemo(() => readAgreement(doc), [doc, version])
  return { plan, agreement, today }
}

/**
 * What changed since the plan was last agreed, rich text included. Rebuilding the agreed version
 * costs more than a keystroke should, so it runs a moment after any change pauses, and re-renders
 * only when the answer is different.
 */
export function useChangesSinceAgreed(doc: Y.Doc, today: string): PlanChange[] | null {
  const [changes, setChanges] = useState<PlanChange[] | null>(() => changesSinceAgreed(doc, today))
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined
    let last = JSON.stringify(changes)
    const recheck = () => {
      clearTimeout(timer)
      timer = setTimeout(() => {
        const next = changesSinceAgreed(doc, today)
        const text = JSON.stringify(next)
        if (text !== last) {
          last = text
          setChanges(next)
        }
      }, 300)
    }
    doc.on('update', recheck)
    recheck()
    return () => {
      clearTimeout(timer)
      doc.off('update', recheck)
    }
    // `changes` is only the starting point for comparison.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [doc, today])
  return changes
}
