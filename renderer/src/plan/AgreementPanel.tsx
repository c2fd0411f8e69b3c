import { useId, useState } from 'react'
import type * as Y from 'yjs'
import { isReviewOverdue } from '../../../shared/plan/dateRules'
import { formatDay, localDay } from '../../../shared/plan/dates'
import type { Agreement, PlanChange } from '../../../shared/plan/versions'
import { markAgreed } from '../../../shared/plan/versions'
import { formatDateTime } from '../format'
import { EntryForm } from './EntryForm'
import type { FieldSpec } from './entryFields'
import { useReturnFocus } from './useReturnFocus'

const AGREEMENT_FIELDS: readonly FieldSpec[] = [
  { name: 'agreedBy', label: 'Who agreed the plan', hint: 'The person, or their representative.', control: { kind: 'text' } },
  { name: 'relation', label: 'Who they are', hint: 'For example: the person themselves, or their daughter.', control: { kind: 'text' } },
  { name: 'how', label: 'How it was agreed', hint: 'For example: in person at the huddle, or by phone.', control: { kind: 'text' } },
  { name: 'reviewDate', label: 'Planned review date', hint: 'Today or later. Day, month, year: for example 27 3 2027.', control: { kind: 'date' } },
  { name: 'reviewer', label: 'Who will review it', control: { kind: 'text' } },
]

interface Props {
  doc: Y.Doc
  agreement: Agreement | null
  /** null when never agreed; [] when unchanged since. */
  changes: PlanChange[] | null
  author: string
  personName: string
  historyHref: string
}

/** Whether the plan is agreed, and "Mark as agreed", which records who agreed and takes a named version. */
export function AgreementPanel({ doc, agreement, changes, author, personName, historyHref }: Props) {
  const [open, setOpen] = useState(false)
  const openButton = useReturnFocus<HTMLButtonElement>(open)
  const headingId = useId()
  return (
    <section className="rt-plan-section rt-plan-section--wide" aria-labelledby={headingId}>
      <h2 className="rt-section__title" id={headingId}>
        Agreement and review
      </h2>
      {agreement ? (
        <p>
          Agreed with {agreement.agreedBy} ({agreement.relation}), {agreement.how.toLowerCase()}, on {formatDateTime(agreement.agreedAt)}.
          Review by {formatDay(agreement.reviewDate)} ({agreement.reviewer}).
        </p>
      ) : (
        <p>Not agreed yet.</p>
      )}
      {agreement && isReviewOverdue(agreement.reviewDate, localDay(new Date())) ? (
        <p className="rt-changed">
          <strong className="rt-tag rt-tag--overdue">Review overdue</strong> The planned review date, {formatDay(agreement.reviewDate)}, has passed. Review the plan with the person, then mark it as agreed with the next review date.
        </p>
      ) : null}
      {changes && changes.length > 0 ? (
        <p className="rt-changed">
          <strong>Changed since agreed:</strong> {changes.length} {changes.length === 1 ? 'change' : 'changes'}. <a href={historyHref}>See what changed</a>
        </p>
      ) : null}
      {agreement && changes && changes.length === 0 ? <p>No changes since it was agreed.</p> : null}
      {open ? (
        <div className="rt-panel rt-panel--form">
          <h3 className="nhsuk-heading-s">Mark as agreed</h3>
          <EntryForm
            fields={AGREEMENT_FIELDS}
            initial={{ agreedBy: agreement?.agreedBy ?? personName, relation: agreement?.relation ?? 'The person', how: agreement?.how ?? 'In person at the huddle', reviewDate: agreement?.reviewDate ?? '', reviewer: agreement?.reviewer ?? '' }}
            submitLabel="Mark as agreed"
            onCancel={() => setOpen(false)}
            onSubmit={(values) => {
              const result = markAgreed(doc, values, { by: author, now: new Date() })
              if (result.ok) setOpen(false)
              return result
            }}
          />
        </div>
      ) : (
        <button type="button" ref={openButton} className="nhsuk-button rt-button--small" onClick={() => setOpen(true)}>
          Mark as agreed
        </button>
      )}
      <p>
        <a href={historyHref}>History and versions</a>
      </p>
    </section>
  )
}
