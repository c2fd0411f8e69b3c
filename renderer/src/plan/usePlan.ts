import { useEffect, useMemo, useState } from 'react'
import type * as Y from 'yjs'
import { localDay } from '../../../shared/plan/dates'
import { NARRATIVE_FIELDS } from '../../../shared/plan/narrative'
import { readPlan, type PlanView } from '../../../shared/plan/read'
import { changesSinceAgreed, readAgreement, type Agreement, type NarrativeReader, type PlanChange } from '../../../shared/plan/versions'
import { richTextPlain } from '../richtext/richTextPlain'

/** Reads every narrative field's plain text, for the history diff. */
export const readNarrative: NarrativeReader = (doc) =>
  Object.fromEntries(NARRATIVE_FIELDS.map((field) => [field.key, { title: field.title, text: richTextPlain(doc, field.key) }]))

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
 * What changed since the plan was last agreed. Rebuilding the agreed version costs more than a
 * keystroke should, so it runs a moment after typing pauses.
 */
export function useChangesSinceAgreed(doc: Y.Doc, version: number, today: string): PlanChange[] | null {
  const [changes, setChanges] = useState<PlanChange[] | null>(() => changesSinceAgreed(doc, today, readNarrative))
  useEffect(() => {
    const timer = setTimeout(() => setChanges(changesSinceAgreed(doc, today, readNarrative)), 300)
    return () => clearTimeout(timer)
  }, [doc, version, today])
  return changes
}
