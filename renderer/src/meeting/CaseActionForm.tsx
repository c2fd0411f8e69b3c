import { useState } from 'react'
import type * as Y from 'yjs'
import { initialsOf } from '../../../shared/meeting/privacy'
import type { HuddleCase } from '../../../shared/meeting/huddleCase'
import { localDay } from '../../../shared/plan/dates'
import { addEntryFromForm, newEntryDefaults } from '../../../shared/plan/forms'
import type { MeetingRef } from '../../../shared/plan/meetingRecords'
import { shortText } from '../format'
import { EntryForm, type OwnerOption } from '../plan/EntryForm'
import { ENTRY_FIELDS, type FieldSpec } from '../plan/entryFields'
import { useFarDueDateConfirmation } from '../plan/useFarDueDateConfirmation'
import { useReturnFocus } from '../plan/useReturnFocus'

interface Props {
  planDoc: Y.Doc
  huddleCase: HuddleCase
  meeting: MeetingRef
  author: string
  /** How the room names the person. */
  name: string
  initialsOnly: boolean
  planHref: string
  onMessage(text: string): void
}

/** The plan's own action field called `name` (its label, hint and control). */
function actionField(name: string): FieldSpec {
  const field = ENTRY_FIELDS.action.find((candidate) => candidate.name === name)
  if (!field) throw new Error(`The action form has no field ${name}`)
  return field
}

/**
 * "+ Action": an action agreed in the huddle, written into the person's plan at once under one of
 * their goals and marked as agreed at this meeting. Its owner comes from the plan's care team or
 * personal contacts, or is someone new (added to the care team with it).
 */
export function CaseActionForm({ planDoc, huddleCase, meeting, author, name, initialsOnly, planHref, onMessage }: Props) {
  const [open, setOpen] = useState(false)
  const farDueDate = useFarDueDateConfirmation()
  const opener = useReturnFocus<HTMLButtonElement>(open)

  if (!open) {
    return (
      <button type="button" ref={opener} className="nhsuk-button nhsuk-button--secondary rt-button--small" onClick={() => setOpen(true)}>
        + Action
      </button>
    )
  }
  if (huddleCase.goals.length === 0) {
    return (
      <div className="rt-panel rt-panel--form rt-case-form" role="group" aria-label={`New action for ${name}`}>
        <p>
          An action belongs to one of the person’s goals, and {name}’s plan has none yet. <a href={planHref}>Add a goal in their plan</a>, then add the action here.
        </p>
        <button type="button" className="nhsuk-button nhsuk-button--secondary rt-button--small" onClick={() => setOpen(false)}>
          Close
        </button>
      </div>
    )
  }

  const goalField: FieldSpec = {
    name: 'goalId',
    label: 'For which goal',
    control: { kind: 'select', options: huddleCase.goals.map((goal) => ({ value: goal.id, label: shortText(goal.text, 80) })) },
  }
  // What a huddle asks for a new action: what, for which goal, who, which agency, by when.
  const fields = [actionField('what'), goalField, actionField('ownerId'), actionField('agency'), actionField('dueDate')]
  const owners: OwnerOption[] = [
    ...huddleCase.careTeam.map((member) => ({ id: member.id, label: `${member.name}, ${member.role} (${member.organisation})`, organisation: member.organisation })),
    // Family and friends are named by how they relate to the person when the room sees initials only.
    ...huddleCase.personalContacts.map((contact) => ({
      id: contact.id,
      label: initialsOnly ? `${initialsOf(contact.name)} (${contact.relationship})` : `${contact.name} (${contact.relationship})`,
      organisation: '',
    })),
  ]
  const today = localDay(new Date())

  return (
    <div className="rt-panel rt-panel--form rt-case-form">
      <h4 className="nhsuk-heading-xs">New action for {name}</h4>
      <EntryForm
        fields={fields}
        initial={{ ...newEntryDefaults('action', today), goalId: huddleCase.goals[0].id }}
        owners={owners}
        submitLabel="Add the action to their plan"
        onCancel={() => setOpen(false)}
        onSubmit={(values) => {
          const options = {
            by: author,
            now: new Date(),
            goalId: String(values.goalId ?? ''),
            today,
            confirmFarDueDate: farDueDate.confirmed(values.dueDate),
            fromMeeting: meeting,
          }
          const result = addEntryFromForm(planDoc, 'action', values, options)
          farDueDate.remember(result, values.dueDate)
          if (result.ok) {
            onMessage(`Action added to ${name}’s plan.`)
            setOpen(false)
          }
          return result
        }}
      />
    </div>
  )
}
