/**
 * A client that never reads, on a big board: how much memory the hub holds for it, and whether two
 * normal people on the same board keep syncing meanwhile. Run against the hub as it is ("guarded") and
 * with its send-queue limits turned off ("unguarded": the hub before the limits), same steps, each in a
 * fresh hub process (bench/slow-reader-hub.ts) so the memory figures are the hub's alone.
 *
 *   npx tsx bench/slow-reader.ts     (just this part; `npm run bench` runs it with everything else)
 */
import { type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import WebSocket from 'ws'
import * as Y from 'yjs'
import * as encoding from 'lib0/encoding'
import { WebsocketProvider } from 'y-websocket'
import { BENCH_TOKEN } from './server-ipc'
import { forkBenchScript } from './servers'
import type { HubMemory, SlowReaderChildMessage, SlowReaderParentMessage } from './slow-reader-ipc'
import { describe, type Distribution } from './stats'

export interface SlowReaderSettings {
  /** The board: this many entries of entryBytes characters each, sent to the hub one entry per update. */
  boardEntries: number
  entryBytes: number
  /** Whole-board requests (sync step 1, empty state vector) the non-reader sends, all at once. */
  requests: number
  /** How long the normal people keep editing after the requests were sent. */
  attackMs: number
  /** One edit by the writer every this many ms, during the attack. */
  editEveryMs: number
  /** An edit that has not arrived this long after the attack ended counts as lost. */
  settleMs: number
}

export type HubMode = 'guarded' | 'unguarded'

export interface SlowReaderRun {
  mode: HubMode
  boardBytes: number
  /** Hub memory with the board loaded and the two people synced, before the non-reader. */
  before: HubMemory
  /** Peaks during the attack; largestQueueBytes is over the attack only. */
  during: HubMemory
  editsMade: number
  editsArrived: number
  /** From an edit to the other person's Y.Doc holding it, for the edits that arrived. */
  editDelayMs: Distribution
}

export interface SlowReaderFigures {
  runs: SlowReaderRun[]
}

const DOC_ID = 'slow-reader-board'

function wholeBoardRequest(): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, 0)
  encoding.writeVarUint(encoder, 0)
  encoding.writeVarUint8Array(encoder, Y.encodeStateVector(new Y.Doc()))
  return encoding.toUint8Array(encoder)
}

async function waitUntil(check: () => boolean, what: string, timeoutMs: number): Promise<void> {
  const started = performance.now()
  while (!check()) {
    if (performance.now() - started > timeoutMs) throw new Error(`slow-reader: timed out waiting for ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 10))
  }
}

function nextMemory(child: ChildProcess, request: SlowReaderParentMessage): Promise<HubMemory> {
  return new Promise((resolve, reject) => {
    const onMessage = (message: SlowReaderChildMessage): void => {
      if (message.type !== 'memory') return
      child.off('message', onMessage)
      child.off('exit', onExit)
      resolve(message.memory)
    }
    const onExit = (): void => reject(new Error('slow-reader: the hub process exited'))
    child.on('message', onMessage)
    child.once('exit', onExit)
    child.send(request)
  })
}

async function startHubProcess(dataDir: string, mode: HubMode): Promise<{ child: ChildProcess; wsUrl: string }> {
  const child = forkBenchScript('slow-reader-hub.ts', [dataDir, mode])
  const port = await new Promise<number>((resolve, reject) => {
    child.once('message', (message: SlowReaderChildMessage) => {
      if (message.type === 'ready') resolve(message.port)
      else reject(new Error('slow-reader: unexpected first message'))
    })
    child.once('exit', (code) => reject(new Error(`slow-reader: the hub process exited (code ${code})`)))
  })
  return { child, wsUrl: `ws://127.0.0.1:${port}/sync` }
}

function connect(wsUrl: string, doc = new Y.Doc()): WebsocketProvider {
  return new WebsocketProvider(wsUrl, DOC_ID, doc, {
    params: { token: BENCH_TOKEN },
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
  })
}

async function runOnce(settings: SlowReaderSettings, mode: HubMode, log: (line: string) => void): Promise<SlowReaderRun> {
  const dataDir = mkdtempSync(join(tmpdir(), 'roundtable-bench-slow-reader-'))
  const { child, wsUrl } = await startHubProcess(dataDir, mode)
  const providers: WebsocketProvider[] = []
  let nonReader: WebSocket | null = null
  try {
    const boardBytes = settings.boardEntries * settings.entryBytes
    log(`slow reader (${mode}): sending a ${(boardBytes / 1024 ** 2).toFixed(0)} MB board to the hub`)
    const builder = connect(wsUrl)
    providers.push(builder)
    await waitUntil(() => builder.synced, 'the builder to connect', 30_000)
    const entries = builder.doc.getMap<string>('entries')
    for (let index = 0; index < settings.boardEntries; index++) {
      entries.set(`entry-${index}`, String.fromCharCode(97 + (index % 26)).repeat(settings.entryBytes))
    }
    const writer = connect(wsUrl)
    const reader = connect(wsUrl)
    providers.push(writer, reader)
    const holdsBoard = (provider: WebsocketProvider): boolean => provider.doc.getMap('entries').size === settings.boardEntries
    await waitUntil(() => holdsBoard(writer) && holdsBoard(reader), 'two people to load the board', 60_000)
    builder.destroy()

    const arrivals: number[] = []
    const edits = reader.doc.getArray<number>('edits')
    edits.observe((event) => {
      const now = performance.now()
      for (const item of event.changes.added) for (const sentAt of item.content.getContent() as number[]) arrivals.push(now - sentAt)
    })
    const before = await nextMemory(child, { type: 'reset' })

    log(`slow reader (${mode}): a paused client sends ${settings.requests} whole-board requests`)
    nonReader = new WebSocket(`${wsUrl}/${DOC_ID}?token=${BENCH_TOKEN}`)
    await new Promise((resolve, reject) => {
      nonReader!.once('open', resolve)
      nonReader!.once('error', reject)
    })
    nonReader.pause()
    for (let request = 0; request < settings.requests; request++) nonReader.send(wholeBoardRequest())

    let editsMade = 0
    const attackEnds = performance.now() + settings.attackMs
    while (performance.now() < attackEnds) {
      writer.doc.getArray<number>('edits').push([performance.now()])
      editsMade++
      await new Promise((resolve) => setTimeout(resolve, settings.editEveryMs))
    }
    const during = await nextMemory(child, { type: 'memory' })
    await waitUntil(() => arrivals.length >= editsMade, 'the edits to arrive', settings.settleMs).catch(() => {})
    log(`slow reader (${mode}): hub peak RSS ${(during.peak.rssBytes / 1024 ** 2).toFixed(0)} MB, ${arrivals.length}/${editsMade} edits arrived`)
    return { mode, boardBytes, before, during, editsMade, editsArrived: arrivals.length, editDelayMs: describe(arrivals) }
  } finally {
    nonReader?.terminate()
    for (const provider of providers) provider.destroy()
    if (child.connected) child.send({ type: 'stop' } satisfies SlowReaderParentMessage)
    await new Promise<void>((resolve) => {
      if (child.exitCode !== null) resolve()
      else child.once('exit', () => resolve())
      setTimeout(() => child.kill('SIGKILL'), 10_000).unref()
    })
    rmSync(dataDir, { recursive: true, force: true })
  }
}

export async function measureSlowReader(settings: SlowReaderSettings, log: (line: string) => void): Promise<SlowReaderFigures> {
  const runs: SlowReaderRun[] = []
  for (const mode of ['guarded', 'unguarded'] as const) runs.push(await runOnce(settings, mode, log))
  return { runs }
}

export const DEFAULT_SLOW_READER_SETTINGS: SlowReaderSettings = {
  boardEntries: 20,
  entryBytes: 1024 * 1024,
  requests: 20,
  attackMs: 5_000,
  editEveryMs: 50,
  settleMs: 10_000,
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  measureSlowReader(DEFAULT_SLOW_READER_SETTINGS, (line) => console.log(line))
    .then((figures) => console.log(JSON.stringify(figures, null, 2)))
    .catch((error: Error) => {
      console.error(error.stack ?? error.message)
      process.exitCode = 1
    })
}
