import type * as Y from 'yjs'
import { z } from 'zod'
import { catchUpEdit, type Clash } from '../clashes'
import type { FormFieldValues } from '../formChanges'
import { addActionWithNewOwner, addEntry, entriesMap, personMap, setPersonField, updateEntry, type AddOptions, type UpdateOptions } from './entries'
import { ENTRY_SCHEMAS, type Checked, type EntryInput, type EntryList, type PersonField } from './fields'
import { asStillTheirWords, STILL_THEIR_WORDS_FIELD } from './voice'

/**
 * What an entry form holds (text in boxes, choices, ticks) turned into a list's typed input, and
 * the commands the forms call with it. Components pass the form's values as they are; the rules
 * about them (which fields, what a new entry starts with, writing only what changed, "someone new"
 * as an owner) are here.
 */

/** The "Who will do it" choice that adds someone new to the care team along with the action. */
export const NEW_OWNER = '__new__'

/** The boxes that describe someone new to the care team in the action form. */
export const NEW_OWNER_FIELDS = ['newOwnerName', 'newOwnerRole', 'newOwnerOrganisation'] as const

const WRONG_KIND = {
  tick: 'Tick the box or leave it unticked.',
  text: 'Type the answer in the box.',
} as const

function takesTick(list: EntryList, field: string): boolean {
  return (ENTRY_SCHEMAS[list].shape as Record<string, z.ZodType>)[field] instanceof z.ZodBoolean
}

/**
 * The list's own fields from a form, each the kind its schema expects (a tick for yes/no fields,
 * text otherwise), with a message for any that is not. Other boxes in the form are left out.
 * `only` limits it to some fields (an edit's changes); a field missing from the form counts as
 * empty, or unticked.
 */
function readFields<L extends EntryList>(list: L, values: FormFieldValues, only?: readonly string[]): Checked<Partial<EntryInput<L>>> {
  const input: Record<string, string | boolean> = {}
  const errors: Record<string, string> = {}
  for (const field of Object.keys(ENTRY_SCHEMAS[list].shape)) {
    if (only && !only.includes(field)) continue
    const tick = takesTick(list, field)
    const value = values[field] ?? (tick ? false : '')
    if (typeof value === (tick ? 'boolean' : 'string')) input[field] = value
    else errors[field] = tick ? WRONG_KIND.tick : WRONG_KIND.text
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors }
  // Each field has the kind its schema takes; the schema itself checks the values when written.
  return { ok: true, value: input as Partial<EntryInput<L>> }
}

/** A new entry's input from its form. */
export function entryInputFromForm<L extends EntryList>(list: L, values: FormFieldValues): Checked<EntryInput<L>> {
  return readFields(list, values) as Checked<EntryInput<L>>
}

/**
 * The fields an edit changed: only those differing from what the form opened with. Someone else
 * may have changed other fields of the entry meanwhile, and writing them back would undo that.
 */
export function changedFields(values: FormFieldValues, opened: FormFieldValues): string[] {
  return Object.keys(values).filter((field) => values[field] !== opened[field])
}

/** An edit's changes from its form: the list's fields that differ from what the form opened with. */
export function entryChangesFromForm<L extends EntryList>(list: L, values: FormFieldValues, opened: FormFieldValues): Checked<Partial<EntryInput<L>>> {
  return readFields(list, values, changedFields(values, opened))
}

/** Someone new to the care team, as typed into the action form. */
export function newOwnerFromForm(values: FormFieldValues): { name: string; role: string; organisation: string } {
  const text = (field: (typeof NEW_OWNER_FIELDS)[number]) => {
    const value = values[field]
    return typeof value === 'string' ? value : ''
  }
  return { name: text('newOwnerName'), role: text('newOwnerRole'), organisation: text('newOwnerOrganisation') }
}

/**
 * What a new entry's form starts with. Whose words starts unanswered for strengths, needs and
 * goals: a default there put words in the person's mouth whenever nobody touched it (an empty
 * voice is refused with a message, see fields.ts). An action keeps "a professional's note"
 * preselected: it says what someone will do, and that default never claims the person said it.
 */
export function newEntryDefaults(list: EntryList, today: string): Record<string, string | boolean> {
  switch (list) {
    case 'strength':
      return { text: '', holder: 'person', voice: '' }
    case 'need':
      return { text: '', voice: '' }
    case 'goal':
      return { text: '', importance: 'high', voice: '' }
    case 'action':
      return { what: '', ownerId: '', agency: '', dueDate: today, status: 'not-started', reviewDate: '', outcome: '', voice: 'professional' }
    case 'professional':
      return { name: '', role: '', organisation: '', contact: '', keyWorker: false }
    case 'personal':
      return { name: '', relationship: '', contact: '' }
  }
}

/**
 * Adds an entry from its form. An action whose owner is "someone new" adds them to the care team
 * in the same step (see addActionWithNewOwner).
 */
export function addEntryFromForm(doc: Y.Doc, list: EntryList, values: FormFieldValues, options: AddOptions): Checked<string> {
  if (list === 'action') {
    const action = entryInputFromForm('action', values)
    if (!action.ok) return action
    if (action.value.ownerId === NEW_OWNER) return addActionWithNewOwner(doc, action.value, newOwnerFromForm(values), options)
    return addEntry(doc, 'action', action.value, options)
  }
  const input = entryInputFromForm(list, values)
  return input.ok ? addEntry(doc, list, input.value, options) : input
}

/** What an entry's own fields hold in the document now (nothing if it has been deleted). */
export function entryFieldsNow(doc: Y.Doc, id: string, list: EntryList): Record<string, string | boolean | undefined> {
  const map = entriesMap(doc).get(id)
  const now: Record<string, string | boolean | undefined> = {}
  for (const field of Object.keys(ENTRY_SCHEMAS[list].shape)) {
    const value = map?.get(field)
    now[field] = typeof value === 'string' || typeof value === 'boolean' ? value : undefined
  }
  return now
}

/** Shown beside a field someone else changed while this person was editing it, if the form has not said so already. */
export function clashMessage(clash: Clash): string {
  const theirs = typeof clash.theirs === 'string' ? `“${clash.theirs}”` : clash.theirs ? 'ticked' : 'unticked'
  return `Someone else changed this to ${theirs} while you were editing. Choose which to keep, then save again.`
}

function clashErrors(clashes: readonly Clash[]): Checked<never> {
  return { ok: false, errors: Object.fromEntries(clashes.map((clash) => [clash.field, clashMessage(clash)])) }
}

/**
 * Saves an edit from its form, writing only the fields this person changed. If someone else changed
 * one of those fields to something else since the form opened (see shared/clashes.ts), nothing is
 * written and each clash is named, so the person can choose. The form's answer to "are these
 * still the person's own words?" (voice.ts), if it asked, goes with the changes.
 */
export function updateEntryFromForm(doc: Y.Doc, id: string, list: EntryList, values: FormFieldValues, opened: FormFieldValues, options: UpdateOptions = {}): Checked<string> {
  if (entriesMap(doc).has(id)) {
    const { clashes } = catchUpEdit(opened, values, entryFieldsNow(doc, id, list))
    if (clashes.length > 0) return clashErrors(clashes)
  }
  const changes = entryChangesFromForm(list, values, opened)
  const stillTheirWords = asStillTheirWords(values[STILL_THEIR_WORDS_FIELD])
  return changes.ok ? updateEntry(doc, id, list, changes.value, { stillTheirWords, ...options }) : changes
}

/**
 * Saves one person detail as typed, unless someone else changed it to something else since this
 * person began typing (`base`): then nothing is written and the clash is named.
 */
export function savePersonField(doc: Y.Doc, field: PersonField, typed: string, base: string, today?: string): Checked<string> {
  const now = personMap(doc).get(field)
  const { clashes } = catchUpEdit({ [field]: base }, { [field]: typed }, { [field]: typeof now === 'string' ? now : '' })
  return clashes.length > 0 ? clashErrors(clashes) : setPersonField(doc, field, typed, today)
}
