/** What a form holds: text in a box, a choice, or a tick. */
export type FormFieldValues = Readonly<Record<string, string | boolean | undefined>>

/** Empty and unticked are the same thing to the person; spaces around words are not a change they made. */
function asTyped(value: string | boolean | undefined): string | true {
  if (value === true) return true
  return typeof value === 'string' ? value.trim() : ''
}

/** Whether two answers to one field are the same to the person (see asTyped). */
export function sameAnswer(a: string | boolean | undefined, b: string | boolean | undefined): boolean {
  return asTyped(a) === asTyped(b)
}

/**
 * Whether closing a form would throw away something its person typed or chose: any field differing
 * from what the form opened with. A field missing on one side counts as empty.
 */
export function formHasChanges(opened: FormFieldValues, current: FormFieldValues): boolean {
  const names = new Set([...Object.keys(opened), ...Object.keys(current)])
  for (const name of names) if (asTyped(opened[name]) !== asTyped(current[name])) return true
  return false
}
