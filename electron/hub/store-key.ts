import { randomBytes } from 'node:crypto'
import { chmodSync, closeSync, fsyncSync, linkSync, mkdirSync, openSync, readFileSync, realpathSync, rmSync, statSync, writeSync } from 'node:fs'
import { homedir } from 'node:os'
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path'
import type Database from 'better-sqlite3-multiple-ciphers'

/**
 * The key the data file is encrypted with (SQLCipher 4 through better-sqlite3-multiple-ciphers).
 * It is 32 random bytes used directly as the cipher key, so opening costs no key derivation, and it
 * never lives in the data folder: a copy of that folder alone reveals nothing.
 */
export type DataKey = Buffer

export const DATA_KEY_BYTES = 32

/** Something wrong with a key or where it is kept, in words that say what to do. */
export class DataKeyError extends Error {}

export function generateDataKey(): DataKey {
  return randomBytes(DATA_KEY_BYTES)
}

/** A key as written in a key file or ROUNDTABLE_DATA_KEY: 64 hexadecimal digits. */
export function formatDataKey(key: DataKey): string {
  return key.toString('hex')
}

export function parseDataKey(text: string, source: string): DataKey {
  const trimmed = text.trim()
  if (!/^[0-9a-fA-F]{64}$/.test(trimmed)) {
    throw new DataKeyError(
      `${source} must hold a key of 64 hexadecimal digits (256 bits); it does not. ` +
        'Make one with "openssl rand -hex 32", or leave the key unset to have Roundtable make one the first time.',
    )
  }
  return Buffer.from(trimmed, 'hex')
}

/**
 * Makes `db` read and write SQLCipher 4 pages with `key`. Must run before anything reads the file.
 * A wrong key shows up on the first read (SQLITE_NOTADB). DocumentStore.open checks the key's length.
 */
export function applyDataKey(db: Database.Database, key: DataKey): void {
  useSqlcipher4(db)
  db.pragma(`key = ${rawKeyLiteral(key)}`)
}

/** Selects SQLCipher 4's page format on `db`, before a key or rekey pragma. */
export function useSqlcipher4(db: Database.Database): void {
  db.pragma(`cipher = 'sqlcipher'`)
  db.pragma('legacy = 4')
}

/** x'…' is a raw key: used as it is, without the passphrase key derivation. */
export function rawKeyLiteral(key: DataKey): string {
  return `"x'${formatDataKey(key)}'"`
}

/** `npm run serve`'s key file when none is given: $XDG_CONFIG_HOME/roundtable/data.key (default ~/.config). */
export function defaultKeyFile(env: NodeJS.ProcessEnv = process.env, home = homedir()): string {
  const configHome = env.XDG_CONFIG_HOME && env.XDG_CONFIG_HOME.trim() !== '' ? env.XDG_CONFIG_HOME : join(home, '.config')
  return join(configHome, 'roundtable', 'data.key')
}

/** The key in a file that holds just its 64 hexadecimal digits (`npm run serve`'s key file). */
export function readHexKeyFile(file: string): DataKey {
  const key = readHexKeyFileIfPresent(file)
  if (key === null) throw new DataKeyError(`The key file ${file} does not exist.`)
  return key
}

/** Like readHexKeyFile, but null when there is no file at all. */
function readHexKeyFileIfPresent(file: string): DataKey | null {
  let text: string
  try {
    text = readFileSync(file, 'utf8')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null
    throw new DataKeyError(`Could not read the key file ${file}: ${(error as Error).message}.`)
  }
  return parseDataKey(text, `The key file ${file}`)
}

/**
 * Writes `contents` to `file` only if no file is there yet, never half-written: a private temporary
 * file is written and flushed, then hard-linked into place (which fails if another process got there
 * first). Returns false when the file already existed. Folder 700, file 600.
 */
export function writeNewPrivateFile(file: string, contents: string | Buffer): boolean {
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 })
  restrictMode(dirname(file), 0o700)
  const temporary = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`
  const fd = openSync(temporary, 'wx', 0o600)
  try {
    writeSync(fd, typeof contents === 'string' ? Buffer.from(contents, 'utf8') : contents)
    fsyncSync(fd)
  } finally {
    closeSync(fd)
  }
  try {
    linkSync(temporary, file)
    return true
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false
    throw error
  } finally {
    rmSync(temporary, { force: true })
  }
}

/**
 * The key in `file`, making a new random one there first if there is none. An existing file is only
 * read (its folder may be read-only). Whoever calls this must have made sure no encrypted store is
 * waiting for a key that was lost: a new key would never open it.
 */
export function readOrCreateKeyFile(file: string): { key: DataKey; created: boolean } {
  const existing = readHexKeyFileIfPresent(file)
  if (existing !== null) {
    restrictMode(file, 0o600)
    return { key: existing, created: false }
  }
  // Another process may make it between the read and here: then its key is the one read back.
  const created = writeNewPrivateFile(file, `${formatDataKey(generateDataKey())}\n`)
  restrictMode(file, 0o600)
  return { key: readHexKeyFile(file), created }
}

/**
 * Whether `file` is in `folder` or any folder below it, following symbolic links as far as the paths
 * exist (a key file or data folder not made yet counts where it will be made). A key kept there would
 * travel with every copy of the data folder.
 */
export function isInsideFolder(file: string, folder: string): boolean {
  const relation = relative(realPathAsFarAsItExists(folder), realPathAsFarAsItExists(file))
  if (isAbsolute(relation)) return false // another drive (Windows)
  return relation !== '..' && !relation.startsWith(`..${sep}`)
}

function realPathAsFarAsItExists(path: string): string {
  const absolute = resolve(path)
  try {
    return realpathSync.native(absolute)
  } catch {
    const parent = dirname(absolute)
    return parent === absolute ? absolute : join(realPathAsFarAsItExists(parent), basename(absolute))
  }
}

/** Takes group and other permissions off `path` if it has any (a no-op on Windows, which has no modes). */
export function restrictMode(path: string, mode: 0o600 | 0o700): void {
  if (process.platform === 'win32') return
  if ((statSync(path).mode & 0o777) !== mode) chmodSync(path, mode)
}
