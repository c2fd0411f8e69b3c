import { useId, useState } from 'react'
import type * as Y from 'yjs'
import { localDay } from '../../../shared/plan/dates'
import { addEntryFromForm, type PlanView } from '../../../shared/plan'
import { shortText } from '../format'
import { ErrorMessage } from '../ErrorMessage'
import { useDrafts, type Draft } from './drafts'

/**
 * Edits in progress on entries that someone else deleted meanwhile: shown with what was typed, to
 * add back as a new entry or to let go. Nothing typed disappears without a word.
 */
export function OrphanDrafts({ plan, doc, author }: { plan: PlanView; doc: Y.Doc; author: string }) {
  const { drafts, setDraft } = useDrafts()
  const present = new Set<string>([
    ...plan.strengths.map((entry) => entry.id),
    ...plan.needs.map((entry) => entry.id),
    ...plan.goals.flatMap((goal) => [goal.id, ...goal.actions.map((action) => action.id)]),
    ...plan.actionsWithoutGoal.map((action) => action.id),
    ...plan.careTeam.map((entry) => entry.id),
    ...plan.personalContacts.map((entry) => entry.id),
  ])
  const orphans = [...drafts].filter(([id]) => !present.has(id))
  return (
    <div role="alert">
      {orphans.map(([id, draft]) => (
        <OrphanDraft key={id} draft={draft} onDone={() => setDraft(id, null)} doc={doc} author={author} />
      ))}
    </div>
  )
}

function OrphanDraft({ draft, onDone, doc, author }: { draft: Draft; onDone(): void; doc: Y.Doc; author: string }) {
  const [error, setError] = useState<string | null>(null)
  const errorId = useId()
  return (
    <div className="rt-problem">
      <p>
        <strong>Someone else deleted “{shortText(draft.title)}” while you were editing it.</strong> What you had typed:
      </p>
      <blockquote className="rt-draft">{String(draft.values.text ?? draft.values.what ?? draft.values.name ?? '')}</blockquote>
      <ErrorMessage id={errorId} message={error} />
      <div className="rt-actions">
        <button
          type="button"
          className="nhsuk-button nhsuk-button--secondary rt-button--small"
          aria-describedby={error ? errorId : undefined}
          onClick={() => {
            const result = addEntryFromForm(doc, draft.list, draft.values, { by: author, now: new Date(), goalId: draft.goalId, today: localDay(new Date()) })
            if (result.ok) onDone()
            else setError(`It could not be added back: ${Object.values(result.errors).join(' ')} Copy the text above if you need it.`)
          }}
        >
          Add it back as a new entry
        </button>
        <button type="button" className="nhsuk-button nhsuk-button--secondary rt-button--small" onClick={onDone}>
          Let it go
        </button>
      </div>
    </div>
  )
}
