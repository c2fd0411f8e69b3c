/**
 * A plain text box bound to a shared text (a Y.Text): what a person typed is sent as the smallest
 * edit that turns the old text into the new one (keep what both share at the start and the end,
 * replace the middle), never as "delete everything, insert everything". Two people typing at once
 * then each change only their own part, and both keep their words.
 */

export interface TextEdit {
  /** Where the change starts, in UTF-16 code units (as Y.Text and a text box count). */
  index: number
  deleteCount: number
  insert: string
}

const isHighSurrogate = (code: number) => code >= 0xd800 && code <= 0xdbff
const isLowSurrogate = (code: number) => code >= 0xdc00 && code <= 0xdfff

/**
 * The one edit that turns `before` into `after`, or null when they are the same. `caret` is where
 * the text box's caret is in `after`: when a typed letter could belong to either side of a run of
 * the same letters ("aa" → "aaa"), the edit is placed where the person typed it, so it merges
 * with someone else's typing in the right place. An emoji (two code units) is never split.
 */
export function textEdit(before: string, after: string, caret?: number): TextEdit | null {
  if (before === after) return null
  const shorter = Math.min(before.length, after.length)
  // The shared start, cut back to the caret so the change never begins after where the person typed.
  let prefix = 0
  // (What was typed ends at the caret, so the shared start ends before what was typed.)
  const prefixLimit = caret === undefined ? shorter : Math.max(0, Math.min(shorter, caret - Math.max(0, after.length - before.length)))
  while (prefix < prefixLimit && before.charCodeAt(prefix) === after.charCodeAt(prefix)) prefix += 1
  if (prefix > 0 && isHighSurrogate(before.charCodeAt(prefix - 1))) prefix -= 1
  // The shared end, not overlapping the shared start.
  let suffix = 0
  const suffixLimit = shorter - prefix
  while (suffix < suffixLimit && before.charCodeAt(before.length - 1 - suffix) === after.charCodeAt(after.length - 1 - suffix)) suffix += 1
  if (suffix > 0 && isLowSurrogate(before.charCodeAt(before.length - suffix))) suffix -= 1
  return { index: prefix, deleteCount: before.length - prefix - suffix, insert: after.slice(prefix, after.length - suffix) }
}

export function applyTextEdit(text: string, edit: TextEdit): string {
  return text.slice(0, edit.index) + edit.insert + text.slice(edit.index + edit.deleteCount)
}

/** One step of a change to a shared text, as Y.Text reports it (its `delta`). */
export interface TextDeltaStep {
  retain?: number
  insert?: unknown
  delete?: number
}

/**
 * Where a caret at `index` belongs after someone else's change: text inserted before it pushes it
 * on, text deleted before it pulls it back. Text inserted exactly at the caret goes after it, so
 * a colleague typing at the same spot does not carry this person's caret along.
 */
export function shiftIndex(index: number, delta: readonly TextDeltaStep[]): number {
  let position = 0
  let shifted = index
  // Text that replaces what was just before the caret (a delete ending at it, then an insert) is before it too.
  let afterDelete = false
  for (const step of delta) {
    if (position > index || (position === index && !afterDelete)) break
    if (step.retain !== undefined) {
      position += step.retain
      afterDelete = false
    } else if (step.delete !== undefined) {
      shifted -= Math.min(step.delete, index - position)
      position += step.delete
      afterDelete = true
    } else if (step.insert !== undefined) {
      shifted += typeof step.insert === 'string' ? step.insert.length : 1
      afterDelete = false
    }
  }
  return Math.max(0, shifted)
}
