import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3-multiple-ciphers'
import { DATABASE_FILE_NAME } from '../../electron/hub/store'
import { connectClient, makeDataDir, removeDataDir, startTestHub, synced, waitFor, waitUntilStored, type TestHub } from './helpers'

// A store that is damaged, empty, or opened with the wrong key is refused at start with a message
// that says which, and left exactly as it was; a full disk while closing loses nothing.

/** Bytes, modification time and the folder's listing: what "left exactly as it was" means here. */
function snapshotOf(dir: string) {
  const file = join(dir, DATABASE_FILE_NAME)
  return { bytes: readFileSync(file), mtimeMs: statSync(file).mtimeMs, files: readdirSync(dir).sort() }
}

function expectUntouched(dir: string, before: ReturnType<typeof snapshotOf>): void {
  const after = snapshotOf(dir)
  expect(after.bytes.equals(before.bytes)).toBe(true)
  expect(after.mtimeMs).toBe(before.mtimeMs)
  expect(after.files).toEqual(before.files)
}

/** A store of many pages: several boards with enough text to spread over them. */
async function writeSeveralBoards(dataDir: string): Promise<void> {
  const running = await startTestHub(dataDir)
  for (let board = 0; board < 6; board++) {
    const client = connectClient(running.wsUrl, `board-${board}`)
    await synced(client)
    for (let i = 0; i < 40; i++) client.doc.getText('notes').insert(0, `board ${board} line ${i} ${'x'.repeat(200)}\n`)
    await waitUntilStored(running.hub.origin, `board-${board}`, client.doc)
    client.destroy()
  }
  await running.hub.close()
}

describe('a damaged store is refused at start and left as it was', () => {
  let dataDir: string
  beforeEach(() => {
    dataDir = makeDataDir()
  })
  afterEach(() => removeDataDir(dataDir))

  it('damaged pages in the middle of a store (header intact): refused as damaged, not as a wrong key', async () => {
    await writeSeveralBoards(dataDir)
    const file = join(dataDir, DATABASE_FILE_NAME)
    const bytes = readFileSync(file)
    expect(bytes.length).toBeGreaterThan(20 * 4096)
    const middle = Math.floor(bytes.length / 2)
    bytes.fill(0xa5, middle, middle + 3000)
    writeFileSync(file, bytes)
    const before = snapshotOf(dataDir)

    const failure = startTestHub(dataDir)
    await expect(failure).rejects.toThrow(/is damaged/)
    await expect(failure).rejects.toThrow(/left exactly as it was/)
    await expect(failure).rejects.not.toThrow(/key/)
    expectUntouched(dataDir, before)
  })

  it('a zero-byte file is damage, not a new empty store', async () => {
    writeFileSync(join(dataDir, DATABASE_FILE_NAME), '')
    const before = snapshotOf(dataDir)
    await expect(startTestHub(dataDir)).rejects.toThrow(/damaged \(it is empty, 0 bytes/)
    expectUntouched(dataDir, before)
  })

  it('a wrong key: says the key does not unlock it, and changes nothing', async () => {
    await writeSeveralBoards(dataDir)
    const before = snapshotOf(dataDir)
    const failure = startTestHub(dataDir, { dataKey: Buffer.alloc(32, 0x01) })
    await expect(failure).rejects.toThrow(/key does not unlock the data file/)
    await expect(failure).rejects.toThrow(/left exactly as it was/)
    expectUntouched(dataDir, before)
  })

  it('a key of the wrong length is refused before anything is touched', async () => {
    await writeSeveralBoards(dataDir)
    const before = snapshotOf(dataDir)
    await expect(startTestHub(dataDir, { dataKey: Buffer.alloc(16, 0x01) })).rejects.toThrow(/A data key is 32 bytes; this one is 16/)
    expectUntouched(dataDir, before)
  })
})

describe('a full disk while the hub closes', () => {
  let dataDir: string
  let running: TestHub | undefined
  beforeEach(() => {
    dataDir = makeDataDir()
  })
  afterEach(async () => {
    vi.restoreAllMocks()
    await running?.hub.close()
    removeDataDir(dataDir)
  })

  it('is reported, not thrown; the store still closes and every change is there next start', async () => {
    running = await startTestHub(dataDir, { compactAfterUpdates: 100_000 })
    const client = connectClient(running.wsUrl, 'plan')
    await synced(client)
    for (let i = 0; i < 50; i++) client.doc.getText('notes').insert(0, `line ${i} ${'y'.repeat(500)}\n`)
    await waitUntilStored(running.hub.origin, 'plan', client.doc)
    const expected = client.doc.getText('notes').toString()
    client.destroy()

    // The disk fills: SQLite's own page limit makes compaction's write fail with a real SQLITE_FULL;
    // the checkpoint (which that limit does not stop) fails with the driver's SQLITE_FULL error.
    const realPragma = Database.prototype.pragma
    const realTransaction = Database.prototype.transaction
    vi.spyOn(Database.prototype, 'transaction').mockImplementation(function (this: Database.Database, fn) {
      realPragma.call(this, `max_page_count = ${realPragma.call(this, 'page_count', { simple: true })}`)
      return realTransaction.call(this, fn)
    })
    vi.spyOn(Database.prototype, 'pragma').mockImplementation(function (this: Database.Database, source, options) {
      if (source.startsWith('wal_checkpoint')) throw Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' })
      return realPragma.call(this, source, options)
    })
    const { logger } = running
    const report = await running.hub.close()
    running = undefined
    vi.restoreAllMocks()

    expect(logger.lines).toContain('error hub: could not compact plan: database or disk is full')
    expect(report.problems).toEqual(['could not fold the write-ahead log into the data file: the disk is full'])
    running = await startTestHub(dataDir)
    const reader = connectClient(running.wsUrl, 'plan')
    await waitFor(() => reader.doc.getText('notes').toString() === expected, 'every line to be there after the restart')
    reader.destroy()
  })
})
