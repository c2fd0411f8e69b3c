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
  /**
   * Accepted only from the computer running the hub: the app's own full-access token, which must
   * never work from the network even when the hub listens on it (for phones and colleagues' laptops).
   */
  loopbackOnly?: boolean
  /**
   * A meeting link: besides the meeting itself it covers the plans on that meeting's agenda, as the
   * agenda stands at each check, so a plan taken off the agenda is closed to it at once.
   */
  withAgendaPlans?: boolean
  /**
   * A workshop room's grant (a contributor's phone, or the projector): closing the room or ending
   * the workshop revokes it (electron/hub/invitations.ts).
   */
  workshopRoom?: boolean
  /**
   * A workshop contributor's own private board, where their unrevealed notes live
   * (shared/workshop/privateWriting.ts): the one board it covers besides the workshop. Never
   * another contributor's, so hidden notes never reach anyone else's connection.
   */
  privateBoard?: string
}

/** The plans on a meeting's agenda now, as the hub reads them from the meeting's document. */
export type AgendaPlans = (meetingId: string) => ReadonlySet<string>

export function grantCoversDocument(grant: Grant, docId: string, agendaPlans?: AgendaPlans): boolean {
  if (grant.docId === ANY_DOCUMENT || grant.docId === docId) return true
  if (grant.privateBoard !== undefined && grant.privateBoard === docId) return true
  return grant.withAgendaPlans === true && agendaPlans !== undefined && agendaPlans(grant.docId).has(docId)
}

/** Listing every board on the hub is only for tokens that are not scoped to one document. */
export function grantCoversIndex(grant: Grant): boolean {
  return grant.docId === ANY_DOCUMENT
}

export function roleCanEdit(role: Role): boolean {
  return role === 'facilitator' || role === 'contributor'
}

/**
 * The WebSocket close code for "this connection's access has ended" (a meeting link closed, a plan
 * taken off the agenda): private use (4000-4999). The hub sends it with the reason in words; a
 * window that gets it says so and stops reconnecting.
 */
export const ACCESS_ENDED_CLOSE_CODE = 4403
