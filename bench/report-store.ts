import { count, ms, table, verdict, type TargetRow } from './format'
import type { ChildReopen, LoadMethods, ReopenCase } from './reopen'
import type { AppendResult, RoomAppendResult } from './store-throughput'

export const STORE_TARGETS = {
  updatesPerSecond: 20_000,
  reopenMs: 150,
}

export interface StoreSettings {
  storeWarmupUpdates: number
  storeChunkSize: number
  reopenLogUpdates: number
  reopenTailUpdates: number
  reopenRepetitions: number
  roomUpdates: number
  roomWarmupUpdates: number
  roomRepetitions: number
  roomBatchSize: number
  uncompactedSeriesRows: number[]
  /** The sizes in the series at which the old Y.mergeUpdates load is also timed (it is roughly quadratic). */
  mergeUpdatesRows: number[]
  uncompactedLimitMs: number
}

export interface ReopenFigures {
  logRows: number
  uncompactedFileBytes: number
  compacted: ReopenCase
  compactedWithTail: ReopenCase
  /** Uncompacted logs smaller than logRows, reopened through Room, one sample each. */
  uncompactedSeries: ReopenCase[]
  /** The full uncompacted log through Room, in a fresh child process with a safety time limit. */
  uncompactedFull: ChildReopen
  /** The hub's way of loading rows and the Y.mergeUpdates way it replaced, on the same rows. */
  loadMethods: LoadMethods[]
}

export interface StoreFigures {
  updateBytes: { total: number; count: number }
  appends: AppendResult
  room: RoomAppendResult
  reopen: ReopenFigures
}

function fullLogFigure(full: ChildReopen): string {
  return full.finished ? `${ms(full.totalMs)} ms` : `not ready after ${count(full.limitMs / 1000)} s (stopped)`
}

/**
 * How the uncompacted reopen time grows between the two largest sizes measured, as an exponent
 * (1 = linear, 2 = quadratic), and what that growth predicts for the full log, to set beside the
 * full log's measured time. Null if too few points.
 */
function growth(
  series: ReopenCase[],
  rows: number[],
  fullRows: number,
): { exponent: number; predictedMs: number } | null {
  if (series.length < 2) return null
  const [smallerRows, largerRows] = rows.slice(-2)
  const [smaller, larger] = series.slice(-2).map((entry) => entry.totalMs.p50)
  const exponent = Math.log(larger / smaller) / Math.log(largerRows / smallerRows)
  return { exponent, predictedMs: larger * (fullRows / largerRows) ** exponent }
}

export function storeTargetRows(store: StoreFigures): TargetRow[] {
  const { compacted, compactedWithTail, uncompactedFull, logRows } = store.reopen
  const limit = STORE_TARGETS.reopenMs
  return [
    [
      `Store ≥ ${count(STORE_TARGETS.updatesPerSecond)} updates/s (DocumentStore.appendUpdate)`,
      `${count(store.appends.updatesPerSecond)} updates/s`,
      verdict(store.appends.updatesPerSecond >= STORE_TARGETS.updatesPerSecond),
    ],
    [
      `Store ≥ ${count(STORE_TARGETS.updatesPerSecond)} updates/s through a hub Room (the whole per-update path)`,
      `${count(store.room.updatesPerSecond)} updates/s`,
      verdict(store.room.updatesPerSecond >= STORE_TARGETS.updatesPerSecond),
    ],
    [
      `Reopen ${count(logRows)} updates ≤ ${limit} ms, compacted as the hub leaves it (${compacted.storedRows})`,
      `${ms(compacted.totalMs.p50)} ms`,
      verdict(compacted.totalMs.p50 <= limit),
    ],
    [
      `Reopen ≤ ${limit} ms, the most a running hub leaves uncompacted (${compactedWithTail.storedRows})`,
      `${ms(compactedWithTail.totalMs.p50)} ms`,
      verdict(compactedWithTail.totalMs.p50 <= limit),
    ],
    [
      `Reopen ≤ ${limit} ms, ${count(logRows)} uncompacted log rows (a state the hub does not leave)`,
      fullLogFigure(uncompactedFull),
      verdict(uncompactedFull.finished && uncompactedFull.totalMs <= limit),
    ],
  ]
}

export function renderStoreSections(store: StoreFigures, settings: StoreSettings): string {
  const { appends, room, reopen } = store
  const chunkRates = appends.chunkUpdatesPerSecond
  const storeTable = table(
    ['Path', 'Updates timed', 'Updates/s', 'Spread'],
    [
      [
        '`DocumentStore.appendUpdate`, one transaction per update',
        count(appends.updates),
        `**${count(appends.updatesPerSecond)}**`,
        `per ${count(appends.chunkSize)}: ${count(Math.min(...chunkRates))} – ${count(Math.max(...chunkRates))}`,
      ],
      [
        'Hub `Room`: apply, commit, relay encoding, compaction every 500',
        `${count(room.updates)} × ${room.runsUpdatesPerSecond.length} runs`,
        `**${count(room.updatesPerSecond)}**`,
        `runs: ${room.runsUpdatesPerSecond.map(count).join(', ')}`,
      ],
    ],
  )

  const mebibytes = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1)} MiB`
  const repeatedRow = (entry: ReopenCase): string[] => [
    entry.name,
    entry.storedRows,
    mebibytes(entry.fileBytes),
    String(entry.totalMs.count),
    ms(entry.openStoreMs.p50),
    ms(entry.roomReadyMs.p50),
    `**${ms(entry.totalMs.p50)}**`,
    entry.totalMs.count > 1 ? `${ms(entry.totalMs.min)} – ${ms(entry.totalMs.max)}` : '',
  ]
  const reopenTable = table(
    ['Case', 'Stored rows', 'File', 'Samples', 'Open store ms', 'Room ready ms', 'Total ms (median)', 'Min – max ms'],
    [
      repeatedRow(reopen.compacted),
      repeatedRow(reopen.compactedWithTail),
      ...reopen.uncompactedSeries.map(repeatedRow),
      [
        `${count(reopen.logRows)} uncompacted updates (fresh process)`,
        `${count(reopen.logRows)} log rows, no snapshot`,
        mebibytes(reopen.uncompactedFileBytes),
        '1',
        '',
        '',
        `**${fullLogFigure(reopen.uncompactedFull)}**`,
        '',
      ],
    ],
  )
  const fit = growth(reopen.uncompactedSeries, settings.uncompactedSeriesRows, reopen.logRows)
  const fitText = fit
    ? `Between the two largest uncompacted sizes measured the time grows as rows^${fit.exponent.toFixed(2)} ` +
      `(1 would be linear); continuing that curve to ${count(reopen.logRows)} rows predicts about ` +
      `${ms(fit.predictedMs)} ms, beside ${fullLogFigure(reopen.uncompactedFull)} measured in a fresh process, whose ` +
      'code is not yet warm.'
    : ''
  const methodsTable = table(
    ['Log rows', 'Reading the rows, ms', 'Hub: each row applied, one transaction, ms', 'Before: `Y.mergeUpdates`, then applied, ms', 'Before ÷ hub'],
    reopen.loadMethods.map((entry) => [
      count(entry.rows),
      ms(entry.readRowsMs),
      `**${ms(entry.applyEachMs)}**`,
      ms(entry.mergeThenApplyMs),
      `${(entry.mergeThenApplyMs / entry.applyEachMs).toFixed(1)}×`,
    ]),
  )

  return `## Store: updates committed per second

**What is measured.** Realistic small Yjs updates: a person typing into a Y.Text, one character per update (mostly at
the cursor, sometimes jumping elsewhere), ${(store.updateBytes.total / store.updateBytes.count).toFixed(1)} bytes per
update on average. The store is a fresh SQLite file in a temp folder, opened by \`DocumentStore.open\` with the hub's
settings (WAL, \`synchronous = NORMAL\`: a commit survives a crash of the process but is not fsynced on its own).

- \`DocumentStore.appendUpdate\` called exactly as the hub calls it (one transaction per update, the document's label
  and time refreshed each time): ${count(settings.storeWarmupUpdates)} warm-up updates into another document, then
  ${count(appends.updates)} timed updates into one document, the rate also reported per
  ${count(settings.storeChunkSize)} to show it holds as the table grows. These rows are the uncompacted log used below.
- Through a hub \`Room\` with no one connected: each update is applied to the room's Y.Doc as if from a client, so
  the hub's whole per-update path runs (Yjs apply, the update event, reading the label, the commit, encoding the
  relay message) plus its compaction every 500 updates. A turn of the event loop every ${settings.roomBatchSize}
  updates lets the scheduled compactions run, as they would between socket messages.
  ${count(settings.roomWarmupUpdates)} warm-up updates in another room, then ${settings.roomRepetitions} runs of
  ${count(settings.roomUpdates)}; the median run is reported.

${storeTable}

## Reopening a document with ${count(reopen.logRows)} stored updates

**What is measured.** The hub's first use of a document: \`DocumentStore.open\` on the data folder (opening SQLite
and checking the schema), then \`new Room(...)\`, which reads the snapshot and log rows, applies them one by one to a
fresh \`Y.Doc({ gc: false })\` inside a single transaction (\`applyStoredUpdates\` in \`electron/hub/room.ts\`) and,
when it read 500 or more log rows, compacts them before returning. The timer stops when the room's Y.Doc is ready to
serve. Every reopen uses a fresh copy of the same file (in the OS page cache) and is checked to contain the whole
text. Cases measured ${settings.reopenRepetitions} times report the median; Yjs code is already warm in this process.

- **Compacted**: the ${count(reopen.logRows)} typed updates as the hub leaves them: one merged snapshot row, no log
  rows. (Made by letting a \`Room\` load the uncompacted log, which compacts it as it loads, then closing it.)
- **Compacted + ${settings.reopenTailUpdates}**: the same plus ${settings.reopenTailUpdates} updates logged after
  it: the most a running hub leaves uncompacted (it compacts every 500), for example if it is killed.
- **Uncompacted**: separate log rows and no snapshot, as \`appendUpdate\` wrote them. The hub does not leave a
  document like this; it is the worst case for reading the log. Measured at
  ${settings.uncompactedSeriesRows.map(count).join(', ')} rows (one sample each) to show how the time grows with the
  log, and at ${count(reopen.logRows)} rows once, in a fresh process (\`bench/reopen-process.ts\`, stopped if it takes
  over ${count(settings.uncompactedLimitMs / 1000)} s).

${reopenTable}

${fitText}

**Why the hub applies rows one by one.** Until commit 13b2d02 the Room merged all rows with \`Y.mergeUpdates\` and
applied the result once; that merge grows roughly with the square of the number of rows (100,000 rows did not load in
20 s). Below, both ways on the same uncompacted rows, each into a fresh \`gc: false\` Y.Doc, without compaction: the
hub's way the median of three loads, the old way one load, and only at sizes where it finishes quickly.

${methodsTable}
`
}
