import { sameAnswer, type FormFieldValues } from './formChanges'

/**
 * Two people editing the same thing at once. Each edit remembers what every field held when it
 * began (its base); the document's value now is theirs. Field by field:
 *
 * - nobody else changed it (theirs = base): what I typed stands;
 * - we agree (theirs = mine): nothing to choose;
 * - only they changed it (mine = base): their value comes into my open form;
 * - both changed it, differently: a clash. Nothing of that field is written until I choose, so
 *   the last one to save never silently replaces the other's words.
 */

type Answer = FormFieldValues[string]

export interface Clash {
  field: string
  mine: Answer
  theirs: Answer
}

/** What one field of an edit in progress does, given what the document holds now. */
export type FieldOutcome = 'mine' | 'agreed' | 'theirs' | 'clash'

export function fieldOutcome(base: Answer, mine: Answer, theirs: Answer): FieldOutcome {
  if (sameAnswer(theirs, mine)) return 'agreed'
  if (sameAnswer(theirs, base)) return 'mine'
  if (sameAnswer(mine, base)) return 'theirs'
  return 'clash'
}

export interface CaughtUpEdit {
  /** What each field held as far as this edit knows: theirs wherever it has taken or agrees with it. */
  base: Record<string, Answer>
  /** What the form shows: mine, with fields only someone else changed taken from theirs. */
  mine: Record<string, Answer>
  /** Fields both changed differently; base and mine are left as they were for these. */
  clashes: Clash[]
}

/**
 * An edit in progress brought up to date with the document. Only fields the document has (the keys
 * of `theirs`) are compared; other boxes in the form are mine alone.
 */
export function catchUpEdit(base: FormFieldValues, mine: FormFieldValues, theirs: FormFieldValues): CaughtUpEdit {
  const next = { base: { ...base }, mine: { ...mine }, clashes: [] as Clash[] }
  for (const field of Object.keys(theirs)) {
    const outcome = fieldOutcome(base[field], mine[field], theirs[field])
    if (outcome === 'clash') next.clashes.push({ field, mine: mine[field], theirs: theirs[field] })
    if (outcome === 'agreed' || outcome === 'theirs') next.base[field] = theirs[field]
    if (outcome === 'theirs') next.mine[field] = theirs[field]
  }
  return next
}

/**
 * The person's choice on a clash: take theirs into the form, or keep what they typed (it then
 * replaces theirs on saving, knowingly). Either way their value becomes the base, so the clash is
 * settled until someone changes the field again.
 */
export function settleClash(edit: { base: FormFieldValues; mine: FormFieldValues }, clash: Clash, choice: 'theirs' | 'mine'): { base: Record<string, Answer>; mine: Record<string, Answer> } {
  return {
    base: { ...edit.base, [clash.field]: clash.theirs },
    mine: choice === 'theirs' ? { ...edit.mine, [clash.field]: clash.theirs } : { ...edit.mine },
  }
}
