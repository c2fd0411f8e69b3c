import { IMPORTANCE, IMPORTANCE_WORDS, STATUS_WORDS, ACTION_STATUSES, type EntryList } from '../../../shared/plan/fields'

/**
 * How each list's fields are asked for on screen. The rules (required, sizes, dates) live in
 * shared/plan/fields.ts; this only says which control and which words.
 */
export type FieldControl =
  | { kind: 'text' }
  | { kind: 'textarea' }
  | { kind: 'date' }
  | { kind: 'checkbox' }
  | { kind: 'select'; options: readonly { value: string; label: string }[] }
  | { kind: 'voice' }
  | { kind: 'owner' }

export interface FieldSpec {
  name: string
  label: string
  hint?: string
  control: FieldControl
}

export const VOICE_OPTIONS = [
  { value: 'person', label: 'The person’s own words' },
  { value: 'professional', label: 'A professional’s note' },
] as const

const importance = { kind: 'select', options: IMPORTANCE.map((value) => ({ value, label: IMPORTANCE_WORDS[value] })) } as const
const status = { kind: 'select', options: ACTION_STATUSES.map((value) => ({ value, label: STATUS_WORDS[value] })) } as const

export const HOLDER_WORDS: Record<string, string> = { person: 'The person’s', family: 'Their family’s', community: 'The community’s' }

export const ENTRY_FIELDS: Record<EntryList, readonly FieldSpec[]> = {
  strength: [
    { name: 'text', label: 'Strength', control: { kind: 'textarea' } },
    { name: 'holder', label: 'Whose strength', control: { kind: 'select', options: Object.entries(HOLDER_WORDS).map(([value, label]) => ({ value, label })) } },
    { name: 'voice', label: 'Whose words', control: { kind: 'voice' } },
  ],
  need: [
    { name: 'text', label: 'Need or concern', control: { kind: 'textarea' } },
    { name: 'voice', label: 'Whose words', control: { kind: 'voice' } },
  ],
  goal: [
    { name: 'text', label: 'Goal or hope', hint: 'In the person’s own words if you can.', control: { kind: 'textarea' } },
    { name: 'importance', label: 'How important', control: importance },
    { name: 'voice', label: 'Whose words', control: { kind: 'voice' } },
  ],
  action: [
    { name: 'what', label: 'What will be done', hint: 'In plain words: My plan shows it to the person just as it is written here.', control: { kind: 'textarea' } },
    { name: 'ownerId', label: 'Who will do it', control: { kind: 'owner' } },
    { name: 'agency', label: 'Agency', hint: 'The organisation responsible. Leave it empty when family or a friend will do it.', control: { kind: 'text' } },
    { name: 'dueDate', label: 'Due date', hint: 'Day, month, year: for example 27 3 2027.', control: { kind: 'date' } },
    { name: 'status', label: 'Status', control: status },
    { name: 'reviewDate', label: 'Review date (optional)', hint: 'On or after the due date.', control: { kind: 'date' } },
    { name: 'outcome', label: 'Outcome (optional)', control: { kind: 'textarea' } },
    { name: 'voice', label: 'Whose words', control: { kind: 'voice' } },
  ],
  professional: [
    { name: 'name', label: 'Name', control: { kind: 'text' } },
    { name: 'role', label: 'Role', hint: 'For example district nurse, social worker, link worker.', control: { kind: 'text' } },
    { name: 'organisation', label: 'Organisation', control: { kind: 'text' } },
    { name: 'contact', label: 'Contact details (optional)', control: { kind: 'text' } },
    { name: 'keyWorker', label: 'Key worker', control: { kind: 'checkbox' } },
  ],
  personal: [
    { name: 'name', label: 'Name', control: { kind: 'text' } },
    { name: 'relationship', label: 'Relationship', hint: 'For example daughter, neighbour, friend.', control: { kind: 'text' } },
    { name: 'contact', label: 'Contact details (optional)', control: { kind: 'text' } },
  ],
}
