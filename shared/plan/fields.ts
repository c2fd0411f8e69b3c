import { z } from 'zod'
import { checkNhsNumber } from '../nhsNumber'
import { actionReviewDateProblem, farDueDateQuestion } from './dateRules'
import { formatDay, isCalendarDay } from './dates'

/**
 * What a person-centred care and support plan holds (after the PRSB Personalised Care and Support
 * Plan standard), as zod schemas with messages a person can act on. Everything typed into a plan
 * passes through one of these before it reaches the Y.Doc.
 */

export const MAX_ENTRY_TEXT = 2000
export const MAX_SHORT_TEXT = 200
export const MAX_NAME = 120

/** Whose words an entry is: the person's own, or a professional's note. The person's come first. */
export const VOICES = ['person', 'professional'] as const
export type Voice = (typeof VOICES)[number]

function sizeMessage(limit: number, what: string) {
  return (issue: { input?: unknown }) => {
    const length = typeof issue.input === 'string' ? issue.input.length : 0
    return `${what} can be up to ${limit.toLocaleString('en-GB')} characters; this is ${length.toLocaleString('en-GB')}. Shorten it or split it into several entries.`
  }
}

/** Required text: trimmed, not empty, not too long. */
export function requiredText(what: string, limit: number, emptyMessage: string) {
  return z.string().trim().min(1, emptyMessage).max(limit, { error: sizeMessage(limit, what) })
}

/** Optional text: trimmed, may be empty, not too long. */
export function optionalText(what: string, limit: number) {
  return z.string().trim().max(limit, { error: sizeMessage(limit, what) })
}

export const calendarDay = z.string().refine(isCalendarDay, 'Enter a real date, for example 3 March 2027, with a four-digit year.')

const optionalDay = z.union([z.literal(''), calendarDay])

export const nhsNumberField = z
  .string()
  .trim()
  .transform((value, context) => {
    if (value === '') return ''
    const check = checkNhsNumber(value)
    if (!check.ok) {
      context.addIssue({ code: 'custom', message: check.message })
      return z.NEVER
    }
    return check.digits
  })

/** The person the plan is about. Only the name is required; the NHS number is optional but checked. */
export const personSchema = z.object({
  name: requiredText('A name', MAX_NAME, 'Enter the person’s name, or their initials on a shared screen.'),
  preferredName: optionalText('A preferred name', MAX_NAME),
  dateOfBirth: optionalDay,
  nhsNumber: nhsNumberField,
  gpPractice: optionalText('A GP practice', MAX_SHORT_TEXT),
  /** Accessible Information Standard: how the person needs information given to them. */
  communicationNeeds: optionalText('Communication needs', MAX_ENTRY_TEXT),
})
export type Person = z.output<typeof personSchema>
export type PersonField = keyof Person
export const PERSON_FIELDS = Object.keys(personSchema.shape) as PersonField[]

export const STRENGTH_HOLDERS = ['person', 'family', 'community'] as const
export const IMPORTANCE = ['high', 'medium', 'low'] as const
export const ACTION_STATUSES = ['not-started', 'in-progress', 'done', 'cancelled'] as const
export type ActionStatus = (typeof ACTION_STATUSES)[number]

/** An action still to do: neither done nor cancelled. Only open actions can be overdue or come next. */
export function isOpenAction(action: { status: ActionStatus }): boolean {
  return action.status !== 'done' && action.status !== 'cancelled'
}

export const IMPORTANCE_WORDS: Record<(typeof IMPORTANCE)[number], string> = {
  high: 'Very important to me',
  medium: 'Quite important to me',
  low: 'A little important to me',
}

export const STATUS_WORDS: Record<ActionStatus, string> = {
  'not-started': 'Not started',
  'in-progress': 'In progress',
  done: 'Done',
  cancelled: 'Cancelled',
}

const voice = z.enum(VOICES, 'Say whether these are the person’s own words or a professional’s note.')

export const strengthSchema = z.object({
  text: requiredText('A strength', MAX_ENTRY_TEXT, 'Write the strength first.'),
  holder: z.enum(STRENGTH_HOLDERS, 'Say whose strength this is: the person’s, their family’s or their community’s.'),
  voice,
})

export const needSchema = z.object({
  text: requiredText('A need or concern', MAX_ENTRY_TEXT, 'Write the need or concern first.'),
  voice,
})

export const goalSchema = z.object({
  text: requiredText('A goal', MAX_ENTRY_TEXT, 'Write the goal first, in the person’s words if you can.'),
  importance: z.enum(IMPORTANCE, 'Say how important this is to the person.'),
  voice,
})

export const actionSchema = z.object({
  what: requiredText('An action', MAX_ENTRY_TEXT, 'Write what will be done.'),
  /** A contact's id: a member of the care team or a personal contact. */
  ownerId: z.string().min(1, 'Choose who will do this.'),
  /** Needed when a professional owns the action; see owners.ts. */
  agency: optionalText('An agency', MAX_SHORT_TEXT),
  dueDate: calendarDay,
  status: z.enum(ACTION_STATUSES),
  reviewDate: optionalDay,
  outcome: optionalText('An outcome', MAX_ENTRY_TEXT),
  voice,
})

export const professionalSchema = z.object({
  name: requiredText('A name', MAX_NAME, 'Enter their name.'),
  role: requiredText('A role', MAX_SHORT_TEXT, 'Enter their role, for example district nurse.'),
  organisation: requiredText('An organisation', MAX_SHORT_TEXT, 'Enter their organisation.'),
  contact: optionalText('Contact details', MAX_SHORT_TEXT),
  keyWorker: z.boolean(),
})

export const personalContactSchema = z.object({
  name: requiredText('A name', MAX_NAME, 'Enter their name.'),
  relationship: requiredText('A relationship', MAX_SHORT_TEXT, 'Say who they are to the person, for example daughter.'),
  contact: optionalText('Contact details', MAX_SHORT_TEXT),
})

export const agreementSchema = z.object({
  agreedBy: requiredText('A name', MAX_NAME, 'Enter who agreed the plan: the person or their representative.'),
  /** "The person", or the representative's relation to them. */
  relation: requiredText('A relation', MAX_SHORT_TEXT, 'Say who they are: the person themselves or, for example, their daughter.'),
  how: requiredText('How it was agreed', MAX_SHORT_TEXT, 'Say how it was agreed, for example in person at the huddle.'),
  reviewDate: calendarDay,
  reviewer: requiredText('A reviewer', MAX_NAME, 'Enter who will review the plan.'),
})

/** Every list of entries a plan holds, with the schema its fields must pass. */
export const ENTRY_SCHEMAS = {
  strength: strengthSchema,
  need: needSchema,
  goal: goalSchema,
  action: actionSchema,
  professional: professionalSchema,
  personal: personalContactSchema,
} as const

export type EntryList = keyof typeof ENTRY_SCHEMAS
export const ENTRY_LISTS = Object.keys(ENTRY_SCHEMAS) as EntryList[]
export type EntryFields<L extends EntryList> = z.output<(typeof ENTRY_SCHEMAS)[L]>
export type EntryInput<L extends EntryList> = z.input<(typeof ENTRY_SCHEMAS)[L]>

export type Checked<T> = { ok: true; value: T } | { ok: false; errors: Partial<Record<string, string>> }

/** Runs a schema and returns either the clean value or one message per field, for inline errors. */
export function check<S extends z.ZodType>(schema: S, input: unknown): Checked<z.output<S>> {
  const result = schema.safeParse(input)
  if (result.success) return { ok: true, value: result.data }
  const errors: Record<string, string> = {}
  for (const issue of result.error.issues) {
    const field = issue.path.length > 0 ? String(issue.path[0]) : 'form'
    errors[field] ??= issue.message
  }
  return { ok: false, errors }
}

/**
 * The extra rules for a new action: it cannot be due before today (an existing one may become
 * overdue), nor reviewed before it is due; a due date more than five years ahead is asked about
 * until `confirmFarDueDate` says the person meant it.
 */
export function checkNewAction(input: unknown, today: string, confirmFarDueDate = false): Checked<EntryFields<'action'>> {
  const checked = check(actionSchema, input)
  if (!checked.ok) return checked
  const { dueDate, reviewDate } = checked.value
  const errors: Record<string, string> = {}
  if (dueDate < today) errors.dueDate = `The due date cannot be before today (${formatDay(today)}).`
  else if (!confirmFarDueDate) {
    const question = farDueDateQuestion(dueDate, today)
    if (question) errors.dueDate = question
  }
  const review = actionReviewDateProblem(dueDate, reviewDate)
  if (review) errors.reviewDate = review
  return Object.keys(errors).length > 0 ? { ok: false, errors } : checked
}
