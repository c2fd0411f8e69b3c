import { randomInt } from 'node:crypto'
import type { Grant, Role } from '../../shared/access'
import { newContributorKey, privateBoardId } from '../../shared/workshop/privateWriting'
import type { TokenRegistry } from './tokens'

/**
 * Opening a board to the local network, for a meeting or a workshop, with a six-digit code that is
 * easy to read off a shared screen or a projector.
 *
 *   - A meeting link: one token for everyone who joins, scoped to the meeting and the plans on its
 *     agenda (shared/access.ts); colleagues' laptops all hold the same one.
 *   - A workshop room: each phone that redeems the code gets a token of its own, a contributor on the
 *     workshop and on its own private board `<workshopId>__<key>` (the key made here and handed
 *     back), because each phone's unrevealed notes must reach nobody else
 *     (shared/workshop/privateWriting.ts). The projector can ask for the room's one viewer token.
 *
 * Everything stops working when the facilitator closes the board to the network, when the meeting
 * or workshop ends, or when the hub stops (it all lives only in memory). Wrong codes are
 * rate-limited per address and in all, so a code cannot be guessed; right ones never count, so
 * forty phones joining at once from one hall's network all get in.
 */

export const CODE_DIGITS = 6
/** Wrong codes one address may try in a window, and all addresses together. */
export const WRONG_CODES_PER_ADDRESS = 10
export const WRONG_CODES_IN_ALL = 100
export const WRONG_CODE_WINDOW_MS = 60_000

export type InvitationKind = 'meeting' | 'workshop'

/** What an open connection is told when its access stops (the WebSocket close reason). */
export const CLOSED_BECAUSE: Record<InvitationKind, Record<'closed' | 'ended', string>> = {
  meeting: {
    closed: 'The facilitator closed this meeting to the network, so its link no longer works',
    ended: 'The meeting has ended, so its link no longer works',
  },
  workshop: {
    closed: 'The facilitator closed this workshop to the network, so its join code no longer works',
    ended: 'The workshop has ended, so its join code no longer works',
  },
}

interface Invitation {
  kind: InvitationKind
  docId: string
  code: string
  /** A meeting link's one token; for a workshop room, the projector's viewer token. */
  sharedToken: string
}

/** What the facilitator's computer is shown for an open board: a workshop's token is the projector's. */
export interface OpenInvitation {
  code: string
  token: string
}

export type Redeemed =
  | { ok: true; kind: 'meeting'; token: string; docId: string }
  | { ok: true; kind: 'workshop'; role: Role; token: string; docId: string; contributorKey?: string; privateBoardId?: string }
  | { ok: false; status: 400 | 404 | 429; error: string }

/** Which tokens an invitation issued: revoked together when it closes. */
function issuedBy(kind: InvitationKind, docId: string): (grant: Grant) => boolean {
  if (kind === 'meeting') return (grant) => grant.withAgendaPlans === true && grant.docId === docId
  return (grant) => grant.workshopRoom === true && grant.docId === docId
}

/** Whether every phone joining this workshop can have a private board (its id leaves room for a key). */
export function workshopCanOpen(workshopId: string): boolean {
  return privateBoardId(workshopId, newContributorKey()) !== null
}

function key(kind: InvitationKind, docId: string): string {
  return `${kind}:${docId}`
}

export class Invitations {
  private readonly byKey = new Map<string, Invitation>()
  private readonly wrongByAddress = new Map<string, number[]>()
  private wrongInAll: number[] = []

  constructor(
    private readonly tokens: TokenRegistry,
    /** Called with the grants of a closed invitation and why, so their connections can be closed saying so. */
    private readonly onClosed: (grants: Grant[], reason: string) => void,
  ) {}

  /** Opens the board to the network, or gives what is already open. */
  open(kind: InvitationKind, docId: string): OpenInvitation {
    const open = this.byKey.get(key(kind, docId))
    if (open) return { code: open.code, token: open.sharedToken }
    const sharedToken =
      kind === 'meeting'
        ? this.tokens.issue({ role: 'contributor', docId, withAgendaPlans: true })
        : this.tokens.issue({ role: 'viewer', docId, workshopRoom: true })
    const invitation: Invitation = { kind, docId, code: this.freshCode(), sharedToken }
    this.byKey.set(key(kind, docId), invitation)
    return { code: invitation.code, token: sharedToken }
  }

  /** How many boards are open to the network now. */
  openCount(): number {
    return this.byKey.size
  }

  isOpen(kind: InvitationKind, docId: string): boolean {
    return this.byKey.has(key(kind, docId))
  }

  /** Closes the board to the network: its code and tokens stop working and their connections close. */
  close(kind: InvitationKind, docId: string, why: 'closed' | 'ended' = 'closed'): boolean {
    if (!this.byKey.delete(key(kind, docId))) return false
    const revoked = this.tokens.revokeWhere(issuedBy(kind, docId))
    this.onClosed(revoked, CLOSED_BECAUSE[kind][why])
    return true
  }

  /**
   * What a code typed on a colleague's laptop or a resident's phone opens. A workshop code gives a
   * new contributor token each time (or the room's viewer token when `role` is 'viewer').
   */
  redeem(code: string, address: string, now: number, role: 'contributor' | 'viewer' = 'contributor'): Redeemed {
    this.forgetOldAttempts(now)
    const tries = this.wrongByAddress.get(address) ?? []
    if (tries.length >= WRONG_CODES_PER_ADDRESS || this.wrongInAll.length >= WRONG_CODES_IN_ALL) {
      return { ok: false, status: 429, error: 'Too many wrong codes. Wait a minute, then type the code from the shared screen again.' }
    }
    if (!new RegExp(`^\\d{${CODE_DIGITS}}$`).test(code)) {
      return { ok: false, status: 400, error: `A join code is ${CODE_DIGITS} digits, as shown on the shared screen.` }
    }
    const invitation = [...this.byKey.values()].find((open) => open.code === code)
    if (invitation?.kind === 'meeting') return { ok: true, kind: 'meeting', token: invitation.sharedToken, docId: invitation.docId }
    if (invitation?.kind === 'workshop') return this.joinWorkshop(invitation, role)
    this.wrongByAddress.set(address, [...tries, now])
    this.wrongInAll.push(now)
    // No hint of which boards exist: the same answer for a code never issued and one closed.
    return { ok: false, status: 404, error: 'That code does not open anything now. Check it on the shared screen; it may have been closed.' }
  }

  private joinWorkshop(invitation: Invitation, role: 'contributor' | 'viewer'): Redeemed {
    const docId = invitation.docId
    if (role === 'viewer') return { ok: true, kind: 'workshop', role, token: invitation.sharedToken, docId }
    const contributorKey = newContributorKey()
    // The workshop's id was checked to leave room for a private board's when the room opened.
    const privateBoard = privateBoardId(docId, contributorKey) ?? ''
    const token = this.tokens.issue({ role: 'contributor', docId, workshopRoom: true, privateBoard })
    return { ok: true, kind: 'workshop', role, token, docId, contributorKey, privateBoardId: privateBoard }
  }

  private forgetOldAttempts(now: number): void {
    const recent = (times: number[]) => times.filter((time) => now - time < WRONG_CODE_WINDOW_MS)
    this.wrongInAll = recent(this.wrongInAll)
    for (const [address, times] of this.wrongByAddress) {
      const kept = recent(times)
      if (kept.length === 0) this.wrongByAddress.delete(address)
      else this.wrongByAddress.set(address, kept)
    }
  }

  private freshCode(): string {
    const inUse = new Set([...this.byKey.values()].map((invitation) => invitation.code))
    for (;;) {
      const code = String(randomInt(0, 10 ** CODE_DIGITS)).padStart(CODE_DIGITS, '0')
      if (!inUse.has(code)) return code
    }
  }
}
