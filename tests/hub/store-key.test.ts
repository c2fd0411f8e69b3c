import { chmodSync, mkdirSync, symlinkSync, readdirSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { isInsideFolder, readOrCreateKeyFile } from '../../electron/hub/store-key'
import { makeDataDir, removeDataDir } from './helpers'

// npm run serve's own key file, made on first run and only read after that.

describe('readOrCreateKeyFile', () => {
  let root: string
  let folder: string
  let file: string
  beforeEach(() => {
    root = makeDataDir()
    folder = join(root, 'config', 'roundtable')
    file = join(folder, 'data.key')
  })
  afterEach(() => {
    chmodSync(folder, 0o700)
    removeDataDir(root)
  })

  it('makes a random key the first time (file 600, folder 700) and reads the same one after', () => {
    const first = readOrCreateKeyFile(file)
    expect(first.created).toBe(true)
    expect(readFileSync(file, 'utf8')).toBe(`${first.key.toString('hex')}\n`)
    if (process.platform !== 'win32') {
      expect(statSync(file).mode & 0o777).toBe(0o600)
      expect(statSync(folder).mode & 0o777).toBe(0o700)
    }
    const again = readOrCreateKeyFile(file)
    expect(again.created).toBe(false)
    expect(again.key.equals(first.key)).toBe(true)
  })

  it.skipIf(process.platform === 'win32')('only reads an existing key file: nothing is written into its folder, which may be read-only', () => {
    const key = 'ab'.repeat(32)
    mkdirSync(folder, { recursive: true })
    writeFileSync(file, `${key}\n`, { mode: 0o600 })
    chmodSync(folder, 0o500)
    // A past mtime, so any file made and removed in the folder (a temporary key) shows, however fast.
    const past = new Date('2020-01-02T03:04:05Z')
    utimesSync(folder, past, past)

    const { key: read, created } = readOrCreateKeyFile(file)
    expect(created).toBe(false)
    expect(read.toString('hex')).toBe(key)
    // Root may write into a 500 folder, so what is checked is that nothing tried to: mode and mtime unchanged.
    expect(statSync(folder).mode & 0o777).toBe(0o500)
    expect(statSync(folder).mtimeMs).toBe(past.getTime())
    expect(readdirSync(folder)).toEqual(['data.key'])
  })
})

describe('isInsideFolder (a key file must not be in the data folder)', () => {
  let root: string
  beforeEach(() => {
    root = makeDataDir()
  })
  afterEach(() => removeDataDir(root))

  it('is true below the folder, also before either exists and through links; false beside it', () => {
    const data = join(root, 'data')
    expect(isInsideFolder(join(data, 'k.key'), data)).toBe(true)
    expect(isInsideFolder(join(data, 'deeper', 'k.key'), data)).toBe(true)
    expect(isInsideFolder(data, data)).toBe(true)
    expect(isInsideFolder(join(data, '..', 'k.key'), data)).toBe(false)
    expect(isInsideFolder(join(root, 'data2', 'k.key'), data)).toBe(false)
    expect(isInsideFolder(join(root, '..k.key'), root)).toBe(true)
    expect(isInsideFolder(join(root, 'data-key.json'), data)).toBe(false)
    mkdirSync(data)
    symlinkSync(data, join(root, 'link'), 'junction')
    expect(isInsideFolder(join(root, 'link', 'k.key'), data)).toBe(true)
    expect(isInsideFolder(join(data, 'k.key'), join(root, 'link'))).toBe(true)
  })
})
