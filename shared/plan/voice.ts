import type { Checked, EntryList, Voice } from './fields'

/**
 * Whose words an entry is, as a choice someone makes, never a default the app makes for them.
 *
 * A new strength, need or goal starts with no answer (see the schemas in fields.ts: an empty
 * voice is refused with a message). And once an entry is recorded as the person's own words,
 * changing those words is the moment it may stop being true: a professional tidying "I want to
 * get to the shops on me own" into "Independent shopping" has written a professional's note. So
 * an edit that changes the words of an entry in the person's words asks whether they are still
 * the person's, and is refused until someone answers. The app does not know who is typing (a
 * professional, or the person on a shared screen), so it asks whoever edits; for the person
 * themselves the answer is one click.
 */

/** An answer to "are these still the person's own words?". */
export type StillTheirWords = 'yes' | 'no'

export const STILL_THEIR_WORDS_MESSAGE = 'You changed the words. Say whether they are still the person’s own words: choose Yes or No.'

/** The field holding an entry's words, which "whose words" is about; null for lists without a voice. */
export function wordsFieldOf(list: EntryList): 'text' | 'what' | null {
  switch (list) {
    case 'strength':
    case 'need':
    case 'goal':
      return 'text'
    case 'action':
      return 'what'
    default:
      return null
  }
}

/** What an entry held and would hold: its words and whose words they are. */
export interface WordsAndVoice {
  words: unknown
  voice: unknown
}

const asWords = (value: unknown) => (typeof value === 'string' ? value.trim() : '')

/**
 * Whether saving `after` over `before` must first ask if these are still the person's own words:
 * they were, the words changed (spaces around them do not count), and nobody has said otherwise
 * (an edit that itself switches to a professional's note has already answered).
 */
export function asksStillTheirWords(before: WordsAndVoice, after: WordsAndVoice): boolean {
  return before.voice === 'person' && after.voice === 'person' && asWords(before.words) !== asWords(after.words)
}

/**
 * The voice an edit leaves the entry with: unchanged when nothing needs asking; when it does,
 * "yes" keeps the person's words and "no" makes it a professional's note; with no answer the edit
 * is refused with the question, under `stillTheirWords`.
 */
export function voiceAfterEdit(before: WordsAndVoice, after: WordsAndVoice & { voice: Voice }, answer?: StillTheirWords): Checked<Voice> {
  if (!asksStillTheirWords(before, after)) return { ok: true, value: after.voice }
  if (answer === 'yes') return { ok: true, value: 'person' }
  if (answer === 'no') return { ok: true, value: 'professional' }
  return { ok: false, errors: { stillTheirWords: STILL_THEIR_WORDS_MESSAGE } }
}

/** For an edit form: whether its change to `list`'s words must ask if they are still the person's own. */
export function editAsksStillTheirWords(list: EntryList, opened: Readonly<Record<string, unknown>>, values: Readonly<Record<string, unknown>>): boolean {
  const words = wordsFieldOf(list)
  return words !== null && asksStillTheirWords({ words: opened[words], voice: opened.voice }, { words: values[words], voice: values.voice })
}

/** The form value holding the answer to "are these still the person's own words?". */
export const STILL_THEIR_WORDS_FIELD = 'stillTheirWords'

/** An answer as a form holds it ('yes', 'no', or nothing chosen yet). */
export function asStillTheirWords(value: unknown): StillTheirWords | undefined {
  return value === 'yes' || value === 'no' ? value : undefined
}
