/**
 * What a screen facing a room may show of a person. With initials only on, a name becomes its
 * initials ("Reginald Walker" → "R.W."), and identifiers (NHS number, date of birth, address-like
 * details) are not shown at all: screens leave them out rather than blank them, so nothing of them
 * reaches the page, not even in an attribute.
 */

/** "Reginald Walker" → "R.W."; "mary-jane o'neil" → "M.O."; already-initials "R.W." stays "R.W.". */
export function initialsOf(name: string): string {
  const words = name
    .trim()
    .split(/\s+/)
    .filter((word) => /\p{L}/u.test(word))
  if (words.length === 0) return '?'
  const letters = words.flatMap((word) => {
    // "R.W." written as one word is already initials.
    const dotted = word.match(/\p{L}(?=\.)/gu)
    if (dotted && dotted.length > 1) return dotted
    const first = word.match(/\p{L}/u)
    return first ? [first[0]] : []
  })
  return letters.map((letter) => `${letter.toLocaleUpperCase('en-GB')}.`).join('')
}

/** How a screen names a person: in full, or by initials when the room-facing switch is on. */
export function shownName(name: string, initialsOnly: boolean): string {
  return initialsOnly ? initialsOf(name) : name
}
