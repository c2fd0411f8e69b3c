/**
 * Who may do what with a document. A token grants one role, either on every document ('*')
 * or on exactly one (a resident joining one workshop from a phone).
 */
export type Role = 'facilitator' | 'contributor' | 'viewer'

export const ANY_DOCUMENT = '*'

export interface Grant {
  role: Role
  /** The one document this grant covers, or ANY_DOCUMENT. */
  docId: string
}

export function grantCoversDocument(grant: Grant, docId: string): boolean {
  return grant.docId === ANY_DOCUMENT || grant.docId === docId
}

/** Listing every board on the hub is only for tokens that are not scoped to one document. */
export function grantCoversIndex(grant: Grant): boolean {
  return grant.docId === ANY_DOCUMENT
}

export function roleCanEdit(role: Role): boolean {
  return role === 'facilitator' || role === 'contributor'
}
