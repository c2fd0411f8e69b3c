import { useState } from 'react'
import type * as Y from 'yjs'
import { localDay } from '../../../shared/plan/dates'
import { addEntryFromForm, newEntryDefaults } from '../../../shared/plan'
import { EntryForm, type OwnerOption } from './EntryForm'
import { ENTRY_FIELDS } from './entryFields'
import { useFarDueDateConfirmation } from './useFarDueDateConfirmation'
import { useReturnFocus } from './useReturnFocus'

interface Props {
  goalId: string
  /** The goal's words, shortened, to name it in the heading and button. */
  goalLabel: string
  doc: Y.Doc
  author: string
  owners: readonly OwnerOption[]
}

/** "Add an action" under a goal, and the form it opens. */
export function NewActionForm({ goalId, goalLabel, doc, author, owners }: Props) {
  const [adding, setAdding] = useState(false)
  const farDueDate = useFarDueDateConfirmation()
  const addButton = useReturnFocus<HTMLButtonElement>(adding)

  if (!adding) {
    return (
      <button
        type="button"
        ref={addButton}
        className="nhsuk-button nhsuk-button--secondary rt-button--small"
        aria-label={`Add an action for ${goalLabel}`}
        data-add-action
        onClick={() => setAdding(true)}
      >
        Add an action
      </button>
    )
  }
  return (
    <div className="rt-panel rt-panel--form">
      <h4 className="nhsuk-heading-xs">Add an action for “{goalLabel}”</h4>
      <EntryForm
        fields={ENTRY_FIELDS.action}
        initial={newEntryDefaults('action', localDay(new Date()))}
        owners={owners}
        submitLabel="Add the action"
        onCancel={() => setAdding(false)}
        onSubmit={(values) => {
          const options = { by: author, now: new Date(), goalId, today: localDay(new Date()), confirmFarDueDate: farDueDate.confirmed(values.dueDate) }
          const result = addEntryFromForm(doc, 'action', values, options)
          farDueDate.remember(result, values.dueDate)
          if (result.ok) setAdding(false)
          return result
        }}
      />
    </div>
  )
}
