import { copyFileSync, existsSync, renameSync, rmSync, statSync } from 'node:fs'
import { dirname, join } from 'node:path'
import Database from 'better-sqlite3-multiple-ciphers'
import { checkStore, StoreError } from './store-check'
import { companionFiles, DATABASE_FILE_NAME, fsyncFile, fsyncFolder } from './store-files'
import { applyDataKey, rawKeyLiteral, restrictMode, useSqlcipher4, type DataKey } from './store-key'

/**
 * Encrypts a store written before encryption, in place and safely: the encrypted copy is made under
 * a temporary name in the same folder, flushed, verified, and only then renamed over the original
 * (atomic). A crash at any point leaves one good store: before the rename, the original (the
 * partial copy is removed on the next start and the work done again); after it, the encrypted one.
 */

export const ENCRYPTING_FILE_NAME = `${DATABASE_FILE_NAME}.encrypting`

/** Each point the migration passes. Tests stop the process at each one to play a crash there. */
export type MigrationStep = 'checkpointed' | 'copied' | 'encrypted' | 'flushed' | 'verified' | 'renamed' | 'done'

export interface MigrationOptions {
  nativeBinding?: string
  newestSchema: number
  /** Called after each step; for tests that play a crash. */
  onStep?: (step: MigrationStep) => void
}

/** Removes a half-made encrypted copy left by a migration that was interrupted. Returns whether there was one. */
export function removeEncryptionLeftovers(dataDir: string): boolean {
  const temporary = join(dataDir, ENCRYPTING_FILE_NAME)
  const leftovers = [temporary, ...companionFiles(temporary)].filter((path) => existsSync(path))
  for (const path of leftovers) rmSync(path, { force: true })
  return leftovers.length > 0
}

function rowCounts(db: Database.Database): Map<string, number> {
  const tables = db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name`).pluck().all() as string[]
  const counts = new Map<string, number>()
  for (const table of tables) {
    counts.set(table, db.prepare(`SELECT COUNT(*) FROM "${table.replaceAll('"', '""')}"`).pluck().get() as number)
  }
  return counts
}

function sameCounts(a: Map<string, number>, b: Map<string, number>): boolean {
  return a.size === b.size && [...a].every(([table, count]) => b.get(table) === count)
}

/** `file` must already have passed checkStore as an unencrypted store. */
export function encryptUnencryptedStore(file: string, key: DataKey, options: MigrationOptions): void {
  const step = options.onStep ?? (() => {})
  const temporary = join(dirname(file), ENCRYPTING_FILE_NAME)

  // 1. Fold the write-ahead log into the file, so the file alone holds everything, and count rows.
  const original = new Database(file, { fileMustExist: true, nativeBinding: options.nativeBinding })
  let expected: Map<string, number>
  try {
    original.pragma('wal_checkpoint(TRUNCATE)')
    expected = rowCounts(original)
  } finally {
    original.close()
  }
  const wal = `${file}-wal`
  if (existsSync(wal) && statSync(wal).size > 0) {
    throw new StoreError(
      `Could not encrypt ${file}: another program still has it open (its -wal file is in use). ` +
        'Close every other Roundtable using this data folder and start again. Nothing has been changed.',
    )
  }
  step('checkpointed')

  // 2–4. Copy, encrypt the copy (it runs in a rollback journal of its own, never WAL), flush it.
  copyFileSync(file, temporary)
  restrictMode(temporary, 0o600)
  step('copied')
  const copy = new Database(temporary, { fileMustExist: true, nativeBinding: options.nativeBinding })
  try {
    copy.pragma('journal_mode = DELETE')
    copy.pragma('synchronous = FULL')
    useSqlcipher4(copy)
    // rekey on an unencrypted file encrypts every page.
    copy.pragma(`rekey = ${rawKeyLiteral(key)}`)
  } finally {
    copy.close()
  }
  step('encrypted')
  fsyncFile(temporary)
  step('flushed')

  // 5. Verify: the copy opens with the key, passes quick_check, and holds every row.
  checkStore(temporary, key, options)
  const check = new Database(temporary, { readonly: true, fileMustExist: true, nativeBinding: options.nativeBinding })
  let actual: Map<string, number>
  try {
    applyDataKey(check, key)
    actual = rowCounts(check)
  } finally {
    check.close()
  }
  if (!sameCounts(expected, actual)) {
    rmSync(temporary, { force: true })
    throw new StoreError(`Could not encrypt ${file}: the encrypted copy did not hold every row. The original is unchanged.`)
  }
  step('verified')

  // 6. Swap. The original's companions are empty (checked above) and would not match the new file.
  for (const companion of companionFiles(file)) rmSync(companion, { force: true })
  renameSync(temporary, file)
  step('renamed')
  fsyncFolder(dirname(file))
  step('done')
}
