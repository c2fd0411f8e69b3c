import { closeSync, existsSync, fsyncSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs'
import { join } from 'node:path'
import { storeStateIn } from '../hub/store-files'
import { DataKeyError, formatDataKey, generateDataKey, isInsideFolder, parseDataKey, restrictMode, writeNewPrivateFile, type DataKey } from '../hub/store-key'

/**
 * The desktop app's data key: random, made on first start, and kept in the user-data folder beside
 * (never inside) the data folder, encrypted by the operating system (Electron's safeStorage: the
 * macOS Keychain, Windows DPAPI, or libsecret / KWallet on Linux). No Electron import here, so it is
 * tested in Node with a fake safeStorage.
 *
 * Where the OS offers no real protection (Linux with no keyring: safeStorage falls back to
 * 'basic_text', a fixed password), Roundtable still starts, keeps the key protected only by the
 * file's permissions (600), and says so to the person every start, with how to fix it. Refusing
 * would leave such a laptop with no way to run the app at all, and `npm run serve` keeps its key
 * the same way; the data folder on its own (a backup, a lost USB stick) still reveals nothing.
 */

export const DESKTOP_KEY_FILE_NAME = 'data-key.json'

/** The part of Electron's safeStorage this uses. */
export interface OsKeyProtection {
  isEncryptionAvailable(): boolean
  /** Linux only: which secret store safeStorage uses ('basic_text' means none). */
  getSelectedStorageBackend?(): string
  encryptString(plainText: string): Buffer
  decryptString(encrypted: Buffer): string
}

interface KeyFile {
  /** 'os': `key` is base64 of safeStorage.encryptString(hex). 'file-permissions': `key` is the hex itself. */
  protection: 'os' | 'file-permissions'
  key: string
}

export interface DesktopDataKey {
  key: DataKey
  file: string
  created: boolean
  /** Set when the key is not protected by the OS: show it to the person. */
  warning: string | null
}

/** Whether safeStorage really protects secrets here (not Linux's fixed-password fallback). */
export function osProtectsKeys(protection: OsKeyProtection, platform: string): boolean {
  if (!protection.isEncryptionAvailable()) return false
  if (platform !== 'linux') return true
  const backend = protection.getSelectedStorageBackend?.() ?? 'unknown'
  return backend !== 'basic_text' && backend !== 'unknown'
}

function keyFileFor(key: DataKey, protection: OsKeyProtection, strong: boolean): string {
  const stored: KeyFile = strong
    ? { protection: 'os', key: protection.encryptString(formatDataKey(key)).toString('base64') }
    : { protection: 'file-permissions', key: formatDataKey(key) }
  return `${JSON.stringify(stored)}\n`
}

/** Replaces `file` atomically (private temporary file, flushed, renamed over it). */
function replacePrivateFile(file: string, contents: string): void {
  const temporary = `${file}.tmp`
  const fd = openSync(temporary, 'w', 0o600)
  try {
    writeSync(fd, Buffer.from(contents, 'utf8'))
    fsyncSync(fd)
  } finally {
    closeSync(fd)
  }
  renameSync(temporary, file)
}

function weakWarning(file: string): string {
  return (
    'This computer has no system keyring for Roundtable to lock its data key in (Electron reports no secure ' +
    `storage), so the key is kept in ${file} protected only by your account's file permissions. The data folder ` +
    'on its own is still unreadable, but anyone who can read your files can read the key. To protect it properly, ' +
    'install and unlock a keyring (GNOME Keyring or KWallet) and restart Roundtable: the key moves into it by itself.'
  )
}

/**
 * The key in the desktop's key file. No message quotes the file: a damaged one may hold the key (or
 * part of it) in plain text, and these messages reach the screen and the log.
 */
function readDesktopKeyFile(file: string, protection: OsKeyProtection): { key: DataKey; stored: KeyFile } {
  let text: string
  try {
    text = readFileSync(file, 'utf8')
  } catch (error) {
    throw new DataKeyError(`The data key file ${file} could not be read (${(error as Error).message}). Restore it from your backup.`)
  }
  let stored: Partial<KeyFile> | null
  try {
    // JSON.parse's own message quotes the start of the text, which may be the key itself.
    stored = JSON.parse(text) as Partial<KeyFile> | null
  } catch {
    throw new DataKeyError(
      `The data key file ${file} is not valid JSON. Restore it from your backup. A key kept as 64 hexadecimal digits ` +
        'goes in as {"protection": "file-permissions", "key": "<the 64 digits>"}.',
    )
  }
  if (typeof stored !== 'object' || stored === null || typeof stored.key !== 'string') {
    throw new DataKeyError(`The data key file ${file} is not in a form this version understands. Restore it from your backup.`)
  }
  if (stored.protection === 'file-permissions') {
    return { key: parseDataKey(stored.key, `The data key file ${file}`), stored: stored as KeyFile }
  }
  if (stored.protection !== 'os') {
    throw new DataKeyError(`The data key file ${file} is not in a form this version understands. Restore it from your backup.`)
  }
  if (!protection.isEncryptionAvailable()) {
    throw new DataKeyError(
      `The data key in ${file} is locked by the operating system's keychain, which is not available now. ` +
        'Sign in to this computer normally (or unlock your keyring) and start Roundtable again.',
    )
  }
  let hex: string
  try {
    hex = protection.decryptString(Buffer.from(stored.key, 'base64'))
  } catch (error) {
    throw new DataKeyError(
      `The operating system could not unlock the data key in ${file} (${(error as Error).message}). It can only be ` +
        'unlocked by the same user on the same computer; if the keychain was reset, restore the key from your backup.',
    )
  }
  return { key: parseDataKey(hex, `The data key in ${file}`), stored: stored as KeyFile }
}

export function desktopDataKey(input: { userDataDir: string; dataDir: string; protection: OsKeyProtection; platform: string }): DesktopDataKey {
  const file = join(input.userDataDir, DESKTOP_KEY_FILE_NAME)
  if (isInsideFolder(file, input.dataDir)) {
    // Not possible with the app's own folders (data is userData/data); guards a change to them.
    throw new DataKeyError(`The data key file ${file} would be inside the data folder ${input.dataDir}, where every copy of the folder would carry it.`)
  }
  const strong = osProtectsKeys(input.protection, input.platform)
  let created = false
  if (!existsSync(file)) {
    if (storeStateIn(input.dataDir) === 'encrypted') {
      throw new DataKeyError(
        `The data in ${input.dataDir} is encrypted, but its key file ${file} is missing, so it cannot be opened. ` +
          'Put the key file back from your backup. The data file has been left exactly as it was.',
      )
    }
    created = writeNewPrivateFile(file, keyFileFor(generateDataKey(), input.protection, strong))
  }
  restrictMode(file, 0o600)
  const { key, stored } = readDesktopKeyFile(file, input.protection)
  if (stored.protection === 'file-permissions' && strong) {
    // A keyring has appeared since the key was made: lock the key in it now.
    replacePrivateFile(file, keyFileFor(key, input.protection, true))
  }
  return { key, file, created, warning: strong ? null : weakWarning(file) }
}
