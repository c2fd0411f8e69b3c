/**
 * Reopens one document in a fresh process, the way the hub does on first use, and reports how long it
 * took. Used for the uncompacted 100,000-row case: in a fresh process Yjs and the hub's code are not
 * yet warm, as when the hub starts, and the parent can stop it at a time limit if a regression makes
 * it slow (loading with Y.mergeUpdates, as the hub once did, took minutes).
 *
 *   node --import tsx bench/reopen-process.ts <dataDir> <docId>
 */
import { Room } from '../electron/hub/room'
import { DocumentStore } from '../electron/hub/store'
import type { ChildMessage } from './server-ipc'
import { silentLogger } from './store-throughput'
import { BENCH_DATA_KEY } from './encryption'

function main(): void {
  const [dataDir, docId] = process.argv.slice(2)
  if (!dataDir || !docId) throw new Error('usage: reopen-process.ts <dataDir> <docId>')
  const started = performance.now()
  const store = DocumentStore.open(dataDir, { dataKey: BENCH_DATA_KEY })
  const room = new Room(docId, store, { compactAfterUpdates: 500, logger: silentLogger, onBroken: () => {} })
  const totalMs = performance.now() - started
  const textLength = room.doc.getText('body').length
  room.close(1001, 'benchmark finished')
  store.close()
  const message: ChildMessage = { type: 'reopened', totalMs, textLength }
  process.send?.(message, () => process.exit(0))
}

try {
  main()
} catch (error) {
  console.error((error as Error).stack ?? String(error))
  process.exit(1)
}
