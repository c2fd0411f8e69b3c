import { randomInt } from 'node:crypto'
import type { Grant } from '../../shared/access'
import type { TokenRegistry } from './tokens'

/**
 * Meeting links: the facilitator opens a meeting to colleagues on the same network, and gets a
 * token scoped to that meeting and the plans on its agenda (shared/access.ts), plus a six-digit
 * code that is easier to read off a shared screen. Both stop working when the facilitator closes
 * the meeting to the network, when the meeting ends, or when the hub stops (they live only in
 * memory). Wrong codes are rate-limited per address and in all, so a code cannot be guessed.
 */

export const CODE_DIGITS = 6
/** Wrong codes one address may try in a window, and all addresses together. */
export const WRONG_CODES_PER_ADDRESS = 10
export const WRONG_CODES_IN_ALL = 100
export const WRONG_CODE_WINDOW_MS = 60_000

/** What a colleague's open connection is told when the link stops (the WebSocket close reason). */
export const CLOSED_BECAUSE = {
  closed: 'The facilitator closed this meeting to the network, so its link no longer works',
  ended: 'The meeting has ended, so its link no longer works',
} as const

interface Invitation {
  meetingId: string
  token: string
  code: string
}

export type Redeemed = { ok: true; token: string; docId: string } | { ok: false; status: 400 | 404 | 429; error: string }

export class Invitations {
  private readonly byMeeting = new Map<string, Invitation>()
  private readonly wrongByAddress = new Map<string, number[]>()
  private wrongInAll: number[] = []

  constructor(
    private readonly tokens: TokenRegistry,
    /** Called with the grants of a closed invitation and why, so their connections can be closed saying so. */
    private readonly onClosed: (grants: Grant[], reason: string) => void,
  ) {}

  /** Opens the meeting to the network, or gives the link already open. */
  open(meetingId: string): { token: string; code: string } {
    const open = this.byMeeting.get(meetingId)
    if (open) return { token: open.token, code: open.code }
    const token = this.tokens.issue({ role: 'contributor', docId: meetingId, withAgendaPlans: true })
    const invitation = { meetingId, token, code: this.freshCode() }
    this.byMeeting.set(meetingId, invitation)
    return { token, code: invitation.code }
  }

  /** How many meetings are open to the network now. */
  openCount(): number {
    return this.byMeeting.size
  }

  isOpen(meetingId: string): boolean {
    return this.byMeeting.has(meetingId)
  }

  /** Closes the meeting to the network: its link and code stop working and its connections close. */
  close(meetingId: string, why: 'closed' | 'ended' = 'closed'): boolean {
    const invitation = this.byMeeting.get(meetingId)
    if (!invitation) return false
    this.byMeeting.delete(meetingId)
    const revoked = this.tokens.revokeWhere((grant) => grant.withAgendaPlans === true && grant.docId === meetingId)
    this.onClosed(revoked, CLOSED_BECAUSE[why])
    return true
  }

  /** The meeting link's token for a code typed on a colleague's laptop. */
  redeem(code: string, address: string, now: number): Redeemed {
    this.forgetOldAttempts(now)
    const tries = this.wrongByAddress.get(address) ?? []
    if (tries.length >= WRONG_CODES_PER_ADDRESS || this.wrongInAll.length >= WRONG_CODES_IN_ALL) {
      return { ok: false, status: 429, error: 'Too many wrong codes. Wait a minute, then type the code from the shared screen again.' }
    }
    if (!new RegExp(`^\\d{${CODE_DIGITS}}$`).test(code)) {
      return { ok: false, status: 400, error: `A meeting code is ${CODE_DIGITS} digits, as shown on the shared screen.` }
    }
    for (const invitation of this.byMeeting.values()) {
      if (invitation.code === code) return { ok: true, token: invitation.token, docId: invitation.meetingId }
    }
    this.wrongByAddress.set(address, [...tries, now])
    this.wrongInAll.push(now)
    // No hint of which meetings exist: the same answer for a code never issued and one closed.
    return { ok: false, status: 404, error: 'That code does not open a meeting now. Check it on the shared screen; the meeting may have been closed.' }
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
    const inUse = new Set([...this.byMeeting.values()].map((invitation) => invitation.code))
    for (;;) {
      const code = String(randomInt(0, 10 ** CODE_DIGITS)).padStart(CODE_DIGITS, '0')
      if (!inUse.has(code)) return code
    }
  }
}
