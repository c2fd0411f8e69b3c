/**
 * Who is here now. Each window publishes `{ user: { name, colour } }` in Yjs awareness; everything
 * read back from awareness comes from other people's devices, so it is checked before it is shown.
 */

import type { Awareness } from 'y-protocols/awareness'

export const MAX_NAME_LENGTH = 40

/** NHS palette colours with at least 3:1 contrast on white, for the dot beside each name. */
export const PRESENCE_COLOURS: readonly string[] = [
  '#005eb8', // NHS blue
  '#007f3b', // NHS green
  '#330072', // NHS purple
  '#ae2573', // NHS pink
  '#d5281b', // NHS red
  '#8a1538', // NHS dark pink
  '#425563', // NHS dark grey
  '#00a499', // NHS aqua green is 3:1 only on large shapes; used for the dot, never for text
]

export interface PresenceUser {
  name: string
  colour: string
}

export interface Participant extends PresenceUser {
  clientId: number
  isMe: boolean
}

export function validateDisplayName(name: string): string | null {
  const trimmed = name.trim()
  if (trimmed.length === 0) return 'Enter the name others will see, for example “Sam, district nurse”.'
  if (trimmed.length > MAX_NAME_LENGTH) return `A name can be up to ${MAX_NAME_LENGTH} characters. It is ${trimmed.length}.`
  return null
}

/** A colour picked once per device; `random` is injectable so tests can pin it. */
export function pickColour(random: () => number = Math.random): string {
  return PRESENCE_COLOURS[Math.floor(random() * PRESENCE_COLOURS.length) % PRESENCE_COLOURS.length]
}

function asPresenceUser(state: unknown): PresenceUser | null {
  if (typeof state !== 'object' || state === null) return null
  const user = (state as { user?: unknown }).user
  if (typeof user !== 'object' || user === null) return null
  const { name, colour } = user as { name?: unknown; colour?: unknown }
  if (typeof name !== 'string' || validateDisplayName(name) !== null) return null
  const safeColour = typeof colour === 'string' && PRESENCE_COLOURS.includes(colour) ? colour : PRESENCE_COLOURS[6]
  return { name: name.trim(), colour: safeColour }
}

/** Everyone in awareness with a valid name: me first, then others by name. */
export function participantsFrom(states: ReadonlyMap<number, unknown>, myClientId: number): Participant[] {
  const people: Participant[] = []
  for (const [clientId, state] of states) {
    const user = asPresenceUser(state)
    if (user) people.push({ ...user, clientId, isMe: clientId === myClientId })
  }
  return people.sort((a, b) => {
    if (a.isMe !== b.isMe) return a.isMe ? -1 : 1
    return a.name.localeCompare(b.name, 'en-GB') || a.clientId - b.clientId
  })
}

/**
 * Publishes this window's presence again, with a newer clock. Call it when a connection to the hub
 * opens: y-websocket resends presence at the clock the hub saw before the old connection dropped,
 * which the hub (like any y-websocket server) ignores, so the person would be missing from everyone's
 * "Here now" until the 15-second renewal.
 */
export function announcePresenceAgain(awareness: Pick<Awareness, 'getLocalState' | 'setLocalState'>): void {
  const state = awareness.getLocalState()
  if (state !== null) awareness.setLocalState({ ...state })
}

/**
 * What a window is editing now (an entry's edit form, a person detail box), published in awareness
 * under {@link EDITING_FIELD} as a list of targets, so others can see "Sam is editing this" on it.
 */
export const EDITING_FIELD = 'editing'

/** A window may have several edit forms open; more than this is not believed. */
const MAX_EDITING_TARGETS = 50

export const entryEditTarget = (entryId: string): string => `entry:${entryId}`
export const personFieldEditTarget = (field: string): string => `person:${field}`

/** The targets a window says it is editing, checked: awareness comes from every device on the board. */
export function editingTargets(state: unknown): string[] {
  if (typeof state !== 'object' || state === null) return []
  const targets = (state as Record<string, unknown>)[EDITING_FIELD]
  if (!Array.isArray(targets)) return []
  return targets.slice(0, MAX_EDITING_TARGETS).filter((target): target is string => typeof target === 'string' && target.length <= 200)
}

/** The list to publish after this window starts (or stops) editing `target`. */
export function withEditingTarget(state: unknown, target: string, editing: boolean): string[] {
  const others = editingTargets(state).filter((current) => current !== target)
  return editing ? [...others, target] : others
}

/** The other people editing `target` now, by name. */
export function peopleEditing(states: ReadonlyMap<number, unknown>, myClientId: number, target: string): PresenceUser[] {
  return participantsFrom(states, myClientId)
    .filter((person) => !person.isMe && editingTargets(states.get(person.clientId)).includes(target))
    .map(({ name, colour }) => ({ name, colour }))
}

/** "Sam is editing this", "Sam and Ann are editing this", or null when nobody else is. */
export function editingLine(people: readonly PresenceUser[]): string | null {
  if (people.length === 0) return null
  const names = people.map((person) => person.name)
  const list = names.length === 1 ? names[0] : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`
  return `${list} ${names.length === 1 ? 'is' : 'are'} editing this`
}
