import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3-multiple-ciphers'
import * as Y from 'yjs'
import { DATABASE_FILE_NAME, DocumentStore, SCHEMA_VERSION, StoreError } from './store'
import { applyDataKey } from './store-key'

const key = Buffer.alloc(32, 7)

describe('DocumentStore (a real SQLite file)', () => {
  let dir: string
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'roundtable-store-'))
  })
  afterEach(() => rmSync(dir, { recursive: true, force: true }))

  function update(text: string, doc = new Y.Doc()): Uint8Array {
    let captured: Uint8Array | undefined
    doc.once('update', (bytes: Uint8Array) => (captured = bytes))
    doc.getText('t').insert(doc.getText('t').length, text)
    return captured as Uint8Array
  }

  it('creates an encrypted WAL database at the current schema version', () => {
    DocumentStore.open(dir, { dataKey: key }).close()
    expect(readFileSync(join(dir, DATABASE_FILE_NAME)).subarray(0, 15).toString()).not.toBe('SQLite format 3')
    const db = new Database(join(dir, DATABASE_FILE_NAME))
    applyDataKey(db, key)
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION)
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal')
    db.close()
  })

  it('returns updates in the order they were appended, and indexes documents by their label', () => {
    const store = DocumentStore.open(dir, { dataKey: key })
    const doc = new Y.Doc()
    store.appendUpdate('a', update('one ', doc), { kind: 'plan', title: 'First' }, new Date('2026-01-01T10:00:00Z'))
    store.appendUpdate('a', update('two', doc), { kind: 'plan', title: 'Renamed' }, new Date('2026-01-02T10:00:00Z'))
    store.appendUpdate('b', update('x'), { kind: '', title: '' }, new Date('2026-01-03T10:00:00Z'))
    const replayed = new Y.Doc()
    store.load('a').updates.forEach((bytes) => Y.applyUpdate(replayed, bytes))
    expect(replayed.getText('t').toString()).toBe('one two')
    expect(store.listDocuments()).toEqual([{ id: 'a', kind: 'plan', title: 'Renamed', updatedAt: '2026-01-02T10:00:00.000Z' }])
    store.close()
  })

  it('compaction replaces the log with the merged state and keeps later updates', () => {
    const store = DocumentStore.open(dir, { dataKey: key })
    const doc = new Y.Doc()
    let seq = 0
    for (let i = 0; i < 10; i++) seq = store.appendUpdate('a', update(`${i}`, doc), { kind: 'plan', title: 'T' }, new Date())
    store.compact('a', Y.encodeStateAsUpdate(doc), seq)
    store.appendUpdate('a', update('!', doc), { kind: 'plan', title: 'T' }, new Date())
    expect(store.logLength('a')).toBe(1)
    const replayed = new Y.Doc()
    store.load('a').updates.forEach((bytes) => Y.applyUpdate(replayed, bytes))
    expect(replayed.getText('t').toString()).toBe('0123456789!')
    store.close()
  })

  it('refuses a damaged data file with a clear message and leaves every byte of it alone', () => {
    const file = join(dir, DATABASE_FILE_NAME)
    const garbage = Buffer.from('this is not a database, but it might be someone’s only copy of it'.repeat(200))
    writeFileSync(file, garbage)
    expect(() => DocumentStore.open(dir, { dataKey: key })).toThrowError(StoreError)
    expect(() => DocumentStore.open(dir, { dataKey: key })).toThrowError(/left exactly as it was/)
    expect(readFileSync(file).equals(garbage)).toBe(true)
  })

  it('refuses a data file from a newer version instead of guessing', () => {
    const db = new Database(join(dir, DATABASE_FILE_NAME))
    applyDataKey(db, key)
    db.pragma(`user_version = ${SCHEMA_VERSION + 1}`)
    db.close()
    expect(() => DocumentStore.open(dir, { dataKey: key })).toThrowError(/newer version of Roundtable/)
  })
})
