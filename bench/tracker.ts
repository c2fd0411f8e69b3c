/**
 * The action tracker benchmark: many plans written into a store, the hub's read model rebuilt from
 * them (the start-up catch-up), then the real hub in its own process answering `GET /api/tracker`
 * unfiltered and with one filter, a connected client changing one action's status and the API
 * polled until it shows it, the rewrite of one plan's rows timed on its own, and, in the same run,
 * the naive tracker that opens every plan's Y.Doc.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import * as Y from 'yjs'
import { DEFAULT_TRACKER_ROWS, MAX_TRACKER_ROWS } from '../electron/hub/http'
import { applyStoredUpdates } from '../electron/hub/room'
import { DocumentStore } from '../electron/hub/store'
import { TrackerModel } from '../electron/hub/tracker'
import { updateEntry } from '../shared/plan/entries'
import { localDay } from '../shared/plan/dates'
import type { ActionStatus } from '../shared/plan/fields'
import { trackerRowsForPlan, type TrackerFilter } from '../shared/tracker'
import { BENCH_DATA_KEY } from './encryption'
import { connectionMilestones, connectPlanClient } from './plan-client'
import { copyStore } from './reopen'
import { startServerProcess, type ServerProcess } from './servers'
import { sleep } from './stats'
import { silentLogger } from './store-throughput'
import { askTracker, openEveryPlan } from './tracker-api'
import { BENCH_AGENCIES, BENCH_OWNERS, buildTrackerPlans, shiftDay, type BuiltTrackerPlans, type TrackerShape } from './tracker-build'

export interface TrackerSettings {
  shape: TrackerShape
  /** Times the read model is rebuilt from the plans, each on a fresh copy of the store. */
  rebuildRepetitions: number
  /** Timed opens, and timed requests per filter, after a few untimed ones. */
  requestRepetitions: number
  /** Plans edited one after another by a connected client, each edit timed until the API shows it. */
  edits: number
  /** Gap between polls of the API while waiting for an edit to show. */
  pollGapMs: number
  /** One plan's rows rewritten on their own, timed. */
  rewriteRepetitions: number
  /** Runs of the naive tracker (every plan opened over y-websocket). */
  naiveRuns: number
  naiveConcurrency: number
  timeoutMs: number
}

export interface FilterCase {
  name: string
  filter: TrackerFilter
}

export interface RequestFigures {
  name: string
  filter: TrackerFilter
  /** How many actions matched (the hub's `total`), checked against the rebuilt table in this process. */
  total: number
  rowsReturned: number
  bytes: number
  ms: number[]
  /** The hub process's CPU time (user + system) per request: what the machine's other load does not stretch. */
  hubCpuMs: number[]
}

export interface TrackerFigures {
  built: BuiltTrackerPlans
  today: string
  rebuildMs: number[]
  rewrite: { rowsMs: number[]; replaceMs: number[] }
  open: RequestFigures
  filters: RequestFigures[]
  edit: { untilShownMs: number[]; polls: number[] }
  naive: { ms: number[]; total: number }
}

export const UNTIMED_REQUESTS = 3

/** The filters a coordinator reaches for, each one at a time. */
export function filterCases(built: BuiltTrackerPlans, today: string): FilterCase[] {
  return [
    { name: `Agency: "${BENCH_AGENCIES[3]}"`, filter: { agency: BENCH_AGENCIES[3] } },
    { name: `Owner: "${BENCH_OWNERS[7]}"`, filter: { owner: BENCH_OWNERS[7] } },
    { name: `Person: "${built.titles[Math.floor(built.titles.length / 2)]}"`, filter: { person: built.titles[Math.floor(built.titles.length / 2)] } },
    { name: 'Status: in progress', filter: { status: 'in-progress' } },
    { name: 'Overdue only', filter: { overdueOnly: true } },
    { name: 'Due within a week', filter: { dueBy: shiftDay(today, 7) } },
  ]
}

/**
 * Rebuilds the read model on fresh copies of the never-tracked store, timing TrackerModel.catchUp
 * (what startHub runs before it listens). Leaves the last copy, rebuilt, in `hubDir` and gives
 * the totals each filter should match there.
 */
function measureRebuild(templateDir: string, hubDir: string, settings: TrackerSettings, built: BuiltTrackerPlans, cases: FilterCase[], today: string) {
  const rebuildMs: number[] = []
  let expectedTotals: number[] = []
  for (let repetition = 0; repetition < settings.rebuildRepetitions; repetition++) {
    copyStore(templateDir, hubDir)
    const store = DocumentStore.open(hubDir, { dataKey: BENCH_DATA_KEY })
    try {
      const started = performance.now()
      const rebuilt = new TrackerModel(store, 200, silentLogger).catchUp()
      rebuildMs.push(performance.now() - started)
      if (rebuilt !== built.planIds.length) throw new Error(`the catch-up rebuilt ${rebuilt} plans, not ${built.planIds.length}`)
      const everything = store.tracker.query({}, today, MAX_TRACKER_ROWS)
      if (everything.total !== built.actionCount) throw new Error(`the rebuilt table holds ${everything.total} actions, not ${built.actionCount}`)
      expectedTotals = cases.map((one) => store.tracker.query(one.filter, today, MAX_TRACKER_ROWS).total)
    } finally {
      store.close()
    }
  }
  return { rebuildMs, expectedTotals }
}

function nextStatus(status: ActionStatus): ActionStatus {
  return status === 'in-progress' ? 'done' : 'in-progress'
}

/**
 * One plan's rows rewritten, as the hub does a moment after an edit: the plan's Y.Doc (loaded, one
 * action's status changed) read into rows, then its rows replaced in one transaction. On a
 * throwaway copy of the rebuilt store, so the hub's own copy keeps matching its plans.
 */
function measureRewrite(hubDir: string, scratchDir: string, settings: TrackerSettings, built: BuiltTrackerPlans) {
  copyStore(hubDir, scratchDir)
  const store = DocumentStore.open(scratchDir, { dataKey: BENCH_DATA_KEY })
  const rowsMs: number[] = []
  const replaceMs: number[] = []
  try {
    for (let repetition = 0; repetition < settings.rewriteRepetitions; repetition++) {
      const docId = built.planIds[(repetition * 7) % built.planIds.length]
      const doc = new Y.Doc({ gc: false })
      const stored = store.load(docId)
      applyStoredUpdates(doc, stored.updates, null)
      const [first] = trackerRowsForPlan(docId, doc)
      updateEntry(doc, first.actionId, 'action', { status: nextStatus(first.status) })
      const started = performance.now()
      const rows = trackerRowsForPlan(docId, doc)
      const readAt = performance.now()
      store.tracker.replacePlan(docId, rows, stored.lastSeq)
      replaceMs.push(performance.now() - readAt)
      rowsMs.push(readAt - started)
      doc.destroy()
    }
  } finally {
    store.close()
    rmSync(scratchDir, { recursive: true, force: true })
  }
  return { rowsMs, replaceMs }
}

/** Open and every filter, round after round, so load on the machine falls on all of them alike. */
async function measureRequests(hub: ServerProcess, settings: TrackerSettings, built: BuiltTrackerPlans, cases: FilterCase[], expectedTotals: number[], today: string) {
  const open: RequestFigures = { name: 'Open: no filter, default limit', filter: {}, total: 0, rowsReturned: 0, bytes: 0, ms: [], hubCpuMs: [] }
  const filters: RequestFigures[] = cases.map((one) => ({ ...one, total: 0, rowsReturned: 0, bytes: 0, ms: [], hubCpuMs: [] }))
  const cpuMs = async (): Promise<number> => {
    const cpu = await hub.cpuTime()
    return cpu.userMs + cpu.systemMs
  }
  const ask = async (figures: RequestFigures, expectedTotal: number, timed: boolean): Promise<void> => {
    const cpuBefore = await cpuMs()
    const answer = await askTracker(hub, figures.filter, today)
    const cpuAfter = await cpuMs()
    if (answer.total !== expectedTotal || answer.actions.length !== Math.min(expectedTotal, DEFAULT_TRACKER_ROWS)) {
      throw new Error(`${figures.name}: the hub answered ${answer.actions.length} of ${answer.total} actions, expected ${expectedTotal}`)
    }
    figures.total = answer.total
    figures.rowsReturned = answer.actions.length
    figures.bytes = answer.bytes
    if (!timed) return
    figures.ms.push(answer.ms)
    figures.hubCpuMs.push(cpuAfter - cpuBefore)
  }
  for (let round = 0; round < UNTIMED_REQUESTS + settings.requestRepetitions; round++) {
    const timed = round >= UNTIMED_REQUESTS
    await ask(open, built.actionCount, timed)
    for (const [index, figures] of filters.entries()) await ask(figures, expectedTotals[index], timed)
  }
  return { open, filters }
}

/**
 * A client opens a plan (untimed), changes one action's status, and the API is polled, filtered to
 * that person and the new status, until the action is in the answer: edit to visible in the tracker.
 */
async function measureEdits(hub: ServerProcess, settings: TrackerSettings, built: BuiltTrackerPlans, today: string) {
  const untilShownMs: number[] = []
  const polls: number[] = []
  for (let edit = 0; edit < settings.edits; edit++) {
    const index = Math.floor((edit * built.planIds.length) / settings.edits)
    const docId = built.planIds[index]
    const client = connectPlanClient(hub, docId, { name: 'Benchmark scribe', colour: '#005eb8' })
    try {
      await connectionMilestones(client.provider, settings.timeoutMs).synced
      // The room has just loaded in the hub: let that settle so only the edit is timed.
      await sleep(100)
      const [first] = trackerRowsForPlan(docId, client.doc)
      const status = nextStatus(first.status)
      const filter: TrackerFilter = { person: built.titles[index], status }
      const started = performance.now()
      updateEntry(client.doc, first.actionId, 'action', { status })
      for (let poll = 1; ; poll++) {
        const answer = await askTracker(hub, filter, today)
        if (answer.actions.some((action) => action.actionId === first.actionId)) {
          untilShownMs.push(performance.now() - started)
          polls.push(poll)
          break
        }
        if (performance.now() - started > settings.timeoutMs) throw new Error(`the tracker did not show the edit to ${docId} within ${settings.timeoutMs} ms`)
        await sleep(settings.pollGapMs)
      }
    } finally {
      client.destroy()
    }
  }
  return { untilShownMs, polls }
}

export async function measureTracker(settings: TrackerSettings, log: (line: string) => void): Promise<TrackerFigures> {
  const today = localDay(new Date())
  const workDir = mkdtempSync(join(tmpdir(), 'roundtable-bench-tracker-'))
  const templateDir = join(workDir, 'plans')
  const hubDir = join(workDir, 'hub')
  let hub: ServerProcess | null = null
  try {
    const { plans, actionsPerPlan } = settings.shape
    log(`tracker: building ${plans} plans with ${actionsPerPlan} actions each`)
    const built = buildTrackerPlans(templateDir, settings.shape, today, 11)
    log(`tracker: built in ${(built.buildMs / 1000).toFixed(1)} s; rebuilding the read model ${settings.rebuildRepetitions} times`)
    const cases = filterCases(built, today)
    const { rebuildMs, expectedTotals } = measureRebuild(templateDir, hubDir, settings, built, cases, today)
    log(`tracker: rewriting one plan's rows ${settings.rewriteRepetitions} times`)
    const rewrite = measureRewrite(hubDir, join(workDir, 'rewrite'), settings, built)

    hub = await startServerProcess('roundtable', hubDir)
    log(`tracker: ${settings.requestRepetitions} rounds of open and ${cases.length} filters over HTTP`)
    const { open, filters } = await measureRequests(hub, settings, built, cases, expectedTotals, today)
    log(`tracker: ${settings.edits} edits by a connected client, each until the API shows it`)
    const edit = await measureEdits(hub, settings, built, today)

    log(`tracker: the naive way, every plan opened over y-websocket, ${settings.naiveRuns} runs`)
    const naive = { ms: [] as number[], total: 0 }
    for (let run = 0; run < settings.naiveRuns; run++) {
      const opened = await openEveryPlan(hub, built.planIds, {}, today, MAX_TRACKER_ROWS, settings.naiveConcurrency, settings.timeoutMs)
      if (opened.total !== built.actionCount) throw new Error(`opening every plan found ${opened.total} actions, not ${built.actionCount}`)
      naive.ms.push(opened.ms)
      naive.total = opened.total
    }
    return { built, today, rebuildMs, rewrite, open, filters, edit, naive }
  } finally {
    await hub?.stop()
    rmSync(workDir, { recursive: true, force: true })
  }
}

/** Plans in the tracker benchmark: 500 (10,000 actions), or BENCH_TRACKER_PLANS for a quick check on a busy machine. */
export function trackerPlansFromEnv(): number {
  const text = process.env.BENCH_TRACKER_PLANS
  if (text === undefined || text === '') return 500
  const plans = Number(text)
  if (!Number.isInteger(plans) || plans < 1 || plans > 9999) throw new Error(`BENCH_TRACKER_PLANS is a whole number from 1 to 9999, not "${text}"`)
  return plans
}

export function trackerSettings(plans: number): TrackerSettings {
  return {
    shape: { plans, actionsPerPlan: 20 },
    rebuildRepetitions: 3,
    requestRepetitions: 30,
    edits: 20,
    pollGapMs: 2,
    rewriteRepetitions: 50,
    naiveRuns: 3,
    // A browser keeps a handful of sockets busy at once; more would only queue on two cores.
    naiveConcurrency: 6,
    timeoutMs: 30_000,
  }
}
