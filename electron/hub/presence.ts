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

/** How long the connection holding an id has to show it is alive when another connection claims the id. */
export const DEFAULT_PRESENCE_CHALLENGE_MS = 3000

/** What the room does when a claim on an id is settled (see PresenceOwners). */
export interface ChallengeOutcomes {
  /** The holder did not answer in time: drop it, and release() hands the claimed ids over. */
  holderSilent(holder: WebSocket, claimedIds: number[]): void
  /** The holder answered: it keeps its ids and these claims are refused. */
  holderAnswered(refused: Refusal[]): void
}

/** Ids another connection claims from one holder, while the holder is asked whether it is still there. */
interface Challenge {
  /** Per id: the connection claiming it and the latest entry it sent for it. */
  claims: Map<number, { claimant: WebSocket; entry: PresenceEntry }>
  end(): void
}

/** What release() did with a closed connection's ids. */
export interface Released {
  /** Ids nobody holds any more: their presence is to be removed. */
  freed: number[]
  /** Ids handed to the connection that claimed them, with the entries it sent for them, to apply now. */
  handedOver: Map<WebSocket, PresenceEntry[]>
}

/**
 * Who may speak for which awareness (presence) id in one room. The first connection to set a state
 * for an id owns it until that connection closes; then the id is free again, so a client that
 * reconnects re-introduces its own id. Nobody else can overwrite or remove that presence.
 *
 * An id claimed by a second connection is the usual sign of a reconnect after a network blip: the
 * client opened a new socket while the hub still holds the old, half-open one (the keep-alive would
 * notice only after up to two periods, and then remove that person's presence for everyone). So the
 * holder is pinged at once: if it shows no sign of life (a pong, any message, reading what is queued
 * for it) within the challenge window, it is dropped and the id, with the claimant's latest entry for
 * it, is handed to the claimant. A holder that answers is alive and keeps its id; the claim is refused.
 * Spoofing therefore gains nothing: the id of a live connection cannot be taken.
 *
 * Refused entries are left out and the rest of the message is applied; the connection stays open. For
 * an oversized state, closing would only make the client reconnect and send it again, over and over,
 * with a full resync each time; left open, the person's edits still sync and only their presence is
 * not shown. Each refusal is logged.
 *
 * y-websocket clients echo every presence change they receive back to the hub, so entries for other
 * clients' ids at or below the clock the hub already holds are routine: they are dropped without a
 * word (y-protocols would ignore them anyway). Only a newer one is an attempt to change someone else.
 * For the same reason an id is claimed only by an entry the hub would apply (a newer clock): a
 * reconnecting client's first message repeats the clock its presence had, which the hub ignores as
 * any y-websocket server does; the app's window republishes with a newer clock when it connects.
 */
export class PresenceOwners {
  private readonly owners = new Map<number, WebSocket>()
  private readonly owned = new Map<WebSocket, Set<number>>()
  private readonly challenges = new Map<WebSocket, Challenge>()

  constructor(
    /** The room's own awareness id, which no connection may speak for. */
    private readonly hubClientId: number,
    private readonly maxStateBytes: number,
    /** The clock the room's awareness holds for an id, if it has seen it. */
    private readonly currentClock: (clientId: number) => number | undefined,
    private readonly challengeMs: number,
    private readonly outcomes: ChallengeOutcomes,
  ) {}

  decide(socket: WebSocket, entries: readonly PresenceEntry[]): PresenceDecision {
    const decision: PresenceDecision = { accepted: [], refused: [] }
    for (const entry of entries) {
      const owner = entry.clientId === this.hubClientId ? null : this.owners.get(entry.clientId)
      const known = this.currentClock(entry.clientId)
      const isNewer = known === undefined || entry.clock > known
      if (owner === socket) {
        if (entry.stateBytes > this.maxStateBytes) decision.refused.push(this.tooBig(entry))
        else decision.accepted.push(entry)
      } else if (!isNewer) {
        // An echo of what the hub already holds (or older): nothing to do.
      } else if (owner === null) {
        decision.refused.push({ clientId: entry.clientId, reason: OWNED_BY_ANOTHER })
      } else if (entry.stateBytes > this.maxStateBytes) {
        decision.refused.push(this.tooBig(entry))
      } else if (owner !== undefined) {
        if (!this.claim(owner, socket, entry)) decision.refused.push({ clientId: entry.clientId, reason: OWNED_BY_ANOTHER })
      } else if (entry.json === 'null') {
        // Removing a presence nobody holds changes nothing; it is not worth claiming the id for.
      } else if ((this.owned.get(socket)?.size ?? 0) >= MAX_PRESENCE_IDS_PER_CONNECTION) {
        decision.refused.push({ clientId: entry.clientId, reason: TOO_MANY_IDS })
      } else {
        this.own(socket, entry.clientId)
        decision.accepted.push(entry)
      }
    }
    return decision
  }

  private own(socket: WebSocket, clientId: number): void {
    const mine = this.owned.get(socket) ?? new Set<number>()
    mine.add(clientId)
    this.owned.set(socket, mine)
    this.owners.set(clientId, socket)
  }

  /**
   * Records `claimant`'s entry for an id `holder` owns, asking the holder whether it is still there
   * unless already asked. False if another connection claimed that id first in this challenge.
   */
  private claim(holder: WebSocket, claimant: WebSocket, entry: PresenceEntry): boolean {
    const challenge = this.challenges.get(holder) ?? this.challenge(holder)
    const earlier = challenge.claims.get(entry.clientId)
    if (earlier && earlier.claimant !== claimant) return false
    challenge.claims.set(entry.clientId, { claimant, entry })
    return true
  }

  private challenge(holder: WebSocket): Challenge {
    const queuedAtStart = holder.bufferedAmount
    const answered = (): void => {
      const refused = [...challenge.claims.keys()].map((clientId) => ({ clientId, reason: OWNED_BY_ANOTHER }))
      challenge.end()
      this.outcomes.holderAnswered(refused)
    }
    const timer = setTimeout(() => {
      if (holder.bufferedAmount < queuedAtStart) answered()
      else this.outcomes.holderSilent(holder, [...challenge.claims.keys()])
    }, this.challengeMs)
    timer.unref()
    const challenge: Challenge = {
      claims: new Map(),
      end: () => {
        clearTimeout(timer)
        holder.off('pong', answered)
        holder.off('message', answered)
        this.challenges.delete(holder)
      },
    }
    holder.on('pong', answered)
    holder.on('message', answered)
    this.challenges.set(holder, challenge)
    if (holder.readyState === holder.OPEN) holder.ping()
    return challenge
  }

  private tooBig(entry: PresenceEntry): Refusal {
    return { clientId: entry.clientId, reason: `with a state over the ${kib(this.maxStateBytes)} limit` }
  }

  /**
   * Lets go of a connection that closed: its claims on others' ids are dropped, ids claimed from it are
   * handed to their claimants, and the rest are freed.
   */
  release(socket: WebSocket): Released {
    for (const challenge of this.challenges.values()) {
      for (const [clientId, { claimant }] of challenge.claims) {
        if (claimant === socket) challenge.claims.delete(clientId)
      }
    }
    const challenge = this.challenges.get(socket)
    challenge?.end()
    const released: Released = { freed: [], handedOver: new Map() }
    for (const clientId of this.owned.get(socket) ?? []) {
      this.owners.delete(clientId)
      const claim = challenge?.claims.get(clientId)
      if (claim && (this.owned.get(claim.claimant)?.size ?? 0) < MAX_PRESENCE_IDS_PER_CONNECTION) {
        this.own(claim.claimant, clientId)
        released.handedOver.set(claim.claimant, [...(released.handedOver.get(claim.claimant) ?? []), claim.entry])
      } else {
        released.freed.push(clientId)
      }
    }
    this.owned.delete(socket)
    return released
  }
}

function kib(bytes: number): string {
  return `${Math.ceil(bytes / 1024)} KiB`
}
