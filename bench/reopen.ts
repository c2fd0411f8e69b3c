import { copyFileSync, mkdirSync, rmSync, statSync } from 'node:fs'
import { join } from 'node:path'
import * as Y from 'yjs'
import { applyStoredUpdates, Room } from '../electron/hub/room'
import { DATABASE_FILE_NAME, DocumentStore } from '../electron/hub/store'
import { forkBenchScript, nextMessage } from './servers'
import { describe, median, type Distribution } from './stats'
import { silentLogger } from './store-throughput'
import { BENCH_LABEL } from './updates'
import { BENCH_DATA_KEY } from './encryption'

export interface ReopenCase {
  name: string
  /** What the document's rows look like in SQLite before the reopen. */
  storedRows: string
  fileBytes: number
  /** DocumentStore.open: opening the SQLite file and checking its schema. */
  openStoreMs: Distribution
  /** new Room(...): reading the rows, applying them to a fresh Y.Doc, and any compaction the room does on load. */
  roomReadyMs: Distribution
  /** Both together: from nothing open to a Y.Doc ready to serve. */
  totalMs: Distribution
}

/**
 * Two ways of turning a document's stored rows into a Y.Doc, on the same rows, neither compacting:
 * the hub's (applyStoredUpdates: each row applied in one transaction) and the one it used before
 * (Y.mergeUpdates over all rows, then one applyUpdate), kept to show why it changed.
 */
export interface LoadMethods {
  rows: number
  readRowsMs: number
  /** Median of three loads. */
  applyEachMs: number
  /** One load. */
  mergeThenApplyMs: number
}

function databaseFile(dir: string): string {
  return join(dir, DATABASE_FILE_NAME)
}

/** Copies a closed store into a fresh folder, so every reopen starts from the same bytes. */
export function copyStore(fromDir: string, toDir: string): void {
  rmSync(toDir, { recursive: true, force: true })
  mkdirSync(toDir, { recursive: true })
  copyFileSync(databaseFile(fromDir), databaseFile(toDir))
}

/**
 * Reopens a copy of the store in `templateDir` `repetitions` times and loads `docId` the way the hub
 * does on first use (DocumentStore.open, then new Room, with the hub's default compaction threshold).
 * Checks each time that the document came back whole.
 */
export function measureReopen(
  name: string,
  storedRows: string,
  templateDir: string,
  scratchDir: string,
  docId: string,
  expectedTextLength: number,
  repetitions: number,
): ReopenCase {
  const openStoreSamples: number[] = []
  const roomReadySamples: number[] = []
  const totalSamples: number[] = []
  for (let repetition = 0; repetition < repetitions; repetition++) {
    copyStore(templateDir, scratchDir)
    const started = performance.now()
    const store = DocumentStore.open(scratchDir, { dataKey: BENCH_DATA_KEY })
    const storeOpened = performance.now()
    const room = new Room(docId, store, { compactAfterUpdates: 500, logger: silentLogger, onBroken: () => {} })
    const ready = performance.now()

    const textLength = room.doc.getText('body').length
    const title = room.doc.getMap('meta').get('title')
    room.close(1001, 'benchmark finished')
    store.close()
    if (textLength !== expectedTextLength || title !== BENCH_LABEL.title) {
      throw new Error(`${name}: reopened document is incomplete (${textLength} of ${expectedTextLength} characters)`)
    }
    openStoreSamples.push(storeOpened - started)
    roomReadySamples.push(ready - storeOpened)
    totalSamples.push(ready - started)
  }
  rmSync(scratchDir, { recursive: true, force: true })
  return {
    name,
    storedRows,
    fileBytes: statSync(databaseFile(templateDir)).size,
    openStoreMs: describe(openStoreSamples),
    roomReadyMs: describe(roomReadySamples),
    totalMs: describe(totalSamples),
  }
}

/** Appends updates to `docId` in the store in `dir`, one transaction each, as the hub would. */
export function appendToStore(dir: string, docId: string, updates: readonly Uint8Array[]): void {
  const store = DocumentStore.open(dir, { dataKey: BENCH_DATA_KEY })
  for (const update of updates) store.appendUpdate(docId, update, BENCH_LABEL, new Date())
  store.close()
}

/**
 * Loads `docId` from the store in `dir` through a hub Room, which compacts a log of 500 or more rows
 * as it loads, then closes it: leaves the store exactly as the hub would. Checks the text came back whole.
 */
export function compactThroughRoom(dir: string, docId: string, expectedTextLength: number): void {
  const store = DocumentStore.open(dir, { dataKey: BENCH_DATA_KEY })
  try {
    const room = new Room(docId, store, { compactAfterUpdates: 500, logger: silentLogger, onBroken: () => {} })
    const textLength = room.doc.getText('body').length
    room.close(1001, 'benchmark finished')
    if (textLength !== expectedTextLength) {
      throw new Error(`compacting through Room lost text (${textLength} of ${expectedTextLength} characters)`)
    }
  } finally {
    store.close()
  }
}

/** See LoadMethods. Reads the rows once, then loads them into fresh `gc: false` docs (as the Room's) each way. */
export function measureLoadMethods(dir: string, docId: string, expectedTextLength: number): LoadMethods {
  const store = DocumentStore.open(dir, { dataKey: BENCH_DATA_KEY })
  try {
    const started = performance.now()
    const stored = store.load(docId)
    const rowsRead = performance.now()

    const lengths: number[] = []
    const loadInto = (load: (doc: Y.Doc) => void): number => {
      const doc = new Y.Doc({ gc: false })
      const loadStarted = performance.now()
      load(doc)
      const elapsed = performance.now() - loadStarted
      lengths.push(doc.getText('body').length)
      doc.destroy()
      return elapsed
    }
    // The hub's way takes milliseconds, so a GC pause can double one sample: median of three.
    const applyEachMs = median([1, 2, 3].map(() => loadInto((doc) => applyStoredUpdates(doc, stored.updates, null))))
    const mergeThenApplyMs = loadInto((doc) => Y.applyUpdate(doc, Y.mergeUpdates(stored.updates)))

    if (lengths.some((length) => length !== expectedTextLength)) {
      throw new Error(`a load method lost text (${lengths.join(', ')} of ${expectedTextLength} characters)`)
    }
    return { rows: stored.updates.length, readRowsMs: rowsRead - started, applyEachMs, mergeThenApplyMs }
  } finally {
    store.close()
  }
}

export type ChildReopen = { finished: true; totalMs: number } | { finished: false; limitMs: number }

/**
 * measureReopen's single reopen, done by bench/reopen-process.ts in a fresh process (so Yjs and the
 * hub's code are not yet warm, as when the hub starts), given at most `limitMs` from starting the
 * process before it is killed: a safety net, so a regression cannot stall the whole benchmark.
 */
export async function reopenInChildProcess(
  templateDir: string,
  scratchDir: string,
  docId: string,
  expectedTextLength: number,
  limitMs: number,
): Promise<ChildReopen> {
  copyStore(templateDir, scratchDir)
  const child = forkBenchScript('reopen-process.ts', [scratchDir, docId])
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  try {
    const message = await nextMessage(child, 'reopened', limitMs)
    if (message.type !== 'reopened') throw new Error('unexpected message')
    if (message.textLength !== expectedTextLength) {
      throw new Error(`reopened document is incomplete (${message.textLength} of ${expectedTextLength} characters)`)
    }
    return { finished: true, totalMs: message.totalMs }
  } catch (error) {
    const stillRunning = child.exitCode === null && child.signalCode === null
    if (!stillRunning) throw error
    child.kill('SIGKILL')
    return { finished: false, limitMs }
  } finally {
    await exited
    rmSync(scratchDir, { recursive: true, force: true })
  }
}
