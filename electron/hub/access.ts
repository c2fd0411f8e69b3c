import type { Grant } from '../../shared/access'
import type { TokenChecker } from './types'

/**
 * Who is asking, from where: a token's grant, refused when a loopback-only token (the app's own
 * full-access one) arrives from another computer. Every WebSocket and API request goes through here.
 */

/** Addresses of this computer as a socket reports them (IPv4, IPv6, and IPv4 mapped into IPv6). */
export function isLoopbackAddress(address: string | undefined): boolean {
  if (!address) return false
  return address === '::1' || /^(::ffff:)?127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(address)
}

export type Access = { grant: Grant } | { refused: 'no-token' | 'unknown-token' | 'not-from-network' }

export function accessFor(tokens: TokenChecker, token: string | null, remoteAddress: string | undefined): Access {
  if (!token) return { refused: 'no-token' }
  const grant = tokens.check(token)
  if (!grant) return { refused: 'unknown-token' }
  if (grant.loopbackOnly && !isLoopbackAddress(remoteAddress)) return { refused: 'not-from-network' }
  return { grant }
}

/** What a refused request is told: what went wrong and what to do. */
export function refusalMessage(refused: Extract<Access, { refused: string }>['refused']): string {
  if (refused === 'not-from-network') {
    return 'This access code works only on the computer running Roundtable. From another device, use the meeting or workshop link the facilitator shares.'
  }
  return 'This link’s access code is missing or wrong. Ask whoever runs Roundtable for a new link.'
}
