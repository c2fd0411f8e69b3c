import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import {
  connectClient,
  makeDataDir,
  openRaw,
  presenceMessage,
  removeDataDir,
  startTestHub,
  synced,
  waitFor,
  waitForClose,
  type TestClient,
  type TestHub,
} from './helpers'

// Long enough that a busy test machine's pauses rarely cost a period; the hub forgives one anyway.
const PERIOD_MS = 250
const PERIODS_TO_OUTLIVE = 6

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
    const silent = await openRaw(running.wsUrl, 'silent', rawSockets, { autoPong: false })
    silent.send(presenceMessage({ clientId: 424242, clock: 1, state: { user: { name: 'Gone quiet' } } }))
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
    const paused = await openRaw(running.wsUrl, 'paused', rawSockets)
    paused.send(presenceMessage({ clientId: 515151, clock: 1, state: { user: { name: 'Paused' } } }))
    await waitFor(() => namesSeenBy(watcher).includes('Paused'), 'the watcher to see the paused peer')
    paused.pause()

    await waitFor(() => !namesSeenBy(watcher).includes('Paused'), 'the paused peer’s presence to be removed')
    expect(running.logger.lines.some((line) => /dropped a connection to paused: no answer to a ping/.test(line))).toBe(true)
    expect(socketOf(watcher).readyState).toBe(WebSocket.OPEN)
  })

  it('keeps a live peer when the hub itself is late for a tick (its event loop stalled)', async () => {
    const idle = client('late')
    await synced(idle)
    const socket = socketOf(idle)
    const pingsSeen = countPings(socket)
    // Stalls the whole process (hub included) for more than a period right after a ping is answered,
    // as a long GC would: the overdue tick then runs before the hub has read that answer.
    socket.once('ping', () => {
      const until = Date.now() + PERIOD_MS * 1.5
      while (Date.now() < until) {
        // busy: nothing else may run
      }
    })

    await waitFor(() => pingsSeen() >= 4 || socket.readyState !== WebSocket.OPEN, 'three more keep-alive ticks after the stall')
    expect(socketOf(idle)).toBe(socket)
    expect(socket.readyState).toBe(WebSocket.OPEN)
    expect(running.logger.lines.filter((line) => /no answer to a ping/.test(line))).toEqual([])
  })

  it('leaves a connection closed for falling behind to ws, without calling it silent', async () => {
    await running.hub.close()
    running = await startTestHub(dataDir, {
      keepAliveMs: PERIOD_MS,
      sendQueueSoftLimitBytes: 256 * 1024,
      sendQueueHardLimitBytes: 1024 * 1024,
      sendQueueGraceMs: 60_000,
    })
    const alice = client('behind')
    const bob = client('behind')
    await Promise.all([synced(alice), synced(bob)])
    const stuck = await openRaw(running.wsUrl, 'behind', rawSockets)
    stuck.pause()
    // It reads nothing but keeps talking, so the keep-alive hears from it until the outbox closes it.
    let clock = 0
    const chatter = setInterval(() => stuck.send(presenceMessage({ clientId: 777, clock: ++clock, state: { user: { name: 'Stuck' } } })), 20)
    const fellBehind = () => running.logger.lines.filter((line) => line.startsWith('warn hub: closed a connection to behind that fell behind'))
    try {
      const chunk = 'x'.repeat(128 * 1024)
      let edits = 0
      while (fellBehind().length === 0) {
        alice.doc.getMap('chunks').set(String(edits++), chunk)
        await waitFor(() => bob.doc.getMap('chunks').size === edits, 'Bob to receive the edit', 10_000)
        if (edits > 2000) throw new Error('the stuck client was never closed for falling behind')
      }
    } finally {
      clearInterval(chatter)
    }

    // Its closing handshake waits behind what it never read, so it is still closing for these ticks.
    const ticks = countPings(socketOf(bob))
    await waitFor(() => ticks() >= 4, 'four keep-alive ticks after the close')
    expect(stuck.readyState).toBe(WebSocket.OPEN)
    expect(running.logger.lines.filter((line) => /no answer to a ping/.test(line))).toEqual([])
    expect(fellBehind()).toHaveLength(1)
  })
})
