import { SortableContext, verticalListSortingStrategy } from '@dnd-kit/sortable'
import type * as Y from 'yjs'
import { formatDay } from '../../../shared/plan/dates'
import { ownerFact, STATUS_WORDS, type Action, type Goal, type PlanView } from '../../../shared/plan'
import { EntryCard } from './EntryCard'
import type { OwnerOption } from './EntryForm'
import { MoveToGoal } from './MoveToGoal'
import { actionsContainer, useContainerDrop, usePlacedIds } from './PlanDnd'
import { actionCard } from './planCards'

interface Props {
  goal: Goal
  /** The goal's words, shortened, to name the list. */
  goalLabel: string
  plan: PlanView
  doc: Y.Doc
  owners: readonly OwnerOption[]
  onMessage(message: string): void
}

/** A goal's actions in order, each a card that can be dragged (to another goal, too), edited or moved. */
export function ActionList({ goal, goalLabel, plan, doc, owners, onMessage }: Props) {
  const container = actionsContainer(goal.id)
  const ids = usePlacedIds(container)
  // During a drag an action from another goal may be drawn here, so look among every goal's actions.
  const actions = new Map(plan.goals.flatMap((candidate) => candidate.actions).map((action) => [action.id, action]))
  const { setNodeRef } = useContainerDrop(container, 'action')

  return (
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
              details={<ActionFacts action={action} />}
              extra={<MoveToGoal action={action} goals={plan.goals} doc={doc} />}
            />
          )
        })}
        {ids.length === 0 ? <li className="rt-cards__empty">No actions yet.</li> : null}
      </ol>
    </SortableContext>
  )
}

/** Who will do an action, by when, and how it stands. */
function ActionFacts({ action }: { action: Action }) {
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
      {action.fromMeeting ? (
        <div>
          <dt>Agreed at</dt>
          <dd>
            {action.fromMeeting.title}, {formatDay(action.fromMeeting.date)}
          </dd>
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
