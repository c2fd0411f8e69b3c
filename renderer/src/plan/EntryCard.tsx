import { CSS } from '@dnd-kit/utilities'
import { useEffect, useId, useRef } from 'react'
import type * as Y from 'yjs'
import { localDay } from '../../../shared/plan/dates'
import { deleteEntry, updateEntryFromForm, type EntryList } from '../../../shared/plan'
import { entryEditTarget } from '../../../shared/presence'
import { editAsksStillTheirWords } from '../../../shared/plan/voice'
import { shortText } from '../format'
import { EntryForm, type FormValues, type OwnerOption } from './EntryForm'
import { ENTRY_FIELDS } from './entryFields'
import { usePlanSortable, type DragKind } from './PlanDnd'
import { useDrafts } from './drafts'
import { EditingNote, usePeopleEditing, usePublishEditing } from './editingPresence'
import { useFarDueDateConfirmation } from './useFarDueDateConfirmation'
import { focusSectionOf, useReturnFocus } from './useReturnFocus'

export interface CardEntry {
  id: string
  list: EntryList
  /** For an action: its goal. */
  goalId?: string
  /** The entry's main words: its text, what will be done, or the contact's name. */
  title: string
  voice?: 'person' | 'professional'
  addedBy: string
  /** Field values for the edit form. */
  values: FormValues
}

interface Props {
  entry: CardEntry
  doc: Y.Doc
  personName: string
  owners?: readonly OwnerOption[]
  onMessage(message: string): void
  /** Extra lines under the title (an action's owner and date, a contact's role). */
  details?: React.ReactNode
  /** Extra controls beside Edit and Delete (move to goal, link to goal). */
  extra?: React.ReactNode
  className?: string
}

/** How each kind of entry is named in button labels, so "Move goal: …" and "Move action: …" differ. */
const KIND_WORDS: Record<EntryList, string> = {
  strength: 'strength',
  need: 'need',
  goal: 'goal',
  action: 'action',
  professional: 'care team member',
  personal: 'contact',
}

/** One entry on the plan: its words, whose words they are, who added it, and Edit, Delete and Move. */
export function EntryCard({ entry, doc, personName, owners, onMessage, details, extra, className = '' }: Props) {
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition, isDragging } = usePlanSortable(entry.id, entry.list as DragKind)
  const { drafts, setDraft } = useDrafts()
  const draft = drafts.get(entry.id)
  const editing = draft !== undefined
  const editButton = useReturnFocus<HTMLButtonElement>(editing)
  const stopEditing = () => setDraft(entry.id, null)
  const label = `${KIND_WORDS[entry.list]}: ${shortText(entry.title)}`
  const personsWords = entry.voice === 'person'
  const farDueDate = useFarDueDateConfirmation()
  // Who else is editing this entry: shown on the card, and named if they save over what this person is typing.
  const editTarget = entryEditTarget(entry.id)
  usePublishEditing(editTarget, editing)
  const others = usePeopleEditing(editTarget)
  const lastOthers = useRef<string[]>([])
  useEffect(() => {
    if (others.length > 0) lastOthers.current = others.map((person) => person.name)
  }, [others])
  const editingNoteId = useId()

  return (
    <li
      ref={setNodeRef}
      className={`rt-card${personsWords ? ' rt-card--person' : ''}${isDragging ? ' rt-card--dragging' : ''} ${className}`}
      style={{ transform: CSS.Translate.toString(transform), transition }}
    >
      {editing ? (
        <EntryForm
          fields={ENTRY_FIELDS[entry.list]}
          initial={draft.values}
          openedWith={draft.opened}
          owners={owners}
          submitLabel="Save"
          onCancel={stopEditing}
          onChange={(values, opened) => setDraft(entry.id, { ...draft, values, opened })}
          theirs={{ values: entry.values, by: lastOthers.current.length === 1 ? lastOthers.current[0] : 'Someone else' }}
          stillTheirWordsQuestion={(opened, values) => (editAsksStillTheirWords(entry.list, opened, values) ? `Are these still ${personName || 'the person'}’s own words?` : null)}
          onSubmit={(values, opened) => {
            try {
              const result = updateEntryFromForm(doc, entry.id, entry.list, values, opened, { today: localDay(new Date()), confirmFarDueDate: farDueDate.confirmed(values.dueDate) })
              farDueDate.remember(result, values.dueDate)
              if (result.ok) stopEditing()
              return result
            } catch (error) {
              return { ok: false, errors: { form: (error as Error).message } }
            }
          }}
        />
      ) : (
        <>
          <div className="rt-card__body">
            <button type="button" ref={setActivatorNodeRef} className="rt-card__handle" {...attributes} {...listeners} aria-label={`Move ${label}`}>
              <span aria-hidden="true">⠿</span>
            </button>
            <div className="rt-card__content">
              {entry.voice ? (
                <p className={`rt-voice rt-voice--${entry.voice}`}>{personsWords ? `In ${personName || 'the person'}’s words` : 'Professional’s note'}</p>
              ) : null}
              <p className={`rt-card__text${personsWords ? ' rt-card__text--quote' : ''}`}>{entry.title}</p>
              {details}
              <EditingNote id={editingNoteId} people={others} />
            </div>
          </div>
          <div className="rt-card__footer">
            {entry.addedBy ? <span className="rt-card__author">Added by {entry.addedBy}</span> : <span />}
            <span className="rt-card__buttons">
              {extra}
              <button type="button" ref={editButton} className="rt-link-button" aria-label={`Edit ${label}`} aria-describedby={others.length > 0 ? editingNoteId : undefined} onClick={() => setDraft(entry.id, { list: entry.list, title: entry.title, goalId: entry.goalId, opened: entry.values, values: entry.values })}>
                Edit
              </button>
              <button
                type="button"
                className="rt-link-button rt-link-button--danger"
                aria-label={`Delete ${label}`}
                onClick={(event) => {
                  focusSectionOf(event.currentTarget)
                  deleteEntry(doc, entry.id)
                  onMessage(`Deleted ${label}. Choose Undo to bring it back.`)
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
