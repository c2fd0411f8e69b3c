import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'

// The main process's start-up and shutdown, run in Node with a fake 'electron' module (the real
// binary cannot run here). The hub is real: real HTTP, real SQLite (Node's build of
// better-sqlite3-multiple-ciphers stands in for the Electron build). safeStorage is a fake too (it
// reverses and tags the text): what is tested is that the key goes through it and lands beside the
// data folder, not that the OS keychain works. Not exercised: real windows, real IPC transport,
// whether Electron honours the options we pass; tests/electron/launch.spec.ts covers those where it can run.

const temp = mkdtempSync(join(tmpdir(), 'rt-main-'))
const rendererDir = join(temp, 'renderer')
const userData = join(temp, 'userData')
const nodeSqliteBinding = join(
  dirname(createRequire(import.meta.url).resolve('better-sqlite3-multiple-ciphers/package.json')),
  'build',
  'Release',
  'better_sqlite3.node',
)

const fake = vi.hoisted(() => {
  type Listener = (...args: unknown[]) => unknown
  const appListeners = new Map<string, Listener[]>()
  const windows: Array<{ options: Record<string, unknown>; loadURL: ReturnType<typeof vi.fn>; focus: ReturnType<typeof vi.fn> }> = []
  let resolveReady: () => void = () => {}
  const ready = new Promise<void>((resolve) => (resolveReady = resolve))
  const handlers = new Map<string, Listener>()
  class BrowserWindow {
    options: Record<string, unknown>
    loadURL = vi.fn(async () => {})
    focus = vi.fn()
    show = vi.fn()
    restore = vi.fn()
    isMinimized = () => false
    isDestroyed = () => false
    on = vi.fn()
    once = vi.fn()
    webContents = { on: vi.fn() }
    constructor(options: Record<string, unknown>) {
      this.options = options
      windows.push(this)
    }
  }
  const app = {
    enableSandbox: vi.fn(),
    requestSingleInstanceLock: vi.fn(() => true),
    setAppUserModelId: vi.fn(),
    setPath: vi.fn(),
    on: vi.fn((name: string, listener: Listener) => {
      appListeners.set(name, [...(appListeners.get(name) ?? []), listener])
    }),
    emit: (name: string, ...args: unknown[]) => (appListeners.get(name) ?? []).forEach((listener) => listener(...args)),
    whenReady: () => ready,
    isReady: () => true,
    isPackaged: false,
    getAppPath: () => '/unused',
    getPath: vi.fn(() => ''),
    getVersion: () => '0.1.0',
    quit: vi.fn(),
    exit: vi.fn(),
  }
  return {
    resolveReady: () => resolveReady(),
    windows,
    handlers,
    electron: {
      app,
      BrowserWindow,
      dialog: { showErrorBox: vi.fn(), showMessageBox: vi.fn(async () => ({ response: 0 })) },
      safeStorage: {
        isEncryptionAvailable: () => true,
        getSelectedStorageBackend: () => 'gnome_libsecret',
        encryptString: vi.fn((text: string) => Buffer.from(`locked:${[...text].reverse().join('')}`)),
        decryptString: vi.fn((bytes: Buffer) => [...bytes.toString().replace(/^locked:/, '')].reverse().join('')),
      },
      Menu: { buildFromTemplate: vi.fn((template: unknown) => template), setApplicationMenu: vi.fn() },
      shell: { openExternal: vi.fn(async () => {}), openPath: vi.fn(async () => '') },
      ipcMain: { handle: vi.fn((channel: string, listener: Listener) => handlers.set(channel, listener)), removeHandler: vi.fn() },
      session: {
        defaultSession: {
          setPermissionRequestHandler: vi.fn(),
          setPermissionCheckHandler: vi.fn(),
          setDevicePermissionHandler: vi.fn(),
          webRequest: { onHeadersReceived: vi.fn() },
        },
      },
    },
  }
})
vi.mock('electron', () => fake.electron)
vi.mock('./paths', async (importOriginal) => ({
  ...(await importOriginal<typeof import('./paths')>()),
  appLocations: () => ({
    mainDir: join(temp, 'main'),
    rendererDir,
    preloadFile: join(temp, 'preload', 'index.cjs'),
    sqliteBinding: nodeSqliteBinding,
  }),
}))

const signalsBefore = { SIGINT: process.listeners('SIGINT'), SIGTERM: process.listeners('SIGTERM') }

async function until<T>(read: () => T | undefined, what: string): Promise<T> {
  for (let i = 0; i < 200; i++) {
    const value = read()
    if (value !== undefined) return value
    await new Promise((resolve) => setTimeout(resolve, 25))
  }
  throw new Error(`timed out waiting for ${what}`)
}

let url: URL

beforeAll(async () => {
  mkdirSync(rendererDir, { recursive: true })
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Roundtable</title><h1>Home</h1>')
  fake.electron.app.getPath.mockImplementation(() => userData)
  await import('./index')
  fake.resolveReady()
  const window = await until(() => fake.windows[0], 'the window')
  url = new URL(await until(() => window.loadURL.mock.calls[0]?.[0] as string | undefined, 'loadURL'))
})

afterAll(() => {
  // index.ts listens for SIGINT/SIGTERM to quit cleanly; take those listeners off this test worker.
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    for (const listener of process.listeners(signal)) if (!signalsBefore[signal].includes(listener)) process.off(signal, listener)
  }
  rmSync(temp, { recursive: true, force: true })
})

describe('main process start-up', () => {
  it('enables the sandbox before ready and takes the single-instance lock', () => {
    expect(fake.electron.app.enableSandbox).toHaveBeenCalledOnce()
    expect(fake.electron.app.requestSingleInstanceLock).toHaveBeenCalledOnce()
  })

  it('starts the hub on 127.0.0.1 with a fresh token and loads it in the window', async () => {
    expect(url.protocol).toBe('http:')
    expect(url.hostname).toBe('127.0.0.1')
    expect(Number(url.port)).toBeGreaterThan(0)
    const token = url.searchParams.get('token') ?? ''
    expect(token.length).toBeGreaterThanOrEqual(32)

    const page = await fetch(url)
    expect(page.status).toBe(200)
    expect(await page.text()).toContain('<h1>Home</h1>')
    expect(page.headers.get('content-security-policy')).toContain("default-src 'self'")

    expect((await fetch(new URL('/api/docs', url))).status).toBe(401)
    expect((await fetch(new URL(`/api/docs?token=${encodeURIComponent(token)}`, url))).status).toBe(200)
  })

  it('opens one window titled Roundtable with the locked-down preferences', () => {
    expect(fake.windows).toHaveLength(1)
    const options = fake.windows[0].options as { title: string; webPreferences: Record<string, unknown> }
    expect(options.title).toBe('Roundtable')
    expect(options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false,
      preload: join(temp, 'preload', 'index.cjs'),
      additionalArguments: ['--roundtable-bridge=app:getInfo,app:showDataFolder'],
    })
  })

  it('registers every handler, each checking its sender', async () => {
    expect([...fake.handlers.keys()]).toEqual(['app:getInfo', 'app:showDataFolder'])
    const getInfo = fake.handlers.get('app:getInfo') as (...args: unknown[]) => Promise<unknown>
    await expect(getInfo({ senderFrame: { url: url.href, parent: null } })).resolves.toEqual({
      name: 'Roundtable',
      version: '0.1.0',
      dataDir: join(userData, 'data'),
    })
    await expect(getInfo({ senderFrame: { url: 'https://evil.example/', parent: null } })).rejects.toThrow(/refused/)
  })

  it('keeps the data key beside the data folder, locked by safeStorage, and the data folder private', () => {
    // hub-port: the port to try first next launch, so the window keeps its address (electron/main/hubPort.ts).
    expect(readdirSync(userData).sort()).toEqual(['data', 'data-key.json', 'hub-port'])
    const stored = JSON.parse(readFileSync(join(userData, 'data-key.json'), 'utf8'))
    expect(stored.protection).toBe('os')
    expect(Buffer.from(stored.key, 'base64').toString()).toMatch(/^locked:[0-9a-f]{64}$/)
    expect(fake.electron.safeStorage.encryptString).toHaveBeenCalledOnce()
    expect(fake.electron.safeStorage.decryptString).toHaveBeenCalled()
    expect(readdirSync(join(userData, 'data'))).not.toContain('data-key.json')
    expect(readFileSync(join(userData, 'data', 'roundtable.db')).subarray(0, 15).toString()).not.toBe('SQLite format 3')
    if (process.platform !== 'win32') {
      expect(statSync(join(userData, 'data-key.json')).mode & 0o777).toBe(0o600)
      expect(statSync(join(userData, 'data')).mode & 0o777).toBe(0o700)
      expect(statSync(join(userData, 'data', 'roundtable.db')).mode & 0o777).toBe(0o600)
    }
    // A properly locked key needs no warning.
    expect(fake.electron.dialog.showMessageBox).not.toHaveBeenCalled()
  })

  it('installs a menu with Help → About Roundtable', () => {
    const template = fake.electron.Menu.buildFromTemplate.mock.calls[0][0] as Array<{ role?: string; submenu?: Array<{ label?: string }> }>
    expect(template.find((item) => item.role === 'help')?.submenu?.map((item) => item.label)).toEqual(['About Roundtable'])
  })

  it('a second launch focuses the existing window', () => {
    fake.electron.app.emit('second-instance')
    expect(fake.windows).toHaveLength(1)
    expect(fake.windows[0].focus).toHaveBeenCalled()
  })

  it('on quit, holds the exit until the hub has closed, then quits', async () => {
    const event = { preventDefault: vi.fn() }
    fake.electron.app.emit('will-quit', event)
    expect(event.preventDefault).toHaveBeenCalledOnce()
    await until(() => (fake.electron.app.quit.mock.calls.length > 0 ? true : undefined), 'app.quit after the hub closed')
    await expect(fetch(url)).rejects.toThrow()

    // The second will-quit (from that app.quit) goes through.
    const again = { preventDefault: vi.fn() }
    fake.electron.app.emit('will-quit', again)
    expect(again.preventDefault).not.toHaveBeenCalled()
  })
})
