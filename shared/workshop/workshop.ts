import type * as Y from 'yjs'
import type { Role } from '../access'
import { LOCAL_ORIGIN } from '../board'
import { check, type Checked } from '../plan/fields'
import { questionSchema, STAGE_WORDS, STAGES, timerMinutesSchema, type Stage } from './fields'
import { WORKSHOP_LAYOUT } from './layout'

/**
 * The workshop's own settings and the facilitator's controls: the question, the stage, how
 * people write (anonymous, private), reveal, lock, timer, spotlight and the end.
 *
 *   workshop: Y.Map  question, stage, anonymous, privateWriting, writingStarted, notesRevealedAt,
 *                    locked, timer: { endsAt, minutes }, voteBudget, voteTarget, votesRevealed,
 *                    spotlight: { x, y, zoom }, endedAt
 *
 * Every command takes the acting person (their role comes from the hub's token, so a phone can
 * never claim to be the facilitator) and refuses with a message when they may not act. Only the
 * facilitator moves stages, reveals, locks, sets the timer and ends the workshop.
 */

export interface Actor {
  role: Role
  /** Who is acting: a phone's contributor key or the facilitator's id. Never a name. */
  participantId: string
}

export type Refusal = { ok: false; errors: Partial<Record<string, string>> }

export function refuse(message: string, field = 'form'): Refusal {
  return { ok: false, errors: { [field]: message } }
}

export function workshopMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap(WORKSHOP_LAYOUT.workshop)
}

export function isFacilitator(actor: Actor): boolean {
  return actor.role === 'facilitator'
}

export function readStage(doc: Y.Doc): Stage {
  const stage = workshopMap(doc).get('stage')
  return (STAGES as readonly unknown[]).includes(stage) ? (stage as Stage) : 'ideas'
}

export function hasEnded(doc: Y.Doc): boolean {
  return typeof workshopMap(doc).get('endedAt') === 'number'
}

/**
 * Whether a document is a workshop that has ended, for the hub, which reads every kind of board: it
 * looks before touching, so a plan or meeting never gains an empty workshop map from asking.
 */
export function workshopHasEnded(doc: Y.Doc): boolean {
  return doc.share.has(WORKSHOP_LAYOUT.workshop) && hasEnded(doc)
}

export function isLocked(doc: Y.Doc): boolean {
  return workshopMap(doc).get('locked') === true
}

export function isAnonymous(doc: Y.Doc): boolean {
  return workshopMap(doc).get('anonymous') === true
}

export function isPrivateWriting(doc: Y.Doc): boolean {
  return workshopMap(doc).get('privateWriting') === true
}

export function notesRevealed(doc: Y.Doc): boolean {
  return typeof workshopMap(doc).get('notesRevealedAt') === 'number'
}

function facilitatorOnly(actor: Actor, what: string): Refusal | null {
  return isFacilitator(actor) ? null : refuse(`Only the facilitator can ${what}.`)
}

/**
 * Whether `actor` may change the board's content now, in one of `stages`. The facilitator may
 * work on a locked board (to tidy it while everyone watches); nobody changes an ended one.
 */
export function writeRefusal(doc: Y.Doc, actor: Actor, stages: readonly Stage[], doingWhat: string): Refusal | null {
  if (actor.role === 'viewer') return refuse('This screen shows the workshop but cannot change it. Join with the code on the screen to take part.')
  if (hasEnded(doc)) return refuse('This workshop has ended, so it can no longer be changed.')
  if (isLocked(doc) && !isFacilitator(actor)) return refuse('The facilitator has paused the board. You can carry on when they unlock it.')
  const stage = readStage(doc)
  if (!stages.includes(stage)) {
    const allowed = stages.map((each) => STAGE_WORDS[each].toLowerCase()).join(' or ')
    return refuse(`You can ${doingWhat} during the ${allowed} stage; the workshop is now at ${STAGE_WORDS[stage].toLowerCase()}.`)
  }
  return null
}

export function setQuestion(doc: Y.Doc, actor: Actor, question: unknown): Checked<string> {
  const refused = facilitatorOnly(actor, 'change the question')
  if (refused) return refused
  if (hasEnded(doc)) return refuse('This workshop has ended, so its question stays as it was.')
  const checked = check(questionSchema, question)
  if (!checked.ok) return { ok: false, errors: { question: checked.errors.form } }
  doc.transact(() => workshopMap(doc).set('question', checked.value), LOCAL_ORIGIN)
  return checked
}

/**
 * Anonymous mode and private writing are chosen before anyone writes: once a note exists, the
 * people who wrote it did so under the rules they were shown, so the rules stay.
 */
export function setWritingMode(doc: Y.Doc, actor: Actor, mode: { anonymous: boolean; privateWriting: boolean }): Checked<typeof mode> {
  const refused = facilitatorOnly(actor, 'choose how people write')
  if (refused) return refused
  if (workshopMap(doc).get('writingStarted') === true) {
    return refuse('People have already started writing, so anonymous and private writing can no longer be changed. Start a new workshop to change them.')
  }
  doc.transact(() => {
    workshopMap(doc).set('anonymous', mode.anonymous === true)
    workshopMap(doc).set('privateWriting', mode.privateWriting === true)
  }, LOCAL_ORIGIN)
  return { ok: true, value: mode }
}

/** Marks that writing has begun (inside the transaction that writes the first note). */
export function markWritingStarted(doc: Y.Doc): void {
  if (workshopMap(doc).get('writingStarted') !== true) workshopMap(doc).set('writingStarted', true)
}

/**
 * Reveals the notes written in private. The first reveal's time stays, so two facilitators
 * pressing at once, or one pressing twice, reveal once. The notes themselves are copied into the
 * workshop by revealPrivateNotes (privateWriting.ts).
 */
export function revealNotes(doc: Y.Doc, actor: Actor, now: number): Checked<number> {
  const refused = facilitatorOnly(actor, 'reveal the notes')
  if (refused) return refused
  const map = workshopMap(doc)
  const already = map.get('notesRevealedAt')
  if (typeof already === 'number') return { ok: true, value: already }
  doc.transact(() => map.set('notesRevealedAt', now), LOCAL_ORIGIN)
  return { ok: true, value: now }
}

/** Pauses (or resumes) everyone but the facilitator. */
export function setLocked(doc: Y.Doc, actor: Actor, locked: boolean): Checked<boolean> {
  const refused = facilitatorOnly(actor, locked ? 'lock the board' : 'unlock the board')
  if (refused) return refused
  doc.transact(() => workshopMap(doc).set('locked', locked), LOCAL_ORIGIN)
  return { ok: true, value: locked }
}

export interface WorkshopTimer {
  /** Epoch ms when time is up. */
  endsAt: number
  minutes: number
}

/**
 * Starts the timer everyone sees. Only its end time is stored: every device counts down to it
 * with its own clock, so it keeps going with the hub out of reach and nothing is written each second.
 */
export function startTimer(doc: Y.Doc, actor: Actor, minutes: number, now: number): Checked<WorkshopTimer> {
  const refused = facilitatorOnly(actor, 'set the timer')
  if (refused) return refused
  const checked = check(timerMinutesSchema, minutes)
  if (!checked.ok) return { ok: false, errors: { minutes: checked.errors.form } }
  const timer: WorkshopTimer = { endsAt: now + checked.value * 60_000, minutes: checked.value }
  doc.transact(() => workshopMap(doc).set('timer', timer), LOCAL_ORIGIN)
  return { ok: true, value: timer }
}

export function stopTimer(doc: Y.Doc, actor: Actor): Checked<null> {
  const refused = facilitatorOnly(actor, 'stop the timer')
  if (refused) return refused
  doc.transact(() => workshopMap(doc).delete('timer'), LOCAL_ORIGIN)
  return { ok: true, value: null }
}

export function readTimer(doc: Y.Doc): WorkshopTimer | null {
  const timer = workshopMap(doc).get('timer')
  if (typeof timer !== 'object' || timer === null) return null
  const { endsAt, minutes } = timer as Partial<WorkshopTimer>
  return typeof endsAt === 'number' && Number.isFinite(endsAt) && typeof minutes === 'number' ? { endsAt, minutes } : null
}

/** Time left on the timer at `now` (never below zero). */
export function remainingMs(timer: WorkshopTimer, now: number): number {
  return Math.max(0, timer.endsAt - now)
}

export interface Spotlight {
  x: number
  y: number
  zoom: number
}

/** Everyone's view follows the facilitator's to this place on the canvas; null lets people look around again. */
export function setSpotlight(doc: Y.Doc, actor: Actor, spotlight: Spotlight | null): Checked<Spotlight | null> {
  const refused = facilitatorOnly(actor, 'bring everyone’s view to one place')
  if (refused) return refused
  if (spotlight && ![spotlight.x, spotlight.y, spotlight.zoom].every(Number.isFinite)) return refuse('Choose a place on the board to show everyone.')
  doc.transact(() => (spotlight ? workshopMap(doc).set('spotlight', { ...spotlight }) : workshopMap(doc).delete('spotlight')), LOCAL_ORIGIN)
  return { ok: true, value: spotlight }
}

/** Ends the workshop: from now on only the action plan's statuses change (facilitator). */
export function endWorkshop(doc: Y.Doc, actor: Actor, now: number): Checked<number> {
  const refused = facilitatorOnly(actor, 'end the workshop')
  if (refused) return refused
  const already = workshopMap(doc).get('endedAt')
  if (typeof already === 'number') return { ok: true, value: already }
  doc.transact(() => {
    workshopMap(doc).set('endedAt', now)
    workshopMap(doc).delete('timer')
  }, LOCAL_ORIGIN)
  return { ok: true, value: now }
}
