import { z } from 'zod'
import { isBoardKind, type BoardKind } from './boardKinds'
import { ACTION_STATUSES } from './plan/fields'

/**
 * What the hub's JSON API answers, as schemas. The hub builds these shapes; the renderer parses
 * every answer with them, so a bad or foreign answer becomes a clear message instead of a crash.
 */

export const documentSummarySchema = z.object({
  id: z.string(),
  kind: z.string(),
  title: z.string(),
  /** ISO 8601. */
  updatedAt: z.string(),
})

export type DocumentSummary = z.infer<typeof documentSummarySchema>

export const documentListSchema = z.object({ documents: z.array(documentSummarySchema) })

/** What the hub has stored of a board: its Yjs state vector and a Yjs snapshot (which also holds deletions), base64. */
export const storedStateAnswerSchema = z.object({ stateVector: z.string(), snapshot: z.string() })

export const apiErrorSchema = z.object({ error: z.string() })

/** A board as the home screen lists it: one of the kinds this app knows (shared/boardKinds.ts). */
export type BoardSummary = DocumentSummary & { kind: BoardKind }

/** Boards for the home screen: known kinds only, newest first (the hub already sorts; this makes it a rule). */
export function boardsForHome(documents: readonly DocumentSummary[]): BoardSummary[] {
  return documents
    .filter((document): document is BoardSummary => isBoardKind(document.kind))
    .sort((a, b) => (a.updatedAt < b.updatedAt ? 1 : a.updatedAt > b.updatedAt ? -1 : 0))
}

/** One action as the tracker lists it (shared/tracker.ts TrackedAction). */
export const trackedActionSchema = z.object({
  docId: z.string(),
  actionId: z.string(),
  planTitle: z.string(),
  goalText: z.string(),
  what: z.string(),
  ownerName: z.string(),
  ownerRelationship: z.string(),
  agency: z.string(),
  status: z.enum(ACTION_STATUSES),
  dueDate: z.string(),
  reviewDate: z.string(),
  overdue: z.boolean(),
})

export const trackerAnswerSchema = z.object({ today: z.string(), total: z.number(), actions: z.array(trackedActionSchema) })
export type TrackerAnswer = z.infer<typeof trackerAnswerSchema>

/**
 * A meeting's link (GET/POST /api/meetings/<id>/invitation): whether it is open to colleagues on the
 * network, its token and six-digit code when it is, and the addresses colleagues reach the hub at
 * (none when the hub listens only on its own computer).
 */
export const invitationAnswerSchema = z.object({
  open: z.boolean(),
  token: z.string().optional(),
  code: z.string().optional(),
  lanOrigins: z.array(z.string()),
  /** Whether opening it would reach colleagues: the hub listens on the network, or (the desktop app) opens to it on demand. */
  networkPossible: z.boolean(),
})
export type InvitationAnswer = z.infer<typeof invitationAnswerSchema>

/** What a meeting code is traded for (GET /api/join?code=): the meeting link's token and the meeting. */
export const joinAnswerSchema = z.object({ token: z.string(), docId: z.string() })
