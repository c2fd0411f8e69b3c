import { useState } from 'react'
import type * as Y from 'yjs'
import { moveEntryAfter, type Action, type Goal } from '../../../shared/plan'
import { shortText } from '../format'
import { ChooseThenAct } from './ChooseThenAct'
import { focusWhenPresent, useReturnFocus } from './useReturnFocus'

/**
 * The keyboard-and-screen-reader way to move an action to another goal, besides dragging. Choosing
 * in the list does nothing by itself (arrow keys change a closed list's value); "Move" does it. The
 * list of goals is built only when asked for: a plan with 1,000 actions must not carry 1,000 copies.
 */
export function MoveToGoal({ action, goals, doc }: { action: Action; goals: readonly Goal[]; doc: Y.Doc }) {
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
