import { useId, useState } from 'react'
import { useSortable } from '@dnd-kit/sortable'
import { CSS } from '@dnd-kit/utilities'
import type * as Y from 'yjs'
import { deleteCard, updateCardText, validateCardText, type Card } from '../../shared/board'
import { ErrorMessage } from './ErrorMessage'
import { shortText } from './format'

interface Props {
  card: Card
  doc: Y.Doc
  onMessage(message: string): void
}

export function CardItem({ card, doc, onMessage }: Props) {
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition, isDragging } = useSortable({ id: card.id })
  const [editing, setEditing] = useState(false)
  const label = shortText(card.text)

  return (
    <li
      ref={setNodeRef}
      className={`rt-card${isDragging ? ' rt-card--dragging' : ''}`}
      style={{ transform: CSS.Translate.toString(transform), transition }}
    >
      {editing ? (
        <EditCard card={card} doc={doc} onDone={() => setEditing(false)} />
      ) : (
        <>
          <div className="rt-card__body">
            <button
              type="button"
              ref={setActivatorNodeRef}
              className="rt-card__handle"
              {...attributes}
              {...listeners}
              aria-label={`Move card: ${label}`}
            >
              <span aria-hidden="true">⠿</span>
            </button>
            <p className="rt-card__text">{card.text}</p>
          </div>
          <div className="rt-card__footer">
            {card.author ? <span className="rt-card__author">Added by {card.author}</span> : <span />}
            <span className="rt-card__buttons">
              <button type="button" className="rt-link-button" aria-label={`Edit card: ${label}`} onClick={() => setEditing(true)}>
                Edit
              </button>
              <button
                type="button"
                className="rt-link-button rt-link-button--danger"
                aria-label={`Delete card: ${label}`}
                onClick={() => {
                  deleteCard(doc, card.id)
                  onMessage(`Deleted “${label}”. Choose Undo to bring it back.`)
                }}
              >
                Delete
              </button>
            </span>
          </div>
        </>
      )}
    </li>
  )
}

function EditCard({ card, doc, onDone }: { card: Card; doc: Y.Doc; onDone(): void }) {
  const [text, setText] = useState(card.text)
  const [error, setError] = useState<string | null>(null)
  const id = useId()

  function save(event: React.FormEvent): void {
    event.preventDefault()
    const problem = validateCardText(text)
    setError(problem)
    if (problem) return
    try {
      if (text.trim() !== card.text) updateCardText(doc, card.id, text)
      onDone()
    } catch (failure) {
      // Deleted by someone else meanwhile: say so, and keep what was typed on screen to copy.
      setError((failure as Error).message)
    }
  }

  return (
    <form onSubmit={save} noValidate onKeyDown={(event) => event.key === 'Escape' && onDone()}>
      <div className={`nhsuk-form-group rt-form-group--tight${error ? ' nhsuk-form-group--error' : ''}`}>
        <label className="nhsuk-label" htmlFor={id}>
          Edit card
        </label>
        <ErrorMessage id={`${id}-error`} message={error} />
        <textarea
          className={`nhsuk-textarea${error ? ' nhsuk-textarea--error' : ''}`}
          id={id}
          rows={3}
          autoFocus
          value={text}
          aria-describedby={error ? `${id}-error` : undefined}
          onChange={(event) => setText(event.target.value)}
        />
      </div>
      <div className="rt-actions">
        <button type="submit" className="nhsuk-button rt-button--small">
          Save
        </button>
        <button type="button" className="nhsuk-button nhsuk-button--secondary rt-button--small" onClick={onDone}>
          Cancel
        </button>
      </div>
    </form>
  )
}
