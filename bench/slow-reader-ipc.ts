/** What bench/slow-reader.ts and its hub process (bench/slow-reader-hub.ts) say to each other. */

export interface MemorySample {
  rssBytes: number
  heapUsedBytes: number
  /** Memory outside V8's heap, which holds Buffers: where messages waiting to be sent live. */
  externalBytes: number
}

export interface HubMemory {
  now: MemorySample
  /** The largest of each figure since the last reset (sampled every few ms). */
  peak: MemorySample
  /** Largest bytes waiting to be sent to any one connection since the last reset. */
  largestQueueBytes: number
  /** Connections the hub closed for falling behind, since it started. */
  slowReadersClosed: number
}

export type SlowReaderParentMessage = { type: 'reset' } | { type: 'memory' } | { type: 'stop' }

export type SlowReaderChildMessage = { type: 'ready'; port: number } | { type: 'memory'; memory: HubMemory }
