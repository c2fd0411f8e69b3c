import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { makeDataDir, removeDataDir } from './helpers'

// Runs electron/serve.ts from source through tsx, so the CLI is tested without a build. From source it
// serves renderer/ as it stands (its index.html exists); the Playwright suite runs the built app.
const serveEntry = fileURLToPath(new URL('../../electron/serve.ts', import.meta.url))

function startServe(args: string[], env: Record<string, string> = {}): ChildProcessWithoutNullStreams {
  return spawn(process.execPath, ['--import', 'tsx', serveEntry, ...args], {
    env: { ...process.env, ROUNDTABLE_TOKEN: '', ...env },
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
  })
  afterEach(() => removeDataDir(dataDir))

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
})
