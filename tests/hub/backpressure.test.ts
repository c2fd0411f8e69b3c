import { afterEach, describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import * as Y from 'yjs'
import * as encoding from 'lib0/encoding'
import type { HubOptions } from '../../electron/hub/types'
import {
  connectClient,
  makeDataDir,
  openRaw,
  removeDataDir,
  startTestHub,
  synced,
  waitFor,
  waitForClose,
  TEST_TOKEN,
  type TestClient,
  type TestHub,
} from './helpers'

const MiB = 1024 * 1024
const ENTRY_BYTES = 512 * 1024
const BOARD_ENTRIES = 6

/** Sync step 1 with an empty state vector: "send me the whole board". */
function wholeBoardRequest(): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, 0)
  encoding.writeVarUint(encoder, 0)
  encoding.writeVarUint8Array(encoder, Y.encodeStateVector(new Y.Doc()))
  return encoding.toUint8Array(encoder)
}

/**
 * Records the largest bufferedAmount of any hub-side socket right after the hub queued a message on
 * it: what the hub holds in memory for a connection that has not read it yet. Hub-side sockets are
 * the ones without a URL (ws gives one only to sockets it dialled).
 */
function watchHubQueues(): { largest(): number; restore(): void } {
  const prototype = WebSocket.prototype as unknown as { send: (this: WebSocket, ...args: unknown[]) => void }
  const original = prototype.send
  let largest = 0
  prototype.send = function (this: WebSocket, ...args: unknown[]) {
    original.apply(this, args)
    if (!this.url) largest = Math.max(largest, this.bufferedAmount)
  }
  return { largest: () => largest, restore: () => (prototype.send = original) }
}

describe('hub: a client that does not read cannot exhaust the hub’s memory', () => {
  let dataDir: string
  let running: TestHub | null = null
  let queues: ReturnType<typeof watchHubQueues> | null = null
  const clients: TestClient[] = []
  const rawSockets: WebSocket[] = []

  afterEach(async () => {
    queues?.restore()
    clients.splice(0).forEach((client) => client.destroy())
    rawSockets.splice(0).forEach((socket) => socket.terminate())
    await running?.hub.close()
    removeDataDir(dataDir)
  })

  async function startWith(options: Partial<HubOptions>): Promise<TestHub> {
    dataDir = makeDataDir()
    running = await startTestHub(dataDir, options)
    queues = watchHubQueues()
    return running
  }

  function client(hub: TestHub, docId: string, doc?: Y.Doc): TestClient {
    const created = connectClient(hub.wsUrl, docId, TEST_TOKEN, doc)
    clients.push(created)
    return created
  }

  /** Several MB of board, built with Yjs and synced to the hub by a real client; then two people on it. */
  async function bigBoardWithTwoPeople(hub: TestHub, docId: string) {
    const built = new Y.Doc()
    const entries = built.getMap<string>('entries')
    for (let index = 0; index < BOARD_ENTRIES; index++) entries.set(`entry-${index}`, String(index).repeat(ENTRY_BYTES))
    const builder = client(hub, docId, built)
    await synced(builder)
    const alice = client(hub, docId)
    await waitFor(() => alice.doc.getMap('entries').size === BOARD_ENTRIES, 'Alice to load the big board', 15_000)
    const bob = client(hub, docId)
    await waitFor(() => bob.doc.getMap('entries').size === BOARD_ENTRIES, 'Bob to load the big board', 15_000)
    return { alice, bob }
  }

  async function stillSyncing(alice: TestClient, bob: TestClient, note: string): Promise<void> {
    alice.doc.getText('notes').insert(0, `${note} from Alice. `)
    await waitFor(() => bob.doc.getText('notes').toString().includes(`${note} from Alice.`), `Bob to see “${note}”`)
    bob.doc.getText('notes').insert(0, `${note} from Bob. `)
    await waitFor(() => alice.doc.getText('notes').toString().includes(`${note} from Bob.`), `Alice to see “${note}”`)
  }

  function fellBehindLines(hub: TestHub, docId: string): string[] {
    return hub.logger.lines.filter((line) => line.startsWith(`warn hub: closed a connection to ${docId} that fell behind`))
  }

  it('closes a non-reader that keeps asking for a big board, never queues past the limit, and the others carry on', async () => {
    const hardLimit = 8 * MiB
    const hub = await startWith({ sendQueueSoftLimitBytes: 1 * MiB, sendQueueHardLimitBytes: hardLimit, sendQueueGraceMs: 2000 })
    const { alice, bob } = await bigBoardWithTwoPeople(hub, 'big')
    await stillSyncing(alice, bob, 'Before')

    const spammer = await openRaw(hub.wsUrl, 'big', rawSockets)
    spammer.pause()
    const requests = 60
    for (let request = 0; request < requests; request++) spammer.send(wholeBoardRequest())
    await waitFor(() => fellBehindLines(hub, 'big').length > 0, 'the hub to close the non-reader', 15_000)
    await stillSyncing(alice, bob, 'During')

    // Once it reads again it finds what was queued (far less than 60 whole boards), then the reason.
    let boardsReceived = 0
    spammer.on('message', () => boardsReceived++)
    const closed = waitForClose(spammer)
    spammer.resume()
    expect(await closed).toEqual({ code: 1013, reason: 'Closed: this connection fell too far behind; reconnect to catch up' })
    expect(boardsReceived).toBeLessThan(requests / 2)
    expect(queues!.largest()).toBeLessThanOrEqual(hardLimit)
    expect(fellBehindLines(hub, 'big')).toHaveLength(1)
    await stillSyncing(alice, bob, 'After')
    expect(alice.provider.wsconnected && bob.provider.wsconnected).toBe(true)
  })

  it('closes a paused client that stays behind for the grace period while others edit', async () => {
    const softLimit = 1 * MiB
    const hub = await startWith({ sendQueueSoftLimitBytes: softLimit, sendQueueHardLimitBytes: 256 * MiB, sendQueueGraceMs: 300 })
    const alice = client(hub, 'busy')
    const bob = client(hub, 'busy')
    await Promise.all([synced(alice), synced(bob)])
    const paused = await openRaw(hub.wsUrl, 'busy', rawSockets)
    paused.pause()

    // Edits pile up for the paused client: first in the kernel's socket buffers, then in the hub.
    const chunk = 'x'.repeat(128 * 1024)
    let edits = 0
    while (queues!.largest() <= softLimit) {
      alice.doc.getMap('chunks').set(String(edits++), chunk)
      await waitFor(() => bob.doc.getMap('chunks').size === edits, 'Bob to receive the edit', 10_000)
      if (edits > 2000) throw new Error('the paused client’s queue never grew past the soft limit')
    }
    await waitFor(() => fellBehindLines(hub, 'busy').length > 0, 'the hub to close the paused client')
    expect(fellBehindLines(hub, 'busy')[0]).toMatch(/still unread after 300 ms/)

    const closed = waitForClose(paused)
    paused.resume()
    expect((await closed).code).toBe(1013)
    await stillSyncing(alice, bob, 'Afterwards')
  })
})
