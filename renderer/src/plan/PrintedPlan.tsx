import { createPortal } from 'react-dom'
import type * as Y from 'yjs'
import { formatDay } from '../../../shared/plan/dates'
import { planPageMargins, versionLine } from '../../../shared/plan/printedPlan'
import type { PlanView } from '../../../shared/plan/read'
import type { Agreement, PlanChange } from '../../../shared/plan/versions'
import { usePageMargins, usePrinting } from '../printPages'
import { PlanSummary } from './PlanSummary'
import { DecisionsSection } from './DecisionsSection'
import { readDecisions } from '../../../shared/plan/meetingRecords'

interface Props {
  doc: Y.Doc
  plan: PlanView
  agreement: Agreement | null
  changes: PlanChange[] | null
  today: string
}

/**
 * The full plan as it prints: a read-only document in place of the board, with no buttons, forms
 * or empty boxes, and the person's name, NHS number, the date and the version on every page.
 * It exists only while printing (so nothing on screen is there twice), outside the app's own
 * markup so the print styles can leave everything else out.
 */
export function PrintedPlan({ doc, plan, agreement, changes, today }: Props) {
  const changed = changes === null ? null : changes.length > 0
  usePageMargins(planPageMargins(plan.person, agreement, changed, today))
  const printing = usePrinting()
  if (!printing) return null
  return createPortal(
    <div className="rt-print-document">
      <p className="nhsuk-caption-l">Care and support plan</p>
      <h1>{plan.meta?.title ?? 'Care and support plan'}</h1>
      <dl className="rt-facts rt-facts--wide">
        <div>
          <dt>Printed</dt>
          <dd>{formatDay(today)}</dd>
        </div>
        <div>
          <dt>Version</dt>
          <dd>{versionLine(agreement, changed)}</dd>
        </div>
        {agreement ? (
          <div>
            <dt>Planned review</dt>
            <dd>
              {formatDay(agreement.reviewDate)}, by {agreement.reviewer}
            </dd>
          </div>
        ) : null}
      </dl>
      <p>Parts of the plan that nobody has written yet are left out.</p>
      <PlanSummary plan={plan} doc={doc} />
      <DecisionsSection decisions={readDecisions(doc)} />
    </div>,
    document.body,
  )
}
