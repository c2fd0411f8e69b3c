import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { spawn } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import * as Y from 'yjs'
import { DocumentStore } from '../../electron/hub/store'
import {
  connectClient,
  makeDataDir,
  removeDataDir,
  startTestHub,
  synced,
  waitFor,
  waitUntilStored,
  TEST_DATA_KEY,
  TEST_TOKEN,
  type TestClient,
} from './helpers'

function contentOf(doc: Y.Doc) {
  return { notes: doc.getText('notes').toString(), items: doc.getArray('items').toJSON(), meta: doc.getMap('meta').toJSON() }
}

describe('hub: what is stored survives', () => {
  let dataDir: string
  const clients: TestClient[] = []
  beforeEach(() => {
    dataDir = makeDataDir()
  })
  afterEach(() => {
    clients.splice(0).forEach((client) => client.destroy())
    removeDataDir(dataDir)
  })

  function client(wsUrl: string, docId: string): TestClient {
    const created = connectClient(wsUrl, docId)
    clients.push(created)
    return created
  }

  it('keeps every edit across a clean hub restart', async () => {
    let running = await startTestHub(dataDir)
    const writer = client(running.wsUrl, 'plan')
    await synced(writer)
    writer.doc.getText('notes').insert(0, 'What matters: seeing my grandchildren.')
    writer.doc.getMap('meta').set('title', 'A.B.')
    await waitUntilStored(running.hub.origin, 'plan', writer.doc)
    expect(running.logger.lines).toEqual([])
    await running.hub.close()

    running = await startTestHub(dataDir)
    const reader = client(running.wsUrl, 'plan')
    await synced(reader)
    expect(contentOf(reader.doc)).toEqual(contentOf(writer.doc))
    await running.hub.close()
  })

  it('compacts a long log into one merged state with content and state vector unchanged', async () => {
    const running = await startTestHub(dataDir, { compactAfterUpdates: 20 })
    const writer = client(running.wsUrl, 'busy')
    const watcher = client(running.wsUrl, 'busy')
    await Promise.all([synced(writer), synced(watcher)])
    for (let i = 0; i < 250; i++) {
      writer.doc.transact(() => {
        writer.doc.getArray('items').push([`item ${i}`])
        writer.doc.getText('notes').insert(0, `${i} `)
        if (i % 7 === 0) writer.doc.getText('notes').delete(0, 2)
        writer.doc.getMap('meta').set('counter', i)
      })
    }
    await waitFor(() => watcher.doc.getArray('items').length === 250, 'all 250 edits to reach the watcher')
    await running.hub.close()

    const store = DocumentStore.open(dataDir, { dataKey: TEST_DATA_KEY })
    expect(store.logLength('busy')).toBeLessThan(20)
    const stored = store.load('busy')
    store.close()
    const reopened = new Y.Doc()
    stored.updates.forEach((update) => Y.applyUpdate(reopened, update))
    expect(contentOf(reopened)).toEqual(contentOf(writer.doc))
    expect(Y.encodeStateVector(reopened)).toEqual(Y.encodeStateVector(writer.doc))
  })

  it('unloads a document nobody is using and loads it again on the next visit', async () => {
    const running = await startTestHub(dataDir, { idleUnloadMs: 50 })
    const writer = client(running.wsUrl, 'idle')
    await synced(writer)
    writer.doc.getText('notes').insert(0, 'still here')
    await waitUntilStored(running.hub.origin, 'idle', writer.doc)
    expect(running.hub.loadedDocumentCount()).toBe(1)
    writer.provider.disconnect()
    await waitFor(() => running.hub.loadedDocumentCount() === 0, 'the idle document to unload')
    expect(running.logger.lines).toEqual([])

    const reader = client(running.wsUrl, 'idle')
    await synced(reader)
    expect(running.hub.loadedDocumentCount()).toBe(1)
    expect(reader.doc.getText('notes').toString()).toBe('still here')
    await running.hub.close()
  })

  it('keeps a document loaded while someone is connected, however long they stay idle', async () => {
    const running = await startTestHub(dataDir, { idleUnloadMs: 50 })
    const stayer = client(running.wsUrl, 'kept')
    const visitor = client(running.wsUrl, 'kept')
    await Promise.all([synced(stayer), synced(visitor)])
    visitor.provider.disconnect()
    // Longer than several unload periods: a timer started when the visitor left must not unload it.
    const until = Date.now() + 300
    await waitFor(() => Date.now() > until || running.hub.loadedDocumentCount() !== 1, 'several unload periods')
    expect(running.hub.loadedDocumentCount()).toBe(1)
    stayer.doc.getText('notes').insert(0, 'still editing')
    await waitUntilStored(running.hub.origin, 'kept', stayer.doc)
    await running.hub.close()
  })

  it('loses nothing any other client has seen when the hub process is killed with SIGKILL', async () => {
    const fixture = fileURLToPath(new URL('./fixtures/hub-process.ts', import.meta.url))
    const child = spawn(process.execPath, ['--import', 'tsx', fixture, dataDir, TEST_TOKEN], { stdio: ['ignore', 'pipe', 'inherit'] })
    const port = await new Promise<number>((resolve, reject) => {
      child.stdout.on('data', (chunk: Buffer) => {
        const match = /PORT (\d+)/.exec(chunk.toString())
        if (match) resolve(Number(match[1]))
      })
      child.on('exit', (code) => reject(new Error(`hub process exited early with ${code}`)))
    })
    const wsUrl = `ws://127.0.0.1:${port}/sync`
    const writer = client(wsUrl, 'crash')
    const observer = client(wsUrl, 'crash')
    await Promise.all([synced(writer), synced(observer)])

    const seenByObserver: string[] = []
    const exited = new Promise((resolve) => child.on('exit', resolve))
    observer.doc.getArray<string>('items').observe(() => {
      seenByObserver.splice(0, seenByObserver.length, ...observer.doc.getArray<string>('items').toArray())
      if (seenByObserver.length >= 100 && !child.killed) child.kill('SIGKILL')
    })
    // Keep writing fast so updates are in flight at the moment of the kill.
    for (let i = 0; i < 400 && !child.killed; i++) {
      writer.doc.getArray('items').push([`edit ${i}`])
      if (i % 10 === 9) await new Promise((resolve) => setImmediate(resolve))
    }
    await exited
    expect(seenByObserver.length).toBeGreaterThanOrEqual(100)
    clients.splice(0).forEach((each) => each.destroy())

    const running = await startTestHub(dataDir)
    const survivor = client(running.wsUrl, 'crash')
    await synced(survivor)
    const survived = survivor.doc.getArray<string>('items').toArray()
    for (const item of seenByObserver) expect(survived).toContain(item)
    await running.hub.close()
  })
})
