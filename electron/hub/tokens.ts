import { createHash, randomBytes } from 'node:crypto'
import { ANY_DOCUMENT, type Grant } from '../../shared/access'
import type { TokenChecker } from './types'

/** A fresh token: 32 random bytes, URL-safe. */
export function generateToken(): string {
  return randomBytes(32).toString('base64url')
}

function digest(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex')
}

/**
 * The tokens this hub accepts and what each grants. Tokens are kept only as SHA-256 digests and
 * looked up by digest, so a lookup's timing says nothing useful about a real token.
 */
export class TokenRegistry implements TokenChecker {
  private readonly grants = new Map<string, Grant>()

  /**
   * A registry where `token` may do everything on every document: the desktop app's own token (and
   * `npm run serve`'s), accepted only from this computer (electron/hub/access.ts).
   */
  static withAdminToken(token: string): TokenRegistry {
    const registry = new TokenRegistry()
    registry.add(token, { role: 'facilitator', docId: ANY_DOCUMENT, loopbackOnly: true })
    return registry
  }

  add(token: string, grant: Grant): void {
    if (token.length < 16) throw new Error('A token must be at least 16 characters long.')
    // Frozen, and the same object every check returns: connections are closed by the grant they hold.
    this.grants.set(digest(token), Object.freeze({ ...grant }))
  }

  /** Issues a new token for one grant, for example a resident's contributor access to one workshop. */
  issue(grant: Grant): string {
    const token = generateToken()
    this.add(token, grant)
    return token
  }

  revoke(token: string): void {
    this.grants.delete(digest(token))
  }

  /** Revokes every token whose grant matches, and gives the grants revoked (their connections must close). */
  revokeWhere(matches: (grant: Grant) => boolean): Grant[] {
    const revoked: Grant[] = []
    for (const [key, grant] of this.grants) {
      if (!matches(grant)) continue
      this.grants.delete(key)
      revoked.push(grant)
    }
    return revoked
  }

  check(token: string | null): Grant | null {
    if (!token) return null
    return this.grants.get(digest(token)) ?? null
  }
}
