import { useState } from 'react'
import { useSortable } from '@dnd-kit/sortable'
import { CSS } from '@dnd-kit/utilities'
import type * as Y from 'yjs'
import { CASE_PROGRESS_WORDS, caseProgress } from '../../../shared/meeting/huddleProgress'
import { setCaseBudget } from '../../../shared/meeting/meeting'
import type { AgendaCase } from '../../../shared/meeting/read'
import { readMinutes } from '../../../shared/meeting/setup'
import { ErrorMessage } from '../ErrorMessage'
import { boardHref } from '../route'

export type MoveStep = 'up' | 'down'

interface Props {
  doc: Y.Doc
  item: AgendaCase
  /** The person as this screen may name them (initials only when the room-facing switch is on). */
  shown: string
  index: number
  total: number
  /** Ids for the row's buttons, so focus can follow a moved row. */
  buttonId(itemId: string, what: MoveStep | 'remove'): string
  readOnly: boolean
  onMove(item: AgendaCase, step: MoveStep): void
  onRemove(item: AgendaCase): void
  onMessage(text: string): void
}

/**
 * One person on the agenda: their place, a link to their plan, their minutes, and buttons to move
 * or remove them. Dragged by its handle with a pointer; the Move buttons are the keyboard's way.
 */
export function AgendaCaseRow({ doc, item, shown, index, total, buttonId, readOnly, onMove, onRemove, onMessage }: Props) {
  const { setNodeRef, setActivatorNodeRef, listeners, transform, transition, isDragging } = useSortable({ id: item.id, disabled: readOnly })
  const style = { transform: CSS.Translate.toString(transform), transition }
  const minutesId = `agenda-${item.id}-minutes`
  return (
    <li ref={setNodeRef} style={style} className={`rt-agenda__case${isDragging ? ' rt-agenda__case--dragging' : ''}`}>
      {readOnly ? null : (
        // The handle is for a pointer only: keyboard users have the Move buttons, which say where the person lands.
        <div ref={setActivatorNodeRef} className="rt-agenda__handle" aria-hidden="true" title="Drag to reorder" {...listeners}>
          ⠿
        </div>
      )}
      <div className="rt-agenda__body">
        <p className="rt-agenda__who">
          <span className="rt-agenda__place">{index + 1}.</span>{' '}
          <a href={boardHref(item.planId)} className="rt-agenda__plan">
            {shown}
            <span className="nhsuk-u-visually-hidden"> (their plan)</span>
          </a>
          {caseProgress(item) === 'waiting' ? null : <span className="rt-agenda__state"> {CASE_PROGRESS_WORDS[caseProgress(item)]}</span>}
          {item.rolledFrom ? <span className="rt-agenda__state"> Rolled over from an earlier meeting</span> : null}
        </p>
        {readOnly ? (
          <p className="rt-agenda__minutes-text">{minutesWords(item.budgetMinutes)}</p>
        ) : (
          <div className="rt-agenda__controls">
            <BudgetField doc={doc} item={item} shown={shown} id={minutesId} onMessage={onMessage} />
            <div className="rt-agenda__buttons">
              <button type="button" id={buttonId(item.id, 'up')} className="rt-link-button" disabled={index === 0} aria-label={`Move ${shown} up`} onClick={() => onMove(item, 'up')}>
                Move up
              </button>
              <button type="button" id={buttonId(item.id, 'down')} className="rt-link-button" disabled={index === total - 1} aria-label={`Move ${shown} down`} onClick={() => onMove(item, 'down')}>
                Move down
              </button>
              <button type="button" id={buttonId(item.id, 'remove')} className="rt-link-button rt-link-button--danger" onClick={() => onRemove(item)}>
                Remove<span className="nhsuk-u-visually-hidden"> {shown} from the agenda</span>
              </button>
            </div>
          </div>
        )}
      </div>
    </li>
  )
}

function minutesWords(minutes: number): string {
  return `${minutes} ${minutes === 1 ? 'minute' : 'minutes'}`
}

/** The case's minutes: typed freely, saved when the person leaves the box or presses Enter. */
function BudgetField({ doc, item, shown, id, onMessage }: { doc: Y.Doc; item: AgendaCase; shown: string; id: string; onMessage(text: string): void }) {
  // What is being typed, or null to show the saved minutes (which another person may change).
  const [draft, setDraft] = useState<string | null>(null)
  const [error, setError] = useState<string | null>(null)

  function save(): void {
    if (draft === null) return
    const result = setCaseBudget(doc, item.id, readMinutes(draft))
    if (!result.ok) {
      setError(result.errors.budgetMinutes ?? result.errors.form ?? null)
      return
    }
    setError(null)
    setDraft(null)
    if (result.value !== item.budgetMinutes) onMessage(`${shown}: ${minutesWords(result.value)}.`)
  }

  return (
    <div className={`nhsuk-form-group rt-agenda__budget${error ? ' nhsuk-form-group--error' : ''}`}>
      <ErrorMessage id={`${id}-error`} message={error} />
      <div className="rt-agenda__budget-row">
        <label className="nhsuk-label rt-agenda__budget-label" htmlFor={id}>
          Minutes<span className="nhsuk-u-visually-hidden"> for {shown}</span>
        </label>
        <input
          className={`nhsuk-input nhsuk-input--width-2${error ? ' nhsuk-input--error' : ''}`}
          id={id}
          inputMode="numeric"
          autoComplete="off"
          value={draft ?? String(item.budgetMinutes)}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          onChange={(event) => setDraft(event.target.value)}
          onBlur={save}
          onKeyDown={(event) => {
            if (event.key === 'Enter') {
              event.preventDefault()
              save()
            }
          }}
        />
      </div>
    </div>
  )
}
