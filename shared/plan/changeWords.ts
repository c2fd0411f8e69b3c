import { formatDay } from './dates'
import { IMPORTANCE_WORDS, STATUS_WORDS, type EntryList } from './fields'

/**
 * The words History uses for a plan's fields and their values, shared by the change log and the
 * comparison of two versions, so neither ever shows a stored key such as 'in-progress'.
 */

/** Each list's entries, as a sentence names one: "the action", "the need". */
export const LIST_WORDS: Record<EntryList, string> = {
  strength: 'the strength',
  need: 'the need',
  goal: 'the goal',
  action: 'the action',
  professional: 'the care team member',
  personal: 'the personal contact',
}

export const PERSON_FIELD_WORDS: Record<string, string> = {
  name: 'name',
  preferredName: 'preferred name',
  dateOfBirth: 'date of birth',
  nhsNumber: 'NHS number',
  gpPractice: 'GP practice',
  communicationNeeds: 'communication needs',
}

export const FIELD_WORDS: Record<string, string> = {
  text: 'wording',
  what: 'what will be done',
  holder: 'whose strength',
  importance: 'importance',
  voice: 'whose words',
  ownerId: 'who will do it',
  agency: 'agency',
  dueDate: 'due date',
  status: 'status',
  reviewDate: 'review date',
  outcome: 'outcome',
  goalId: 'goal',
  needIds: 'linked needs',
  name: 'name',
  role: 'role',
  organisation: 'organisation',
  contact: 'contact details',
  keyWorker: 'key worker',
  relationship: 'relationship',
}

export const HOLDER_VALUE_WORDS: Record<string, string> = {
  person: 'the person’s',
  family: 'their family’s',
  community: 'the community’s',
}

export const VOICE_VALUE_WORDS: Record<string, string> = {
  person: 'the person’s own words',
  professional: 'a professional’s note',
}

const DATE_FIELDS = new Set(['dueDate', 'reviewDate', 'dateOfBirth'])

/**
 * A stored value in words: dates as "3 March 2027", statuses and importance as the board shows
 * them, yes/no for ticks. Ids (owners, goals, needs) are for the caller to name; an empty value
 * is ''.
 */
export function valueWords(field: string, value: unknown): string {
  if (value === undefined || value === null || value === '') return ''
  if (typeof value === 'boolean') return value ? 'yes' : 'no'
  const text = String(value)
  if (DATE_FIELDS.has(field)) return formatDay(text)
  if (field === 'status') return STATUS_WORDS[text as keyof typeof STATUS_WORDS] ?? text
  if (field === 'importance') return IMPORTANCE_WORDS[text as keyof typeof IMPORTANCE_WORDS] ?? text
  if (field === 'holder') return HOLDER_VALUE_WORDS[text] ?? text
  if (field === 'voice') return VOICE_VALUE_WORDS[text] ?? text
  return text
}

/** "Falls, Loneliness and Money worries" */
export function listInWords(items: readonly string[]): string {
  if (items.length <= 1) return items.join('')
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`
}
