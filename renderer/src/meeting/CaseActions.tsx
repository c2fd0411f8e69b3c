import { useState } from 'react'
import type * as Y from 'yjs'
import type { HuddleAction } from '../../../shared/meeting/huddleCase'
import { initialsOf } from '../../../shared/meeting/privacy'
import { formatDay } from '../../../shared/plan/dates'
import { updateEntry } from '../../../shared/plan/entries'
import { ACTION_STATUSES, STATUS_WORDS, type ActionStatus } from '../../../shared/plan/fields'

interface Props {
  planDoc: Y.Doc
  actions: readonly HuddleAction[]
  /** Names of the person's family and friends: shown as initials when the room sees initials only. */
  personalNames: ReadonlySet<string>
  initialsOnly: boolean
  onMessage(text: string): void
}

/** Who does an action, as the room sees it: "Dr Khan, Dagenham GP". */
export function actionOwnerLine(action: HuddleAction, personalNames: ReadonlySet<string>, initialsOnly: boolean): string {
  const owner = action.ownerName === null ? 'Owner removed from the plan' : initialsOnly && personalNames.has(action.ownerName) ? initialsOf(action.ownerName) : action.ownerName
  return [owner, action.ownerDetail].filter(Boolean).join(', ')
}

/**
 * The person's open actions, overdue first, each with its owner, agency and due date, and a status
 * that anyone in the huddle can change: the change is written into the plan at once.
 */
export function CaseActions({ planDoc, actions, personalNames, initialsOnly, onMessage }: Props) {
  const [problem, setProblem] = useState<{ id: string; message: string } | null>(null)
  if (actions.length === 0) return <p className="rt-case__none">No open actions.</p>

  const setStatus = (action: HuddleAction, status: ActionStatus, select: HTMLSelectElement) => {
    let message: string | null = null
    try {
      const result = updateEntry(planDoc, action.id, 'action', { status })
      if (!result.ok) message = `The plan refused the change: ${Object.values(result.errors).join(' ')}`
    } catch {
      message = 'That action has just been deleted from the plan. Nothing was changed.'
    }
    setProblem(message ? { id: action.id, message } : null)
    // A finished action leaves the list of open ones, and its select with it: the keyboard goes to the list's heading.
    if (!message && (status === 'done' || status === 'cancelled')) {
      const heading = select.closest('section')?.querySelector<HTMLElement>('h3')
      if (heading) {
        heading.tabIndex = -1
        heading.focus()
      }
    }
    onMessage(message ?? `“${action.what}” is now ${STATUS_WORDS[status].toLowerCase()}.`)
  }

  return (
    <ul className="rt-case__actions">
      {actions.map((action) => (
        <li key={action.id} className={`rt-case__action${action.overdue ? ' rt-case__action--overdue' : ''}`}>
          <div className="rt-case__action-text">
            {action.overdue ? <strong className="rt-case__overdue">Overdue</strong> : null}
            <span className="rt-case__what">{action.what}</span>
            <span className="rt-case__who">
              {actionOwnerLine(action, personalNames, initialsOnly)} · due {formatDay(action.dueDate)}
            </span>
          </div>
          <label className="rt-case__status">
            <span className="nhsuk-u-visually-hidden">Status of “{action.what}”</span>
            <select className="nhsuk-select rt-case__status-select" value={action.status} onChange={(event) => setStatus(action, event.target.value as ActionStatus, event.target)}>
              {ACTION_STATUSES.map((status) => (
                <option key={status} value={status}>
                  {STATUS_WORDS[status]}
                </option>
              ))}
            </select>
          </label>
          {problem?.id === action.id ? (
            <p className="rt-problem" role="alert">
              {problem.message}
            </p>
          ) : null}
        </li>
      ))}
    </ul>
  )
}
