import * as Y from 'yjs'
import { Room } from '../electron/hub/room'
import type { DocumentStore } from '../electron/hub/store'
import type { HubLogger } from '../electron/hub/types'
import { median } from './stats'
import { BENCH_LABEL } from './updates'

export interface AppendResult {
  updates: number
  totalMs: number
  updatesPerSecond: number
  /** Rate in each consecutive chunk, to show whether it holds up as the table grows. */
  chunkUpdatesPerSecond: number[]
  chunkSize: number
}

export const silentLogger: HubLogger = {
  info: () => {},
  warn: (message) => console.error(`[room] ${message}`),
  error: (message) => console.error(`[room] ${message}`),
}

/**
 * DocumentStore.appendUpdate called exactly as the hub calls it: one transaction per update, label and
 * timestamp refreshed each time. `warmup` updates go to another document first and are not timed.
 */
export function measureStoreAppends(
  store: DocumentStore,
  docId: string,
  updates: readonly Uint8Array[],
  warmup: readonly Uint8Array[],
  chunkSize: number,
): AppendResult {
  for (const update of warmup) store.appendUpdate(`${docId}-warmup`, update, BENCH_LABEL, new Date())

  const chunkUpdatesPerSecond: number[] = []
  const started = performance.now()
  let chunkStarted = started
  for (let index = 0; index < updates.length; index++) {
    store.appendUpdate(docId, updates[index], BENCH_LABEL, new Date())
    if ((index + 1) % chunkSize === 0) {
      const now = performance.now()
      chunkUpdatesPerSecond.push(chunkSize / ((now - chunkStarted) / 1000))
      chunkStarted = now
    }
  }
  const totalMs = performance.now() - started
  return {
    updates: updates.length,
    totalMs,
    updatesPerSecond: updates.length / (totalMs / 1000),
    chunkUpdatesPerSecond,
    chunkSize,
  }
}

export interface RoomAppendResult {
  updates: number
  /** Median over the repetitions. */
  updatesPerSecond: number
  runsUpdatesPerSecond: number[]
  batchSize: number
}

/** Stands in for a connected socket: the origin the room sees for a client's update. */
const CLIENT_ORIGIN = { name: 'bench client' }

/**
 * Updates applied to a hub Room with no one else connected: what the hub does per incoming update
 * (Y.applyUpdate, the update event, label read, SQLite commit, relay encoding) plus the compaction it
 * schedules every 500 updates. Updates arrive in batches with a turn of the event loop between them,
 * as socket messages would, so the room's scheduled compactions run and are counted.
 */
export async function measureRoomAppends(
  store: DocumentStore,
  docIdPrefix: string,
  updates: readonly Uint8Array[],
  warmupCount: number,
  repetitions: number,
  batchSize: number,
): Promise<RoomAppendResult> {
  const runOnce = async (docId: string, count: number): Promise<number> => {
    const room = new Room(docId, store, { compactAfterUpdates: 500, logger: silentLogger, onBroken: () => {} })
    const started = performance.now()
    for (let index = 0; index < count; index++) {
      Y.applyUpdate(room.doc, updates[index], CLIENT_ORIGIN)
      if ((index + 1) % batchSize === 0) await new Promise((resolve) => setImmediate(resolve))
    }
    await new Promise((resolve) => setImmediate(resolve))
    const elapsedMs = performance.now() - started
    room.close(1001, 'benchmark finished')
    return count / (elapsedMs / 1000)
  }

  await runOnce(`${docIdPrefix}-warmup`, warmupCount)
  const runsUpdatesPerSecond: number[] = []
  for (let run = 0; run < repetitions; run++) {
    runsUpdatesPerSecond.push(await runOnce(`${docIdPrefix}-${run}`, updates.length))
  }
  return { updates: updates.length, updatesPerSecond: median(runsUpdatesPerSecond), runsUpdatesPerSecond, batchSize }
}
