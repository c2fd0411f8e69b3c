/**
 * The action tracker as a client sees it: `GET /api/tracker` on the real hub with the full-access
 * token, and, for comparison, the way the issue rules out: opening every plan's Y.Doc over
 * y-websocket and reading its actions in the client.
 */
import { matchesFilter, trackerOrder, trackerRowsForPlan, type TrackedAction, type TrackerFilter, type TrackerRow } from '../shared/tracker'
import { connectionMilestones, connectPlanClient } from './plan-client'
import { BENCH_TOKEN } from './server-ipc'
import type { ServerProcess } from './servers'

export interface TrackerAnswer {
  actions: TrackedAction[]
  total: number
  /** Bytes of JSON the hub sent. */
  bytes: number
  ms: number
}

/** The query string the tracker screen would send for `filter` (see readTrackerQuery in electron/hub/http.ts). */
export function trackerQuery(filter: TrackerFilter, today: string): string {
  const params = new URLSearchParams({ today })
  for (const key of ['owner', 'agency', 'person', 'status', 'dueBy'] as const) {
    const value = filter[key]
    if (value) params.set(key, value)
  }
  if (filter.overdueOnly) params.set('overdue', '1')
  return params.toString()
}

/** One tracker request, timed from sending it to the answer parsed. */
export async function askTracker(hub: ServerProcess, filter: TrackerFilter, today: string): Promise<TrackerAnswer> {
  const started = performance.now()
  const response = await fetch(`${hub.httpUrl}/api/tracker?${trackerQuery(filter, today)}`, {
    headers: { Authorization: `Bearer ${BENCH_TOKEN}` },
  })
  const text = await response.text()
  if (!response.ok) throw new Error(`the tracker answered ${response.status}: ${text}`)
  const body = JSON.parse(text) as { actions: TrackedAction[]; total: number }
  return { actions: body.actions, total: body.total, bytes: Buffer.byteLength(text), ms: performance.now() - started }
}

const READER = { name: 'Benchmark coordinator', colour: '#007f3b' }

/** Opens one plan over y-websocket, reads its tracker rows from the synced Y.Doc, and closes it. */
async function rowsFromOpenedPlan(hub: ServerProcess, docId: string, timeoutMs: number): Promise<TrackerRow[]> {
  const client = connectPlanClient(hub, docId, READER)
  try {
    await connectionMilestones(client.provider, timeoutMs).synced
    return trackerRowsForPlan(docId, client.doc)
  } finally {
    client.destroy()
  }
}

/**
 * The naive tracker: every plan opened in the client (`concurrency` at a time, as a browser would
 * keep a few sockets busy), its actions read with the same function the hub uses, then filtered and
 * sorted as the hub does. Gives the rows it would show and how many matched.
 */
export async function openEveryPlan(
  hub: ServerProcess,
  planIds: readonly string[],
  filter: TrackerFilter,
  today: string,
  limit: number,
  concurrency: number,
  timeoutMs: number,
): Promise<{ rows: TrackerRow[]; total: number; ms: number }> {
  const started = performance.now()
  const all: TrackerRow[] = []
  let next = 0
  const worker = async (): Promise<void> => {
    while (next < planIds.length) {
      const docId = planIds[next++]
      all.push(...(await rowsFromOpenedPlan(hub, docId, timeoutMs)))
    }
  }
  await Promise.all(Array.from({ length: Math.min(concurrency, planIds.length) }, worker))
  const matching = all.filter((row) => matchesFilter(row, filter, today)).sort(trackerOrder(today))
  return { rows: matching.slice(0, limit), total: matching.length, ms: performance.now() - started }
}
