import { join } from 'node:path'
import Database from 'better-sqlite3-multiple-ciphers'
import { checkStore, emptyStoreError, StoreError } from './store-check'
import { DATABASE_FILE_NAME, makeDataFolderPrivate, storeFileState } from './store-files'
import { applyDataKey, DATA_KEY_BYTES, restrictMode, type DataKey } from './store-key'
import { encryptUnencryptedStore, removeEncryptionLeftovers, type MigrationStep } from './store-migrate'
import { TRACKER_SCHEMA, TrackerTable } from './tracker-table'
import type { DocumentSummary } from './types'

/**
 * Durable storage for documents: an append-only log of Yjs updates per document, plus a merged
 * snapshot that compaction folds the log into, in one SQLCipher-encrypted SQLite file.
 * better-sqlite3 is synchronous, which is what lets the hub commit an update before it relays it.
 */

export { DATABASE_FILE_NAME } from './store-files'
export { StoreError } from './store-check'

/** Schema changes, applied in order. Never edit a shipped entry: add a new one. */
const MIGRATIONS: readonly string[] = [
  `CREATE TABLE documents (
     doc_id       TEXT PRIMARY KEY,
     kind         TEXT NOT NULL DEFAULT '',
     title        TEXT NOT NULL DEFAULT '',
     created_at   TEXT NOT NULL,
     updated_at   TEXT NOT NULL,
     snapshot     BLOB,
     snapshot_seq INTEGER NOT NULL DEFAULT 0
   );
   CREATE TABLE updates (
     seq    INTEGER PRIMARY KEY AUTOINCREMENT,
     doc_id TEXT NOT NULL REFERENCES documents(doc_id),
     data   BLOB NOT NULL
   );
   CREATE INDEX updates_by_document ON updates(doc_id, seq);`,
  TRACKER_SCHEMA,
]

export const SCHEMA_VERSION = MIGRATIONS.length

export interface StoredDocument {
  /** The snapshot (if any) followed by every update logged after it, oldest first. */
  updates: Uint8Array[]
  /** Sequence number of the newest update included, for compaction. */
  lastSeq: number
  /** How many of `updates` are log entries rather than the snapshot. */
  loggedCount: number
}

export interface DocumentLabel {
  kind: string
  title: string
}

export class DocumentStore {
  private readonly db: Database.Database
  /** The action tracker's read model, in the same file (electron/hub/tracker.ts keeps it current). */
  readonly tracker: TrackerTable
  private readonly statements
  /** Built once: better-sqlite3 wraps a function per transaction() call, and this runs on every edit. */
  private readonly appendInTransaction: (docId: string, update: Uint8Array, label: DocumentLabel, stamp: string) => number

  private constructor(db: Database.Database) {
    this.db = db
    this.tracker = new TrackerTable(db)
    this.statements = {
      upsertDocument: db.prepare(
        `INSERT INTO documents (doc_id, kind, title, created_at, updated_at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT(doc_id) DO UPDATE SET kind = excluded.kind, title = excluded.title, updated_at = excluded.updated_at`,
      ),
      insertUpdate: db.prepare('INSERT INTO updates (doc_id, data) VALUES (?, ?)'),
      snapshot: db.prepare('SELECT snapshot, snapshot_seq FROM documents WHERE doc_id = ?'),
      tail: db.prepare('SELECT seq, data FROM updates WHERE doc_id = ? AND seq > ? ORDER BY seq'),
      tailLength: db.prepare('SELECT COUNT(*) AS n FROM updates WHERE doc_id = ?'),
      writeSnapshot: db.prepare('UPDATE documents SET snapshot = ?, snapshot_seq = ? WHERE doc_id = ?'),
      dropLogged: db.prepare('DELETE FROM updates WHERE doc_id = ? AND seq <= ?'),
      list: db.prepare(
        `SELECT doc_id, kind, title, updated_at FROM documents WHERE kind <> '' ORDER BY updated_at DESC, doc_id`,
      ),
    }
    this.appendInTransaction = db.transaction((docId: string, update: Uint8Array, label: DocumentLabel, stamp: string) => {
      this.statements.upsertDocument.run(docId, label.kind, label.title, stamp, stamp)
      return Number(this.statements.insertUpdate.run(docId, update).lastInsertRowid)
    })
  }

  /**
   * Opens (creating if needed) the store in `dataDir`, bringing its schema up to date. An existing
   * file is checked first (read-only: key, then every page), and an unencrypted one from before
   * encryption is encrypted in place; nothing is written to a file that fails the check.
   */
  static open(dataDir: string, options: StoreOpenOptions): DocumentStore {
    const key = options.dataKey
    if (key && key.length !== DATA_KEY_BYTES) throw new StoreError(`A data key is ${DATA_KEY_BYTES} bytes; this one is ${key.length}.`)
    const log = options.log ?? (() => {})
    const file = join(dataDir, DATABASE_FILE_NAME)
    const checkOptions = { nativeBinding: options.nativeBinding, newestSchema: SCHEMA_VERSION }
    makeDataFolderPrivate(dataDir)
    if (removeEncryptionLeftovers(dataDir)) log(`Removed a half-made encrypted copy left by an interrupted start in ${dataDir}.`)

    let state = storeFileState(file)
    if (state === 'empty') throw emptyStoreError(file)
    if (state === 'encrypted' && !key) {
      throw new StoreError(`The data file ${file} is encrypted and no key was given. The file has been left exactly as it was.`)
    }
    if (state === 'unencrypted' && key) {
      checkStore(file, null, checkOptions)
      encryptUnencryptedStore(file, key, { ...checkOptions, onStep: options.onMigrationStep })
      log(`Encrypted the existing data file ${file}; nothing in it was changed.`)
      state = 'encrypted'
    }
    if (state !== 'missing') checkStore(file, key, checkOptions)

    let db: Database.Database | undefined
    try {
      db = new Database(file, { nativeBinding: options.nativeBinding })
      // A new file gets 600 before anything is in it; SQLite gives its -wal and -shm the same mode.
      restrictMode(file, 0o600)
      if (key) applyDataKey(db, key)
      db.pragma('journal_mode = WAL')
      // In WAL mode NORMAL keeps every committed transaction through a crash or kill of the process;
      // only a power cut can lose the last few commits, and never corrupts the file.
      db.pragma('synchronous = NORMAL')
      db.pragma('foreign_keys = ON')
      migrate(db, file)
      return new DocumentStore(db)
    } catch (error) {
      db?.close()
      if (error instanceof StoreError) throw error
      throw new StoreError(
        `Roundtable could not open its data file ${file}: ${(error as Error).message}. ` +
          'The file has been left exactly as it was. If it is damaged, move it somewhere safe and start again ' +
          'to begin with an empty store, then ask for help recovering it.',
      )
    }
  }

  /** Appends one update and refreshes the document's index entry, in one transaction. Returns its sequence number. */
  appendUpdate(docId: string, update: Uint8Array, label: DocumentLabel, now: Date): number {
    return this.appendInTransaction(docId, update, label, now.toISOString())
  }

  load(docId: string): StoredDocument {
    const row = this.statements.snapshot.get(docId) as { snapshot: Buffer | null; snapshot_seq: number } | undefined
    const updates: Uint8Array[] = []
    let lastSeq = row?.snapshot_seq ?? 0
    let loggedCount = 0
    if (row?.snapshot) updates.push(new Uint8Array(row.snapshot))
    for (const entry of this.statements.tail.iterate(docId, lastSeq) as Iterable<{ seq: number; data: Buffer }>) {
      updates.push(new Uint8Array(entry.data))
      lastSeq = entry.seq
      loggedCount++
    }
    return { updates, lastSeq, loggedCount }
  }

  /** Number of logged updates not yet folded into the snapshot. */
  logLength(docId: string): number {
    return (this.statements.tailLength.get(docId) as { n: number }).n
  }

  /** Replaces every logged update up to `upToSeq` with `mergedState`, which must contain all of them. */
  compact(docId: string, mergedState: Uint8Array, upToSeq: number): void {
    this.db.transaction(() => {
      this.statements.writeSnapshot.run(mergedState, upToSeq, docId)
      this.statements.dropLogged.run(docId, upToSeq)
    })()
  }

  listDocuments(): DocumentSummary[] {
    const rows = this.statements.list.all() as { doc_id: string; kind: string; title: string; updated_at: string }[]
    return rows.map((row) => ({ id: row.doc_id, kind: row.kind, title: row.title, updatedAt: row.updated_at }))
  }

  /**
   * Folds the write-ahead log into the file and closes. Every update was committed when it arrived,
   * so a failed fold (a full disk) loses nothing: it is reported, the connection still closes, and
   * the log is folded in on the next start.
   */
  close(): StoreCloseReport {
    if (!this.db.open) return { folded: true }
    try {
      this.db.pragma('wal_checkpoint(TRUNCATE)')
      return { folded: true }
    } catch (error) {
      return { folded: false, problem: describeWriteFailure(error) }
    } finally {
      this.db.close()
    }
  }
}

export interface StoreOpenOptions {
  /** The key the file is encrypted with; null only to measure the cost of encryption (bench/). */
  dataKey: DataKey | null
  /** Path to a better-sqlite3 native binding built for this runtime (Electron needs its own). */
  nativeBinding?: string
  log?: (message: string) => void
  /** Called after each step of encrypting an unencrypted store; tests use it to play a crash. */
  onMigrationStep?: (step: MigrationStep) => void
}

export type StoreCloseReport = { folded: true } | { folded: false; problem: string }

/** A write that failed, in words: a full disk is the usual one and says so. */
export function describeWriteFailure(error: unknown): string {
  const code = (error as { code?: string }).code
  if (code === 'SQLITE_FULL') return 'the disk is full'
  return (error as Error).message ?? String(error)
}

function migrate(db: Database.Database, file: string): void {
  const current = db.pragma('user_version', { simple: true }) as number
  if (current > SCHEMA_VERSION) {
    throw new StoreError(
      `The data file ${file} was written by a newer version of Roundtable (schema ${current}; this version knows ${SCHEMA_VERSION}). ` +
        'It has not been changed. Install the newer version to open it.',
    )
  }
  db.transaction(() => {
    for (let version = current; version < SCHEMA_VERSION; version++) {
      db.exec(MIGRATIONS[version])
    }
    db.pragma(`user_version = ${SCHEMA_VERSION}`)
  })()
}
