import type * as Y from 'yjs'
import { IMPORTANCE_WORDS, linkNeedToGoal, unlinkNeedFromGoal, type Goal, type Need, type PlanView } from '../../../shared/plan'
import { shortText } from '../format'
import { ActionList } from './ActionList'
import { ChooseThenAct } from './ChooseThenAct'
import type { OwnerOption } from './EntryForm'
import { NewActionForm } from './NewActionForm'
import { useNeedLinkDrop } from './PlanDnd'
import { focusWhenPresent } from './useReturnFocus'

interface Props {
  goal: Goal
  plan: PlanView
  doc: Y.Doc
  author: string
  owners: readonly OwnerOption[]
  onMessage(message: string): void
}

/** What a goal card holds under its words: how important it is, the needs it answers, and its actions. */
export function GoalDetails({ goal, plan, doc, author, owners, onMessage }: Props) {
  const link = useNeedLinkDrop(goal.id)
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
      <ActionList goal={goal} goalLabel={goalLabel} plan={plan} doc={doc} owners={owners} onMessage={onMessage} />
      <NewActionForm goalId={goal.id} goalLabel={goalLabel} doc={doc} author={author} owners={owners} />
    </>
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
