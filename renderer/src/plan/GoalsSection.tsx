import { useId, useState } from 'react'
import { SortableContext, verticalListSortingStrategy } from '@dnd-kit/sortable'
import type * as Y from 'yjs'
import { localDay } from '../../../shared/plan/dates'
import { addEntryFromForm, newEntryDefaults, type PlanView } from '../../../shared/plan'
import { EntryCard } from './EntryCard'
import { EntryForm, type OwnerOption } from './EntryForm'
import { ENTRY_FIELDS } from './entryFields'
import { GoalDetails } from './GoalDetails'
import { MoveToGoal } from './MoveToGoal'
import { useContainerDrop, useGroupedIds, voiceGroup } from './PlanDnd'
import { goalCard } from './planCards'
import { useReturnFocus } from './useReturnFocus'

interface Props {
  plan: PlanView
  doc: Y.Doc
  author: string
  owners: readonly OwnerOption[]
  onMessage(message: string): void
}

/** Goals in the person's words, each with the needs it answers and the actions that will get there. */
export function GoalsSection({ plan, doc, author, owners, onMessage }: Props) {
  const ids = useGroupedIds('goal')
  const goals = new Map(plan.goals.map((goal) => [goal.id, goal]))
  const groups = (['person', 'professional'] as const).map((voice) => ({ container: voiceGroup('goal', voice), items: ids.filter((id) => goals.get(id)?.voice === voice) }))
  const { setNodeRef } = useContainerDrop('goal', 'goal')
  const [adding, setAdding] = useState(false)
  const addButton = useReturnFocus<HTMLButtonElement>(adding)
  const headingId = useId()
  const personName = plan.person.preferredName || plan.person.name

  return (
    <section className="rt-plan-section rt-plan-section--wide" aria-labelledby={headingId}>
      <h2 className="rt-section__title" id={headingId}>
        Goals and actions
      </h2>
      <p className="rt-section__hint">What the person hopes for, in their words, and who will do what, by when.</p>
      <ol ref={setNodeRef} className="rt-cards rt-goals" aria-label="Goals">
        {groups.map((group) => (
          <SortableContext key={group.container} id={group.container} items={group.items} strategy={verticalListSortingStrategy}>
            {group.items.map((id) => {
              const goal = goals.get(id)
              if (!goal) return null
              return (
                <EntryCard
                  key={id}
                  entry={goalCard(goal)}
                  doc={doc}
                  personName={personName}
                  onMessage={onMessage}
                  className="rt-card--goal"
                  details={<GoalDetails goal={goal} plan={plan} doc={doc} author={author} owners={owners} onMessage={onMessage} />}
                />
              )
            })}
          </SortableContext>
        ))}
        {ids.length === 0 ? <li className="rt-cards__empty">No goals yet.</li> : null}
      </ol>
      {plan.actionsWithoutGoal.length > 0 ? (
        <div className="rt-panel">
          <h3 className="nhsuk-heading-s">Actions not linked to a goal</h3>
          <ul className="rt-cards">
            {plan.actionsWithoutGoal.map((action) => (
              <li key={action.id} className="rt-card">
                <p className="rt-card__text">{action.what}</p>
                <MoveToGoal action={action} goals={plan.goals} doc={doc} />
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {adding ? (
        <div className="rt-panel rt-panel--form">
          <h3 className="nhsuk-heading-s">Add a goal</h3>
          <EntryForm
            fields={ENTRY_FIELDS.goal}
            initial={newEntryDefaults('goal', localDay(new Date()))}
            submitLabel="Add a goal"
            onCancel={() => setAdding(false)}
            onSubmit={(values) => {
              const result = addEntryFromForm(doc, 'goal', values, { by: author, now: new Date() })
              if (result.ok) setAdding(false)
              return result
            }}
          />
        </div>
      ) : (
        <button type="button" ref={addButton} className="nhsuk-button nhsuk-button--secondary rt-button--small" onClick={() => setAdding(true)}>
          Add a goal
        </button>
      )}
    </section>
  )
}
