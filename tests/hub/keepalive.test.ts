import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import * as encoding from 'lib0/encoding'
import { connectClient, makeDataDir, removeDataDir, startTestHub, synced, waitFor, waitForClose, TEST_TOKEN, type TestClient, type TestHub } from './helpers'

const PERIOD_MS = 100
const PERIODS_TO_OUTLIVE = 6

/** An awareness message announcing `state` for `clientId`, as y-websocket would send it. */
function presenceMessage(clientId: number, clock: number, state: unknown): Uint8Array {
  const update = encoding.createEncoder()
  encoding.writeVarUint(update, 1)
  encoding.writeVarUint(update, clientId)
  encoding.writeVarUint(update, clock)
  encoding.writeVarString(update, JSON.stringify(state))
  const message = encoding.createEncoder()
  encoding.writeVarUint(message, 1)
  encoding.writeVarUint8Array(message, encoding.toUint8Array(update))
  return encoding.toUint8Array(message)
}

/** The y-websocket client's own `ws` socket, to watch the pings the hub sends it. */
function socketOf(client: TestClient): WebSocket {
  const socket = client.provider.ws as unknown as WebSocket | null
  if (!socket) throw new Error('the client is not connected')
  return socket
}

function countPings(socket: WebSocket): () => number {
  let pings = 0
  socket.on('ping', () => pings++)
  return () => pings
}

describe('hub: keep-alive', () => {
  let dataDir: string
  let running: TestHub
  const clients: TestClient[] = []
  const rawSockets: WebSocket[] = []

  beforeEach(async () => {
    dataDir = makeDataDir()
    running = await startTestHub(dataDir, { keepAliveMs: PERIOD_MS })
  })
  afterEach(async () => {
    clients.splice(0).forEach((client) => client.destroy())
    rawSockets.splice(0).forEach((socket) => socket.terminate())
    await running.hub.close()
    removeDataDir(dataDir)
  })

  function client(docId: string): TestClient {
    const created = connectClient(running.wsUrl, docId)
    clients.push(created)
    return created
  }

  async function openRaw(docId: string, options: WebSocket.ClientOptions = {}): Promise<WebSocket> {
    const socket = new WebSocket(`${running.wsUrl}/${docId}?token=${TEST_TOKEN}`, options)
    rawSockets.push(socket)
    await new Promise((resolve, reject) => {
      socket.once('open', resolve)
      socket.once('error', reject)
    })
    return socket
  }

  function namesSeenBy(watcher: TestClient): string[] {
    return [...watcher.provider.awareness.getStates().values()].map((state) => (state.user as { name?: string } | undefined)?.name ?? '')
  }

  it('keeps idle and busy connections open across several ping periods', async () => {
    const idle = client('kept')
    const busy = client('kept')
    const watcher = client('kept')
    await Promise.all([synced(idle), synced(busy), synced(watcher)])
    const statusChanges: string[] = []
    for (const each of [idle, busy, watcher]) each.provider.on('status', ({ status }) => statusChanges.push(status))
    const sockets = [idle, busy, watcher].map(socketOf)
    const pingsSeen = sockets.map(countPings)

    // Each ping is a tick of the hub's keep-alive, so every socket has lived through that many ticks.
    let edits = 0
    while (pingsSeen.some((pings) => pings() < PERIODS_TO_OUTLIVE)) {
      busy.doc.getText('notes').insert(0, 'x')
      edits++
      await waitFor(() => watcher.doc.getText('notes').length === edits, 'the watcher to receive the busy edit')
    }

    expect(sockets.every((socket) => socket.readyState === WebSocket.OPEN)).toBe(true)
    expect([idle, busy, watcher].map((each) => socketOf(each))).toEqual(sockets)
    expect(statusChanges).toEqual([])
    expect(running.logger.lines.filter((line) => /no answer to a ping/.test(line))).toEqual([])
    expect(idle.doc.getText('notes').length).toBe(edits)
  })

  it('drops a peer that stops answering pings, and removes its presence for everyone', async () => {
    const watcher = client('silent')
    await synced(watcher)
    const silent = await openRaw('silent', { autoPong: false })
    silent.send(presenceMessage(424242, 1, { user: { name: 'Gone quiet' } }))
    await waitFor(() => namesSeenBy(watcher).includes('Gone quiet'), 'the watcher to see the silent peer')

    const closed = await waitForClose(silent)
    expect(closed.code).toBe(1006)
    await waitFor(() => !namesSeenBy(watcher).includes('Gone quiet'), 'the silent peer’s presence to be removed')
    expect(running.logger.lines.some((line) => /warn hub: dropped a connection to silent: no answer to a ping/.test(line))).toBe(true)
    expect(socketOf(watcher).readyState).toBe(WebSocket.OPEN)
  })

  it('drops a peer whose socket is paused (it reads nothing, so it cannot answer)', async () => {
    const watcher = client('paused')
    await synced(watcher)
    const paused = await openRaw('paused')
    paused.send(presenceMessage(515151, 1, { user: { name: 'Paused' } }))
    await waitFor(() => namesSeenBy(watcher).includes('Paused'), 'the watcher to see the paused peer')
    paused.pause()

    await waitFor(() => !namesSeenBy(watcher).includes('Paused'), 'the paused peer’s presence to be removed')
    expect(running.logger.lines.some((line) => /dropped a connection to paused: no answer to a ping/.test(line))).toBe(true)
    expect(socketOf(watcher).readyState).toBe(WebSocket.OPEN)
  })
})
