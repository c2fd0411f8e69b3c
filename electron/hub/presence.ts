import type { WebSocket } from 'ws'
import type { PresenceEntry } from './protocol'

export const DEFAULT_MAX_PRESENCE_BYTES = 64 * 1024

/**
 * A y-websocket client speaks for exactly one awareness id (its Y.Doc's clientID). A few are allowed so
 * an unusual but honest client is not refused; more would let one connection fill every joiner's
 * first message with presence states.
 */
export const MAX_PRESENCE_IDS_PER_CONNECTION = 4

export interface PresenceDecision {
  /** Entries this connection may apply. */
  accepted: PresenceEntry[]
  /** What was left out and why, for the log (see describeRefusals). */
  refused: Refusal[]
}

export interface Refusal {
  clientId: number
  /** Why, worded to follow a count: "3 owned by another connection". */
  reason: string
}

const OWNED_BY_ANOTHER = 'owned by another connection'
const TOO_MANY_IDS = `beyond the ${MAX_PRESENCE_IDS_PER_CONNECTION} a connection may speak for`
/** Client ids named per reason in a log line; a message may carry up to a thousand entries. */
const IDS_NAMED_PER_REASON = 5

/** One log line's worth, however many entries were refused: a count per reason and a few ids. */
export function describeRefusals(refused: readonly Refusal[]): string {
  const idsByReason = new Map<string, number[]>()
  for (const { clientId, reason } of refused) {
    const ids = idsByReason.get(reason) ?? []
    ids.push(clientId)
    idsByReason.set(reason, ids)
  }
  const parts = [...idsByReason].map(([reason, ids]) => {
    const named = ids.slice(0, IDS_NAMED_PER_REASON).join(', ')
    const more = ids.length > IDS_NAMED_PER_REASON ? ` and ${ids.length - IDS_NAMED_PER_REASON} more` : ''
    return `${ids.length} ${reason} (${ids.length === 1 ? 'client' : 'clients'} ${named}${more})`
  })
  return `${refused.length} ${refused.length === 1 ? 'client' : 'clients'}: ${parts.join('; ')}`
}

/**
 * Who may speak for which awareness (presence) id in one room. The first connection to set a state
 * for an id owns it until that connection closes; then the id is free again, so a client that
 * reconnects re-introduces its own id. Nobody else can overwrite or remove that presence.
 *
 * Refused entries are left out and the rest of the message is applied; the connection stays open.
 * That is what a person would expect: for an id taken by another connection, the likely honest cause
 * is a client reconnecting before the hub has noticed its old connection is gone (it will be, by the
 * keep-alive). For an oversized state, closing would only make the client reconnect and send it again,
 * over and over, with a full resync each time; left open, the person's edits still sync and only their
 * presence is not shown. Each refusal is logged.
 *
 * y-websocket clients echo every presence change they receive back to the hub, so entries for other
 * clients' ids at or below the clock the hub already holds are routine: they are dropped without a
 * word (y-protocols would ignore them anyway). Only a newer one is an attempt to change someone else.
 * For the same reason an id is claimed only by an entry the hub would apply (a newer clock): a
 * reconnecting client's first message repeats the clock its presence had, which the hub ignores as
 * any y-websocket server does; it is shown again at its next change (clients renew every 15 s).
 */
export class PresenceOwners {
  private readonly owners = new Map<number, WebSocket>()
  private readonly owned = new Map<WebSocket, Set<number>>()

  constructor(
    /** The room's own awareness id, which no connection may speak for. */
    private readonly hubClientId: number,
    private readonly maxStateBytes: number,
    /** The clock the room's awareness holds for an id, if it has seen it. */
    private readonly currentClock: (clientId: number) => number | undefined,
  ) {}

  decide(socket: WebSocket, entries: readonly PresenceEntry[]): PresenceDecision {
    const decision: PresenceDecision = { accepted: [], refused: [] }
    const mine = this.owned.get(socket) ?? new Set<number>()
    for (const entry of entries) {
      const owner = entry.clientId === this.hubClientId ? null : this.owners.get(entry.clientId)
      const known = this.currentClock(entry.clientId)
      const isNewer = known === undefined || entry.clock > known
      if (owner === socket) {
        if (entry.stateBytes > this.maxStateBytes) decision.refused.push(this.tooBig(entry))
        else decision.accepted.push(entry)
      } else if (!isNewer) {
        // An echo of what the hub already holds (or older): nothing to do.
      } else if (owner !== undefined) {
        decision.refused.push({ clientId: entry.clientId, reason: OWNED_BY_ANOTHER })
      } else if (entry.stateBytes > this.maxStateBytes) {
        decision.refused.push(this.tooBig(entry))
      } else if (entry.json === 'null') {
        // Removing a presence nobody holds changes nothing; it is not worth claiming the id for.
      } else if (mine.size >= MAX_PRESENCE_IDS_PER_CONNECTION) {
        decision.refused.push({ clientId: entry.clientId, reason: TOO_MANY_IDS })
      } else {
        this.owners.set(entry.clientId, socket)
        mine.add(entry.clientId)
        this.owned.set(socket, mine)
        decision.accepted.push(entry)
      }
    }
    return decision
  }

  private tooBig(entry: PresenceEntry): Refusal {
    return { clientId: entry.clientId, reason: `with a state over the ${kib(this.maxStateBytes)} limit` }
  }

  /** Frees every id the connection owned and returns them, so their presence can be removed. */
  release(socket: WebSocket): number[] {
    const ids = [...(this.owned.get(socket) ?? [])]
    this.owned.delete(socket)
    for (const id of ids) this.owners.delete(id)
    return ids
  }
}

function kib(bytes: number): string {
  return `${Math.ceil(bytes / 1024)} KiB`
}
