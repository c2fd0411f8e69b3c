import { count, ms, ratio, table, verdict, type TargetRow } from './format'
import type { MachineInfo } from './machine'
import type { PlanFigures, PlanSettings } from './plan'
import { planSummaryLines, renderPlanSections } from './report-plan'
import { renderSlowReaderSection, slowReaderSummaryLines } from './report-slow-reader'
import { renderStoreSections, storeTargetRows, type StoreFigures, type StoreSettings } from './report-store'
import type { ServerKind } from './server-ipc'
import type { SlowReaderFigures, SlowReaderSettings } from './slow-reader'
import { describe, median, type Distribution } from './stats'
import type { SyncLoadParams, SyncLoadResult } from './sync-latency'
import type { TrackerFigures, TrackerSettings } from './tracker'
import { renderTrackerSection, trackerSummaryLines, trackerTargetRows } from './report-tracker'

export type { StoreFigures } from './report-store'

export interface BenchSettings extends StoreSettings {
  sync: SyncLoadParams
  syncRounds: number
  plan: PlanSettings
  slowReader: SlowReaderSettings
  tracker: TrackerSettings
}

export interface BenchResults {
  startedAt: Date
  durationSeconds: number
  loadAverageAtEnd: number
  machine: MachineInfo
  settings: BenchSettings
  sync: Record<ServerKind, SyncLoadResult[]>
  store: StoreFigures
  plan: PlanFigures
  slowReader: SlowReaderFigures
  tracker: TrackerFigures
}

const SYNC_P99_TARGET_MS = 20

interface ServerSummary {
  latency: Distribution
  lostDeliveries: number
  connectMs: number
  serverCpuMsPerEdit: number
  burstEdits: number
  /** Median over every completed burst of every round; NaN if none completed. */
  burstMs: number
  failedBursts: number
}

function summariseServer(results: SyncLoadResult[]): ServerSummary {
  const bursts = results.flatMap((result) => result.burstMs)
  const completed = bursts.filter((value): value is number => value !== null)
  return {
    latency: describe(results.flatMap((result) => result.latenciesMs)),
    lostDeliveries: results.reduce((total, result) => total + result.lostDeliveries, 0),
    connectMs: median(results.map((result) => result.connectMs)),
    serverCpuMsPerEdit: median(results.map((result) => result.serverCpuMsPerEdit)),
    burstEdits: results[0]?.burstEdits ?? 0,
    burstMs: completed.length > 0 ? median(completed) : Number.NaN,
    failedBursts: bursts.length - completed.length,
  }
}

export function renderReport(results: BenchResults): { markdown: string; summary: string } {
  const { machine, settings, store } = results
  const sync = settings.sync
  const roundtable = summariseServer(results.sync.roundtable)
  const reference = summariseServer(results.sync.reference)
  const receivers = sync.clientCount - 1
  const p50Ratio = roundtable.latency.p50 / reference.latency.p50
  const p99Ratio = roundtable.latency.p99 / reference.latency.p99

  const targetRows: TargetRow[] = [
    [
      `Sync p99 ≤ ${SYNC_P99_TARGET_MS} ms with ${sync.clientCount} clients`,
      `${ms(roundtable.latency.p99)} ms`,
      verdict(roundtable.latency.p99 <= SYNC_P99_TARGET_MS),
    ],
    [
      'At least as fast as the reference server while persisting (p50 and p99 ratio ≤ 1)',
      `p50 ${ratio(p50Ratio)}, p99 ${ratio(p99Ratio)}`,
      verdict(p50Ratio <= 1 && p99Ratio <= 1),
    ],
    ...storeTargetRows(store),
    ...trackerTargetRows(results.tracker),
  ]

  const latencyRow = (name: string, summary: ServerSummary): string[] => [
    name,
    count(summary.latency.count),
    count(summary.lostDeliveries),
    ms(summary.latency.mean),
    ms(summary.latency.p50),
    ms(summary.latency.p90),
    ms(summary.latency.p99),
    ms(summary.latency.max),
  ]
  const latencyTable = table(
    ['Server', 'Samples', 'Lost', 'Mean ms', 'p50 ms', 'p90 ms', 'p99 ms', 'Max ms'],
    [
      latencyRow('Roundtable hub (persists every update to SQLite)', roundtable),
      latencyRow('@y/websocket-server reference (memory only)', reference),
      [
        '**Roundtable ÷ reference**',
        '',
        '',
        ratio(roundtable.latency.mean / reference.latency.mean),
        `**${ratio(p50Ratio)}**`,
        ratio(roundtable.latency.p90 / reference.latency.p90),
        `**${ratio(p99Ratio)}**`,
        ratio(roundtable.latency.max / reference.latency.max),
      ],
    ],
  )

  const roundRows: string[][] = []
  for (let round = 0; round < settings.syncRounds; round++) {
    for (const kind of ['roundtable', 'reference'] as const) {
      const result = results.sync[kind][round]
      if (!result) continue
      const latency = describe(result.latenciesMs)
      roundRows.push([
        String(round + 1),
        kind,
        ms(latency.p50),
        ms(latency.p99),
        ms(result.connectMs),
        result.serverCpuMsPerEdit.toFixed(3),
      ])
    }
  }
  const roundTable = table(
    ['Round', 'Server', 'p50 ms', 'p99 ms', 'Connect + sync 60 clients, ms', 'Server CPU ms per edit'],
    roundRows,
  )

  const burstRow = (name: string, summary: ServerSummary): string[] => {
    const editsPerSecond = summary.burstEdits / (summary.burstMs / 1000)
    return [
      name,
      count(summary.burstEdits),
      ms(summary.burstMs) + (summary.failedBursts > 0 ? ` (${summary.failedBursts} did not finish)` : ''),
      count(editsPerSecond),
      count(editsPerSecond * receivers),
    ]
  }
  const burstTable = table(
    ['Server', 'Edits per burst', 'Median time until all clients hold all edits, ms', 'Edits/s', 'Deliveries/s'],
    [burstRow('Roundtable hub', roundtable), burstRow('Reference', reference)],
  )

  const machineTable = table(
    ['', ''],
    [
      ['Date', results.startedAt.toISOString()],
      ['CPU', machine.cpuModel],
      ['Cores', String(machine.cores)],
      ['RAM', `${machine.ramGiB.toFixed(1)} GiB`],
      ['OS', machine.os],
      ['Node', machine.node],
      ['SQLite', machine.sqlite],
      ['Packages', Object.entries(machine.packages).map(([name, version]) => `${name} ${version}`).join(', ')],
      ['Whole run', `${results.durationSeconds.toFixed(0)} s`],
      [
        'Load average (1 min)',
        `${machine.loadAverageAtStart.toFixed(2)} at start, ${results.loadAverageAtEnd.toFixed(2)} at end ` +
          '(the end figure includes the benchmark’s own load)',
      ],
    ],
  )

  const markdown = `# Benchmarks

Written by \`npm run bench\` (\`bench/run.ts\`); do not edit by hand. Every figure below comes from one run on the
machine described, including the reference server comparison. Targets are printed as pass or miss where there is
a target; figures without one are recorded for trend. Nothing here is asserted by the test suite.

## Machine

${machineTable}

## Against the targets

${table(['Target', 'Measured', 'Result'], targetRows)}

## Sync latency: ${sync.clientCount} clients in one room

**What is measured.** The time from a client making an edit to the moment each other client's Y.Doc has applied it:
one sample per receiving client per edit (${receivers} per edit). An edit is one character inserted into a shared
Y.Text at a random position, one transaction. Senders rotate through all ${sync.clientCount} clients. "Applied" is
detected in the receiver's \`update\` event by checking that its state vector includes the sender's new clock.

**How.** Each server runs in its own child process (\`node --import tsx bench/server-process.ts\`), so it does not
share an event loop with the clients; the ${sync.clientCount} clients are real \`WebsocketProvider\`s from y-websocket
over the \`ws\` package, all in the benchmark's own process, connected to \`ws://127.0.0.1:<port>/sync/<docId>\` (the
token passed as \`params: { token }\`). Both processes share this ${machine.cores}-core machine, so the figures include
the client process applying ${receivers} incoming messages one after another: the last receiver of an edit waits for
the others. Clocks are not an issue: send and receive times are read from the same process.

- Roundtable: the real hub, \`startHub\` with a fresh temp data folder and \`TokenRegistry.withAdminToken\`, default
  settings (every update committed to SQLite before it is relayed; compaction every 500 updates).
- Reference: \`@y/websocket-server\` ${machine.packages['@y/websocket-server']}'s \`setupWSConnection\` behind a
  \`ws\` server, wired as its own \`server.js\` does; it persists nothing and also echoes each update to its sender.
- Per round and server: ${sync.warmupEdits} warm-up edits (not recorded), then ${sync.measuredEdits} measured edits.
  Each edit waits until all ${receivers} receivers have it (or ${sync.editTimeoutMs} ms, counted as lost), then
  ${sync.gapMs} ms of quiet, so this is latency, not queueing. ${settings.syncRounds} rounds, each starting fresh
  processes and an empty document, alternating which server goes first; samples from all rounds are pooled.
- Clients keep y-websocket's default presence (awareness), so its periodic renewals to all ${sync.clientCount}
  clients happen during the run, as they would in a meeting.
- Percentiles are nearest-rank over all samples.

${latencyTable}

Per round (server CPU is the server process's user + system time during the measured edits, divided by the edits):

${roundTable}

**Throughput (rough).** After the latency edits, ${settings.sync.bursts} bursts per round: every client makes
${sync.burstEditsPerClient} edits at once (${count(roundtable.burstEdits)} edits, interleaved across clients), timed
until every client holds every edit. Deliveries are edits × ${receivers} receivers. All ${sync.clientCount} clients
share one process, which has to apply every delivery, so this is probably bounded by the client side as much as by
either server.

${burstTable}

${renderStoreSections(store, settings)}
${renderPlanSections(results.plan, settings.plan, machine.cores)}
${renderSlowReaderSection(results.slowReader, settings.slowReader)}
${renderTrackerSection(results.tracker, settings.tracker)}`

  const summary = [
    'Against the targets:',
    ...targetRows.map(([target, measured, result]) => {
      const plainResult = result.replace(/\*/g, '').padEnd(4)
      return `  ${plainResult}  ${target}: ${measured}`
    }),
    `Sync p50/p99: Roundtable ${ms(roundtable.latency.p50)}/${ms(roundtable.latency.p99)} ms, ` +
      `reference ${ms(reference.latency.p50)}/${ms(reference.latency.p99)} ms ` +
      `(lost deliveries: ${roundtable.lostDeliveries} / ${reference.lostDeliveries})`,
    ...planSummaryLines(results.plan),
    ...slowReaderSummaryLines(results.slowReader),
    ...trackerSummaryLines(results.tracker),
  ].join('\n')

  return { markdown, summary }
}
