import { useEffect, useId, useRef, useState } from 'react'
import type * as Y from 'yjs'
import type { BoardSummary } from '../../../shared/api'
import { validateTitle } from '../../../shared/board'
import { newDocId } from '../../../shared/docId'
import { nextMeetingTitle } from '../../../shared/meeting/minutes'
import { ErrorMessage } from '../ErrorMessage'
import type { HubAddress } from '../hub'
import { rollOverTo, type NextMeeting } from './rollOverTo'

interface Props {
  hub: HubAddress
  /** The ended meeting's own document: where each case went is recorded in it. */
  from: Y.Doc
  title: string
  meetingId: string
  /** How the cases to roll over are named here (initials when the meeting shows initials only). */
  cases: string[]
  /** The hub's boards (null while loading), or 'refused' when this access cannot list them. */
  meetings: BoardSummary[] | null | 'refused'
  onMessage(text: string): void
}

const NEW = 'new'

/**
 * "Roll over N cases to the next meeting", in one step: pick a meeting from the hub's list, or start
 * a new one (named here), then every case the meeting did not reach moves there with its notes.
 */
export function RollOverPanel({ hub, from, title, meetingId, cases, meetings, onMessage }: Props) {
  const [choice, setChoice] = useState(NEW)
  const [newTitle, setNewTitle] = useState(() => nextMeetingTitle(title))
  const [problem, setProblem] = useState<{ message: string; attempt: number } | null>(null)
  const [busy, setBusy] = useState(false)
  const [done, setDone] = useState(false)
  const formId = useId()
  const problemRef = useRef<HTMLDivElement>(null)
  // Focus moves to the message once it is on the page, for every failed attempt (the same words again included).
  useEffect(() => {
    if (problem) problemRef.current?.querySelector<HTMLElement>('.nhsuk-error-message')?.focus()
  }, [problem])
  const count = cases.length
  const casesWord = `${count} ${count === 1 ? 'case' : 'cases'}`

  if (meetings === 'refused') {
    return (
      <section className="rt-rollover rt-no-print" aria-labelledby={`${formId}-heading`}>
        <h2 id={`${formId}-heading`}>Roll over {casesWord} to the next meeting</h2>
        <p>
          Not reached: <strong>{cases.join(', ')}</strong>
        </p>
        <p>Rolling cases over is done on the computer running Roundtable.</p>
      </section>
    )
  }
  const others = (meetings ?? []).filter((board) => board.kind === 'meeting' && board.id !== meetingId)

  async function submit(event: React.FormEvent): Promise<void> {
    event.preventDefault()
    let next: NextMeeting
    if (choice === NEW) {
      const titleProblem = validateTitle(newTitle)
      if (titleProblem) return show(titleProblem)
      next = { kind: 'new', id: newDocId(), title: newTitle.trim() }
    } else {
      next = { kind: 'existing', id: choice }
    }
    setBusy(true)
    const failed = await rollOverTo(hub, from, next)
    setBusy(false)
    if (failed) return show(failed)
    const nextTitle = next.kind === 'new' ? next.title : (others.find((board) => board.id === next.id)?.title ?? 'the next meeting')
    setDone(true)
    onMessage(`Rolled over ${casesWord} to ${nextTitle}.`)
  }

  function show(message: string): void {
    setProblem((shown) => ({ message, attempt: (shown?.attempt ?? 0) + 1 }))
  }

  // Done: the minutes now say where each case went, with a link to the next meeting.
  if (done) return null

  return (
    <form className="rt-rollover rt-no-print" onSubmit={(event) => void submit(event)} noValidate aria-labelledby={`${formId}-heading`}>
      <h2 id={`${formId}-heading`}>Roll over {casesWord} to the next meeting</h2>
      <p>
        Not reached: <strong>{cases.join(', ')}</strong>
      </p>
      <p>They go on the next meeting’s agenda with their time and their notes so far.</p>
      <div className={`nhsuk-form-group${problem ? ' nhsuk-form-group--error' : ''}`} ref={problemRef}>
        <fieldset className="rt-fieldset">
          <legend className="nhsuk-label">Next meeting</legend>
          <ErrorMessage id={`${formId}-error`} message={problem?.message ?? null} />
          <div className="rt-radios rt-radios--stacked">
            <label className="rt-radio">
              <input type="radio" name={`${formId}-next`} value={NEW} checked={choice === NEW} onChange={() => setChoice(NEW)} />
              <span>A new meeting</span>
            </label>
            {choice === NEW ? (
              <div className="rt-rollover__new">
                <label className="nhsuk-label" htmlFor={`${formId}-title`}>
                  Name of the new meeting
                </label>
                <input
                  className="nhsuk-input nhsuk-u-width-two-thirds"
                  id={`${formId}-title`}
                  autoComplete="off"
                  value={newTitle}
                  onChange={(event) => setNewTitle(event.target.value)}
                />
              </div>
            ) : null}
            {others.map((board) => (
              <label key={board.id} className="rt-radio">
                <input type="radio" name={`${formId}-next`} value={board.id} checked={choice === board.id} onChange={() => setChoice(board.id)} />
                <span>{board.title || 'Untitled meeting'}</span>
              </label>
            ))}
          </div>
        </fieldset>
      </div>
      <button type="submit" className="nhsuk-button" disabled={busy}>
        {busy ? 'Rolling over…' : `Roll over ${casesWord}`}
      </button>
    </form>
  )
}
