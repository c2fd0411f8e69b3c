import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { initialiseBoard } from '../../shared/board'
import { addEntry, moveEntryAfter } from '../../shared/plan/entries'
import { readPlan } from '../../shared/plan/read'
import {
  connectClient,
  hubHasStored,
  makeDataDir,
  removeDataDir,
  startTestHub,
  synced,
  waitFor,
  waitUntilStored,
  TEST_TOKEN,
  type TestHub,
  type TestClient,
} from './helpers'

describe('hub: live sync between real y-websocket clients', () => {
  let dataDir: string
  let running: TestHub
  const clients: TestClient[] = []

  beforeEach(async () => {
    dataDir = makeDataDir()
    running = await startTestHub(dataDir)
  })
  afterEach(async () => {
    clients.splice(0).forEach((client) => client.destroy())
    await running.hub.close()
    removeDataDir(dataDir)
  })

  function client(docId: string): TestClient {
    const created = connectClient(running.wsUrl, docId)
    clients.push(created)
    return created
  }

  it('shows one person’s entry and move to the other, both ways', async () => {
    const alice = client('plan-1')
    const bob = client('plan-1')
    await Promise.all([synced(alice), synced(bob)])
    const today = '2026-11-23'
    const strengths = (doc: typeof alice.doc) => readPlan(doc, today).strengths.map((entry) => entry.text)

    initialiseBoard(alice.doc, { kind: 'plan', title: 'J.S. care plan', now: new Date() })
    const first = addEntry(alice.doc, 'strength', { text: 'Loves gardening', holder: 'person', voice: 'person' }, { by: 'Alice', now: new Date() })
    addEntry(alice.doc, 'strength', { text: 'Close to her daughter', holder: 'family', voice: 'person' }, { by: 'Alice', now: new Date() })
    await waitFor(() => strengths(bob.doc).length === 2, 'Bob to see Alice’s entries')
    expect(readPlan(bob.doc, today).strengths[0].addedBy).toBe('Alice')

    if (!first.ok) throw new Error('could not add')
    moveEntryAfter(bob.doc, first.value, readPlan(bob.doc, today).strengths[1].id)
    await waitFor(() => strengths(alice.doc)[1] === 'Loves gardening', 'Alice to see Bob’s move')
    expect(strengths(alice.doc)).toEqual(['Close to her daughter', 'Loves gardening'])
  })

  it('keeps rooms apart: a change to one board never reaches another', async () => {
    const inOne = client('board-one')
    const inTwo = client('board-two')
    await Promise.all([synced(inOne), synced(inTwo)])
    inOne.doc.getMap('meta').set('title', 'only in one')
    const witness = client('board-one')
    await waitFor(() => witness.doc.getMap('meta').get('title') === 'only in one', 'the same room to receive it')
    expect(inTwo.doc.getMap('meta').get('title')).toBeUndefined()
  })

  it('relays presence (awareness) and removes it when someone leaves', async () => {
    const alice = client('plan-2')
    const bob = client('plan-2')
    await Promise.all([synced(alice), synced(bob)])
    alice.provider.awareness.setLocalStateField('user', { name: 'Alice', color: '#005eb8' })
    const namesBobSees = () =>
      [...bob.provider.awareness.getStates().values()].map((state) => (state.user as { name?: string } | undefined)?.name)
    await waitFor(() => namesBobSees().includes('Alice'), 'Bob to see Alice is here')
    alice.provider.disconnect()
    await waitFor(() => !namesBobSees().includes('Alice'), 'Alice to leave Bob’s list')
  })

  it('lists boards newest first, titled from each board’s own meta, for the home screen', async () => {
    const first = client('older')
    await synced(first)
    initialiseBoard(first.doc, { kind: 'plan', title: 'Older plan', now: new Date() })
    await waitUntilStored(running.hub.origin, 'older', first.doc)
    // The list is ordered by the time of each board's last stored change, to the millisecond.
    const storedAt = Date.now()
    await waitFor(() => Date.now() > storedAt, 'the clock to pass the older board’s last change')
    const second = client('newer')
    await synced(second)
    initialiseBoard(second.doc, { kind: 'plan', title: 'Newer plan', now: new Date() })
    await waitUntilStored(running.hub.origin, 'newer', second.doc)
    const list = async () => {
      const response = await fetch(`${running.hub.origin}/api/docs?token=${TEST_TOKEN}`)
      return (await response.json()) as { documents: { id: string; title: string; kind: string }[] }
    }
    const { documents } = await list()
    expect(documents.map((entry) => [entry.id, entry.title, entry.kind])).toEqual([
      ['newer', 'Newer plan', 'plan'],
      ['older', 'Older plan', 'plan'],
    ])
    // A board that was only looked at, never written, is not listed.
    const viewer = client('just-looking')
    await synced(viewer)
    expect((await list()).documents.map((entry) => entry.id)).not.toContain('just-looking')
  })

  it('reports what it has stored, so a client can say “Saved” only when it is', async () => {
    const writer = client('saved-check')
    await synced(writer)
    const hubHasEverything = () => hubHasStored(running.hub.origin, 'saved-check', writer.doc)
    writer.provider.disconnect()
    writer.doc.getText('notes').insert(0, 'typed while offline')
    expect(await hubHasEverything()).toBe(false)
    writer.provider.connect()
    await synced(writer)
    await waitUntilStored(running.hub.origin, 'saved-check', writer.doc)
    expect(await hubHasEverything()).toBe(true)
  })

  it('reports a deletion made offline as not stored until the hub has it (deletions move no clock)', async () => {
    const writer = client('deleted-offline')
    await synced(writer)
    writer.doc.getMap('entries').set('need-1', 'Falls at night')
    writer.doc.getText('notes').insert(0, 'Knock before coming in')
    await waitUntilStored(running.hub.origin, 'deleted-offline', writer.doc)
    writer.provider.disconnect()
    writer.doc.getMap('entries').delete('need-1')
    writer.doc.getText('notes').delete(0, 6)
    expect(await hubHasStored(running.hub.origin, 'deleted-offline', writer.doc)).toBe(false)
    writer.provider.connect()
    await waitUntilStored(running.hub.origin, 'deleted-offline', writer.doc)
    const reader = client('deleted-offline')
    await synced(reader)
    expect(reader.doc.getMap('entries').has('need-1')).toBe(false)
    expect(reader.doc.getText('notes').toString()).toBe('before coming in')
  })

  it('answers /healthz without a token and tells nothing about documents there', async () => {
    const response = await fetch(`${running.hub.origin}/healthz`)
    expect(response.status).toBe(200)
    expect(await response.json()).toEqual({ ok: true, name: 'roundtable', version: '1' })
  })
})
