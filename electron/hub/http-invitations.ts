import type { IncomingMessage, ServerResponse } from 'node:http'
import { grantCoversIndex, type Grant } from '../../shared/access'
import { isValidDocId } from '../../shared/docId'
import { sendJson } from './http-respond'
import { workshopCanOpen, type InvitationKind, type Invitations } from './invitations'

/**
 * The hub's API for opening a board to the local network (electron/hub/invitations.ts):
 *   POST   /api/meetings/<id>/invitation   opens a meeting: { open, token, code, lanOrigins, networkPossible }
 *   GET    /api/meetings/<id>/invitation   whether it is open, and its link: { open, token?, code?, lanOrigins, networkPossible }
 *   DELETE /api/meetings/<id>/invitation   closes it: the link and code stop, their connections close
 *   POST   /api/workshops/<id>/room        opens a workshop room: { open, code, viewerToken, lanOrigins, networkPossible }
 *   GET    /api/workshops/<id>/room        whether it is open: { open, code?, viewerToken?, lanOrigins, networkPossible }
 *   DELETE /api/workshops/<id>/room        closes it: the code and every phone's token stop, their connections close
 *   GET    /api/join?code=123456           (no token) a code from the shared screen:
 *            a meeting's  { token, docId }
 *            a workshop's { kind: 'workshop', role: 'contributor', token, docId, contributorKey, privateBoardId },
 *            a new token for each phone; with &role=viewer, the projector's { kind, role: 'viewer', token, docId }
 * Only the computer running the hub (its own full-access token) can open or close a board.
 * `lanOrigins` are the addresses other devices reach the hub at (empty when it listens only on
 * this computer, where a link would be no use to anyone else); an ended meeting or workshop is not opened.
 */

export const INVITATION_PATH = /^\/api\/meetings\/([^/]+)\/invitation$/
export const WORKSHOP_ROOM_PATH = /^\/api\/workshops\/([^/]+)\/room$/

export interface MeetingLinks {
  invitations: Invitations
  /** The kind of a stored board ('meeting', 'plan', …), or null if there is none with that id. */
  kindOf(docId: string): string | null
  /** Whether a stored meeting or workshop has been marked ended. */
  hasEnded(kind: InvitationKind, docId: string): boolean
  /** http://<address>:<port> for each network address the hub listens on (none when only on this computer). */
  lanOrigins(): string[]
  /** Runs before a board is opened: the desktop's hub opens its network listeners here (network.ts). */
  beforeOpening(): Promise<void>
  /** Whether opening a board can reach other devices at all: listening on the network, or able to open to it. */
  networkPossible(): boolean
  now(): number
}

/** Which kind of board an address opens to the network, or null for any other address. */
export function invitationPathKind(pathname: string): InvitationKind | null {
  if (INVITATION_PATH.test(pathname)) return 'meeting'
  if (WORKSHOP_ROOM_PATH.test(pathname)) return 'workshop'
  return null
}

const ENDED: Record<InvitationKind, string> = {
  meeting: 'This meeting has ended, so it cannot be opened to the network. Open the next meeting instead.',
  workshop: 'This workshop has ended, so it cannot be opened to the network. Its action plan stays on this computer.',
}

export async function handleInvitation(links: MeetingLinks, grant: Grant, request: IncomingMessage, response: ServerResponse, url: URL): Promise<void> {
  const kind = invitationPathKind(url.pathname)
  if (!kind) return
  const docId = (kind === 'meeting' ? INVITATION_PATH : WORKSHOP_ROOM_PATH).exec(url.pathname)?.[1] ?? ''
  if (!isValidDocId(docId)) {
    sendJson(request, response, 400, { error: 'A board id is 1 to 64 letters, digits, hyphens or underscores.' })
    return
  }
  if (!grantCoversIndex(grant)) {
    sendJson(request, response, 403, { error: `Only the computer running Roundtable can open or close a ${kind} to the network.` })
    return
  }
  const { invitations } = links
  if (request.method === 'DELETE') {
    sendJson(request, response, 200, { closed: invitations.close(kind, docId) })
    return
  }
  if (links.kindOf(docId) !== kind) {
    sendJson(request, response, 404, { error: `There is no ${kind} with that id on this hub.` })
    return
  }
  const shown = () => {
    const { code, token } = invitations.open(kind, docId)
    return kind === 'meeting' ? { code, token } : { code, viewerToken: token }
  }
  if (request.method === 'POST') {
    if (links.hasEnded(kind, docId)) {
      sendJson(request, response, 409, { error: ENDED[kind] })
      return
    }
    if (kind === 'workshop' && !workshopCanOpen(docId)) {
      sendJson(request, response, 409, { error: 'This workshop’s id is too long to give each phone its own notes. Make a new workshop to open it to the network.' })
      return
    }
    await links.beforeOpening()
    sendJson(request, response, 200, { open: true, ...shown(), lanOrigins: links.lanOrigins(), networkPossible: links.networkPossible() })
    return
  }
  const lanOrigins = links.lanOrigins()
  const open = invitations.isOpen(kind, docId)
  const networkPossible = links.networkPossible()
  sendJson(request, response, 200, open ? { open, ...shown(), lanOrigins, networkPossible } : { open, lanOrigins, networkPossible })
}

export function handleJoin(links: MeetingLinks, request: IncomingMessage, response: ServerResponse, url: URL): void {
  const role = url.searchParams.get('role') === 'viewer' ? 'viewer' : 'contributor'
  const redeemed = links.invitations.redeem((url.searchParams.get('code') ?? '').trim(), request.socket.remoteAddress ?? 'unknown', links.now(), role)
  if (!redeemed.ok) {
    sendJson(request, response, redeemed.status, { error: redeemed.error })
    return
  }
  if (redeemed.kind === 'meeting') {
    sendJson(request, response, 200, { token: redeemed.token, docId: redeemed.docId })
    return
  }
  const { ok: _ok, ...workshop } = redeemed
  sendJson(request, response, 200, workshop)
}
