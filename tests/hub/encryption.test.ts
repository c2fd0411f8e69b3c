import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { spawnSync } from 'node:child_process'
import { chmodSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import * as Y from 'yjs'
import { DATABASE_FILE_NAME, DocumentStore } from '../../electron/hub/store'
import { ENCRYPTING_FILE_NAME, type MigrationStep } from '../../electron/hub/store-migrate'
import {
  connectClient,
  makeDataDir,
  removeDataDir,
  startTestHub,
  synced,
  waitFor,
  waitUntilStored,
  TEST_DATA_KEY,
} from './helpers'

// Encryption at rest, through the real hub and real SQLite files: what is on disk, who may read it,
// and moving a store from before encryption across, including a crash in the middle of that.

const crashFixture = fileURLToPath(new URL('./fixtures/migrate-and-crash.ts', import.meta.url))
const isWindows = process.platform === 'win32'

/** Every file in the folder, with its raw bytes: the marker must be in none of them. */
function filesContaining(dir: string, marker: string): string[] {
  return readdirSync(dir).filter((name) => readFileSync(join(dir, name)).includes(Buffer.from(marker)))
}

function modeOf(path: string): number {
  return statSync(path).mode & 0o777
}

/** An unencrypted store as the version before encryption wrote it, holding `text` in document `docId`. */
function writeUnencryptedStore(dir: string, docId: string, text: string): void {
  const store = DocumentStore.open(dir, { dataKey: null })
  const doc = new Y.Doc()
  doc.on('update', (update: Uint8Array) => store.appendUpdate(docId, update, { kind: 'plan', title: 'Old plan' }, new Date()))
  for (const word of text.split(' ')) doc.getText('notes').insert(doc.getText('notes').length, `${word} `)
  store.close()
  chmodSync(dir, 0o755)
  chmodSync(join(dir, DATABASE_FILE_NAME), 0o644)
}

function readNotes(dir: string, docId: string): string {
  const store = DocumentStore.open(dir, { dataKey: TEST_DATA_KEY })
  const doc = new Y.Doc()
  try {
    for (const update of store.load(docId).updates) Y.applyUpdate(doc, update)
    return doc.getText('notes').toString()
  } finally {
    store.close()
  }
}

describe('the store is encrypted at rest and private on disk', () => {
  let dataDir: string
  beforeEach(() => {
    dataDir = makeDataDir()
  })
  afterEach(() => removeDataDir(dataDir))

  it('what a client writes is in no file of the data folder, while running or after; the folder is 700 and its files 600', async () => {
    const marker = `NHS-MARKER-${Date.now()}-Zebedee`
    const running = await startTestHub(dataDir)
    const client = connectClient(running.wsUrl, 'plan')
    await synced(client)
    client.doc.transact(() => {
      client.doc.getMap('person').set('name', `Ada ${marker}`)
      client.doc.getText('notes').insert(0, `Notes: ${marker}`)
    })
    await waitUntilStored(running.hub.origin, 'plan', client.doc)
    // While running: the -wal (where new commits go first) and -shm exist, and are private too.
    expect(readdirSync(dataDir)).toEqual(expect.arrayContaining([DATABASE_FILE_NAME, `${DATABASE_FILE_NAME}-wal`]))
    expect(filesContaining(dataDir, marker)).toEqual([])
    if (!isWindows) {
      expect(modeOf(dataDir)).toBe(0o700)
      for (const name of readdirSync(dataDir)) expect([name, modeOf(join(dataDir, name))]).toEqual([name, 0o600])
    }
    client.destroy()
    await running.hub.close()

    expect(readdirSync(dataDir)).toEqual([DATABASE_FILE_NAME])
    expect(filesContaining(dataDir, marker)).toEqual([])
    expect(readFileSync(join(dataDir, DATABASE_FILE_NAME)).includes(Buffer.from('SQLite format 3'))).toBe(false)

    // And it all comes back with the key.
    const again = await startTestHub(dataDir)
    const reader = connectClient(again.wsUrl, 'plan')
    await waitFor(() => reader.doc.getText('notes').toString() === `Notes: ${marker}`, 'the notes to come back')
    reader.destroy()
    await again.hub.close()
  })

  it.skipIf(isWindows)('makes an existing folder and files with wider modes private when it opens them', async () => {
    DocumentStore.open(dataDir, { dataKey: TEST_DATA_KEY }).close()
    chmodSync(dataDir, 0o755)
    chmodSync(join(dataDir, DATABASE_FILE_NAME), 0o644)
    const running = await startTestHub(dataDir)
    expect(modeOf(dataDir)).toBe(0o700)
    expect(modeOf(join(dataDir, DATABASE_FILE_NAME))).toBe(0o600)
    await running.hub.close()
  })

  it('encrypts a store from before encryption in place, keeping everything in it, and the hub serves it', async () => {
    const marker = `OLD-MARKER-${Date.now()}`
    writeUnencryptedStore(dataDir, 'old-plan', `some words ${marker} and more`)
    expect(filesContaining(dataDir, marker)).toEqual([DATABASE_FILE_NAME])

    const running = await startTestHub(dataDir)
    expect(running.logger.lines.some((line) => /Encrypted the existing data file/.test(line))).toBe(true)
    const client = connectClient(running.wsUrl, 'old-plan')
    await waitFor(() => client.doc.getText('notes').toString() === `some words ${marker} and more `, 'the old notes')
    client.destroy()
    await running.hub.close()
    expect(readdirSync(dataDir)).toEqual([DATABASE_FILE_NAME])
    expect(filesContaining(dataDir, marker)).toEqual([])
    if (!isWindows) expect([modeOf(dataDir), modeOf(join(dataDir, DATABASE_FILE_NAME))]).toEqual([0o700, 0o600])
  })

  const steps: MigrationStep[] = ['checkpointed', 'copied', 'encrypted', 'flushed', 'verified', 'renamed', 'done']
  it.each(steps)('a crash (SIGKILL) just after the migration step "%s" leaves one good store with all its data', (step) => {
    const marker = `CRASH-MARKER-${step}`
    writeUnencryptedStore(dataDir, 'plan', `before the crash ${marker}`)
    const crashed = spawnSync(process.execPath, ['--import', 'tsx', crashFixture, dataDir, step], { encoding: 'utf8' })
    expect(crashed.signal, crashed.stderr).toBe('SIGKILL')
    const copyLeftBehind = ['copied', 'encrypted', 'flushed', 'verified'].includes(step)
    expect(readdirSync(dataDir).includes(ENCRYPTING_FILE_NAME)).toBe(copyLeftBehind)

    // Started again: the store opens with every word, whichever side of the rename the crash fell.
    expect(readNotes(dataDir, 'plan')).toBe(`before the crash ${marker} `)
    expect(readdirSync(dataDir)).toEqual([DATABASE_FILE_NAME])
    expect(filesContaining(dataDir, marker)).toEqual([])
  })
})
