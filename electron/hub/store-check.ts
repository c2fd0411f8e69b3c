import Database from 'better-sqlite3-multiple-ciphers'
import { existingCompanions, removeNewEmptyCompanions } from './store-files'
import { applyDataKey, type DataKey } from './store-key'

/**
 * Checks a store before anything may write to it: opened read-only (no journal-mode change, no
 * schema migration), its first page unlocked with the key, then every page read by
 * PRAGMA quick_check. A failure leaves the file exactly as it was.
 */

/** A store that cannot be used, in words that say what to do. */
export class StoreError extends Error {}

const LEFT_ALONE = 'The file has been left exactly as it was.'

export function damagedStoreError(file: string, detail: string): StoreError {
  return new StoreError(
    `The data file ${file} is damaged (${detail}). Roundtable has not started, so nothing more is written to it. ` +
      `${LEFT_ALONE} Restore it from a backup if you have one; otherwise move it somewhere safe (keep it: it may be ` +
      'recoverable) and start again to begin with an empty store.',
  )
}

export function emptyStoreError(file: string): StoreError {
  return damagedStoreError(file, 'it is empty, 0 bytes, so it was cut short; it is not treated as a new store')
}

function wrongKeyError(file: string, encrypted: boolean): StoreError {
  return encrypted
    ? new StoreError(
        `The key does not unlock the data file ${file}. Either it is not the key this data was saved with, or the ` +
          `start of the file is damaged (with a wrong key the two look the same). ${LEFT_ALONE} Check which key ` +
          'Roundtable was given, and restore the right one from where you backed it up.',
      )
    : damagedStoreError(file, 'it is not a Roundtable database')
}

function isSqliteCode(error: unknown, ...codes: string[]): boolean {
  return codes.includes((error as { code?: string }).code ?? '')
}

/**
 * Verifies the store at `file` (which must exist and not be empty) with `key`, or as an unencrypted
 * file when `key` is null. Returns its schema version. Throws StoreError saying what is wrong.
 */
export function checkStore(file: string, key: DataKey | null, options: { nativeBinding?: string; newestSchema: number }): number {
  // A read-only connection still creates empty -wal and -shm files for a WAL-mode store; those
  // it made are removed again, so a refused store's folder is as it was.
  const companionsBefore = existingCompanions(file)
  let db: Database.Database | undefined
  try {
    db = new Database(file, { readonly: true, fileMustExist: true, nativeBinding: options.nativeBinding })
    if (key) applyDataKey(db, key)
    let version: number
    try {
      // Reads page 1: with SQLCipher its checksum fails unless the key is right.
      version = db.pragma('user_version', { simple: true }) as number
    } catch (error) {
      if (isSqliteCode(error, 'SQLITE_NOTADB')) throw wrongKeyError(file, key !== null)
      throw damagedStoreError(file, (error as Error).message)
    }
    if (version > options.newestSchema) {
      throw new StoreError(
        `The data file ${file} was written by a newer version of Roundtable (schema ${version}; this version knows ` +
          `${options.newestSchema}). It has not been changed. Install the newer version to open it.`,
      )
    }
    let result: string[]
    try {
      result = (db.pragma('quick_check(5)') as { quick_check: string }[]).map((row) => row.quick_check)
    } catch (error) {
      // A page that fails its checksum (SQLCipher) reads as NOTADB or CORRUPT; either way, damage.
      throw damagedStoreError(file, (error as Error).message)
    }
    if (result.length !== 1 || result[0] !== 'ok') throw damagedStoreError(file, result.join('; '))
    return version
  } catch (error) {
    if (error instanceof StoreError) throw error
    throw new StoreError(`Roundtable could not open its data file ${file}: ${(error as Error).message}. ${LEFT_ALONE}`)
  } finally {
    db?.close()
    removeNewEmptyCompanions(file, companionsBefore)
  }
}
