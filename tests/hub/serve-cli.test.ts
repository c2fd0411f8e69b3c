import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process'
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { makeDataDir, removeDataDir } from './helpers'

// Runs electron/serve.ts from source through tsx, so the CLI is tested without a build. From source it
// serves renderer/ as it stands (its index.html exists); the Playwright suite runs the built app.
const serveEntry = fileURLToPath(new URL('../../electron/serve.ts', import.meta.url))
const fullDiskAtClose = fileURLToPath(new URL('./fixtures/full-disk-at-close.ts', import.meta.url))

// Each test's own config folder (XDG_CONFIG_HOME), so the key file it makes is never the real one in ~/.config.
let configHome = ''

function startServe(args: string[], env: Record<string, string> = {}, preload: string[] = []): ChildProcessWithoutNullStreams {
  return spawn(process.execPath, ['--import', 'tsx', ...preload.flatMap((file) => ['--import', file]), serveEntry, ...args], {
    env: { ...process.env, ROUNDTABLE_TOKEN: '', ROUNDTABLE_DATA_KEY: '', XDG_CONFIG_HOME: configHome, ...env },
  })
}

function output(child: ChildProcessWithoutNullStreams): { text: () => string; until: (pattern: RegExp) => Promise<string> } {
  let text = ''
  const waiters: (() => void)[] = []
  const onData = (chunk: Buffer) => {
    text += chunk.toString()
    waiters.splice(0).forEach((wake) => wake())
  }
  child.stdout.on('data', onData)
  child.stderr.on('data', onData)
  return {
    text: () => text,
    until: async (pattern) => {
      while (!pattern.test(text)) await new Promise<void>((resolve) => waiters.push(resolve))
      return text
    },
  }
}

function exitCode(child: ChildProcessWithoutNullStreams): Promise<number | null> {
  return new Promise((resolve) => child.on('exit', (code) => resolve(code)))
}

describe('npm run serve (the CLI)', () => {
  let dataDir: string
  beforeEach(() => {
    dataDir = makeDataDir()
    configHome = join(dataDir, 'config')
    dataDir = join(dataDir, 'data')
  })
  afterEach(() => removeDataDir(join(dataDir, '..')))

  it('prints the address with a fresh token, answers there, and stops cleanly on Ctrl-C', async () => {
    const child = startServe(['--port', '0', '--data', dataDir])
    const log = output(child)
    const exited = exitCode(child)
    const text = await log.until(/listening on \S+|Usage/)
    const match = /Roundtable listening on (http:\/\/127\.0\.0\.1:(\d+))\/\?token=([A-Za-z0-9_%-]{40,})/.exec(text)
    expect(match, text).not.toBeNull()
    const [, origin, , token] = match as RegExpExecArray
    expect((await fetch(`${origin}/healthz`)).status).toBe(200)
    expect((await fetch(`${origin}/api/docs?token=${token}`)).status).toBe(200)
    child.kill('SIGINT')
    expect(await exited).toBe(0)
    expect(log.text()).toContain('Everything is saved')
  })

  it('uses the token it is given, from --token or ROUNDTABLE_TOKEN', async () => {
    const child = startServe(['--port', '0', '--data', dataDir], {
      ROUNDTABLE_TOKEN: 'from-the-environment-123',
    })
    const log = output(child)
    const exited = exitCode(child)
    expect(await log.until(/listening on \S+|Usage/)).toContain('?token=from-the-environment-123')
    child.kill('SIGTERM')
    expect(await exited).toBe(0)
  })

  it('refuses bad arguments with a message that says what to do', async () => {
    for (const [args, message] of [
      [['--port', 'eighty'], /--port must be a number/],
      [['--token', 'short'], /at least 16 characters/],
      [['--colour', 'blue'], /Unknown option/],
    ] as const) {
      const child = startServe([...args, '--data', dataDir])
      const log = output(child)
      expect(await exitCode(child)).toBe(2)
      expect(log.text()).toMatch(message)
      expect(log.text()).toContain('Usage: npm run serve')
    }
  })

  /** Starts serve, waits for its address, stops it with SIGINT; returns everything it printed. */
  async function runOnce(args: string[] = [], env: Record<string, string> = {}, preload: string[] = []): Promise<{ text: string; code: number | null }> {
    const child = startServe(['--port', '0', '--data', dataDir, ...args], env, preload)
    const log = output(child)
    const exited = exitCode(child)
    await log.until(/Press Ctrl-C|did not start|Usage/)
    if (/Press Ctrl-C/.test(log.text())) child.kill('SIGINT')
    const code = await exited
    return { text: log.text(), code }
  }

  const keyFile = () => join(configHome, 'roundtable', 'data.key')
  const dataFile = () => join(dataDir, 'roundtable.db')
  const fileState = () => ({ bytes: readFileSync(dataFile()), mtimeMs: statSync(dataFile()).mtimeMs })

  it('makes a key file on first run in the config folder (600, folder 700), says where it is, never prints the key, and uses it again', async () => {
    const first = await runOnce()
    expect(first.code).toBe(0)
    expect(first.text).toContain(`Key: new key file ${keyFile()} (made just now: back it up, apart from the data folder)`)
    const key = readFileSync(keyFile(), 'utf8').trim()
    expect(key).toMatch(/^[0-9a-f]{64}$/)
    expect(first.text).not.toContain(key)
    if (process.platform !== 'win32') {
      expect(statSync(keyFile()).mode & 0o777).toBe(0o600)
      expect(statSync(join(configHome, 'roundtable')).mode & 0o777).toBe(0o700)
      expect(statSync(dataDir).mode & 0o777).toBe(0o700)
      expect(statSync(dataFile()).mode & 0o777).toBe(0o600)
    }
    const second = await runOnce()
    expect(second.code).toBe(0)
    expect(second.text).toContain(`Key: key file ${keyFile()}.`)
    expect(readFileSync(keyFile(), 'utf8').trim()).toBe(key)
  })

  it('takes the key from ROUNDTABLE_DATA_KEY or --key-file instead, making no key file of its own', async () => {
    const key = 'ab'.repeat(32)
    const fromEnvironment = await runOnce([], { ROUNDTABLE_DATA_KEY: key })
    expect(fromEnvironment.code).toBe(0)
    expect(fromEnvironment.text).toContain('Key: ROUNDTABLE_DATA_KEY.')
    expect(fromEnvironment.text).not.toContain(key)
    const mine = join(configHome, 'my.key')
    mkdirSync(configHome, { recursive: true })
    writeFileSync(mine, `${key}\n`, { mode: 0o600 })
    const fromFile = await runOnce(['--key-file', mine])
    expect(fromFile.code).toBe(0)
    expect(fromFile.text).toContain(`Key: key file ${mine}.`)
    expect(existsSync(keyFile())).toBe(false)
  })

  it('a wrong key: a clear message, exit 1, the data file untouched', async () => {
    expect((await runOnce([], { ROUNDTABLE_DATA_KEY: 'ab'.repeat(32) })).code).toBe(0)
    const before = fileState()
    const wrong = await runOnce([], { ROUNDTABLE_DATA_KEY: 'cd'.repeat(32) })
    expect(wrong.code).toBe(1)
    expect(wrong.text).toMatch(/Roundtable did not start\. The key does not unlock the data file .*left exactly as it was/)
    expect(wrong.text).not.toMatch(/\n\s+at /)
    expect(fileState()).toEqual(before)
    // Nearly a key (one digit short): the message must not quote any of it.
    const nearlyKey = 'c0ffee'.repeat(10) + 'c0f'
    const malformed = await runOnce([], { ROUNDTABLE_DATA_KEY: nearlyKey })
    expect(malformed.code).toBe(1)
    expect(malformed.text).toMatch(/ROUNDTABLE_DATA_KEY must hold a key of 64 hexadecimal digits.*openssl rand -hex 32/)
    expect(malformed.text).not.toContain('c0ff')
    expect(fileState()).toEqual(before)
    const badFile = join(configHome, 'bad.key')
    mkdirSync(configHome, { recursive: true })
    writeFileSync(badFile, `key = ${nearlyKey}\n`, { mode: 0o600 })
    const fromBadFile = await runOnce(['--key-file', badFile])
    expect(fromBadFile.code).toBe(1)
    expect(fromBadFile.text).toContain(`The key file ${badFile} must hold a key of 64 hexadecimal digits`)
    expect(fromBadFile.text).not.toContain('c0ff')
    expect(fileState()).toEqual(before)
  })

  it('a missing key file for encrypted data: a clear message, exit 1, no new key made, the data file untouched', async () => {
    expect((await runOnce()).code).toBe(0)
    rmSync(keyFile())
    const before = fileState()
    const missing = await runOnce()
    expect(missing.code).toBe(1)
    expect(missing.text).toContain(`is encrypted, but its key file ${keyFile()} is missing`)
    expect(existsSync(keyFile())).toBe(false)
    expect(fileState()).toEqual(before)
  })

  it('refuses a key file inside the data folder (exit 1, the key file untouched, nothing stored), also through a symbolic link', async () => {
    // --data pointing at the folder of serve's own key file: the key would be made inside it.
    const configFolder = join(configHome, 'roundtable')
    const intoConfig = await runOnce(['--data', configFolder])
    expect(intoConfig.code).toBe(1)
    expect(intoConfig.text).toContain(`Roundtable did not start. The key file ${keyFile()} is inside the data folder ${configFolder}`)
    expect(intoConfig.text).toContain('--data DIR')
    expect(existsSync(keyFile())).toBe(false)
    expect(existsSync(join(configFolder, 'roundtable.db'))).toBe(false)

    // --key-file naming a file in the data folder, given directly and through a link to the folder.
    mkdirSync(dataDir, { recursive: true })
    const inside = join(dataDir, 'k.key')
    writeFileSync(inside, `${'ab'.repeat(32)}\n`, { mode: 0o600 })
    const keyBefore = { bytes: readFileSync(inside), mtimeMs: statSync(inside).mtimeMs }
    const link = join(configHome, 'link-to-data')
    mkdirSync(configHome, { recursive: true })
    symlinkSync(dataDir, link, 'junction')
    for (const given of [inside, join(link, 'k.key')]) {
      const refused = await runOnce(['--key-file', given])
      expect(refused.code, refused.text).toBe(1)
      expect(refused.text).toContain(`is inside the data folder ${dataDir}`)
      expect(refused.text).not.toContain('ab'.repeat(4))
      expect({ bytes: readFileSync(inside), mtimeMs: statSync(inside).mtimeMs }).toEqual(keyBefore)
      expect(readdirSync(dataDir)).toEqual(['k.key'])
    }
  })

  it('a full disk at shutdown: says what happened and that every change was saved, closes cleanly, no stack trace', async () => {
    const stopped = await runOnce([], {}, [fullDiskAtClose])
    expect(stopped.text).toMatch(/Roundtable stopped\. While closing it could not fold the write-ahead log into the data file: the disk is full\./)
    expect(stopped.text).toContain('Every change was saved when it was made')
    expect(stopped.text).toContain('nothing is lost')
    expect(stopped.text).not.toMatch(/\n\s+at /)
    expect(stopped.code).toBe(0)
    // The next start, with space, opens everything.
    expect((await runOnce()).code).toBe(0)
  })
})
