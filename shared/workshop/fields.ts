import { z } from 'zod'
import { calendarDay, MAX_NAME, MAX_SHORT_TEXT, optionalText, requiredText } from '../plan/fields'

/**
 * What a co-production workshop holds, as zod schemas with messages a person can act on. Every
 * command checks its input with one of these before anything reaches the Y.Doc.
 */

/** The workshop moves through these in order; the facilitator moves it on (or back). */
export const STAGES = ['ideas', 'themes', 'vote', 'prioritise', 'action-plan'] as const
export type Stage = (typeof STAGES)[number]

export const STAGE_WORDS: Record<Stage, string> = {
  ideas: 'Ideas',
  themes: 'Themes',
  vote: 'Vote',
  prioritise: 'Prioritise',
  'action-plan': 'Action plan',
}

/** Sticky-note colours, named for the people choosing them; screens map them to accessible shades. */
export const NOTE_COLOURS = ['yellow', 'pink', 'blue', 'green', 'orange', 'purple'] as const
export type NoteColour = (typeof NOTE_COLOURS)[number]

export const NOTE_COLOUR_WORDS: Record<NoteColour, string> = {
  yellow: 'Yellow',
  pink: 'Pink',
  blue: 'Blue',
  green: 'Green',
  orange: 'Orange',
  purple: 'Purple',
}

/**
 * A sticky note holds a thought, not an essay. Counted in characters as a person sees them (an
 * emoji is one), not in the UTF-16 units JavaScript counts.
 */
export const MAX_NOTE_CHARACTERS = 1000
export const MAX_QUESTION = 300
export const MAX_THEME_NAME = 80
export const MAX_ACTION_TEXT = 500

/** A board big enough for any workshop; anything further out is a slip (or a NaN) that would lose the note. */
export const CANVAS_LIMIT = 1_000_000

/** Notes and themes a single workshop can hold: far above any hall, low enough to keep phones responsive. */
export const MAX_NOTES = 5000
export const MAX_THEMES = 200

export const MIN_VOTE_BUDGET = 1
export const MAX_VOTE_BUDGET = 10
export const DEFAULT_VOTE_BUDGET = 3

export const VOTE_TARGETS = ['themes', 'notes'] as const
export type VoteTarget = (typeof VOTE_TARGETS)[number]

export const MIN_TIMER_MINUTES = 1
export const MAX_TIMER_MINUTES = 120

/** How far an action has got, for the "You said, we did" view. */
export const ACTION_STATUSES = ['agreed', 'in-progress', 'done', 'not-possible'] as const
export type ActionStatus = (typeof ACTION_STATUSES)[number]

export const ACTION_STATUS_WORDS: Record<ActionStatus, string> = {
  agreed: 'Agreed',
  'in-progress': 'In progress',
  done: 'Done',
  'not-possible': 'Could not be done',
}

/** Characters as a person counts them: an emoji or an accented letter is one. */
export function characterCount(text: string): number {
  let count = 0
  for (const _ of text) count += 1
  return count
}

export const questionSchema = requiredText('A question', MAX_QUESTION, 'Enter the question people will answer, for example “What would help you stay well in Dagenham?”')

export const noteTextSchema = z
  .string({ error: 'Write something on the note first.' })
  .trim()
  .min(1, 'Write something on the note first.')
  .refine((text) => characterCount(text) <= MAX_NOTE_CHARACTERS, {
    error: (issue) =>
      `A note can be up to ${MAX_NOTE_CHARACTERS.toLocaleString('en-GB')} characters; this is ${characterCount(String(issue.input).trim()).toLocaleString('en-GB')}. Shorten it or split it across several notes.`,
  })

const coordinate = z
  .number({ error: 'Place the note on the board.' })
  .refine(Number.isFinite, 'Place the note on the board.')
  .refine((value) => Math.abs(value) <= CANVAS_LIMIT, 'That place is off the edge of the board. Move the note closer to the others.')

export const positionSchema = z.object({ x: coordinate, y: coordinate })
export type CanvasPosition = z.output<typeof positionSchema>

export const noteColourSchema = z.enum(NOTE_COLOURS, { error: 'Choose one of the note colours.' })

export const noteSchema = z.object({
  text: noteTextSchema,
  colour: noteColourSchema.default('yellow'),
  /** Optional, and never stored when the workshop is anonymous. */
  author: optionalText('A name', MAX_NAME).default(''),
  x: coordinate,
  y: coordinate,
})
export type NoteInput = z.input<typeof noteSchema>
export type NoteFields = z.output<typeof noteSchema>

export const noteEditSchema = z.object({ text: noteTextSchema.optional(), colour: noteColourSchema.optional() })
export type NoteEdit = z.input<typeof noteEditSchema>

export const themeNameSchema = requiredText('A theme name', MAX_THEME_NAME, 'Give the theme a name, for example “Getting out and about”.')

export const voteSettingsSchema = z.object({
  budget: z
    .number({ error: `Enter the dots each person has as a whole number, for example ${DEFAULT_VOTE_BUDGET}.` })
    .int(`Enter the dots each person has as a whole number, for example ${DEFAULT_VOTE_BUDGET}.`)
    .min(MIN_VOTE_BUDGET, `Give each person at least ${MIN_VOTE_BUDGET} dot.`)
    .max(MAX_VOTE_BUDGET, `Give each person at most ${MAX_VOTE_BUDGET} dots; fewer dots make people choose.`),
  target: z.enum(VOTE_TARGETS, { error: 'Choose whether people vote on themes or on single notes.' }),
})
export type VoteSettings = z.output<typeof voteSettingsSchema>

export const timerMinutesSchema = z
  .number({ error: 'Enter the minutes as a whole number, for example 5.' })
  .int('Enter the minutes as a whole number, for example 5.')
  .min(MIN_TIMER_MINUTES, `Set the timer for at least ${MIN_TIMER_MINUTES} minute.`)
  .max(MAX_TIMER_MINUTES, `Set the timer for at most ${MAX_TIMER_MINUTES} minutes.`)

const share = z.number({ error: 'Place the theme on the grid.' }).min(0, 'Place the theme on the grid.').max(1, 'Place the theme on the grid.')

/** Where a theme sits on the impact / effort grid: 0 is least, 1 is most, on each axis. */
export const matrixPlacementSchema = z.object({ impact: share, effort: share })
export type MatrixPlacement = z.output<typeof matrixPlacementSchema>

const ids = z.array(z.string().min(1)).max(200).default([])

export const actionSchema = z.object({
  weWill: requiredText('What we will do', MAX_ACTION_TEXT, 'Say what will be done, starting “We will…”.'),
  whoPerson: requiredText('A name', MAX_NAME, 'Enter who will do it, for example Priya Shah.'),
  whoOrganisation: requiredText('An organisation', MAX_SHORT_TEXT, 'Enter their organisation, for example Dagenham Library or Age UK.'),
  byWhen: calendarDay,
  measure: requiredText('How we will know', MAX_ACTION_TEXT, 'Say how everyone will know it has worked, for example “20 people use the walking group by March”.'),
  fromThemeIds: ids,
  fromNoteIds: ids,
})
export type ActionInput = z.input<typeof actionSchema>
export type ActionFields = z.output<typeof actionSchema>
