import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { _electron as electron, expect, test, type ElectronApplication, type Page } from '@playwright/test'
import type { RoundtableBridge } from '../../electron/preload/bridge-types'
import { findElectronBinary } from './electron-binary'

/**
 * Launches the built desktop app (out/, from `npm run build`) in real Electron and checks what only
 * Electron can show: the window, the bridge, and that the page has no Node and stays isolated.
 * Runs only where the Electron binary is installed; elsewhere it is skipped with the reason printed.
 */

const root = resolve(fileURLToPath(new URL('.', import.meta.url)), '../..')
const binary = findElectronBinary()
const isLinux = process.platform === 'linux'
const hasDisplay = !isLinux || Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY)

const skipReason = !binary.path
  ? `Electron binary not installed at ${binary.expected}: this machine cannot download it (no internet). ` +
    'Run `npx install-electron` (or reinstall electron) on a machine with internet to run this test.'
  : !hasDisplay
    ? 'No display (DISPLAY and WAYLAND_DISPLAY are unset): run under xvfb-run to launch Electron on this machine.'
    : null
if (skipReason) console.log(`Electron launch test skipped: ${skipReason}`)

test.describe('desktop app', () => {
  test.skip(skipReason !== null, skipReason ?? '')

  let app: ElectronApplication
  let page: Page
  let userData: string

  test.beforeAll(async () => {
    const mainFile = join(root, 'out', 'main', 'index.js')
    if (!existsSync(mainFile)) throw new Error(`${mainFile} is missing: run npm run build before this test.`)
    userData = mkdtempSync(join(tmpdir(), 'roundtable-electron-test-'))
    const args = [root]
    // Chromium will not start as root with its OS sandbox (CI runs as root). This turns off only the
    // OS-level sandbox; the renderer still runs as a sandboxed renderer without Node (checked below).
    if (process.getuid?.() === 0) args.unshift('--no-sandbox')
    app = await electron.launch({
      executablePath: binary.path as string,
      args,
      cwd: root,
      env: { ...process.env, ROUNDTABLE_USER_DATA: userData, ELECTRON_ENABLE_LOGGING: '1' },
    })
    page = await app.firstWindow()
    await page.waitForLoadState('domcontentloaded')
  })

  test.afterAll(async () => {
    await app?.close()
    if (userData) rmSync(userData, { recursive: true, force: true })
  })

  test('opens one window titled Roundtable on the local hub, showing the home screen', async () => {
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
    const windows = await app.evaluate(({ BrowserWindow }) =>
      BrowserWindow.getAllWindows().map((window) => ({ title: window.getTitle(), url: window.webContents.getURL() })),
    )
    expect(windows).toHaveLength(1)
    // The page's own title ("All plans – Roundtable") never reaches the title bar.
    expect(windows[0].title).toBe('Roundtable')
    // Opened with ?token=; once loaded, the page keeps the code for itself and takes it out of the address.
    expect(windows[0].url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/(#.*)?$/)
    await page.reload()
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
    await expect(page.getByRole('heading', { level: 1, name: 'This page needs its access link' })).toHaveCount(0)
  })

  test('the page has the bridge and no Node', async () => {
    const globals = await page.evaluate(() => {
      const scope = globalThis as Record<string, unknown>
      return {
        roundtable: typeof scope.roundtable,
        require: typeof scope.require,
        process: typeof scope.process,
        module: typeof scope.module,
        Buffer: typeof scope.Buffer,
      }
    })
    expect(globals).toEqual({ roundtable: 'object', require: 'undefined', process: 'undefined', module: 'undefined', Buffer: 'undefined' })

    const info = await page.evaluate(() => {
      const bridge = (globalThis as unknown as { roundtable: RoundtableBridge }).roundtable
      return bridge.app.getInfo()
    })
    expect(info.name).toBe('Roundtable')
    expect(info.dataDir.startsWith(userData)).toBe(true)

    // The home screen uses the bridge to say where the plans are kept (after the first-run name prompt).
    const namePrompt = page.getByLabel('Your name')
    if (await namePrompt.isVisible()) {
      await namePrompt.fill('Launch test')
      await page.getByRole('button', { name: 'Continue' }).click()
    }
    await expect(page.getByText(info.dataDir)).toBeVisible()
    await expect(page.getByRole('button', { name: 'Show the data folder' })).toBeVisible()
  })

  test('context isolation and the sandbox hold', async () => {
    const preferences = await app.evaluate(({ BrowserWindow }) => {
      // getLastWebPreferences is on every WebContents (Electron's own tests use it) but not in its
      // published types; these are the preferences the renderer actually got.
      const contents = BrowserWindow.getAllWindows()[0].webContents as unknown as {
        getLastWebPreferences(): Record<string, unknown> | null
      }
      const last = contents.getLastWebPreferences()
      return {
        contextIsolation: last?.contextIsolation,
        sandbox: last?.sandbox,
        nodeIntegration: last?.nodeIntegration,
        webSecurity: last?.webSecurity,
      }
    })
    expect(preferences).toEqual({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true })
    // contextBridge refuses to work without context isolation, so the bridge existing at all proves it.
    expect(await page.evaluate(() => typeof (globalThis as Record<string, unknown>).roundtable)).toBe('object')

    // The page sees only the handler namespaces and their calls: no ipcRenderer, no send/on.
    const surface = await page.evaluate(() => {
      const bridge = (globalThis as unknown as { roundtable: Record<string, Record<string, unknown>> }).roundtable
      return Object.fromEntries(Object.keys(bridge).sort().map((ns) => [ns, Object.keys(bridge[ns]).sort()]))
    })
    expect(surface).toEqual({ app: ['getInfo', 'showDataFolder'] })
  })

  test('navigation away from the hub is blocked', async () => {
    const before = page.url()
    await page.evaluate(() => {
      ;(globalThis as unknown as { location: { href: string } }).location.href = 'https://example.com/'
    })
    await page.waitForTimeout(500)
    expect(new URL(page.url()).origin).toBe(new URL(before).origin)
  })
})
