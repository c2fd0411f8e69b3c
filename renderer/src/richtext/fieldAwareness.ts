import type { Provider, UserState } from '@lexical/yjs'
import * as Y from 'yjs'
import type { RelativePosition } from 'yjs'
import type { Awareness } from 'y-protocols/awareness'
import { participantsFrom, type PresenceUser } from '../../../shared/presence'

/**
 * Lets many Lexical editors share the plan's one WebsocketProvider and its one awareness.
 *
 * @lexical/react's CollaborationPlugin (0.52.0) assumes a provider per editor: it calls
 * `connect()` when it mounts and `disconnect()` when it unmounts, replaces the whole local
 * awareness state (`initLocalState` → `setLocalState({ name, color, anchorPos, ... })`, which would
 * wipe the app's `user` field and so "Here now"), clears it on page unload, and reads a flat
 * `{ name, color, focusing, anchorPos, focusPos }` from every peer. This adapter gives each field
 * its own view of the plan's awareness instead:
 *
 * - connect/disconnect and provider events are no-ops: the plan's session owns the connection.
 * - Name and colour come from each window's `user: { name, colour }` (checked exactly as
 *   "Here now" checks them, through shared/presence), never from anything Lexical writes.
 * - A window has one caret, so its cursor lives in one awareness field, `richTextCursor:
 *   { field, anchorPos, focusPos, focusing }`. Each field's editor sees that cursor only when
 *   `field` is its own key, so a caret is drawn only in the field it is in. An editor that is not
 *   focused cannot take the slot from the one that is (mounting, or a late blur, would otherwise
 *   hide the caret of the field being typed in).
 */

export const CURSOR_FIELD = 'richTextCursor'

/** What a window publishes about its caret, in awareness under {@link CURSOR_FIELD}. */
export interface FieldCursor {
  field: string
  anchorPos: RelativePosition | null
  focusPos: RelativePosition | null
  focusing: boolean
}

/** The part of the plan's WebsocketProvider this needs (a WebsocketProvider is one). */
export interface AwarenessSource {
  awareness: Awareness
}

function cursorOf(state: unknown): FieldCursor | null {
  if (typeof state !== 'object' || state === null) return null
  const cursor = (state as Record<string, unknown>)[CURSOR_FIELD]
  if (typeof cursor !== 'object' || cursor === null) return null
  const { field, anchorPos, focusPos, focusing } = cursor as Record<string, unknown>
  if (typeof field !== 'string') return null
  return { field, anchorPos: relativePosition(anchorPos), focusPos: relativePosition(focusPos), focusing: focusing === true }
}

const isId = (id: unknown): boolean => {
  const { client, clock } = (id ?? {}) as { client?: unknown; clock?: unknown }
  return Number.isInteger(client) && Number.isInteger(clock)
}

/**
 * A caret position from another window, rebuilt and checked: Lexical throws on a malformed one, and
 * awareness comes from every device on the plan, so a bad one is dropped (no caret drawn) instead.
 */
function relativePosition(value: unknown): RelativePosition | null {
  if (typeof value !== 'object' || value === null) return null
  const { item, type, tname, assoc } = value as Record<string, unknown>
  if (item !== undefined && item !== null && !isId(item)) return null
  if (type !== undefined && type !== null && !isId(type)) return null
  if ((item ?? null) === null && (type ?? null) === null && typeof tname !== 'string') return null
  if (assoc !== undefined && !Number.isInteger(assoc)) return null
  try {
    return Y.createRelativePositionFromJSON(value)
  } catch {
    return null
  }
}

/** The people whose caret is in this field now (not me), by name, for a visible "X is here" line. */
export function peopleInField(states: ReadonlyMap<number, unknown>, myClientId: number, fieldKey: string): PresenceUser[] {
  return participantsFrom(states, myClientId)
    .filter((person) => !person.isMe)
    .filter((person) => {
      const cursor = cursorOf(states.get(person.clientId))
      return cursor !== null && cursor.field === fieldKey && cursor.focusing
    })
    .map(({ name, colour }) => ({ name, colour }))
}

/** The Lexical `Provider` for one field; `me` names this window until its own `user` is published. */
export function fieldProvider(source: AwarenessSource, fieldKey: string, me: PresenceUser): Provider {
  const awareness = source.awareness

  const userStates = (): Map<number, UserState> => {
    const states = awareness.getStates()
    const people = new Map(participantsFrom(states, awareness.clientID).map((person) => [person.clientId, person]))
    const result = new Map<number, UserState>()
    for (const [clientId, state] of states) {
      const person = people.get(clientId)
      const local = clientId === awareness.clientID
      if (!person && !local) continue
      const cursor = cursorOf(state)
      const here = cursor !== null && cursor.field === fieldKey
      result.set(clientId, {
        name: person?.name ?? me.name,
        color: person?.colour ?? me.colour,
        focusing: here && cursor.focusing,
        anchorPos: here ? cursor.anchorPos : null,
        focusPos: here ? cursor.focusPos : null,
        awarenessData: {},
      })
    }
    return result
  }

  const write = (next: FieldCursor | null) => {
    const current = cursorOf(awareness.getLocalState())
    if (next === null) {
      if (current?.field === fieldKey) awareness.setLocalStateField(CURSOR_FIELD, null)
      return
    }
    // Only the focused field, or the field already holding the slot, may write it.
    if (current !== null && current.field !== fieldKey && !next.focusing && current.focusing) return
    if (current !== null && JSON.stringify(current) === JSON.stringify(next)) return
    awareness.setLocalStateField(CURSOR_FIELD, next)
  }

  return {
    awareness: {
      getLocalState: () => (awareness.getLocalState() === null ? null : (userStates().get(awareness.clientID) ?? null)),
      getStates: userStates,
      setLocalState: (state) =>
        write(state === null ? null : { field: fieldKey, anchorPos: state.anchorPos ?? null, focusPos: state.focusPos ?? null, focusing: state.focusing === true }),
      setLocalStateField: (field, value) => {
        const local = userStates().get(awareness.clientID)
        if (!local || !['anchorPos', 'focusPos', 'focusing'].includes(field)) return
        const next = { ...local, [field]: value } as UserState
        write({ field: fieldKey, anchorPos: next.anchorPos, focusPos: next.focusPos, focusing: next.focusing === true })
      },
      on: (_type, listener) => awareness.on('update', listener),
      off: (_type, listener) => awareness.off('update', listener),
    },
    connect: () => {},
    disconnect: () => {},
    on: () => {},
    off: () => {},
  }
}
