import { useCallback, useEffect, useId, useState } from 'react'
import { boardsForHome, type BoardSummary } from '../../shared/api'
import { validateTitle } from '../../shared/board'
import { boardKindInfo } from '../../shared/boardKinds'
import { newDocId } from '../../shared/docId'
import { TEMPLATES } from '../../shared/plan/templates'
import { DataFolder } from './DataFolder'
import { ErrorMessage } from './ErrorMessage'
import { formatDateTime } from './format'
import { fetchDocuments, type HubAddress } from './hub'
import { rememberNewBoard } from './newBoards'
import { boardHref, navigate, TRACKER_HREF } from './route'
import { useReturnFocus } from './plan/useReturnFocus'

type ListState = { status: 'loading' } | { status: 'error'; message: string } | { status: 'ready'; boards: BoardSummary[] }

export function Home({ hub }: { hub: HubAddress }) {
  const [list, setList] = useState<ListState>({ status: 'loading' })
  const [creating, setCreating] = useState<'plan' | 'meeting' | null>(null)
  const newPlanButton = useReturnFocus<HTMLButtonElement>(creating === 'plan')
  const newMeetingButton = useReturnFocus<HTMLButtonElement>(creating === 'meeting')

  const load = useCallback(
    (signal?: AbortSignal) => {
      fetchDocuments(hub, signal)
        .then((documents) => setList({ status: 'ready', boards: boardsForHome(documents) }))
        .catch((error: Error) => {
          if (error.name !== 'AbortError') setList({ status: 'error', message: error.message })
        })
    },
    [hub],
  )

  useEffect(() => {
    const controller = new AbortController()
    load(controller.signal)
    // Someone else may have added a board meanwhile; refresh when this window comes back into view.
    const onFocus = () => load()
    window.addEventListener('focus', onFocus)
    return () => {
      controller.abort()
      window.removeEventListener('focus', onFocus)
    }
  }, [load])

  return (
    <>
      <h1>Plans</h1>
      <p>
        <a href={TRACKER_HREF}>Action tracker</a>: every action on every plan, overdue first.
      </p>
      {creating === 'plan' ? <NewPlanForm onCancel={() => setCreating(null)} /> : null}
      {creating === 'meeting' ? <NewMeetingForm onCancel={() => setCreating(null)} /> : null}
      {creating === null ? (
        <div className="rt-actions">
          <button type="button" ref={newPlanButton} className="nhsuk-button" onClick={() => setCreating('plan')}>
            New plan
          </button>
          <button type="button" ref={newMeetingButton} className="nhsuk-button nhsuk-button--secondary" onClick={() => setCreating('meeting')}>
            New meeting
          </button>
        </div>
      ) : null}
      <h2>Your plans and meetings</h2>
      {list.status === 'loading' ? <p role="status">Loading plans…</p> : null}
      {list.status === 'error' ? (
        <div className="rt-problem" role="alert">
          <p>{list.message}</p>
          <button type="button" className="nhsuk-button nhsuk-button--secondary" onClick={() => load()}>
            Try again
          </button>
        </div>
      ) : null}
      {list.status === 'ready' && list.boards.length === 0 ? (
        <p className="rt-empty">There are no plans or meetings here yet. Choose “New plan” to start one.</p>
      ) : null}
      {list.status === 'ready' && list.boards.length > 0 ? (
        <ul className="rt-board-list">
          {list.boards.map((board) => (
            <li key={board.id} className="rt-board-list__item">
              <a className="rt-board-list__link" href={boardHref(board.id)}>
                {board.title || `Untitled ${boardKindInfo(board.kind).noun}`}
              </a>
              <p className="rt-board-list__meta">
                {boardKindInfo(board.kind).label} · last updated <time dateTime={board.updatedAt}>{formatDateTime(board.updatedAt)}</time>
              </p>
            </li>
          ))}
        </ul>
      ) : null}
      <DataFolder />
    </>
  )
}

function NewPlanForm({ onCancel }: { onCancel(): void }) {
  const [template, setTemplate] = useState('blank')
  const groupId = useId()
  return (
    <NewBoardForm
      kind="plan"
      template={template}
      label="Name of the plan"
      hint="For example the person’s initials. On a shared screen, initials keep things private."
      onCancel={onCancel}
    >
      <fieldset className="nhsuk-form-group rt-fieldset">
        <legend className="nhsuk-label">Start from</legend>
        <div className="rt-radios rt-radios--stacked">
          {TEMPLATES.map((choice) => (
            <label key={choice.id} className="rt-radio rt-radio--described">
              <input type="radio" name={`${groupId}-template`} value={choice.id} checked={template === choice.id} onChange={() => setTemplate(choice.id)} />
              <span>
                <strong>{choice.title}</strong>
                <span className="rt-radio__hint">{choice.description}</span>
              </span>
            </label>
          ))}
        </div>
      </fieldset>
    </NewBoardForm>
  )
}

/** A new MDT huddle: named here, then its date, people and agenda are set on its own page. */
function NewMeetingForm({ onCancel }: { onCancel(): void }) {
  return (
    <NewBoardForm
      kind="meeting"
      template="blank"
      label="Name of the meeting"
      hint="For example “Thursday huddle, Dagenham East”. You add the date, the people and the agenda next."
      onCancel={onCancel}
    />
  )
}

interface NewBoardFormProps {
  kind: 'plan' | 'meeting'
  template: string
  label: string
  hint: string
  onCancel(): void
  /** More choices, between the name and the buttons. */
  children?: React.ReactNode
}

/** Names a new board and opens it; the board writes its own kind and title once the hub has answered. */
function NewBoardForm({ kind, template, label, hint, onCancel, children }: NewBoardFormProps) {
  const [title, setTitle] = useState('')
  const [error, setError] = useState<string | null>(null)
  const inputId = useId()
  const noun = boardKindInfo(kind).noun

  function submit(event: React.FormEvent): void {
    event.preventDefault()
    const problem = validateTitle(title, kind)
    setError(problem)
    if (problem) return
    const docId = newDocId()
    rememberNewBoard(docId, { kind, title: title.trim(), template })
    navigate(boardHref(docId))
  }

  return (
    <form className="rt-panel" onSubmit={submit} noValidate aria-labelledby={`${inputId}-heading`}>
      <h2 id={`${inputId}-heading`}>New {noun}</h2>
      <div className={`nhsuk-form-group${error ? ' nhsuk-form-group--error' : ''}`}>
        <label className="nhsuk-label" htmlFor={inputId}>
          {label}
        </label>
        <div className="nhsuk-hint" id={`${inputId}-hint`}>
          {hint}
        </div>
        <ErrorMessage id={`${inputId}-error`} message={error} />
        <input
          className={`nhsuk-input nhsuk-u-width-two-thirds${error ? ' nhsuk-input--error' : ''}`}
          id={inputId}
          autoFocus
          autoComplete="off"
          value={title}
          aria-describedby={`${inputId}-hint${error ? ` ${inputId}-error` : ''}`}
          onChange={(event) => setTitle(event.target.value)}
        />
      </div>
      {children}
      <div className="rt-actions">
        <button type="submit" className="nhsuk-button">
          Create {noun}
        </button>
        <button type="button" className="nhsuk-button nhsuk-button--secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  )
}
