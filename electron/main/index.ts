import { existsSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { app, BrowserWindow, dialog, Menu, safeStorage, shell } from 'electron'
import { startHub, type RunningHub } from '../hub'
import { generateToken, TokenRegistry } from '../hub/tokens'
import type { HubLogger } from '../hub/types'
import { desktopDataKey } from './data-key'
import type { HandlerContext } from './handlers'
import { startOnRememberedPort } from './hubPort'
import { registerHandlers } from './ipc'
import { menuTemplate } from './menu'
import { appLocations, pageTarget } from './paths'
import { enableSandboxForAllRenderers, installSecurity } from './security'
import { createMainWindow } from './window'

/**
 * The Electron main process: one window onto a hub it starts on 127.0.0.1. Everything that
 * imports 'electron' stays in this folder; the hub is the same code `npm run serve` runs.
 */

// Before ready, as Electron requires (security checklist #4).
enableSandboxForAllRenderers()

const logger: HubLogger = {
  info: (message) => console.log(message),
  warn: (message) => console.warn(message),
  error: (message) => console.error(message),
}

let hub: RunningHub | null = null
let mainWindow: BrowserWindow | null = null
let hubClosed = false
let hubClosing: Promise<void> | null = null
let windowOptions: Parameters<typeof createMainWindow>[0] | null = null

/** A start-up failure to show the person, in words they can act on. */
class StartupError extends Error {
  constructor(
    readonly title: string,
    detail: string,
  ) {
    super(detail)
  }
}

function openWindow(): void {
  if (!windowOptions) return
  mainWindow = createMainWindow(windowOptions)
  mainWindow.on('closed', () => {
    mainWindow = null
  })
}

function focusWindow(): void {
  if (!mainWindow) return openWindow()
  if (mainWindow.isMinimized()) mainWindow.restore()
  mainWindow.show()
  mainWindow.focus()
}

async function start(): Promise<void> {
  const locations = appLocations({
    mainDir: dirname(fileURLToPath(import.meta.url)),
    appPath: app.getAppPath(),
    resourcesPath: process.resourcesPath,
    isPackaged: app.isPackaged,
    electronVersion: process.versions.electron,
    platform: process.platform,
    arch: process.arch,
  })
  if (!existsSync(locations.sqliteBinding)) {
    throw new StartupError(
      'Roundtable could not start',
      `The database engine built for this version of Electron is missing:\n${locations.sqliteBinding}\n\n` +
        (app.isPackaged ? 'Please reinstall Roundtable.' : 'Run "node scripts/electron-native.mjs" (npm start does this), then start again.'),
    )
  }
  const devServerUrl = app.isPackaged ? undefined : process.env.ELECTRON_RENDERER_URL
  if (!devServerUrl && !existsSync(join(locations.rendererDir, 'index.html'))) {
    throw new StartupError('Roundtable could not start', `The app has not been built (${locations.rendererDir} is missing). Run npm run build.`)
  }

  const dataDir = join(app.getPath('userData'), 'data')
  // Kept beside the data folder, never in it, locked by the OS keychain where there is one.
  let dataKey: ReturnType<typeof desktopDataKey>
  try {
    dataKey = desktopDataKey({ userDataDir: app.getPath('userData'), dataDir, protection: safeStorage, platform: process.platform })
  } catch (error) {
    throw new StartupError('Roundtable could not unlock its data', (error as Error).message)
  }
  if (dataKey.warning) logger.warn(`Roundtable: ${dataKey.warning}`)
  // A fresh token each launch, known only to this process and its window.
  const token = generateToken()
  try {
    // The same port as last time when it is free: the window's storage (unsent changes) belongs to its address.
    const portFile = join(app.getPath('userData'), 'hub-port')
    hub = await startOnRememberedPort(
      portFile,
      (port) =>
        startHub({
          dataDir,
          dataKey: dataKey.key,
          host: '127.0.0.1',
          // Colleagues' laptops reach it only while the facilitator has a meeting link open.
          openToNetworkOnDemand: true,
          port,
          tokens: TokenRegistry.withAdminToken(token),
          staticDir: locations.rendererDir,
          // Only under `npm run dev`: the page comes from Vite's dev server, which must reach the hub.
          allowedOrigins: devServerUrl ? [new URL(devServerUrl).origin] : undefined,
          sqliteNativeBinding: locations.sqliteBinding,
          logger,
        }),
      (message) => logger.warn(message),
    )
  } catch (error) {
    throw new StartupError('Roundtable could not open its data', `${(error as Error).message}\n\nData folder: ${dataDir}`)
  }
  logger.info(`Roundtable hub on ${hub.origin}; data in ${dataDir}`)
  const page = pageTarget({ hubOrigin: hub.origin, token, isPackaged: app.isPackaged, devServerUrl })

  const log = (message: string): void => logger.warn(message)
  // The rules name the page's origin: the hub's, except under `npm run dev` (see pageTarget).
  installSecurity({ hubOrigin: page.pageOrigin, setContentSecurityPolicy: !devServerUrl, log })

  const context: HandlerContext = {
    hubOrigin: page.pageOrigin,
    appName: 'Roundtable',
    appVersion: app.getVersion(),
    dataDir,
    openPath: (path) => shell.openPath(path),
    onRefused: (channel, reason) => log(`ipc: refused ${channel}: ${reason}`),
  }
  const channels = registerHandlers(context)

  const withDevTools = !app.isPackaged
  Menu.setApplicationMenu(
    Menu.buildFromTemplate(
      menuTemplate({
        isMac: process.platform === 'darwin',
        withDevTools,
        showAbout: () => {
          const details = {
            type: 'info' as const,
            title: 'About Roundtable',
            message: `Roundtable ${app.getVersion()}`,
            detail:
              'Plan care and services together: a local-first shared canvas for neighbourhood health teams and residents.\n\n' +
              `Data folder: ${dataDir}\n` +
              `Electron ${process.versions.electron}, Chromium ${process.versions.chrome}, Node ${process.versions.node}`,
            buttons: ['OK'],
          }
          void (mainWindow ? dialog.showMessageBox(mainWindow, details) : dialog.showMessageBox(details))
        },
        showDataFolder: () => {
          void shell.openPath(dataDir).then((problem) => problem && log(`menu: could not open ${dataDir}: ${problem}`))
        },
      }),
    ),
  )

  windowOptions = {
    url: page.url,
    preloadFile: locations.preloadFile,
    channels,
    withDevTools,
    log,
  }
  openWindow()
  if (dataKey.warning) {
    const warning = {
      type: 'warning' as const,
      title: 'Roundtable',
      message: 'Your data key is protected only by file permissions',
      detail: dataKey.warning,
      buttons: ['OK'],
    }
    void (mainWindow ? dialog.showMessageBox(mainWindow, warning) : dialog.showMessageBox(warning))
  }
}

/** Closes the hub (every connection, then the store) before the process ends. */
function quitAfterClosingHub(event: { preventDefault(): void }): void {
  if (!hub || hubClosed) return
  event.preventDefault()
  hubClosing ??= hub
    .close()
    .then(({ problems }) => {
      if (problems.length === 0) return logger.info('Roundtable stopped. Everything is saved.')
      // A full disk at the last step: every change was committed when it was made; nothing is lost.
      logger.error(`Roundtable stopped. While closing it ${problems.join('; ')}. Every change was already saved; it is folded in next start.`)
    })
    .catch((error: Error) => logger.error(`Roundtable: error while closing the hub (every change was already saved): ${error.message}`))
    .finally(() => {
      hubClosed = true
      app.quit()
    })
}

// Development and tests only: a separate profile (the launch test uses a temporary folder, so it
// neither reads nor touches anyone's real data). Ignored in the packaged app.
if (process.env.ROUNDTABLE_USER_DATA && !app.isPackaged) app.setPath('userData', process.env.ROUNDTABLE_USER_DATA)

// One Roundtable per user: a second launch focuses the first one's window and exits.
if (!app.requestSingleInstanceLock()) {
  app.quit()
} else {
  app.setAppUserModelId('org.roundtable.app')
  app.on('second-instance', () => focusWindow())
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit()
  })
  app.on('activate', () => {
    if (!mainWindow) openWindow()
  })
  app.on('will-quit', quitAfterClosingHub)
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => app.quit())

  app
    .whenReady()
    .then(start)
    .catch((error: Error) => {
      const title = error instanceof StartupError ? error.title : 'Roundtable could not start'
      logger.error(`${title}: ${error.message}`)
      dialog.showErrorBox(title, error.message)
      // The hub may be running if the failure came after it started; close it before leaving.
      void (hub && !hubClosed ? hub.close() : Promise.resolve()).finally(() => app.exit(1))
    })
}
