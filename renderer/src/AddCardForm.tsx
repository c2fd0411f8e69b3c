import { useId, useState } from 'react'
import type * as Y from 'yjs'
import { addCard, validateCardText, type Section } from '../../shared/board'
import { ErrorMessage } from './ErrorMessage'

/** Adds a card at the end of a section. What was typed stays in the box until the card is added. */
export function AddCardForm({ section, doc, author }: { section: Section; doc: Y.Doc; author: string }) {
  const [text, setText] = useState('')
  const [error, setError] = useState<string | null>(null)
  const id = useId()

  function submit(event: React.FormEvent): void {
    event.preventDefault()
    const problem = validateCardText(text)
    setError(problem)
    if (problem) return
    addCard(doc, { section: section.id, text, author, now: new Date() })
    setText('')
  }

  return (
    <form className="rt-add-card" onSubmit={submit} noValidate>
      <div className={`nhsuk-form-group rt-form-group--tight${error ? ' nhsuk-form-group--error' : ''}`}>
        <label className="nhsuk-label nhsuk-label--s" htmlFor={id}>
          Add to {section.title}
        </label>
        <ErrorMessage id={`${id}-error`} message={error} />
        <textarea
          className={`nhsuk-textarea${error ? ' nhsuk-textarea--error' : ''}`}
          id={id}
          rows={2}
          value={text}
          aria-describedby={error ? `${id}-error` : undefined}
          onChange={(event) => setText(event.target.value)}
          onKeyDown={(event) => {
            // Enter adds the card; Shift+Enter starts a new line.
            if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) submit(event)
          }}
        />
      </div>
      <button type="submit" className="nhsuk-button nhsuk-button--secondary rt-button--small">
        Add card
      </button>
    </form>
  )
}
