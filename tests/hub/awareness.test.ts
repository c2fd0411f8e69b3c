import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import * as Y from 'yjs'
import {
  connectClient,
  makeDataDir,
  openRaw,
  presenceMessage,
  removeDataDir,
  TEST_TOKEN,
  startTestHub,
  synced,
  waitFor,
  waitForClose,
  waitUntilHandled,
  type TestClient,
  type TestHub,
} from './helpers'
import { announcePresenceAgain } from '../../shared/presence'
import { MAX_PRESENCE_ENTRIES_PER_MESSAGE } from '../../electron/hub/protocol'

const MALLORY_ID = 31337
/** How long a connection holding a presence id has to answer when another claims it (3 s by default). */
const CHALLENGE_MS = 500

describe('hub: presence belongs to the connection that introduced it', () => {
  let dataDir: string
  let running: TestHub
  const clients: TestClient[] = []
  const rawSockets: WebSocket[] = []

  beforeEach(async () => {
    dataDir = makeDataDir()
    running = await startTestHub(dataDir, { presenceChallengeMs: CHALLENGE_MS })
  })
  afterEach(async () => {
    clients.splice(0).forEach((client) => client.destroy())
    rawSockets.splice(0).forEach((socket) => socket.terminate())
    await running.hub.close()
    removeDataDir(dataDir)
  })

  function client(docId: string, doc?: Y.Doc): TestClient {
    const created = connectClient(running.wsUrl, docId, TEST_TOKEN, doc)
    clients.push(created)
    return created
  }

  function nameOf(watcher: TestClient, clientId: number): string | undefined {
    return (watcher.provider.awareness.getStates().get(clientId)?.user as { name?: string } | undefined)?.name
  }

  function namesSeenBy(watcher: TestClient): string[] {
    return [...watcher.provider.awareness.getStates().keys()].map((id) => nameOf(watcher, id) ?? '')
  }

  /** Alice is present and Bob sees her; Mallory is a raw connection to the same board. */
  async function aliceBobAndMallory(docId: string) {
    const alice = client(docId)
    const bob = client(docId)
    await Promise.all([synced(alice), synced(bob)])
    alice.provider.awareness.setLocalStateField('user', { name: 'Alice' })
    await waitFor(() => nameOf(bob, alice.doc.clientID) === 'Alice', 'Bob to see Alice')
    const mallory = await openRaw(running.wsUrl, docId, rawSockets)
    // Mallory has read Alice's clock from what the hub relays, and outbids it.
    const aliceClock = bob.provider.awareness.meta.get(alice.doc.clientID)?.clock ?? 0
    return { alice, bob, mallory, spoofClock: aliceClock + 100 }
  }

  function refusals(): string[] {
    return running.logger.lines.filter((line) => line.startsWith('warn hub: left out presence'))
  }

  it('refuses a state set for another connection’s id and applies the rest of the message', async () => {
    const { alice, bob, mallory, spoofClock } = await aliceBobAndMallory('spoof')
    mallory.send(
      presenceMessage(
        { clientId: alice.doc.clientID, clock: spoofClock, state: { user: { name: 'Mallory posing as Alice' } } },
        { clientId: MALLORY_ID, clock: 1, state: { user: { name: 'Mallory' } } },
      ),
    )
    await waitFor(() => nameOf(bob, MALLORY_ID) === 'Mallory', 'Bob to see Mallory’s own presence')
    // Alice's connection is asked whether it is still there; it answers at once, and keeps her id.
    await waitFor(() => refusals().length > 0, 'the hub to refuse the spoofed entry')
    expect(nameOf(bob, alice.doc.clientID)).toBe('Alice')
    expect(nameOf(alice, alice.doc.clientID)).toBe('Alice')
    expect(refusals()).toEqual([
      `warn hub: left out presence from a connection to spoof for 1 client: 1 owned by another connection (client ${alice.doc.clientID})`,
    ])

    const carol = client('spoof')
    await waitFor(() => nameOf(carol, MALLORY_ID) === 'Mallory', 'Carol, joining later, to see everyone')
    expect(nameOf(carol, alice.doc.clientID)).toBe('Alice')
    expect(mallory.readyState).toBe(WebSocket.OPEN)
  })

  it('refuses removing another connection’s presence', async () => {
    const { alice, bob, mallory, spoofClock } = await aliceBobAndMallory('removal')
    mallory.send(
      presenceMessage(
        { clientId: alice.doc.clientID, clock: spoofClock, state: null },
        { clientId: MALLORY_ID, clock: 1, state: { user: { name: 'Mallory' } } },
      ),
    )
    await waitFor(() => nameOf(bob, MALLORY_ID) === 'Mallory', 'Bob to see Mallory’s own presence')
    await waitFor(() => refusals().length > 0, 'the hub to refuse the removal')
    expect(nameOf(bob, alice.doc.clientID)).toBe('Alice')
    expect(refusals()).toHaveLength(1)

    // Her own presence Alice can still change; others see the change.
    alice.provider.awareness.setLocalStateField('user', { name: 'Alice B.' })
    await waitFor(() => nameOf(bob, alice.doc.clientID) === 'Alice B.', 'Bob to see Alice’s own change')
  })

  it('refuses an oversized presence state: never relayed, never shown to joiners', async () => {
    const { bob, mallory } = await aliceBobAndMallory('oversized')
    const huge = { user: { name: 'Huge' }, padding: 'x'.repeat(100 * 1024) }
    mallory.send(presenceMessage({ clientId: MALLORY_ID, clock: 1, state: huge }))
    mallory.send(presenceMessage({ clientId: MALLORY_ID + 1, clock: 1, state: { user: { name: 'Small' } } }))
    await waitFor(() => nameOf(bob, MALLORY_ID + 1) === 'Small', 'Bob to see the small state sent after the huge one')
    expect(bob.provider.awareness.getStates().has(MALLORY_ID)).toBe(false)
    expect(refusals()).toEqual([
      `warn hub: left out presence from a connection to oversized for 1 client: 1 with a state over the 64 KiB limit (client ${MALLORY_ID})`,
    ])

    const joiner = client('oversized')
    await waitFor(() => namesSeenBy(joiner).includes('Small'), 'the joiner to receive everyone present')
    expect(namesSeenBy(joiner)).not.toContain('Huge')
    expect(joiner.provider.awareness.getStates().has(MALLORY_ID)).toBe(false)
  })

  it('refuses a presence message with more entries than one may hold, before reading them, and carries on', async () => {
    const { alice, bob, mallory } = await aliceBobAndMallory('flood')
    const closed = waitForClose(mallory)
    const flood = Array.from({ length: MAX_PRESENCE_ENTRIES_PER_MESSAGE + 1 }, (_, index) => ({
      clientId: MALLORY_ID + index,
      clock: 1,
      state: { user: { name: `Flood ${index}` } },
    }))
    mallory.send(presenceMessage(...flood))
    expect(await closed).toEqual({
      code: 1007,
      reason: `Refused: the awareness update could not be applied: it has 1001 entries (at most ${MAX_PRESENCE_ENTRIES_PER_MESSAGE})`,
    })
    expect(running.logger.lines.filter((line) => /1001 entries/.test(line))).toHaveLength(1)
    expect(bob.provider.awareness.getStates().has(MALLORY_ID)).toBe(false)
    alice.provider.awareness.setLocalStateField('user', { name: 'Alice, still here' })
    await waitFor(() => nameOf(bob, alice.doc.clientID) === 'Alice, still here', 'Bob to follow Alice after the flood')
  })

  it('logs a message’s refused entries as one short line with counts, however many there are', async () => {
    const { alice, bob, mallory } = await aliceBobAndMallory('many-refused')
    const huge = { clientId: 1, clock: 1, state: { padding: 'x'.repeat(100 * 1024) } }
    const entries = Array.from({ length: MAX_PRESENCE_ENTRIES_PER_MESSAGE - 1 }, (_, index) => ({
      clientId: MALLORY_ID + index,
      clock: 1,
      state: { user: { name: `Mallory ${index}` } },
    }))
    mallory.send(presenceMessage(huge, ...entries))
    await waitFor(() => nameOf(bob, MALLORY_ID) === 'Mallory 0', 'Bob to see Mallory’s first ids')
    const ids = (from: number) => [0, 1, 2, 3, 4].map((index) => MALLORY_ID + from + index).join(', ')
    expect(refusals()).toEqual([
      `warn hub: left out presence from a connection to many-refused for 996 clients: 1 with a state over the 64 KiB limit ` +
        `(client 1); 995 beyond the 4 a connection may speak for (clients ${ids(4)} and 990 more)`,
    ])
    expect(nameOf(bob, alice.doc.clientID)).toBe('Alice')
    expect(mallory.readyState).toBe(WebSocket.OPEN)
  })

  it('hands a presence id to a reconnecting client at once when the old connection holding it is half-open', async () => {
    const bob = client('handover')
    await synced(bob)
    // Dana's window: one Awareness across connections, so her clock keeps counting up.
    const danaDoc = new Y.Doc()
    const oldConnection = await openRaw(running.wsUrl, 'handover', rawSockets)
    oldConnection.send(presenceMessage({ clientId: danaDoc.clientID, clock: 1, state: { user: { name: 'Dana' } } }))
    await waitFor(() => nameOf(bob, danaDoc.clientID) === 'Dana', 'Bob to see Dana')
    // The Wi-Fi blips: nothing gets through to or from the old socket any more, and the hub cannot tell.
    oldConnection.pause()

    const dana = client('handover', danaDoc)
    dana.provider.awareness.setLocalStateField('user', { name: 'Dana, back' })
    dana.provider.on('status', ({ status }: { status: string }) => {
      if (status === 'connected') announcePresenceAgain(dana.provider.awareness)
    })
    await waitFor(() => nameOf(bob, danaDoc.clientID) === 'Dana, back', 'Bob to see Dana’s new connection', 5000)
    expect(running.logger.lines.filter((line) => line.includes('dropped a connection to handover'))).toEqual([
      `warn hub: dropped a connection to handover: a new connection claims its presence (client ${danaDoc.clientID}) ` +
        `and it did not answer a ping within ${CHALLENGE_MS} ms`,
    ])
    // The old connection's departure took nothing with it: Dana's id is her new connection's now.
    await waitUntilHandled(dana, bob)
    expect(nameOf(bob, danaDoc.clientID)).toBe('Dana, back')
    const joiner = client('handover')
    await waitFor(() => nameOf(joiner, danaDoc.clientID) === 'Dana, back', 'a joiner to see Dana too')
    expect(refusals()).toEqual([])
  })

  it('keeps a presence id with its holder when the holder answers, however often another connection claims it', async () => {
    const { alice, bob, mallory, spoofClock } = await aliceBobAndMallory('live-holder')
    const aliceSocket = alice.provider.ws
    for (const attempt of [1, 2]) {
      mallory.send(presenceMessage({ clientId: alice.doc.clientID, clock: spoofClock + attempt, state: { user: { name: 'Not Alice' } } }))
      await waitFor(() => refusals().length === attempt, `the hub to refuse claim ${attempt} once Alice’s connection answers`)
    }
    expect(refusals()[1]).toBe(
      `warn hub: left out presence from a connection to live-holder for 1 client: 1 owned by another connection (client ${alice.doc.clientID})`,
    )
    await waitUntilHandled(alice, bob)
    expect(nameOf(bob, alice.doc.clientID)).toBe('Alice')
    expect(alice.provider.ws).toBe(aliceSocket)
    expect(running.logger.lines.filter((line) => line.includes('dropped a connection'))).toEqual([])
    expect(mallory.readyState).toBe(WebSocket.OPEN)
  })

  it('shows a reconnected person again at once when their window announces its presence on connecting', async () => {
    const alice = client('back-at-once')
    const bob = client('back-at-once')
    // What the app's window does on every connection (renderer/src/useBoardSession.ts).
    alice.provider.on('status', ({ status }: { status: string }) => {
      if (status === 'connected') announcePresenceAgain(alice.provider.awareness)
    })
    await Promise.all([synced(alice), synced(bob)])
    alice.provider.awareness.setLocalStateField('user', { name: 'Alice' })
    await waitFor(() => nameOf(bob, alice.doc.clientID) === 'Alice', 'Bob to see Alice')
    alice.provider.disconnect()
    await waitFor(() => nameOf(bob, alice.doc.clientID) === undefined, 'Alice to leave Bob’s list')
    alice.provider.connect()
    // No change of hers after reconnecting: well within the 15 s renewal, she is listed again.
    await waitFor(() => nameOf(bob, alice.doc.clientID) === 'Alice', 'Alice to be back in Bob’s list', 5000)
    expect(refusals()).toEqual([])
  })

  it('keeps normal presence working, including a client that reconnects with its same id', async () => {
    const alice = client('normal')
    const bob = client('normal')
    await Promise.all([synced(alice), synced(bob)])
    alice.provider.awareness.setLocalStateField('user', { name: 'Alice' })
    bob.provider.awareness.setLocalStateField('user', { name: 'Bob' })
    await waitFor(() => nameOf(bob, alice.doc.clientID) === 'Alice', 'Bob to see Alice')
    await waitFor(() => nameOf(alice, bob.doc.clientID) === 'Bob', 'Alice to see Bob')

    alice.provider.disconnect()
    await waitFor(() => nameOf(bob, alice.doc.clientID) === undefined, 'Alice to leave Bob’s list')
    alice.provider.connect()
    await synced(alice)
    // Her first message repeats the clock her presence had, which any y-websocket server ignores; her
    // next change (a caret move, or the renewal every 15 s) re-introduces the id her old connection held.
    alice.provider.awareness.setLocalStateField('user', { name: 'Alice again' })
    await waitFor(() => nameOf(bob, alice.doc.clientID) === 'Alice again', 'Alice, reconnected with the same id, to be back')
    bob.provider.awareness.setLocalStateField('user', { name: 'Bob again' })
    await waitFor(() => nameOf(alice, bob.doc.clientID) === 'Bob again', 'Alice to follow Bob’s changes')
    // Every client echoes the presence it receives back to the hub; none of that is taken for spoofing.
    expect(refusals()).toEqual([])
  })
})
