/**
 * The Roundtable hub in its own process for the slow-reader benchmark (bench/slow-reader.ts), reporting
 * its own memory so the figures are the hub's alone, as in the desktop app's main process.
 *
 *   node --import tsx bench/slow-reader-hub.ts <dataDir> guarded|unguarded
 *
 * "unguarded" sets the send-queue limits to infinity: the hub as it was before it capped what waits to
 * be sent to one connection. Memory is sampled every few milliseconds; the peak is the largest sample.
 */
import WebSocket from 'ws'
import { startHub } from '../electron/hub/index'
import { TokenRegistry } from '../electron/hub/tokens'
import type { HubLogger } from '../electron/hub/types'
import { BENCH_DATA_KEY } from './encryption'
import { BENCH_TOKEN } from './server-ipc'
import type { HubMemory, MemorySample, SlowReaderChildMessage, SlowReaderParentMessage } from './slow-reader-ipc'

const SAMPLE_EVERY_MS = 5

function sample(): MemorySample {
  const usage = process.memoryUsage()
  return { rssBytes: usage.rss, heapUsedBytes: usage.heapUsed, externalBytes: usage.external }
}

function larger(a: MemorySample, b: MemorySample): MemorySample {
  return {
    rssBytes: Math.max(a.rssBytes, b.rssBytes),
    heapUsedBytes: Math.max(a.heapUsedBytes, b.heapUsedBytes),
    externalBytes: Math.max(a.externalBytes, b.externalBytes),
  }
}

/**
 * The largest bufferedAmount of any hub-side socket right after the hub queued a message on it: what
 * the hub held for a peer that had not read it yet. Hub-side sockets are the ones without a URL.
 */
let largestQueueBytes = 0
const prototype = WebSocket.prototype as unknown as { send: (this: WebSocket, ...args: unknown[]) => void }
const originalSend = prototype.send
prototype.send = function (this: WebSocket, ...args: unknown[]) {
  originalSend.apply(this, args)
  if (!this.url) largestQueueBytes = Math.max(largestQueueBytes, this.bufferedAmount)
}

function tell(message: SlowReaderChildMessage): void {
  process.send?.(message)
}

async function main(): Promise<void> {
  const [dataDir, mode] = process.argv.slice(2)
  if (!dataDir || (mode !== 'guarded' && mode !== 'unguarded')) {
    throw new Error('usage: slow-reader-hub.ts <dataDir> guarded|unguarded')
  }
  let slowReadersClosed = 0
  const logger: HubLogger = {
    info: () => {},
    warn: (message) => {
      if (/fell behind/.test(message)) slowReadersClosed++
      else console.error(`[slow-reader hub] ${message}`)
    },
    error: (message) => console.error(`[slow-reader hub] ${message}`),
  }
  const limits = mode === 'unguarded' ? { sendQueueSoftLimitBytes: Infinity, sendQueueHardLimitBytes: Infinity } : {}
  const hub = await startHub({
    dataDir,
    dataKey: BENCH_DATA_KEY,
    host: '127.0.0.1',
    port: 0,
    tokens: TokenRegistry.withAdminToken(BENCH_TOKEN),
    logger,
    ...limits,
  })

  let peak = sample()
  const sampler = setInterval(() => (peak = larger(peak, sample())), SAMPLE_EVERY_MS)
  const memory = (): HubMemory => ({ now: sample(), peak, largestQueueBytes, slowReadersClosed })

  process.on('message', (message: SlowReaderParentMessage) => {
    if (message.type === 'reset') {
      peak = sample()
      largestQueueBytes = 0
      tell({ type: 'memory', memory: memory() })
    } else if (message.type === 'memory') {
      tell({ type: 'memory', memory: memory() })
    } else if (message.type === 'stop') {
      clearInterval(sampler)
      void hub.close().then(() => process.exit(0))
    }
  })
  process.on('disconnect', () => process.exit(0))
  tell({ type: 'ready', port: hub.port })
}

main().catch((error: Error) => {
  console.error(error.stack ?? error.message)
  process.exit(1)
})
