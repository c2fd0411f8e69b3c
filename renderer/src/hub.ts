import * as Y from 'yjs'
import {
  apiErrorSchema,
  documentListSchema,
  invitationAnswerSchema,
  joinAnswerSchema,
  storedStateAnswerSchema,
  trackerAnswerSchema,
  type DocumentSummary,
  type InvitationAnswer,
  type TrackerAnswer,
} from '../../shared/api'
import type { TrackerFilter } from '../../shared/tracker'
import { fromBase64 } from '../../shared/stateVector'

/**
 * Where this page's hub is and the access code for it. The page always talks to the hub it was
 * loaded from; only under `npm run dev` (page from Vite's dev server) does `?hub=` name it.
 */
export interface HubAddress {
  httpOrigin: string
  /** ws://host:port/sync, the base y-websocket appends the board id to. */
  syncUrl: string
  token: string
}

/** This tab's copy of the access code (sessionStorage: gone when the tab closes, never shared with other tabs). */
const TOKEN_KEY = 'roundtable-access-code'

/**
 * The hub this page was opened for. The access code arrives as `?token=` in the link; it is kept
 * for this tab and taken out of the address bar, so it is not on show on a shared screen (or in a
 * photo of it) and a reload still finds it. Where the tab cannot store it, it stays in the address.
 */
export function openHubAddress(): HubAddress | null {
  const url = new URL(window.location.href)
  const fromLink = url.searchParams.get('token')
  if (fromLink && keepForThisTab(fromLink)) {
    url.searchParams.delete('token')
    window.history.replaceState(window.history.state, '', url.href)
  }
  const token = fromLink ?? storedToken()
  // A link with its own access code replaces whatever meeting code this tab was joined with.
  if (fromLink) forgetInThisTab(JOINED_MEETING_KEY)
  return token ? hubAddressFrom(url, token) : null
}

/**
 * Trades the six-digit code from a meeting's shared screen for that meeting's link, on the hub this
 * page came from (no access code needed), and keeps the link's access code for this tab as an opened
 * link's would be. Throws HubError with the hub's own words (wrong code, closed, too many tries).
 */
export async function joinMeetingWithCode(code: string): Promise<{ hub: HubAddress; meetingId: string }> {
  const url = new URL(window.location.href)
  const parsed = joinAnswerSchema.safeParse(await getJson(hubAddressFrom(url, ''), `/api/join?code=${encodeURIComponent(code)}`))
  if (!parsed.success) throw new HubError('The hub sent an answer this version cannot read.', 200)
  keepForThisTab(parsed.data.token)
  try {
    sessionStorage.setItem(JOINED_MEETING_KEY, parsed.data.docId)
  } catch {
    // Without storage the tab still works; Home then cannot point back to the meeting.
  }
  return { hub: hubAddressFrom(url, parsed.data.token), meetingId: parsed.data.docId }
}

/** The meeting this tab joined with a meeting code: its access opens that meeting and its agenda's plans only. */
export function joinedMeetingId(): string | null {
  try {
    return sessionStorage.getItem(JOINED_MEETING_KEY)
  } catch {
    return null
  }
}

function forgetInThisTab(key: string): void {
  try {
    sessionStorage.removeItem(key)
  } catch {
    // Nothing kept, nothing to forget.
  }
}

/** A meeting's link to colleagues on the network: whether it is open, and how they reach it. */
export async function fetchInvitation(hub: HubAddress, meetingId: string, change?: 'open' | 'close'): Promise<InvitationAnswer> {
  const path = `/api/meetings/${encodeURIComponent(meetingId)}/invitation`
  if (change === 'close') await getJson(hub, path, undefined, 'DELETE')
  const parsed = invitationAnswerSchema.safeParse(await getJson(hub, path, undefined, change === 'open' ? 'POST' : 'GET'))
  if (!parsed.success) throw new HubError('The hub sent an answer this version cannot read.', 200)
  return parsed.data
}

/** This tab's note of the one meeting its access code was given for (by the meeting code), if any. */
const JOINED_MEETING_KEY = 'roundtable-joined-meeting'

function keepForThisTab(token: string): boolean {
  try {
    sessionStorage.setItem(TOKEN_KEY, token)
    return sessionStorage.getItem(TOKEN_KEY) === token
  } catch {
    return false
  }
}

function storedToken(): string | null {
  try {
    return sessionStorage.getItem(TOKEN_KEY)
  } catch {
    return null
  }
}

export function hubAddressFrom(url: URL, token: string): HubAddress {
  let origin = url.origin
  const named = url.searchParams.get('hub')
  if (named) {
    const hub = new URL(named)
    if (hub.protocol === 'http:' || hub.protocol === 'https:') origin = hub.origin
  }
  const syncUrl = `${origin.replace(/^http/, 'ws')}/sync`
  return { httpOrigin: origin, syncUrl, token }
}

/** A failed call to the hub, with words a person can act on. `status` is 0 when the hub could not be reached. */
export class HubError extends Error {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message)
    this.name = 'HubError'
  }
}

async function getJson(hub: HubAddress, path: string, signal?: AbortSignal, method: 'GET' | 'POST' | 'DELETE' = 'GET'): Promise<unknown> {
  let response: Response
  try {
    response = await fetch(`${hub.httpOrigin}${path}`, {
      method,
      // The join call has no token yet: it is how a colleague gets one.
      headers: hub.token ? { Authorization: `Bearer ${hub.token}` } : {},
      cache: 'no-store',
      signal,
    })
  } catch (error) {
    if ((error as Error).name === 'AbortError') throw error
    throw new HubError('Roundtable’s hub cannot be reached. Check it is still running, then try again.', 0)
  }
  const body: unknown = await response.json().catch(() => null)
  if (!response.ok) {
    const parsed = apiErrorSchema.safeParse(body)
    throw new HubError(parsed.success ? parsed.data.error : `The hub answered ${response.status}. Try again.`, response.status)
  }
  return body
}

export async function fetchDocuments(hub: HubAddress, signal?: AbortSignal): Promise<DocumentSummary[]> {
  const parsed = documentListSchema.safeParse(await getJson(hub, '/api/docs', signal))
  if (!parsed.success) throw new HubError('The hub sent a list of boards this version cannot read.', 200)
  return parsed.data.documents
}

/** Every action on every plan that passes `filter`, overdue first, from the hub's read model. */
export async function fetchTracker(hub: HubAddress, filter: TrackerFilter, today: string, signal?: AbortSignal): Promise<TrackerAnswer> {
  const query = new URLSearchParams({ today })
  for (const key of ['owner', 'agency', 'person', 'status', 'dueBy'] as const) {
    const value = filter[key]
    if (value) query.set(key, value)
  }
  if (filter.overdueOnly) query.set('overdue', '1')
  const parsed = trackerAnswerSchema.safeParse(await getJson(hub, `/api/tracker?${query}`, signal))
  if (!parsed.success) throw new HubError('The hub sent an action list this version cannot read.', 200)
  return parsed.data
}

/** What the hub has stored of one board, deletions included, as a Yjs snapshot. */
export async function fetchStoredSnapshot(hub: HubAddress, docId: string): Promise<Y.Snapshot> {
  const parsed = storedStateAnswerSchema.safeParse(await getJson(hub, `/api/docs/${encodeURIComponent(docId)}/state-vector`))
  if (!parsed.success) throw new HubError('The hub sent an answer this version cannot read.', 200)
  try {
    return Y.decodeSnapshot(fromBase64(parsed.data.snapshot))
  } catch {
    throw new HubError('The hub sent an answer this version cannot read.', 200)
  }
}
