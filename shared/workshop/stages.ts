import type * as Y from 'yjs'
import { LOCAL_ORIGIN } from '../board'
import type { Checked } from '../plan/fields'
import { STAGE_WORDS, STAGES, type Stage } from './fields'
import { readVoteSettings, voteCandidates } from './voting'
import { hasEnded, isFacilitator, readStage, refuse, workshopMap, type Actor } from './workshop'

/**
 * The workshop's stages: ideas → themes → vote → prioritise → action plan. Only the facilitator
 * moves between them, forward or back (back, say, to add an idea someone remembered late).
 */

/**
 * Moves the workshop to a stage, forward or back. `seenStage` is the stage the facilitator saw
 * when they pressed: if another facilitator has moved it since, nothing changes and the message
 * says so, so two presses of "Next stage" move one step, not two.
 */
export function goToStage(doc: Y.Doc, actor: Actor, seenStage: Stage, stage: Stage): Checked<Stage> {
  if (!isFacilitator(actor)) return refuse('Only the facilitator can move the workshop to another stage.')
  if (hasEnded(doc)) return refuse('This workshop has ended. Its action plan stays open to update what was done.')
  if (!STAGES.includes(stage)) return refuse('Choose one of the workshop’s stages.')
  const current = readStage(doc)
  if (current !== seenStage) return refuse(`Someone else has already moved the workshop to ${STAGE_WORDS[current].toLowerCase()}.`)
  if (stage === 'vote' && current !== 'vote' && voteCandidates(doc).length < 2) {
    return refuse(
      readVoteSettings(doc).target === 'themes'
        ? 'Voting needs at least two themes to choose between. Group the ideas into themes first, or vote on single notes.'
        : 'Voting needs at least two notes to choose between. Add more ideas first.',
    )
  }
  doc.transact(() => workshopMap(doc).set('stage', stage), LOCAL_ORIGIN)
  return { ok: true, value: stage }
}

/** The stage after `stage`, or null at the last one. */
export function nextStage(stage: Stage): Stage | null {
  return STAGES[STAGES.indexOf(stage) + 1] ?? null
}
