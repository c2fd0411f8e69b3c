import * as Y from 'yjs'
import { LOCAL_ORIGIN } from '../board'
import { check, type Checked } from '../plan/fields'
import { DEFAULT_VOTE_BUDGET, VOTE_TARGETS, voteSettingsSchema, type VoteSettings, type VoteTarget } from './fields'
import { WORKSHOP_LAYOUT } from './layout'
import { notesMap } from './notes'
import { liveThemeIds, resolveTheme } from './themes'
import { isFacilitator, refuse, workshopMap, writeRefusal, type Actor } from './workshop'

/**
 * Dot voting, with a budget that holds under any merge.
 *
 *   dots: Y.Map  dotId -> { voterId, targetId, at }     one entry per dot; taking a dot back deletes it
 *
 * A CRDT cannot refuse a merge: a voter with two phones, or one that was offline, can get more
 * dots into the document than the budget. So the budget is enforced where the dots are counted:
 * each voter's dots on things still on the board are put in order of (at, dotId), and only the
 * first `budget` count. Every device holding the same dots makes the same choice, so the count
 * agrees everywhere once they have synced, and nobody ever has more than the budget counted.
 * Dots that do not count are reported back to their voter, so their phone can say so.
 */

interface Dot {
  voterId: string
  targetId: string
  /** Epoch ms on the voter's device when they placed it. */
  at: number
}

export function dotsMap(doc: Y.Doc): Y.Map<Dot> {
  return doc.getMap(WORKSHOP_LAYOUT.dots)
}

export function readVoteSettings(doc: Y.Doc): VoteSettings {
  const map = workshopMap(doc)
  const budget = map.get('voteBudget')
  const target = map.get('voteTarget')
  return {
    budget: typeof budget === 'number' && Number.isInteger(budget) && budget > 0 ? budget : DEFAULT_VOTE_BUDGET,
    target: (VOTE_TARGETS as readonly unknown[]).includes(target) ? (target as VoteTarget) : 'themes',
  }
}

export function votesRevealed(doc: Y.Doc): boolean {
  return workshopMap(doc).get('votesRevealed') === true
}

/** What a dot on `targetId` counts for now: a live theme (following merges) or a note, or null if it is gone. */
function countedTarget(doc: Y.Doc, target: VoteTarget, targetId: string): string | null {
  if (target === 'themes') return resolveTheme(doc, targetId)
  return notesMap(doc).get(targetId) instanceof Y.Map ? targetId : null
}

/** The things on the board that can be voted on now. */
export function voteCandidates(doc: Y.Doc): string[] {
  return readVoteSettings(doc).target === 'themes' ? liveThemeIds(doc) : [...notesMap(doc).keys()].sort()
}

/** A dot as counted: its id and the live theme or note it counts for. */
export interface CountedDot {
  dotId: string
  targetId: string
}

export interface DotCount {
  /** Counted dots per target (a target with none is absent). */
  perTarget: Map<string, number>
  /** Each voter's dots that count and those beyond their budget. */
  perVoter: Map<string, { counted: CountedDot[]; notCounted: CountedDot[] }>
}

function isDot(value: unknown): value is Dot {
  if (typeof value !== 'object' || value === null) return false
  const { voterId, targetId, at } = value as Partial<Dot>
  return typeof voterId === 'string' && typeof targetId === 'string' && typeof at === 'number' && Number.isFinite(at)
}

/** Counts the dots: each voter's first `budget` dots on things still on the board, by (at, dotId). */
export function countDots(doc: Y.Doc): DotCount {
  const { budget, target } = readVoteSettings(doc)
  const byVoter = new Map<string, { dotId: string; at: number; targetId: string }[]>()
  const perVoter: DotCount['perVoter'] = new Map()
  dotsMap(doc).forEach((dot, id) => {
    if (!isDot(dot)) return
    const counted = countedTarget(doc, target, dot.targetId)
    if (counted === null) return
    const list = byVoter.get(dot.voterId) ?? []
    list.push({ dotId: id, at: dot.at, targetId: counted })
    byVoter.set(dot.voterId, list)
  })
  const perTarget = new Map<string, number>()
  for (const [voterId, dots] of byVoter) {
    dots.sort((a, b) => a.at - b.at || (a.dotId < b.dotId ? -1 : a.dotId > b.dotId ? 1 : 0))
    const strip = ({ dotId, targetId }: CountedDot) => ({ dotId, targetId })
    const counted = dots.slice(0, budget).map(strip)
    for (const dot of counted) perTarget.set(dot.targetId, (perTarget.get(dot.targetId) ?? 0) + 1)
    perVoter.set(voterId, { counted, notCounted: dots.slice(budget).map(strip) })
  }
  return { perTarget, perVoter }
}

/** The facilitator sets the budget and what is voted on; what is voted on is fixed once dots are placed. */
export function setVoteSettings(doc: Y.Doc, actor: Actor, input: unknown): Checked<VoteSettings> {
  if (!isFacilitator(actor)) return refuse('Only the facilitator can set up the vote.')
  const checked = check(voteSettingsSchema, input)
  if (!checked.ok) return checked
  if (votesRevealed(doc)) return refuse('The results are out, so the vote can no longer be changed.')
  if (dotsMap(doc).size > 0 && checked.value.target !== readVoteSettings(doc).target) {
    return refuse('Dots have already been placed. Clear the dots first to vote on something else.', 'target')
  }
  doc.transact(() => {
    workshopMap(doc).set('voteBudget', checked.value.budget)
    workshopMap(doc).set('voteTarget', checked.value.target)
  }, LOCAL_ORIGIN)
  return checked
}

function voteRefusal(doc: Y.Doc, actor: Actor): ReturnType<typeof writeRefusal> {
  const refused = writeRefusal(doc, actor, ['vote'], 'vote')
  if (refused) return refused
  if (votesRevealed(doc)) return refuse('The results are out, so voting has closed.')
  return null
}

/** Places one of the actor's dots on a theme or note. Refused once their counted dots reach the budget. */
export function placeDot(doc: Y.Doc, actor: Actor, targetId: string, now: number): Checked<string> {
  const refused = voteRefusal(doc, actor)
  if (refused) return refused
  const { budget, target } = readVoteSettings(doc)
  const counted = countedTarget(doc, target, targetId)
  if (counted === null) return refuse(target === 'themes' ? 'That theme is no longer on the board. Choose another.' : 'That note is no longer on the board. Choose another.')
  const mine = countDots(doc).perVoter.get(actor.participantId)?.counted.length ?? 0
  if (mine >= budget) return refuse(`You have used all ${budget} of your dots. Take one back to vote for something else.`)
  const id = globalThis.crypto.randomUUID()
  doc.transact(() => dotsMap(doc).set(id, { voterId: actor.participantId, targetId: counted, at: now }), LOCAL_ORIGIN)
  return { ok: true, value: id }
}

/** Takes back one of the actor's dots on a target: one that does not count first, then the latest. */
export function takeBackDot(doc: Y.Doc, actor: Actor, targetId: string): Checked<string> {
  const refused = voteRefusal(doc, actor)
  if (refused) return refused
  const { target } = readVoteSettings(doc)
  const wanted = countedTarget(doc, target, targetId)
  const mine: { id: string; at: number }[] = []
  dotsMap(doc).forEach((dot, id) => {
    if (isDot(dot) && dot.voterId === actor.participantId && countedTarget(doc, target, dot.targetId) === wanted) mine.push({ id, at: dot.at })
  })
  if (wanted === null || mine.length === 0) return refuse('You have no dot there to take back.')
  const notCounted = new Set((countDots(doc).perVoter.get(actor.participantId)?.notCounted ?? []).map((dot) => dot.dotId))
  mine.sort((a, b) => Number(notCounted.has(b.id)) - Number(notCounted.has(a.id)) || b.at - a.at || (a.id < b.id ? 1 : -1))
  doc.transact(() => dotsMap(doc).delete(mine[0].id), LOCAL_ORIGIN)
  return { ok: true, value: mine[0].id }
}

export function revealVotes(doc: Y.Doc, actor: Actor): Checked<true> {
  if (!isFacilitator(actor)) return refuse('Only the facilitator can reveal the results.')
  if (!votesRevealed(doc)) doc.transact(() => workshopMap(doc).set('votesRevealed', true), LOCAL_ORIGIN)
  return { ok: true, value: true }
}

/** Starts the vote again: every dot is taken back and the results are hidden. */
export function clearVotes(doc: Y.Doc, actor: Actor): Checked<true> {
  if (!isFacilitator(actor)) return refuse('Only the facilitator can clear the dots.')
  doc.transact(() => {
    for (const id of [...dotsMap(doc).keys()]) dotsMap(doc).delete(id)
    workshopMap(doc).delete('votesRevealed')
  }, LOCAL_ORIGIN)
  return { ok: true, value: true }
}

export interface VoteResult {
  targetId: string
  dots: number
  /** 1 for the most dots; things with the same number of dots share a rank. */
  rank: number
  /** Another thing has exactly as many dots. */
  tied: boolean
}

/** Every candidate with its counted dots, most first; equal counts share a rank and are marked as ties. */
export function voteResults(doc: Y.Doc): VoteResult[] {
  const { perTarget } = countDots(doc)
  const rows = voteCandidates(doc).map((targetId) => ({ targetId, dots: perTarget.get(targetId) ?? 0 }))
  rows.sort((a, b) => b.dots - a.dots || (a.targetId < b.targetId ? -1 : a.targetId > b.targetId ? 1 : 0))
  const howMany = new Map<number, number>()
  for (const row of rows) howMany.set(row.dots, (howMany.get(row.dots) ?? 0) + 1)
  return rows.map((row) => ({ ...row, rank: rows.findIndex((other) => other.dots === row.dots) + 1, tied: (howMany.get(row.dots) ?? 0) > 1 }))
}
