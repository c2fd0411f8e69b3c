import WebSocket from 'ws'
import * as Y from 'yjs'
import { WebsocketProvider } from 'y-websocket'
import { BENCH_TOKEN, type ServerKind } from './server-ipc'
import { startServerProcess, type ServerProcess } from './servers'
import { seededRandom, sleep } from './stats'

export interface SyncLoadParams {
  clientCount: number
  /** Edits made and timed but not recorded, so JIT warm-up and first-use costs do not count. */
  warmupEdits: number
  measuredEdits: number
  /** Pause after every receiver has an edit and before the next one, so we time latency, not queueing. */
  gapMs: number
  /** A receiver that has not seen an edit after this long is counted as lost for that edit. */
  editTimeoutMs: number
  /** Throughput phase: every client makes this many edits back to back, all at once. */
  burstEditsPerClient: number
  bursts: number
}

export interface SyncLoadResult {
  kind: ServerKind
  /** One sample per receiving client per measured edit, in milliseconds. */
  latenciesMs: number[]
  measuredEdits: number
  lostDeliveries: number
  /** From creating the clients to every client reporting synced. */
  connectMs: number
  /** Server process CPU time during the measured edits, divided by the number of edits. */
  serverCpuMsPerEdit: number
  /** Edits in one burst (clientCount × burstEditsPerClient). */
  burstEdits: number
  /** Time from the first edit of a burst until every client holds every edit; null if it never completed. */
  burstMs: (number | null)[]
}

interface BenchClient {
  index: number
  doc: Y.Doc
  text: Y.Text
  provider: WebsocketProvider
}

const CONNECT_TIMEOUT_MS = 30_000
const BURST_TIMEOUT_MS = 30_000
const LETTERS = 'abcdefghijklmnopqrstuvwxyz'

/** Real y-websocket clients over the `ws` package, connected the way tests/hub/helpers.ts connects them. */
function connectClients(server: ServerProcess, docId: string, count: number): BenchClient[] {
  // Under Node each WebsocketProvider adds a process 'exit' listener; 60 of them are expected, not a leak.
  process.setMaxListeners(Math.max(process.getMaxListeners(), count + 10))
  const clients: BenchClient[] = []
  for (let index = 0; index < count; index++) {
    const doc = new Y.Doc()
    const provider = new WebsocketProvider(server.wsUrl, docId, doc, {
      params: { token: BENCH_TOKEN },
      WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
      disableBc: true,
    })
    clients.push({ index, doc, text: doc.getText('body'), provider })
  }
  return clients
}

async function waitUntil(check: () => boolean, what: string, timeoutMs: number): Promise<void> {
  const started = performance.now()
  while (!check()) {
    if (performance.now() - started > timeoutMs) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`)
    await sleep(5)
  }
}

/**
 * Connects `clientCount` clients to one document on `server`, then times single-character edits from
 * rotating senders until every other client's Y.Doc has applied them, then runs a few bursts.
 */
export async function runSyncLoad(
  server: ServerProcess,
  docId: string,
  params: SyncLoadParams,
): Promise<SyncLoadResult> {
  const connectStarted = performance.now()
  const clients = connectClients(server, docId, params.clientCount)
  try {
    await waitUntil(() => clients.every((client) => client.provider.synced), 'every client to sync', CONNECT_TIMEOUT_MS)
    const connectMs = performance.now() - connectStarted
    // Each client's presence is relayed to all 60: let that initial flood settle before timing anything.
    await sleep(500)

    // Every client's update event is forwarded to whichever phase is listening.
    let onClientUpdate: ((client: BenchClient) => void) | null = null
    for (const client of clients) client.doc.on('update', () => onClientUpdate?.(client))

    const random = seededRandom(docId.length * 7919 + params.clientCount)
    const typeOneLetter = (client: BenchClient): void => {
      const position = Math.floor(random() * (client.text.length + 1))
      client.text.insert(position, LETTERS[Math.floor(random() * LETTERS.length)])
    }

    /** Makes one edit on `sender` and resolves with each other client's latency for it. */
    const timeOneEdit = (sender: BenchClient): Promise<number[]> => {
      const senderId = sender.doc.clientID
      const clockBefore = Y.getState(sender.doc.store, senderId)
      const seen = new Array<boolean>(clients.length).fill(false)
      seen[sender.index] = true
      const latencies: number[] = []
      let startedAt = 0
      return new Promise<number[]>((resolve) => {
        const timeout = setTimeout(() => resolve(latencies), params.editTimeoutMs)
        onClientUpdate = (client) => {
          if (seen[client.index]) return
          // "Visible" means this client's Y.Doc now holds the sender's new item.
          if (Y.getState(client.doc.store, senderId) <= clockBefore) return
          latencies.push(performance.now() - startedAt)
          seen[client.index] = true
          if (latencies.length === clients.length - 1) {
            clearTimeout(timeout)
            resolve(latencies)
          }
        }
        startedAt = performance.now()
        typeOneLetter(sender)
      }).finally(() => {
        onClientUpdate = null
      })
    }

    for (let edit = 0; edit < params.warmupEdits; edit++) {
      await timeOneEdit(clients[edit % clients.length])
      await sleep(params.gapMs)
    }

    const latenciesMs: number[] = []
    let lostDeliveries = 0
    const cpuBefore = await server.cpuTime()
    for (let edit = 0; edit < params.measuredEdits; edit++) {
      // Start the rotation after the warm-up's last sender so every client sends equally often.
      const sender = clients[(params.warmupEdits + edit) % clients.length]
      const latencies = await timeOneEdit(sender)
      latenciesMs.push(...latencies)
      lostDeliveries += clients.length - 1 - latencies.length
      await sleep(params.gapMs)
    }
    const cpuAfter = await server.cpuTime()
    const serverCpuMs = cpuAfter.userMs + cpuAfter.systemMs - (cpuBefore.userMs + cpuBefore.systemMs)

    const burstEdits = params.clientCount * params.burstEditsPerClient
    const burstMs: (number | null)[] = []
    for (let burst = 0; burst < params.bursts; burst++) {
      await waitUntil(
        () => clients.every((client) => client.text.length === clients[0].text.length),
        'clients to agree before a burst',
        BURST_TIMEOUT_MS,
      )
      const targetLength = clients[0].text.length + burstEdits
      const done = new Array<boolean>(clients.length).fill(false)
      let doneCount = 0
      let startedAt = 0
      const elapsed = await new Promise<number | null>((resolve) => {
        const timeout = setTimeout(() => resolve(null), BURST_TIMEOUT_MS)
        onClientUpdate = (client) => {
          if (done[client.index] || client.text.length < targetLength) return
          done[client.index] = true
          doneCount++
          if (doneCount === clients.length) {
            clearTimeout(timeout)
            resolve(performance.now() - startedAt)
          }
        }
        startedAt = performance.now()
        // Interleave senders, as a room full of people typing at once would.
        for (let round = 0; round < params.burstEditsPerClient; round++) {
          for (const client of clients) typeOneLetter(client)
        }
      })
      onClientUpdate = null
      burstMs.push(elapsed)
      await sleep(200)
    }

    return {
      kind: server.kind,
      latenciesMs,
      measuredEdits: params.measuredEdits,
      lostDeliveries,
      connectMs,
      serverCpuMsPerEdit: serverCpuMs / params.measuredEdits,
      burstEdits,
      burstMs,
    }
  } finally {
    for (const client of clients) {
      client.provider.destroy()
      client.doc.destroy()
    }
  }
}

/**
 * Runs the same load against both servers, each in a fresh child process, in `rounds` rounds whose
 * order alternates, so neither server always gets the warmer client process.
 */
export async function compareServers(
  params: SyncLoadParams,
  rounds: number,
  log: (line: string) => void,
): Promise<Record<ServerKind, SyncLoadResult[]>> {
  const results: Record<ServerKind, SyncLoadResult[]> = { roundtable: [], reference: [] }
  for (let round = 0; round < rounds; round++) {
    const order: ServerKind[] = round % 2 === 0 ? ['roundtable', 'reference'] : ['reference', 'roundtable']
    for (const kind of order) {
      log(`sync: round ${round + 1} of ${rounds}, ${kind} server, ${params.clientCount} clients`)
      const server = await startServerProcess(kind)
      try {
        results[kind].push(await runSyncLoad(server, `bench-round-${round}`, params))
      } finally {
        await server.stop()
      }
    }
  }
  return results
}
