import { useId, useState } from 'react'
import type * as Y from 'yjs'
import { addDecision, type MeetingRef } from '../../../shared/plan/meetingRecords'
import { ErrorMessage } from '../ErrorMessage'
import { useReturnFocus } from '../plan/useReturnFocus'

interface Props {
  planDoc: Y.Doc
  meeting: MeetingRef
  author: string
  /** How the room names the person. */
  name: string
  onMessage(text: string): void
}

/** "+ Decision": a decision about the person, written into their plan at once, marked with this meeting. */
export function CaseDecisionForm({ planDoc, meeting, author, name, onMessage }: Props) {
  const [open, setOpen] = useState(false)
  const [text, setText] = useState('')
  const [error, setError] = useState<string | null>(null)
  const opener = useReturnFocus<HTMLButtonElement>(open)
  const id = useId()

  if (!open) {
    return (
      <button type="button" ref={opener} className="nhsuk-button nhsuk-button--secondary rt-button--small" onClick={() => setOpen(true)}>
        + Decision
      </button>
    )
  }
  const close = () => {
    setOpen(false)
    setText('')
    setError(null)
  }
  return (
    <form
      className="rt-panel rt-panel--form rt-case-form"
      noValidate
      onKeyDown={(event) => event.key === 'Escape' && !text && close()}
      onSubmit={(event) => {
        event.preventDefault()
        const result = addDecision(planDoc, text, meeting, { by: author, now: new Date() })
        if (!result.ok) {
          setError(result.errors.text ?? result.errors.form ?? 'The decision could not be recorded.')
          document.getElementById(id)?.focus()
          return
        }
        onMessage(`Decision recorded in ${name}’s plan.`)
        close()
      }}
    >
      <div className={`nhsuk-form-group rt-form-group--tight${error ? ' nhsuk-form-group--error' : ''}`}>
        <label className="nhsuk-label" htmlFor={id}>
          Decision about {name}
        </label>
        <div className="nhsuk-hint" id={`${id}-hint`}>
          Goes into their plan now, marked as made at this meeting.
        </div>
        <ErrorMessage id={`${id}-error`} message={error} />
        <textarea
          id={id}
          className={`nhsuk-textarea${error ? ' nhsuk-textarea--error' : ''}`}
          rows={2}
          value={text}
          autoFocus
          aria-describedby={[`${id}-hint`, error ? `${id}-error` : ''].filter(Boolean).join(' ')}
          aria-invalid={error ? true : undefined}
          onChange={(event) => setText(event.target.value)}
        />
      </div>
      <div className="rt-actions">
        <button type="submit" className="nhsuk-button rt-button--small">
          Record the decision
        </button>
        <button type="button" className="nhsuk-button nhsuk-button--secondary rt-button--small" onClick={close}>
          Cancel
        </button>
      </div>
    </form>
  )
}
