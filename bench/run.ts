/**
 * `npm run bench`: measures sync latency with 60 clients (Roundtable's hub and y-websocket's reference
 * server, same run, same clients), store throughput, reopening a document with 100,000 stored
 * updates, and a large plan (200 goals, 1,000 actions, 50 KB of About me text): opening it, and
 * typing in About me with four people, a client that never reads on a ~20 MB board (hub memory), and
 * the action tracker over 500 plans with 10,000 actions (BENCH_TRACKER_PLANS sets fewer plans for a
 * quick check; `npx tsx bench/tracker-run.ts` runs only that), then writes docs/benchmarks.md.
 * Figures are reported against targets where there are targets, never asserted.
 */
// First: Lexical chooses its build from NODE_ENV when it is first imported (see the file).
import './lexical-production'
import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { loadavg, tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { DATABASE_FILE_NAME, DocumentStore } from '../electron/hub/store'
import { describeMachine } from './machine'
import { BENCH_DATA_KEY, measureEncryption, renderEncryption, type EncryptionFigures } from './encryption'
import { measurePlan } from './plan'
import { DEFAULT_SLOW_READER_SETTINGS, measureSlowReader } from './slow-reader'
import {
  appendToStore,
  compactThroughRoom,
  copyStore,
  measureLoadMethods,
  measureReopen,
  reopenInChildProcess,
  type LoadMethods,
  type ReopenCase,
} from './reopen'
import { renderReport, type BenchSettings, type StoreFigures } from './report'
import { measureRoomAppends, measureStoreAppends } from './store-throughput'
import { compareServers } from './sync-latency'
import { measureTracker, trackerPlansFromEnv, trackerSettings } from './tracker'
import { generateTypingUpdates } from './updates'

const REPO_ROOT = dirname(dirname(fileURLToPath(import.meta.url)))
const REPORT_FILE = join(REPO_ROOT, 'docs', 'benchmarks.md')

const SETTINGS: BenchSettings = {
  sync: {
    clientCount: 60,
    warmupEdits: 60,
    measuredEdits: 300,
    gapMs: 10,
    editTimeoutMs: 5_000,
    burstEditsPerClient: 10,
    bursts: 2,
  },
  // Short rounds, alternating which server goes first, so background load on the machine falls on both.
  syncRounds: 4,
  storeWarmupUpdates: 2_000,
  storeChunkSize: 10_000,
  reopenLogUpdates: 100_000,
  reopenTailUpdates: 499,
  reopenRepetitions: 5,
  roomUpdates: 20_000,
  roomWarmupUpdates: 2_000,
  roomRepetitions: 3,
  roomBatchSize: 50,
  uncompactedSeriesRows: [2_500, 5_000, 10_000, 20_000],
  // Y.mergeUpdates took 4.4 s at 20,000 rows when the hub still used it: 10,000 shows the curve.
  mergeUpdatesRows: [2_500, 5_000, 10_000],
  uncompactedLimitMs: 20_000,
  // A ~20 MB board and 20 whole-board requests: the hub before the send-queue cap grew by ~20 boards.
  slowReader: DEFAULT_SLOW_READER_SETTINGS,
  // 500 plans of 20 actions: a neighbourhood team's whole caseload, as the issue sets it.
  tracker: trackerSettings(trackerPlansFromEnv()),
  plan: {
    shape: { goals: 200, actions: 1_000, professionals: 12, strengths: 20, needs: 20, richTextCharacters: 50_000 },
    open: { coldRepetitions: 5, warmPerCold: 4, timeoutMs: 30_000 },
    // 50–100 ms between keystrokes is a fast typist; four of them in one field is a busy meeting.
    typing: {
      fieldKey: 'importantToMe',
      people: 4,
      warmupKeystrokes: 40,
      measuredKeystrokes: 300,
      minGapMs: 50,
      maxGapMs: 100,
      settleMs: 5_000,
    },
  },
}

const DOC_ID = 'reopen-100k'

function count(value: number): string {
  return value.toLocaleString('en-GB')
}

function log(line: string): void {
  console.log(`[bench ${(performance.now() / 1000).toFixed(1)} s] ${line}`)
}

async function measureStore(workDir: string): Promise<StoreFigures> {
  const logCount = SETTINGS.reopenLogUpdates
  log(`store: generating ${logCount + SETTINGS.reopenTailUpdates} single-character Yjs updates`)
  const typing = generateTypingUpdates(logCount + SETTINGS.reopenTailUpdates, 1)
  const logUpdates = typing.updates.slice(0, logCount)
  const tailUpdates = typing.updates.slice(logCount)
  const warmupUpdates = generateTypingUpdates(SETTINGS.storeWarmupUpdates, 2).updates

  log(`store: appending ${logCount} updates with DocumentStore.appendUpdate`)
  const uncompactedDir = join(workDir, 'uncompacted')
  const store = DocumentStore.open(uncompactedDir, { dataKey: BENCH_DATA_KEY })
  const appends = measureStoreAppends(store, DOC_ID, logUpdates, warmupUpdates, SETTINGS.storeChunkSize)
  store.close()

  log(`store: applying ${SETTINGS.roomUpdates} updates through a hub Room`)
  const roomStore = DocumentStore.open(join(workDir, 'room'), { dataKey: BENCH_DATA_KEY })
  const room = await measureRoomAppends(
    roomStore,
    'room-throughput',
    typing.updates.slice(0, SETTINGS.roomUpdates),
    SETTINGS.roomWarmupUpdates,
    SETTINGS.roomRepetitions,
    SETTINGS.roomBatchSize,
  )
  roomStore.close()

  // The first update sets the board's meta; every other one types exactly one character.
  const textLengthAfter = (updateCount: number): number => updateCount - 1
  const scratchDir = join(workDir, 'scratch')

  log(`store: compacting the uncompacted ${count(logCount)}-row log by loading it through a hub Room`)
  const compactedDir = join(workDir, 'compacted')
  copyStore(uncompactedDir, compactedDir)
  compactThroughRoom(compactedDir, DOC_ID, textLengthAfter(logCount))

  log('store: reopening the compacted document')
  const compacted = measureReopen(
    `${count(logCount)} updates, compacted`,
    '1 snapshot row, 0 log rows',
    compactedDir,
    scratchDir,
    DOC_ID,
    textLengthAfter(logCount),
    SETTINGS.reopenRepetitions,
  )

  log(`store: reopening the compacted document with ${SETTINGS.reopenTailUpdates} updates after it`)
  const tailDir = join(workDir, 'compacted-with-tail')
  copyStore(compactedDir, tailDir)
  appendToStore(tailDir, DOC_ID, tailUpdates)
  const compactedWithTail = measureReopen(
    `${count(logCount)} compacted + ${SETTINGS.reopenTailUpdates} logged`,
    `1 snapshot row, ${SETTINGS.reopenTailUpdates} log rows`,
    tailDir,
    scratchDir,
    DOC_ID,
    textLengthAfter(typing.updates.length),
    SETTINGS.reopenRepetitions,
  )

  // Uncompacted logs of growing size show how the load grows with the row count (linear since the
  // hub stopped using Y.mergeUpdates); the old merge is timed beside it at the smaller sizes.
  const uncompactedSeries: ReopenCase[] = []
  const loadMethods: LoadMethods[] = []
  for (const rows of SETTINGS.uncompactedSeriesRows) {
    log(`store: reopening an uncompacted log of ${count(rows)} rows`)
    const seriesDir = join(workDir, `uncompacted-${rows}`)
    appendToStore(seriesDir, DOC_ID, logUpdates.slice(0, rows))
    if (SETTINGS.mergeUpdatesRows.includes(rows)) {
      loadMethods.push(measureLoadMethods(seriesDir, DOC_ID, textLengthAfter(rows)))
    }
    uncompactedSeries.push(
      measureReopen(
        `${count(rows)} uncompacted updates`,
        `${count(rows)} log rows, no snapshot`,
        seriesDir,
        scratchDir,
        DOC_ID,
        textLengthAfter(rows),
        1,
      ),
    )
    rmSync(seriesDir, { recursive: true, force: true })
  }

  const limitSeconds = SETTINGS.uncompactedLimitMs / 1000
  log(`store: reopening the uncompacted ${count(logCount)}-row log in a child process (limit ${limitSeconds} s)`)
  const uncompactedFull = await reopenInChildProcess(
    uncompactedDir,
    scratchDir,
    DOC_ID,
    textLengthAfter(logCount),
    SETTINGS.uncompactedLimitMs,
  )

  return {
    updateBytes: { total: typing.totalBytes, count: typing.updates.length },
    appends,
    room,
    reopen: {
      logRows: logCount,
      uncompactedFileBytes: statSync(join(uncompactedDir, DATABASE_FILE_NAME)).size,
      compacted,
      compactedWithTail,
      uncompactedSeries,
      uncompactedFull,
      loadMethods,
    },
  }
}

async function main(): Promise<void> {
  const startedAt = new Date()
  const machine = describeMachine()
  log(`${machine.cpuModel}, ${machine.cores} cores, Node ${machine.node}`)

  const sync = await compareServers(SETTINGS.sync, SETTINGS.syncRounds, log)

  const workDir = mkdtempSync(join(tmpdir(), 'roundtable-bench-store-'))
  let store: StoreFigures
  let encryption: EncryptionFigures
  try {
    store = await measureStore(workDir)
    encryption = measureEncryption(workDir, { updatesPerRound: 10_000, rounds: 4, reopenRepetitions: 5 }, log)
  } finally {
    rmSync(workDir, { recursive: true, force: true })
  }

  const plan = await measurePlan(SETTINGS.plan, log)
  const slowReader = await measureSlowReader(SETTINGS.slowReader, log)
  const tracker = await measureTracker(SETTINGS.tracker, log)

  const durationSeconds = (Date.now() - startedAt.getTime()) / 1000
  const loadAverageAtEnd = loadavg()[0]
  const report = renderReport({
    startedAt,
    durationSeconds,
    loadAverageAtEnd,
    machine,
    settings: SETTINGS,
    sync,
    store,
    plan,
    slowReader,
    tracker,
  })
  mkdirSync(dirname(REPORT_FILE), { recursive: true })
  const encryptionReport = renderEncryption(encryption)
  writeFileSync(REPORT_FILE, `${report.markdown}\n${encryptionReport.markdown}`)
  console.log('')
  console.log(report.summary)
  console.log(encryptionReport.summary)
  log(`wrote ${REPORT_FILE} in ${durationSeconds.toFixed(0)} s`)
}

main().catch((error: Error) => {
  console.error(error.stack ?? error.message)
  process.exitCode = 1
})
