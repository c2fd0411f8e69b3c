import { readFile, stat } from 'node:fs/promises'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { extname, join, normalize, sep } from 'node:path'
import { grantCoversDocument, grantCoversIndex, type AgendaPlans } from '../../shared/access'
import { accessFor, refusalMessage } from './access'
import { handleJoin, handleInvitation, invitationPathKind, type MeetingLinks } from './http-invitations'
import { securityHeaders, sendJson } from './http-respond'

export { contentSecurityPolicy } from './http-respond'
import { isValidDocId } from '../../shared/docId'
import { isCalendarDay, localDay } from '../../shared/plan/dates'
import { ACTION_STATUSES, type ActionStatus } from '../../shared/plan/fields'
import type { TrackedAction, TrackerFilter } from '../../shared/tracker'
import { toBase64 } from '../../shared/stateVector'
import type { DocumentSummary, TokenChecker } from './types'

/** What the HTTP side needs from the rest of the hub. */
export interface HttpContext {
  tokens: TokenChecker
  staticDir?: string
  /**
   * Pages on other origins that may call the API (only the dev server under `npm run dev`; never a
   * wildcard). Everything else gets no CORS headers, so other sites' pages cannot read answers.
   */
  crossOriginPages: ReadonlySet<string>
  version: string
  listDocuments(): DocumentSummary[]
  storedState(docId: string): { stateVector: Uint8Array; snapshot: Uint8Array }
  trackedActions(filter: TrackerFilter, today: string, limit: number): { actions: TrackedAction[]; total: number }
  agendaPlans: AgendaPlans
  meetingLinks: MeetingLinks
}

/** The most actions one tracker answer carries; `total` says how many matched. */
export const MAX_TRACKER_ROWS = 5000
/** What the tracker opens with: a first screen's worth, overdue first; filters narrow the rest. */
export const DEFAULT_TRACKER_ROWS = 500
const MAX_FILTER_TEXT = 200

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
}

/** Tokens come as `?token=` (what y-websocket's `params` sends) or as `Authorization: Bearer`. */
export function tokenFrom(request: IncomingMessage, url: URL): string | null {
  const fromQuery = url.searchParams.get('token')
  if (fromQuery) return fromQuery
  const header = request.headers.authorization
  return header?.startsWith('Bearer ') ? header.slice('Bearer '.length) : null
}

const UNAUTHORISED = {
  error: 'This link’s access code is missing or wrong. Ask whoever runs Roundtable for a new link.',
}

export async function handleHttp(context: HttpContext, request: IncomingMessage, response: ServerResponse): Promise<void> {
  const url = new URL(request.url ?? '/', 'http://hub.invalid')
  const pageOrigin = request.headers.origin
  const isApi = url.pathname === '/api' || url.pathname.startsWith('/api/')
  if (isApi && pageOrigin && context.crossOriginPages.has(pageOrigin)) {
    response.setHeader('Access-Control-Allow-Origin', pageOrigin)
    response.setHeader('Vary', 'Origin')
    if (request.method === 'OPTIONS') {
      response.writeHead(204, {
        'Access-Control-Allow-Methods': 'GET, POST, DELETE',
        'Access-Control-Allow-Headers': 'Authorization',
        'Access-Control-Max-Age': '600',
      })
      response.end()
      return
    }
  }
  const changesSomething = (request.method === 'POST' || request.method === 'DELETE') && invitationPathKind(url.pathname) !== null
  if (request.method !== 'GET' && request.method !== 'HEAD' && !changesSomething) {
    sendJson(request, response, 405, { error: 'Only GET is supported here.' })
    return
  }
  if (url.pathname === '/healthz') {
    sendJson(request, response, 200, { ok: true, name: 'roundtable', version: context.version })
    return
  }
  if (isApi) {
    await handleApi(context, request, response, url)
    return
  }
  await serveStatic(context, request, response, url)
}

async function handleApi(context: HttpContext, request: IncomingMessage, response: ServerResponse, url: URL): Promise<void> {
  // The one address reached with no token: it trades a meeting or workshop code for a scoped token.
  if (url.pathname === '/api/join') {
    handleJoin(context.meetingLinks, request, response, url)
    return
  }
  const access = accessFor(context.tokens, tokenFrom(request, url), request.socket.remoteAddress)
  if ('refused' in access) {
    sendJson(request, response, 401, access.refused === 'not-from-network' ? { error: refusalMessage(access.refused) } : UNAUTHORISED)
    return
  }
  const grant = access.grant
  if (url.pathname === '/api/docs') {
    if (!grantCoversIndex(grant)) {
      sendJson(request, response, 403, { error: 'This access code opens one board only, not the list of boards.' })
      return
    }
    sendJson(request, response, 200, { documents: context.listDocuments() })
    return
  }
  if (url.pathname === '/api/tracker') {
    if (!grantCoversIndex(grant)) {
      sendJson(request, response, 403, { error: 'This access code opens one board only, not the action tracker.' })
      return
    }
    const read = readTrackerQuery(url.searchParams)
    if ('error' in read) {
      sendJson(request, response, 400, { error: read.error })
      return
    }
    sendJson(request, response, 200, { today: read.today, ...context.trackedActions(read.filter, read.today, read.limit) })
    return
  }
  if (invitationPathKind(url.pathname)) {
    await handleInvitation(context.meetingLinks, grant, request, response, url)
    return
  }
  const match = /^\/api\/docs\/([^/]+)\/state-vector$/.exec(url.pathname)
  if (match) {
    const docId = match[1]
    if (!isValidDocId(docId)) {
      sendJson(request, response, 400, { error: 'A board id is 1 to 64 letters, digits, hyphens or underscores.' })
      return
    }
    if (!grantCoversDocument(grant, docId, context.agendaPlans)) {
      const error = grant.withAgendaPlans
        ? 'This meeting link opens the meeting and the plans on its agenda, and this board is not on the agenda now. Ask the facilitator if it should be.'
        : grant.workshopRoom
          ? 'This join code opens the workshop and your own notes only.'
          : 'This access code does not open that board.'
      sendJson(request, response, 403, { error })
      return
    }
    const stored = context.storedState(docId)
    sendJson(request, response, 200, { stateVector: toBase64(stored.stateVector), snapshot: toBase64(stored.snapshot) })
    return
  }
  sendJson(request, response, 404, { error: 'There is nothing at this address.' })
}

/**
 * The tracker's filters from the query string: owner, agency, person (parts of names), status,
 * dueBy and today (YYYY-MM-DD; today defaults to the hub's own day), overdue=1, limit.
 */
export function readTrackerQuery(params: URLSearchParams): { filter: TrackerFilter; today: string; limit: number } | { error: string } {
  const filter: TrackerFilter = {}
  for (const key of ['owner', 'agency', 'person'] as const) {
    const value = params.get(key)
    if (value === null || value.trim() === '') continue
    if (value.length > MAX_FILTER_TEXT) return { error: `The ${key} filter can be up to ${MAX_FILTER_TEXT} characters.` }
    filter[key] = value
  }
  const status = params.get('status')
  if (status) {
    if (!(ACTION_STATUSES as readonly string[]).includes(status)) return { error: `Status is one of ${ACTION_STATUSES.join(', ')}.` }
    filter.status = status as ActionStatus
  }
  const dueBy = params.get('dueBy')
  if (dueBy) {
    if (!isCalendarDay(dueBy)) return { error: 'dueBy is a date written YYYY-MM-DD, for example 2027-03-03.' }
    filter.dueBy = dueBy
  }
  if (params.get('overdue') === '1') filter.overdueOnly = true
  const today = params.get('today') ?? localDay(new Date())
  if (!isCalendarDay(today)) return { error: 'today is a date written YYYY-MM-DD, for example 2027-03-03.' }
  const limitText = params.get('limit')
  const limit = limitText === null ? DEFAULT_TRACKER_ROWS : Number(limitText)
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_TRACKER_ROWS) return { error: `limit is a whole number from 1 to ${MAX_TRACKER_ROWS}.` }
  return { filter, today, limit }
}

/** Resolves a URL path inside `root`, or null if it would escape it. */
export function resolveInside(root: string, pathname: string): string | null {
  let decoded: string
  try {
    decoded = decodeURIComponent(pathname)
  } catch {
    return null
  }
  if (decoded.includes('\0')) return null
  const full = normalize(join(root, decoded))
  const rootWithSep = root.endsWith(sep) ? root : root + sep
  return full === root || full.startsWith(rootWithSep) ? full : null
}

async function serveStatic(context: HttpContext, request: IncomingMessage, response: ServerResponse, url: URL): Promise<void> {
  const headers = securityHeaders(request)
  if (!context.staticDir) {
    response.writeHead(404, { ...headers, 'Content-Type': 'text/plain; charset=utf-8' })
    response.end('This hub serves no pages. Open Roundtable itself, or start it with npm run serve.')
    return
  }
  let file = resolveInside(context.staticDir, url.pathname)
  if (!file) {
    response.writeHead(400, { ...headers, 'Content-Type': 'text/plain; charset=utf-8' })
    response.end('Bad path.')
    return
  }
  const info = await stat(file).catch(() => null)
  if (info?.isDirectory()) file = join(file, 'index.html')
  const body = await readFile(file).catch(() => null)
  if (!body) {
    response.writeHead(404, { ...headers, 'Content-Type': 'text/plain; charset=utf-8' })
    response.end('Not found.')
    return
  }
  const type = CONTENT_TYPES[extname(file)] ?? 'application/octet-stream'
  // Built assets carry a content hash in their names, so they can be cached; index.html must not be.
  const cache = file.includes(`${sep}assets${sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache'
  response.writeHead(200, { ...headers, 'Content-Type': type, 'Cache-Control': cache, 'Content-Length': body.length })
  response.end(request.method === 'HEAD' ? undefined : body)
}
