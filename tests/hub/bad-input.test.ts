import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type WebSocket from 'ws'
import * as encoding from 'lib0/encoding'
import { startTestHub, connectClient, makeDataDir, openRaw, removeDataDir, synced, waitFor, waitForClose, type TestHub, type TestClient } from './helpers'

/** Frames as y-websocket would send them, but broken in the ways a buggy or hostile client might. */
function frame(...parts: ((encoder: encoding.Encoder) => void)[]): Uint8Array {
  const encoder = encoding.createEncoder()
  for (const part of parts) part(encoder)
  return encoding.toUint8Array(encoder)
}
const uint = (value: number) => (encoder: encoding.Encoder) => encoding.writeVarUint(encoder, value)
const bytes = (value: Uint8Array) => (encoder: encoding.Encoder) => encoding.writeVarUint8Array(encoder, value)
const raw = (value: Uint8Array) => (encoder: encoding.Encoder) => encoding.writeUint8Array(encoder, value)

const BAD_MESSAGES: [string, Uint8Array | string, RegExp][] = [
  ['an empty frame', new Uint8Array(0), /empty or truncated/],
  ['an unknown message type', frame(uint(7), bytes(new Uint8Array([1]))), /unknown message type 7/],
  ['a truncated sync update', frame(uint(0), uint(2), uint(50), raw(new Uint8Array([1, 2, 3]))), /truncated/],
  ['an update Yjs cannot read', frame(uint(0), uint(2), bytes(new Uint8Array([200, 1, 255, 255, 255, 255, 15]))), /cannot be read/],
  ['bytes after a complete message', frame(uint(0), uint(0), bytes(new Uint8Array([0])), uint(9)), /unexpected bytes/],
  ['a broken awareness message', frame(uint(1), bytes(new Uint8Array([1, 5, 1, 99, 99]))), /could not be applied/],
  ['a text frame', 'hello', /text frames/],
]

describe('hub: bad input closes one connection and harms nothing else', () => {
  let dataDir: string
  let running: TestHub
  const clients: TestClient[] = []

  beforeEach(async () => {
    dataDir = makeDataDir()
    running = await startTestHub(dataDir, { maxMessageBytes: 64 * 1024 })
  })
  afterEach(async () => {
    clients.splice(0).forEach((client) => client.destroy())
    await running.hub.close()
    removeDataDir(dataDir)
  })

  const rawSockets: WebSocket[] = []
  afterEach(() => rawSockets.splice(0).forEach((socket) => socket.terminate()))
  const openAttacker = (docId: string) => openRaw(running.wsUrl, docId, rawSockets)

  async function twoHealthyRooms() {
    const alice = connectClient(running.wsUrl, 'shared-room')
    const bob = connectClient(running.wsUrl, 'shared-room')
    const elsewhere = connectClient(running.wsUrl, 'other-room')
    clients.push(alice, bob, elsewhere)
    await Promise.all([synced(alice), synced(bob), synced(elsewhere)])
    alice.doc.getText('notes').insert(0, 'Before the bad message. ')
    await waitFor(() => bob.doc.getText('notes').toString().length > 0, 'Bob to see Alice’s first note')
    return { alice, bob, elsewhere }
  }

  async function stillWorking({ alice, bob, elsewhere }: Awaited<ReturnType<typeof twoHealthyRooms>>) {
    alice.doc.getText('notes').insert(0, 'After. ')
    await waitFor(() => bob.doc.getText('notes').toString() === 'After. Before the bad message. ', 'the room to carry on')
    elsewhere.doc.getText('notes').insert(0, 'Other room fine.')
    const check = connectClient(running.wsUrl, 'other-room')
    clients.push(check)
    await waitFor(() => check.doc.getText('notes').toString() === 'Other room fine.', 'the other room to carry on')
  }

  for (const [name, message, reason] of BAD_MESSAGES) {
    it(`refuses ${name} with close code 1007 and a reason, and logs it`, async () => {
      const healthy = await twoHealthyRooms()
      const attacker = await openAttacker('shared-room')
      const closed = waitForClose(attacker)
      attacker.send(message)
      const { code, reason: said } = await closed
      expect(code).toBe(1007)
      expect(said).toMatch(reason)
      expect(running.logger.lines.some((line) => line.startsWith('warn') && reason.test(line))).toBe(true)
      await stillWorking(healthy)
    })
  }

  it('refuses an oversized frame with close code 1009 and keeps what was stored', async () => {
    const healthy = await twoHealthyRooms()
    const attacker = await openAttacker('shared-room')
    const closed = waitForClose(attacker)
    attacker.send(new Uint8Array(64 * 1024 + 1))
    expect((await closed).code).toBe(1009)
    expect(running.logger.lines.some((line) => /Max payload size exceeded/i.test(line))).toBe(true)
    await stillWorking(healthy)
  })

  it('keeps every stored byte: after all the bad input, a restart shows exactly the good content', async () => {
    const healthy = await twoHealthyRooms()
    for (const [, message] of BAD_MESSAGES) {
      const attacker = await openAttacker('shared-room')
      const closed = waitForClose(attacker)
      attacker.send(message)
      await closed
    }
    await stillWorking(healthy)
    const expected = healthy.alice.doc.getText('notes').toString()
    expect(expected).toBe('After. Before the bad message. ')
    clients.splice(0).forEach((client) => client.destroy())
    await running.hub.close()
    running = await startTestHub(dataDir)
    const reader = connectClient(running.wsUrl, 'shared-room')
    clients.push(reader)
    await synced(reader)
    expect(reader.doc.getText('notes').toString()).toBe(expected)
  })
})
