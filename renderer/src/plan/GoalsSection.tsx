import { useId, useState } from 'react'
import { SortableContext, verticalListSortingStrategy } from '@dnd-kit/sortable'
import type * as Y from 'yjs'
import { addActionWithNewOwner, addEntry, linkNeedToGoal, moveEntryAfter, unlinkNeedFromGoal } from '../../../shared/plan/entries'
import { formatDay, localDay } from '../../../shared/plan/dates'
import { IMPORTANCE_WORDS, STATUS_WORDS } from '../../../shared/plan/fields'
import { ownerFact } from '../../../shared/plan/owners'
import type { Action, Goal, Need, PlanView } from '../../../shared/plan/read'
import { shortText } from '../format'
import { EntryCard, type CardEntry } from './EntryCard'
import { EntryForm, NEW_OWNER, type OwnerOption } from './EntryForm'
import { blankEntry, ENTRY_FIELDS } from './entryFields'
import { actionsContainer, useContainerDrop, useGroupedIds, useNeedLinkDrop, usePlacedIds, voiceGroup } from './PlanDnd'
import { actionCard, goalCard } from './planCards'
import { useFarDueDateConfirmation } from './useFarDueDateConfirmation'
import { focusWhenPresent, useReturnFocus } from './useReturnFocus'

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
            initial={blankEntry('goal', localDay(new Date()))}
            submitLabel="Add a goal"
            onCancel={() => setAdding(false)}
            onSubmit={(values) => {
              const result = addEntry(doc, 'goal', values as never, { by: author, now: new Date() })
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

function GoalDetails({ goal, plan, doc, author, owners, onMessage }: { goal: Goal; plan: PlanView; doc: Y.Doc; author: string; owners: readonly OwnerOption[]; onMessage(message: string): void }) {
  const container = actionsContainer(goal.id)
  const ids = usePlacedIds(container)
  const actions = new Map(plan.goals.flatMap((candidate) => candidate.actions).map((action) => [action.id, action]))
  const { setNodeRef } = useContainerDrop(container, 'action')
  const link = useNeedLinkDrop(goal.id)
  const [adding, setAdding] = useState(false)
  const farDueDate = useFarDueDateConfirmation()
  const addButton = useReturnFocus<HTMLButtonElement>(adding)
  const linked = plan.needs.filter((need) => goal.needIds.includes(need.id))
  const unlinked = plan.needs.filter((need) => !goal.needIds.includes(need.id))
  const goalLabel = shortText(goal.text)

  return (
    <>
      <p className="rt-card__meta">{IMPORTANCE_WORDS[goal.importance]}</p>
      <div ref={link.setNodeRef} className={`rt-links${link.isOver ? ' rt-links--over' : ''}`}>
        <p className="rt-card__meta" id={`needs-of-${goal.id}`} tabIndex={-1}>
          <strong>Needs this goal answers:</strong> {linked.length === 0 ? 'none linked yet' : null}
        </p>
        {linked.length > 0 ? (
          <ul className="rt-chips" aria-label={`Needs linked to ${goalLabel}`}>
            {linked.map((need) => (
              <li key={need.id} className="rt-chip">
                {shortText(need.text, 40)}
                <button
                  type="button"
                  className="rt-link-button"
                  aria-label={`Unlink “${shortText(need.text)}” from this goal`}
                  onClick={() => {
                    unlinkNeedFromGoal(doc, need.id, goal.id)
                    focusWhenPresent(`needs-of-${goal.id}`)
                  }}
                >
                  Unlink
                </button>
              </li>
            ))}
          </ul>
        ) : null}
        {unlinked.length > 0 ? <LinkNeed goal={goal} needs={unlinked} doc={doc} /> : null}
      </div>
      <h3 className="rt-subheading">Actions</h3>
      <SortableContext id={container} items={ids} strategy={verticalListSortingStrategy}>
        <ol ref={setNodeRef} className="rt-cards rt-actions-list" aria-label={`Actions for ${goalLabel}`}>
          {ids.map((id) => {
            const action = actions.get(id)
            if (!action) return null
            return (
              <EntryCard
                key={id}
                entry={actionCard(action)}
                doc={doc}
                personName={plan.person.preferredName || plan.person.name}
                owners={owners}
                onMessage={onMessage}
                className={action.overdue ? 'rt-card--overdue' : ''}
                details={<ActionDetails action={action} />}
                extra={<MoveToGoal action={action} goals={plan.goals} doc={doc} />}
              />
            )
          })}
          {ids.length === 0 ? <li className="rt-cards__empty">No actions yet.</li> : null}
        </ol>
      </SortableContext>
      {adding ? (
        <div className="rt-panel rt-panel--form">
          <h4 className="nhsuk-heading-xs">Add an action for “{goalLabel}”</h4>
          <EntryForm
            fields={ENTRY_FIELDS.action}
            initial={blankEntry('action', localDay(new Date()))}
            owners={owners}
            submitLabel="Add the action"
            onCancel={() => setAdding(false)}
            onSubmit={(values) => {
              const options = { by: author, now: new Date(), goalId: goal.id, today: localDay(new Date()), confirmFarDueDate: farDueDate.confirmed(values.dueDate) }
              const { newOwnerName, newOwnerRole, newOwnerOrganisation, ...action } = values
              const result =
                values.ownerId === NEW_OWNER
                  ? addActionWithNewOwner(doc, action as never, { name: String(newOwnerName ?? ''), role: String(newOwnerRole ?? ''), organisation: String(newOwnerOrganisation ?? '') }, options)
                  : addEntry(doc, 'action', action as never, options)
              farDueDate.remember(result, values.dueDate)
              if (result.ok) setAdding(false)
              return result
            }}
          />
        </div>
      ) : (
        <button
          type="button"
          ref={addButton}
          className="nhsuk-button nhsuk-button--secondary rt-button--small"
          aria-label={`Add an action for ${goalLabel}`}
          data-add-action
          onClick={() => setAdding(true)}
        >
          Add an action
        </button>
      )}
    </>
  )
}

function ActionDetails({ action }: { action: Action }) {
  const fact = ownerFact(action.ownerRelationship, action.agency)
  return (
    <dl className="rt-facts">
      <div>
        <dt>Who</dt>
        <dd>{action.ownerName ?? 'Someone no longer in the care team'}</dd>
      </div>
      {fact ? (
        <div>
          <dt>{fact.label}</dt>
          <dd>{fact.value}</dd>
        </div>
      ) : null}
      <div>
        <dt>By</dt>
        <dd>
          {formatDay(action.dueDate)}
          {action.overdue ? <strong className="rt-tag rt-tag--overdue"> Overdue</strong> : null}
        </dd>
      </div>
      <div>
        <dt>Status</dt>
        <dd>{STATUS_WORDS[action.status]}</dd>
      </div>
      {action.reviewDate ? (
        <div>
          <dt>Review</dt>
          <dd>{formatDay(action.reviewDate)}</dd>
        </div>
      ) : null}
      {action.outcome ? (
        <div>
          <dt>Outcome</dt>
          <dd>{action.outcome}</dd>
        </div>
      ) : null}
    </dl>
  )
}

/**
 * The keyboard-and-screen-reader way to move an action to another goal, besides dragging. Choosing
 * in the list does nothing by itself (arrow keys change a closed list's value); "Move" does it. The
 * list of goals is built only when asked for: a plan with 1,000 actions must not carry 1,000 copies.
 */
function MoveToGoal({ action, goals, doc }: { action: Action; goals: readonly Goal[]; doc: Y.Doc }) {
  const [choosing, setChoosing] = useState(false)
  const button = useReturnFocus<HTMLButtonElement>(choosing)
  const others = goals.filter((goal) => goal.id !== action.goalId)
  if (others.length === 0) return null
  if (!choosing) {
    return (
      <button
        type="button"
        ref={button}
        id={`move-to-goal-${action.id}`}
        className="rt-link-button"
        aria-label={`Move to goal: “${shortText(action.what)}”`}
        onClick={() => setChoosing(true)}
      >
        Move to goal
      </button>
    )
  }
  return (
    <ChooseThenAct
      label={`Goal to move “${shortText(action.what)}” to`}
      placeholder="Choose a goal…"
      options={others.map((goal) => ({ value: goal.id, label: shortText(goal.text, 50) }))}
      actLabel="Move"
      actName={`Move “${shortText(action.what)}” to the chosen goal`}
      onCancel={() => setChoosing(false)}
      onAct={(goalId) => {
        setChoosing(false)
        moveEntryAfter(doc, action.id, null, goalId)
        // The action is drawn again under its new goal; keep the keyboard with it.
        focusWhenPresent(`move-to-goal-${action.id}`)
      }}
    />
  )
}

function LinkNeed({ goal, needs, doc }: { goal: Goal; needs: readonly Need[]; doc: Y.Doc }) {
  return (
    <ChooseThenAct
      label={`Link a need to “${shortText(goal.text)}”`}
      placeholder="Choose a need…"
      options={needs.map((need) => ({ value: need.id, label: shortText(need.text, 50) }))}
      actLabel="Link"
      actName={`Link the chosen need to “${shortText(goal.text)}”`}
      onAct={(needId) => {
        linkNeedToGoal(doc, needId, goal.id)
        focusWhenPresent(`needs-of-${goal.id}`)
      }}
    />
  )
}

interface ChooseProps {
  label: string
  placeholder: string
  options: readonly { value: string; label: string }[]
  actLabel: string
  /** The button's accessible name: starts with `actLabel`, what is on screen (WCAG 2.5.3). */
  actName: string
  onAct(value: string): void
  onCancel?: () => void
}

/** A list to choose from and a button that acts on the choice (WCAG 3.2.2: choosing alone changes nothing). */
function ChooseThenAct({ label, placeholder, options, actLabel, actName, onAct, onCancel }: ChooseProps) {
  const id = useId()
  const [choice, setChoice] = useState('')
  const [error, setError] = useState<string | null>(null)
  return (
    <span className="rt-inline-control" onKeyDown={(event) => event.key === 'Escape' && onCancel?.()}>
      <label className="nhsuk-u-visually-hidden" htmlFor={id}>
        {label}
      </label>
      <select id={id} className="nhsuk-select rt-select--small" value={choice} autoFocus={onCancel !== undefined} onChange={(event) => setChoice(event.target.value)}>
        <option value="">{placeholder}</option>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      <button
        type="button"
        className="nhsuk-button nhsuk-button--secondary rt-button--tiny"
        aria-label={actName}
        aria-describedby={error ? `${id}-error` : undefined}
        onClick={() => {
          if (!choice) {
            setError(`${placeholder.replace('…', '')} first.`)
            return
          }
          setError(null)
          setChoice('')
          onAct(choice)
        }}
      >
        {actLabel}
      </button>
      {onCancel ? (
        <button type="button" className="rt-link-button" onClick={onCancel}>
          Cancel
        </button>
      ) : null}
      {error ? (
        <span className="nhsuk-error-message rt-inline-error" id={`${id}-error`} role="alert">
          {error}
        </span>
      ) : null}
    </span>
  )
}

export type { CardEntry }
