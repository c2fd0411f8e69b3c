import { copyFileSync, mkdirSync, rmSync, statSync } from 'node:fs'
import { join } from 'node:path'
import * as Y from 'yjs'
import { Room } from '../electron/hub/room'
import { DATABASE_FILE_NAME, DocumentStore } from '../electron/hub/store'
import { forkBenchScript, nextMessage } from './servers'
import { describe, type Distribution } from './stats'
import { silentLogger } from './store-throughput'
import { BENCH_LABEL } from './updates'

export interface ReopenCase {
  name: string
  /** What the document's rows look like in SQLite before the reopen. */
  storedRows: string
  fileBytes: number
  /** DocumentStore.open: opening the SQLite file and checking its schema. */
  openStoreMs: Distribution
  /** new Room(...): reading the rows, merging, applying to a fresh Y.Doc, and any compaction the room does on load. */
  roomReadyMs: Distribution
  /** Both together: from nothing open to a Y.Doc ready to serve. */
  totalMs: Distribution
}

/**
 * Loading the same log rows without Y.mergeUpdates: every row applied to the Y.Doc inside one
 * transaction, then compacted. Not what the hub does; measured to show what the reopen could cost.
 */
export interface ApplyEachLoad {
  readRowsMs: number
  applyEachInOneTransactionMs: number
  compactMs: number
  totalMs: number
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
    const store = DocumentStore.open(scratchDir)
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
  const store = DocumentStore.open(dir)
  for (const update of updates) store.appendUpdate(docId, update, BENCH_LABEL, new Date())
  store.close()
}

/**
 * See ApplyEachLoad. Works on the store in `dir` and leaves it compacted exactly as the hub's Room
 * would (the same Y.encodeStateAsUpdate snapshot, the log rows dropped), so it also prepares the
 * "compacted" case; Room itself would spend minutes merging this log first. Checks the text came back whole.
 */
export function measureApplyEachLoad(dir: string, docId: string, expectedTextLength: number): ApplyEachLoad {
  const store = DocumentStore.open(dir)
  try {
    const started = performance.now()
    const stored = store.load(docId)
    const rowsRead = performance.now()
    const doc = new Y.Doc({ gc: true })
    doc.transact(() => {
      for (const update of stored.updates) Y.applyUpdate(doc, update)
    })
    const appliedAt = performance.now()
    store.compact(docId, Y.encodeStateAsUpdate(doc), stored.lastSeq)
    const compactedAt = performance.now()
    const textLength = doc.getText('body').length
    doc.destroy()
    if (textLength !== expectedTextLength) {
      throw new Error(`apply-each load is incomplete (${textLength} of ${expectedTextLength} characters)`)
    }
    return {
      readRowsMs: rowsRead - started,
      applyEachInOneTransactionMs: appliedAt - rowsRead,
      compactMs: compactedAt - appliedAt,
      totalMs: compactedAt - started,
    }
  } finally {
    store.close()
  }
}

export type ChildReopen = { finished: true; totalMs: number } | { finished: false; limitMs: number }

/**
 * measureReopen's single reopen, done by bench/reopen-process.ts in a fresh process (so Yjs is not yet
 * warmed up), given at most `limitMs` from starting the process before it is killed.
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
