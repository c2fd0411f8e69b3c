import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { DocumentStore } from '../hub/store'
import { desktopDataKey, type OsKeyProtection } from './data-key'

// The desktop data key with a fake safeStorage (Electron's binary cannot run here): it tags and
// reverses the text, and can play a Linux machine with no keyring ('basic_text') or a keychain
// that refuses. What is tested is this module's choices, not the OS keychain itself.

function fakeSafeStorage(backend = 'gnome_libsecret', options: { available?: boolean; refuses?: boolean } = {}): OsKeyProtection {
  return {
    isEncryptionAvailable: () => options.available ?? true,
    getSelectedStorageBackend: () => backend,
    encryptString: (text) => Buffer.from(`locked:${[...text].reverse().join('')}`),
    decryptString: (bytes) => {
      if (options.refuses) throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.')
      return [...bytes.toString().replace(/^locked:/, '')].reverse().join('')
    },
  }
}

describe('desktopDataKey', () => {
  let userDataDir: string
  let dataDir: string
  beforeEach(() => {
    userDataDir = mkdtempSync(join(tmpdir(), 'rt-data-key-'))
    dataDir = join(userDataDir, 'data')
  })
  afterEach(() => rmSync(userDataDir, { recursive: true, force: true }))

  const keyFile = () => join(userDataDir, 'data-key.json')
  const stored = () => JSON.parse(readFileSync(keyFile(), 'utf8')) as { protection: string; key: string }

  it('makes a random key on first start, locks it with the OS, and gives the same key next time', () => {
    const first = desktopDataKey({ userDataDir, dataDir, protection: fakeSafeStorage(), platform: 'linux' })
    expect(first.created).toBe(true)
    expect(first.warning).toBeNull()
    expect(first.key).toHaveLength(32)
    expect(stored().protection).toBe('os')
    expect(readFileSync(keyFile(), 'utf8')).not.toContain(first.key.toString('hex'))
    if (process.platform !== 'win32') expect(statSync(keyFile()).mode & 0o777).toBe(0o600)

    const again = desktopDataKey({ userDataDir, dataDir, protection: fakeSafeStorage(), platform: 'linux' })
    expect(again.created).toBe(false)
    expect(again.key.equals(first.key)).toBe(true)
    const other = mkdtempSync(join(tmpdir(), 'rt-data-key-other-'))
    try {
      expect(desktopDataKey({ userDataDir: other, dataDir: join(other, 'data'), protection: fakeSafeStorage(), platform: 'linux' }).key.equals(first.key)).toBe(false)
    } finally {
      rmSync(other, { recursive: true, force: true })
    }
  })

  it('with no keyring (basic_text) it still starts, with a warning that says what to do, and moves the key into a keyring once there is one', () => {
    const weak = desktopDataKey({ userDataDir, dataDir, protection: fakeSafeStorage('basic_text'), platform: 'linux' })
    expect(weak.warning).toMatch(/protected only by your account's file permissions/)
    expect(weak.warning).toMatch(/GNOME Keyring or KWallet/)
    expect(stored().protection).toBe('file-permissions')
    if (process.platform !== 'win32') expect(statSync(keyFile()).mode & 0o777).toBe(0o600)

    const strong = desktopDataKey({ userDataDir, dataDir, protection: fakeSafeStorage('kwallet5'), platform: 'linux' })
    expect(strong.warning).toBeNull()
    expect(strong.key.equals(weak.key)).toBe(true)
    expect(stored().protection).toBe('os')
    expect(readFileSync(keyFile(), 'utf8')).not.toContain(weak.key.toString('hex'))
  })

  it('treats safeStorage being unavailable as no protection, on any OS', () => {
    const result = desktopDataKey({ userDataDir, dataDir, protection: fakeSafeStorage('unknown', { available: false }), platform: 'win32' })
    expect(result.warning).toMatch(/file permissions/)
  })

  it('refuses, saying why, when the key file is gone but encrypted data is waiting for it', () => {
    const { key } = desktopDataKey({ userDataDir, dataDir, protection: fakeSafeStorage(), platform: 'darwin' })
    DocumentStore.open(dataDir, { dataKey: key }).close()
    rmSync(keyFile())
    expect(() => desktopDataKey({ userDataDir, dataDir, protection: fakeSafeStorage(), platform: 'darwin' })).toThrow(
      /encrypted, but its key file .*data-key\.json is missing.*backup/,
    )
    // No new key was made: one would never open this data, and would hide the problem next time.
    expect(existsSync(keyFile())).toBe(false)
  })

  it('says so when the keychain will not unlock the key, or is not available now', () => {
    desktopDataKey({ userDataDir, dataDir, protection: fakeSafeStorage(), platform: 'win32' })
    expect(() => desktopDataKey({ userDataDir, dataDir, protection: fakeSafeStorage('x', { refuses: true }), platform: 'win32' })).toThrow(
      /could not unlock the data key/,
    )
    expect(() => desktopDataKey({ userDataDir, dataDir, protection: fakeSafeStorage('x', { available: false }), platform: 'win32' })).toThrow(
      /keychain, which is not available now/,
    )
  })
  it('never puts any part of the key in its message when the key file is damaged or not in its form', () => {
    // A key restored by hand as bare hex: JSON.parse's own message would quote its first digits.
    const key = 'abcdef0123456789'.repeat(4)
    const tries = [
      [`${key}\n`, /is not valid JSON\. Restore it from your backup.*"protection": "file-permissions"/],
      [`{"protection": "file-permissions", "key": "${key.slice(0, 63)}"}`, /must hold a key of 64 hexadecimal digits/],
      [`{"protection": "os", "key": ${JSON.stringify(key)}, "extra": [}`, /is not valid JSON/],
      ['null', /not in a form this version understands/],
      [`{"protection": "paper", "key": "${key}"}`, /not in a form this version understands/],
    ] as const
    for (const [contents, expected] of tries) {
      writeFileSync(keyFile(), contents, { mode: 0o600 })
      let message = ''
      try {
        desktopDataKey({ userDataDir, dataDir, protection: fakeSafeStorage('basic_text'), platform: 'linux' })
      } catch (error) {
        message = (error as Error).message
      }
      expect(message).toMatch(expected)
      // The path may hold hex letters by chance; what must not appear is any run of the key's digits.
      const withoutPath = message.replaceAll(keyFile(), '<file>')
      for (let at = 0; at + 4 <= key.length; at++) expect(withoutPath, contents).not.toContain(key.slice(at, at + 4))
    }
  })
  it('refuses a data folder that would hold its own key file, making no key', () => {
    expect(() => desktopDataKey({ userDataDir, dataDir: userDataDir, protection: fakeSafeStorage(), platform: 'darwin' })).toThrow(
      /would be inside the data folder/,
    )
    expect(existsSync(keyFile())).toBe(false)
  })
})
