/**
 * The plan's narrative parts, written as collaborative rich text (one Lexical editor each). The
 * keys name each field's shared text in the Y.Doc and never change once shipped; titles may.
 */
export interface NarrativeField {
  key: string
  title: string
  hint: string
}

export const ABOUT_ME_FIELDS: readonly NarrativeField[] = [
  { key: 'importantToMe', title: 'What is most important to me', hint: 'In the person’s own words.' },
  { key: 'peopleImportantToMe', title: 'People who are important to me', hint: 'Family, friends, neighbours, pets.' },
  { key: 'howICommunicate', title: 'How I communicate and how to communicate with me', hint: 'Language, hearing, sight, easy read, best times.' },
  { key: 'myWellness', title: 'My wellness', hint: 'What keeps me well, and what does not.' },
  { key: 'pleaseDo', title: 'Please do', hint: 'Things that help.' },
  { key: 'pleaseDont', title: 'Please don’t', hint: 'Things that upset or do not help.' },
  { key: 'howAndWhenToSupportMe', title: 'How and when to support me', hint: 'Routines, times of day, what good support looks like.' },
  { key: 'alsoWorthKnowing', title: 'Also worth knowing about me', hint: 'Anything else the team should know.' },
  { key: 'whoHelpedWriteThis', title: 'Who helped write this', hint: 'For example: written with my daughter at the huddle.' },
]

export const CONTINGENCY_FIELDS: readonly NarrativeField[] = [
  { key: 'triggerFactors', title: 'Trigger factors', hint: 'What can make things worse.' },
  { key: 'earlyWarningSigns', title: 'Early warning signs', hint: 'What others might notice first.' },
  { key: 'whatShouldHappen', title: 'What should happen', hint: 'What to do, in order, if things get worse.' },
  { key: 'whoToContact', title: 'Who to contact', hint: 'Names and numbers, in and out of hours.' },
]

export const NARRATIVE_FIELDS: readonly NarrativeField[] = [...ABOUT_ME_FIELDS, ...CONTINGENCY_FIELDS]

/** The largest narrative field accepted (a pasted 5 MB document is refused with a message). */
export const MAX_NARRATIVE_TEXT = 20_000

/** Why a paste into a narrative field is refused, or null if it fits. */
export function narrativePasteProblem(currentLength: number, pastedLength: number): string | null {
  if (currentLength + pastedLength <= MAX_NARRATIVE_TEXT) return null
  const room = Math.max(0, MAX_NARRATIVE_TEXT - currentLength)
  return (
    `That paste is too long for this box: it has ${pastedLength.toLocaleString('en-GB')} characters and there is room for ` +
    `${room.toLocaleString('en-GB')} more (${MAX_NARRATIVE_TEXT.toLocaleString('en-GB')} in all). Paste a shorter part; nothing here has changed.`
  )
}
