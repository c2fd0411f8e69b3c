import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { addEntry, deleteEntry, setPersonField } from '../../shared/plan/entries'
import { readPlan } from '../../shared/plan/read'
import { changesSinceAgreed, docAtVersion, markAgreed } from '../../shared/plan/versions'
import { connectClient, makeDataDir, removeDataDir, startTestHub, synced, waitFor, waitUntilStored, type TestClient } from './helpers'

const author = { by: 'Dee, coordinator', now: new Date('2026-11-23T10:00:00Z') }
const today = '2026-11-23'

describe('hub: plan history', () => {
  let dataDir: string
  const clients: TestClient[] = []
  beforeEach(() => {
    dataDir = makeDataDir()
  })
  afterEach(() => {
    clients.splice(0).forEach((client) => client.destroy())
    removeDataDir(dataDir)
  })

  it('an agreed version can still be rebuilt after deletions, compaction and a hub restart', async () => {
    let running = await startTestHub(dataDir, { compactAfterUpdates: 5 })
    const writer = connectClient(running.wsUrl, 'plan-history', undefined, new Y.Doc({ gc: false }))
    clients.push(writer)
    await synced(writer)
    const doc = writer.doc
    setPersonField(doc, 'name', 'Joan Smith')
    const strength = addEntry(doc, 'strength', { text: 'Determined', holder: 'person', voice: 'person' }, author)
    if (!strength.ok) throw new Error('could not add')
    const agreed = markAgreed(doc, { agreedBy: 'Joan Smith', relation: 'The person', how: 'In person', reviewDate: '2027-02-23', reviewer: 'Sam' }, author)
    if (!agreed.ok) throw new Error('could not agree')
    deleteEntry(doc, strength.value)
    for (let i = 0; i < 12; i++) addEntry(doc, 'need', { text: `Need ${i}`, voice: 'professional' }, author)
    await waitUntilStored(running.hub.origin, 'plan-history', doc)
    await running.hub.close()

    running = await startTestHub(dataDir)
    const reader = connectClient(running.wsUrl, 'plan-history', undefined, new Y.Doc({ gc: false }))
    clients.push(reader)
    await synced(reader)
    await waitFor(() => readPlan(reader.doc, today).needs.length === 12, 'the plan to load')
    const then = docAtVersion(reader.doc, agreed.value)
    expect(then && readPlan(then, today).strengths.map((entry) => entry.text)).toEqual(['Determined'])
    expect(changesSinceAgreed(reader.doc, today)).toContainEqual({ section: 'Strengths', change: 'removed', what: 'Determined' })
    await running.hub.close()
  })
})
