import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readdirSync, readSync, rmSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { restrictMode } from './store-key'

/** The files of the store on disk: what state they are in, who may read them, and flushing them. */

export const DATABASE_FILE_NAME = 'roundtable.db'

/** Every unencrypted SQLite file starts with these 16 bytes; an encrypted one starts with random salt. */
const SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1')

/**
 * missing: no store yet. empty: a zero-byte file (damage, never a new store). unencrypted: a store
 * from before encryption (or any plain SQLite file). encrypted: anything else, which only the key
 * can tell from damage.
 */
export type StoreFileState = 'missing' | 'empty' | 'unencrypted' | 'encrypted'

export function storeFileState(file: string): StoreFileState {
  if (!existsSync(file)) return 'missing'
  const fd = openSync(file, 'r')
  try {
    const header = Buffer.alloc(SQLITE_HEADER.length)
    const read = readSync(fd, header, 0, header.length, 0)
    if (read === 0) return 'empty'
    return read === header.length && header.equals(SQLITE_HEADER) ? 'unencrypted' : 'encrypted'
  } finally {
    closeSync(fd)
  }
}

/** The state of the store in `dataDir`, without creating or changing anything. */
export function storeStateIn(dataDir: string): StoreFileState {
  return storeFileState(join(dataDir, DATABASE_FILE_NAME))
}

/**
 * Creates `dataDir` if needed and makes it and every file directly in it private to this user
 * (folder 700, files 600), fixing wider modes left by an older version. SQLite gives the -wal and
 * -shm files it creates later the database file's own mode.
 */
export function makeDataFolderPrivate(dataDir: string): void {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 })
  restrictMode(dataDir, 0o700)
  for (const name of readdirSync(dataDir)) {
    const path = join(dataDir, name)
    if (statSync(path).isFile()) restrictMode(path, 0o600)
  }
}

export function fsyncFile(path: string): void {
  const fd = openSync(path, 'r+')
  try {
    fsyncSync(fd)
  } finally {
    closeSync(fd)
  }
}

/** Makes a rename in `dir` durable. Windows cannot open a folder to flush it; NTFS journals renames itself. */
export function fsyncFolder(dir: string): void {
  if (process.platform === 'win32') return
  const fd = openSync(dir, 'r')
  try {
    fsyncSync(fd)
  } finally {
    closeSync(fd)
  }
}

/** SQLite's companion files of `file`, which hold data only while they have some bytes in them. */
export function companionFiles(file: string): string[] {
  return ['-wal', '-shm', '-journal'].map((suffix) => `${file}${suffix}`)
}

/** Removes companion files that did not exist before and hold nothing (left by a read-only check). */
export function removeNewEmptyCompanions(file: string, existedBefore: ReadonlySet<string>): void {
  for (const companion of companionFiles(file)) {
    if (existedBefore.has(companion) || !existsSync(companion)) continue
    // The -shm is only an index of the -wal; with an empty -wal it holds nothing either.
    const wal = `${file}-wal`
    const walEmpty = !existsSync(wal) || statSync(wal).size === 0
    if (statSync(companion).size === 0 || (companion.endsWith('-shm') && walEmpty)) rmSync(companion, { force: true })
  }
}

export function existingCompanions(file: string): Set<string> {
  return new Set(companionFiles(file).filter((companion) => existsSync(companion)))
}
