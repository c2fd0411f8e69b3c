import { mkdtempSync, rmSync } from 'node:fs'
import { networkInterfaces, tmpdir } from 'node:os'
import { request as httpRequest } from 'node:http'
import { join } from 'node:path'
import WebSocket from 'ws'
import * as encoding from 'lib0/encoding'
import * as Y from 'yjs'
import { WebsocketProvider } from 'y-websocket'
import { startHub } from '../../electron/hub'
import { TokenRegistry } from '../../electron/hub/tokens'
import type { HubLogger, HubOptions, RunningHub } from '../../electron/hub/types'
import { fromBase64, snapshotHoldsAll } from '../../shared/stateVector'

export const TEST_TOKEN = 'test-token-0123456789abcdef'

/**
 * This machine's own IPv4 network address, or undefined. Tests connect from it to mean "from another
 * device on the network": the hub sees a non-loopback peer, exactly as it would see another laptop.
 */
export const lanAddress: string | undefined = Object.values(networkInterfaces())
  .flat()
  .find((address) => address && address.family === 'IPv4' && !address.internal)?.address

/** Whether tests from the network can run here; when not, says why (they are then skipped with that reason). */
export function networkTestsCanRun(file: string): boolean {
  if (!lanAddress) console.warn(`${file} tests skipped: this machine has no non-loopback IPv4 address to connect from`)
  return lanAddress !== undefined
}
/** The data key every test hub uses unless a test passes its own (a real key is 32 random bytes). */
export const TEST_DATA_KEY = Buffer.alloc(32, 0x5a)

export interface RecordingLogger extends HubLogger {
  lines: string[]
}

export function recordingLogger(): RecordingLogger {
  const lines: string[] = []
  return {
    lines,
    info: (message) => lines.push(`info ${message}`),
    warn: (message) => lines.push(`warn ${message}`),
    error: (message) => lines.push(`error ${message}`),
  }
}

export function makeDataDir(): string {
  return mkdtempSync(join(tmpdir(), 'roundtable-hub-test-'))
}

export function removeDataDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true })
}

export interface TestHub {
  hub: RunningHub
  dataDir: string
  tokens: TokenRegistry
  logger: RecordingLogger
  wsUrl: string
}

export async function startTestHub(dataDir: string, options: Partial<HubOptions> = {}): Promise<TestHub> {
  const tokens = (options.tokens as TokenRegistry | undefined) ?? TokenRegistry.withAdminToken(TEST_TOKEN)
  const logger = recordingLogger()
  const hub = await startHub({ dataDir, dataKey: TEST_DATA_KEY, port: 0, logger, ...options, tokens })
  return { hub, dataDir, tokens, logger, wsUrl: hub.origin.replace('http://', 'ws://') + '/sync' }
}

export interface TestClient {
  doc: Y.Doc
  provider: WebsocketProvider
  destroy(): void
}

/** A real y-websocket client over the `ws` package, as a Node peer would connect. */
export function connectClient(wsUrl: string, docId: string, token = TEST_TOKEN, doc = new Y.Doc()): TestClient {
  const provider = new WebsocketProvider(wsUrl, docId, doc, {
    params: { token },
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
    maxBackoffTime: 200,
  })
  return {
    doc,
    provider,
    destroy() {
      provider.destroy()
      doc.destroy()
    },
  }
}

export async function waitFor(check: () => boolean, what: string, timeoutMs = 5000): Promise<void> {
  const started = Date.now()
  while (!check()) {
    if (Date.now() - started > timeoutMs) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 10))
  }
}

export async function synced(client: TestClient): Promise<void> {
  await waitFor(() => client.provider.synced, 'the client to sync')
}

/** Opens a raw WebSocket and reports how the hub answered the upgrade. */
export function rawUpgrade(
  url: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: string } | { socket: WebSocket }> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url, { headers })
    socket.on('unexpected-response', (_request, response) => {
      let body = ''
      response.on('data', (chunk: Buffer) => (body += chunk.toString()))
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body }))
    })
    socket.on('open', () => resolve({ socket }))
    socket.on('error', (error) => reject(error))
  })
}

export function waitForClose(socket: WebSocket): Promise<{ code: number; reason: string }> {
  return new Promise((resolve) => socket.on('close', (code, reason) => resolve({ code, reason: reason.toString() })))
}

/** Whether the hub's stored state (its state-vector API's snapshot) holds everything `doc` has, deletions included. */
export async function hubHasStored(hubOrigin: string, docId: string, doc: Y.Doc, token = TEST_TOKEN): Promise<boolean> {
  const response = await fetch(`${hubOrigin}/api/docs/${docId}/state-vector?token=${encodeURIComponent(token)}`)
  if (!response.ok) throw new Error(`state-vector API answered ${response.status}`)
  const { snapshot } = (await response.json()) as { snapshot: string }
  return snapshotHoldsAll(Y.decodeSnapshot(fromBase64(snapshot)), Y.snapshot(doc))
}

/** Waits until the hub has committed every change `doc` holds: real state, not a guess at how long it takes. */
export async function waitUntilStored(hubOrigin: string, docId: string, doc: Y.Doc, token = TEST_TOKEN): Promise<void> {
  const started = Date.now()
  while (!(await hubHasStored(hubOrigin, docId, doc, token))) {
    if (Date.now() - started > 5000) throw new Error(`Timed out waiting for the hub to store every change to ${docId}`)
    await new Promise((resolve) => setTimeout(resolve, 10))
  }
}

/**
 * Waits until the hub has handled every message `client` sent so far. The hub handles one connection's
 * messages in order, and relays a presence change only after handling it, so when a watcher sees a
 * fresh presence marker from `client`, whatever `client` sent before it has been applied or refused.
 */
export async function waitUntilHandled(client: TestClient, watcher: TestClient): Promise<void> {
  const marker = `${Date.now()}-${Math.random()}`
  client.provider.awareness.setLocalStateField('handled', marker)
  await waitFor(
    () => watcher.provider.awareness.getStates().get(client.doc.clientID)?.handled === marker,
    'the hub to handle everything the client sent',
  )
}

/**
 * A GET sent with its path byte for byte as given. Node's fetch() normalises '/../' away before
 * sending, so it cannot test how the hub treats a path that tries to climb out of the app folder.
 */
export function rawGet(port: number, path: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const request = httpRequest({ host: '127.0.0.1', port, path, method: 'GET' }, (response) => {
      let body = ''
      response.setEncoding('utf8')
      response.on('data', (chunk: string) => (body += chunk))
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body }))
    })
    request.on('error', reject)
    request.end()
  })
}

/** One client's presence as an awareness update carries it; `state: null` means the client has gone. */
export interface RawPresenceEntry {
  clientId: number
  clock: number
  state: unknown
}

/** An awareness message carrying `entries`, byte for byte as y-protocols and y-websocket encode one. */
export function presenceMessage(...entries: RawPresenceEntry[]): Uint8Array {
  const update = encoding.createEncoder()
  encoding.writeVarUint(update, entries.length)
  for (const entry of entries) {
    encoding.writeVarUint(update, entry.clientId)
    encoding.writeVarUint(update, entry.clock)
    encoding.writeVarString(update, JSON.stringify(entry.state))
  }
  const message = encoding.createEncoder()
  encoding.writeVarUint(message, 1)
  encoding.writeVarUint8Array(message, encoding.toUint8Array(update))
  return encoding.toUint8Array(message)
}

/**
 * A raw WebSocket to a board, resolved once open, for tests that send exact bytes or play a peer that
 * stops reading or answering. It is added to `opened` before it opens, so the test can always end it.
 */
export async function openRaw(
  wsUrl: string,
  docId: string,
  opened: WebSocket[],
  options: WebSocket.ClientOptions = {},
): Promise<WebSocket> {
  const socket = new WebSocket(`${wsUrl}/${docId}?token=${TEST_TOKEN}`, options)
  opened.push(socket)
  await new Promise((resolve, reject) => {
    socket.once('open', resolve)
    socket.once('error', reject)
  })
  return socket
}
