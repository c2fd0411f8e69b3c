import type { IncomingMessage, ServerResponse } from 'node:http'
import { grantCoversIndex, type Grant } from '../../shared/access'
import { isValidDocId } from '../../shared/docId'
import { sendJson } from './http-respond'
import type { Invitations } from './invitations'

/**
 * The hub's meeting-link API:
 *   POST   /api/meetings/<id>/invitation   opens the meeting to the network: { open, token, code, lanOrigins }
 *   GET    /api/meetings/<id>/invitation   whether it is open, and its link: { open, token?, code?, lanOrigins }
 *   DELETE /api/meetings/<id>/invitation   closes it: the link and code stop, their connections close
 *   GET    /api/join?code=123456           (no token) a code from the shared screen, for the link: { token, docId }
 * Only the computer running the hub (its own full-access token) can open or close a meeting.
 * `lanOrigins` are the addresses colleagues' laptops reach the hub at (empty when it listens only on
 * this computer, where a link would be no use to anyone else); a meeting that has ended is not opened.
 */

export const INVITATION_PATH = /^\/api\/meetings\/([^/]+)\/invitation$/

export interface MeetingLinks {
  invitations: Invitations
  /** The kind of a stored board ('meeting', 'plan', …), or null if there is none with that id. */
  kindOf(docId: string): string | null
  /** Whether a stored meeting has been marked ended. */
  hasEnded(meetingId: string): boolean
  /** http://<address>:<port> for each network address the hub listens on (none when only on this computer). */
  lanOrigins(): string[]
  /** Runs before a meeting is opened: the desktop's hub opens its network listeners here (network.ts). */
  beforeOpening(): Promise<void>
  /** Whether opening a meeting can reach colleagues at all: listening on the network, or able to open to it. */
  networkPossible(): boolean
  now(): number
}

export async function handleInvitation(links: MeetingLinks, grant: Grant, request: IncomingMessage, response: ServerResponse, url: URL): Promise<void> {
  const meetingId = INVITATION_PATH.exec(url.pathname)?.[1] ?? ''
  if (!isValidDocId(meetingId)) {
    sendJson(request, response, 400, { error: 'A board id is 1 to 64 letters, digits, hyphens or underscores.' })
    return
  }
  if (!grantCoversIndex(grant)) {
    sendJson(request, response, 403, { error: 'Only the computer running Roundtable can open or close a meeting to the network.' })
    return
  }
  if (request.method === 'DELETE') {
    sendJson(request, response, 200, { closed: links.invitations.close(meetingId) })
    return
  }
  if (links.kindOf(meetingId) !== 'meeting') {
    sendJson(request, response, 404, { error: 'There is no meeting with that id on this hub.' })
    return
  }
  if (request.method === 'POST') {
    if (links.hasEnded(meetingId)) {
      sendJson(request, response, 409, { error: 'This meeting has ended, so it cannot be opened to the network. Open the next meeting instead.' })
      return
    }
    await links.beforeOpening()
    sendJson(request, response, 200, { open: true, ...links.invitations.open(meetingId), lanOrigins: links.lanOrigins(), networkPossible: links.networkPossible() })
    return
  }
  const lanOrigins = links.lanOrigins()
  const open = links.invitations.isOpen(meetingId)
  const networkPossible = links.networkPossible()
  sendJson(request, response, 200, open ? { open, ...links.invitations.open(meetingId), lanOrigins, networkPossible } : { open, lanOrigins, networkPossible })
}

export function handleJoin(links: MeetingLinks, request: IncomingMessage, response: ServerResponse, url: URL): void {
  const redeemed = links.invitations.redeem((url.searchParams.get('code') ?? '').trim(), request.socket.remoteAddress ?? 'unknown', links.now())
  if (!redeemed.ok) {
    sendJson(request, response, redeemed.status, { error: redeemed.error })
    return
  }
  sendJson(request, response, 200, { token: redeemed.token, docId: redeemed.docId })
}
