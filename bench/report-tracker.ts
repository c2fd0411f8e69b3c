import { DEFAULT_TRACKER_ROWS } from '../electron/hub/http'
import { count, ms, ratio, table, verdict, type TargetRow } from './format'
import { describe } from './stats'
import { UNTIMED_REQUESTS, type RequestFigures, type TrackerFigures, type TrackerSettings } from './tracker'
import { BENCH_AGENCIES } from './tracker-build'

export const TRACKER_OPEN_TARGET_MS = 300
export const TRACKER_FILTER_TARGET_MS = 50

function p95(samples: readonly number[]): number {
  return describe(samples).p95
}

function slowestFilter(figures: TrackerFigures): RequestFigures {
  return figures.filters.reduce((slowest, one) => (p95(one.ms) > p95(slowest.ms) ? one : slowest))
}

function actionsLabel(figures: TrackerFigures): string {
  return `${count(figures.built.planIds.length)} plans with ${count(figures.built.actionCount)} actions`
}

/** Targets are judged on p95, so one lucky run cannot pass them. */
export function trackerTargetRows(figures: TrackerFigures): TargetRow[] {
  const open = p95(figures.open.ms)
  const slowest = slowestFilter(figures)
  return [
    [`Tracker open ≤ ${TRACKER_OPEN_TARGET_MS} ms (${actionsLabel(figures)}, p95)`, `${ms(open)} ms`, verdict(open <= TRACKER_OPEN_TARGET_MS)],
    [
      `One tracker filter ≤ ${TRACKER_FILTER_TARGET_MS} ms (slowest of ${figures.filters.length} filters, p95)`,
      `${ms(p95(slowest.ms))} ms (${slowest.name})`,
      verdict(p95(slowest.ms) <= TRACKER_FILTER_TARGET_MS),
    ],
  ]
}

function spreadCells(samples: readonly number[]): string[] {
  const figures = describe(samples)
  return [count(figures.count), ms(figures.p50), `**${ms(figures.p95)}**`, ms(figures.max)]
}

function requestRow(figures: RequestFigures, targetMs: number): string[] {
  const kib = `${count(figures.bytes / 1024)} KiB`
  const cpu = describe(figures.hubCpuMs).p50
  return [figures.name, `${count(figures.rowsReturned)} of ${count(figures.total)}`, kib, ...spreadCells(figures.ms), ms(cpu), verdict(p95(figures.ms) <= targetMs)]
}

export function renderTrackerSection(figures: TrackerFigures, settings: TrackerSettings): string {
  const { built } = figures
  const plans = built.planIds.length
  const openP50 = describe(figures.open.ms).p50
  const requestTable = table(
    ['Request', 'Actions returned of matched', 'JSON', 'Samples', 'p50 ms', 'p95 ms', 'Max ms', 'Hub CPU p50 ms', 'Target'],
    [
      requestRow(figures.open, TRACKER_OPEN_TARGET_MS),
      ...figures.filters.map((one) => requestRow(one, TRACKER_FILTER_TARGET_MS)),
    ],
  )
  const upkeepTable = table(
    ['Keeping the read model up to date', 'Samples', 'p50 ms', 'p95 ms', 'Max ms'],
    [
      [`Rebuild from the plans: \`TrackerModel.catchUp()\` over all ${count(plans)} plans (what the hub runs at start)`, ...spreadCells(figures.rebuildMs)],
      [`One plan edited by a connected client, until \`GET /api/tracker\` shows it (polled every ${settings.pollGapMs} ms)`, ...spreadCells(figures.edit.untilShownMs)],
      ['The rewrite itself: `trackerRowsForPlan` on the loaded plan', ...spreadCells(figures.rewrite.rowsMs)],
      ['The rewrite itself: `TrackerTable.replacePlan` (delete and insert its rows, one transaction)', ...spreadCells(figures.rewrite.replaceMs)],
    ],
  )
  const naiveRows = figures.naive.ms.map((value, run) => [
    `Run ${run + 1}${run === 0 ? ' (the hub loads every plan from SQLite)' : ' (plans still loaded in the hub)'}`,
    ms(value),
    ratio(value / openP50),
  ])
  const naiveTable = table(['Every plan opened over y-websocket, no filter', 'ms', '÷ read model open p50'], naiveRows)
  const polls = describe(figures.edit.polls)

  return `## The action tracker over ${actionsLabel(figures)}

**The data.** ${count(plans)} plans built with the app's own functions (\`bench/tracker-build.ts\`: \`initialiseBoard\`,
\`addEntry\` for 4 professionals from ${BENCH_AGENCIES.length} agencies, 1 family member, 5 goals and ${settings.shape.actionsPerPlan} actions
per plan, each action's owner picked at random from the plan's five people, its agency the owner's organisation, its
status at random and its due date from 28 days ago to 56 days ahead, so some are overdue: see *Overdue only*). Each plan's
Yjs state is written into a fresh store as one stored update (${count(built.stateBytes / 1024)} KiB in all), as if a hub
had stored it, with the tracker table left empty. Built in ${(built.buildMs / 1000).toFixed(1)} s.

**What is measured.**
- *Rebuild from the plans*: the empty table built by \`TrackerModel.catchUp()\` in the benchmark process, the same call
  \`startHub\` makes before it listens (each plan loaded from SQLite into a Y.Doc, read into rows, written), on a fresh
  copy of the store each time; checked to hold every action.
- *Open and filter*: the real hub (\`startHub\`, its own process, started on the rebuilt store, no plan loaded) answering
  \`GET /api/tracker\` over HTTP with the full-access token, timed in the benchmark process from sending the request to
  the JSON parsed. *Open* is the tracker screen's first request: no filter, the default limit
  (${count(DEFAULT_TRACKER_ROWS)} actions, overdue first; \`total\` says how many matched). Each filter is one request with
  one filter. ${UNTIMED_REQUESTS} untimed rounds, then ${settings.requestRepetitions} rounds of open and every filter in turn. Every
  answer is checked against the rebuilt table queried in the benchmark process. *Hub CPU* is the hub process's
  user + system time across one request (read over IPC just before and after it): on a busy machine the wall times
  stretch with other work, this much less.
- *After one edit*: a \`WebsocketProvider\` opens one plan (untimed, then 100 ms to settle), changes one action's status
  with \`updateEntry\`, and \`GET /api/tracker\` filtered to that person and the new status is polled until the action is
  in it: edit to visible in the tracker. A tracker request writes any pending rows first, so this does not wait for the
  hub's rewrite delay (200 ms by default). ${settings.edits} edits on plans spread over the store; polls per edit: median ${count(polls.p50)}, most ${count(polls.max)}.
- *The rewrite itself*: on a throwaway copy of the rebuilt store, one plan loaded into a Y.Doc and one action's status
  changed (untimed), then \`trackerRowsForPlan\` and \`TrackerTable.replacePlan\` timed, as the hub's rewrite does them.
  ${settings.rewriteRepetitions} plans.
- *The naive way, for comparison in the same run*: what the issue rules out, the client opening every plan: a
  \`WebsocketProvider\` per plan, ${settings.naiveConcurrency} at a time, synced, its rows read with the same
  \`trackerRowsForPlan\`, then all rows filtered and sorted as the hub does; checked to find every action.
  ${settings.naiveRuns} runs against the same hub, after the measurements above.
- Percentiles are nearest-rank; targets are judged on p95. React rendering of the tracker screen is not included.

${requestTable}

${upkeepTable}

${naiveTable}
`
}

export function trackerSummaryLines(figures: TrackerFigures): string[] {
  const open = describe(figures.open.ms)
  const slowest = slowestFilter(figures)
  const shown = describe(figures.edit.untilShownMs)
  const rebuild = describe(figures.rebuildMs)
  const naive = describe(figures.naive.ms)
  return [
    `Tracker (${actionsLabel(figures)}): open p50/p95 ${ms(open.p50)}/${ms(open.p95)} ms, slowest filter p50/p95 ` +
      `${ms(describe(slowest.ms).p50)}/${ms(p95(slowest.ms))} ms (${slowest.name}), edit until shown p50/p95 ${ms(shown.p50)}/${ms(shown.p95)} ms, ` +
      `rebuild p50 ${ms(rebuild.p50)} ms; opening every plan instead p50 ${ms(naive.p50)} ms`,
  ]
}
