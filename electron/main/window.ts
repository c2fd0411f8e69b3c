import { BrowserWindow, dialog, type MessageBoxSyncOptions } from 'electron'
import { bridgeSwitch } from '../preload/bridge'

export interface MainWindowOptions {
  /** `${hub.origin}/?token=…`: the desktop window is the same client as a browser tab. */
  url: string
  preloadFile: string
  /** IPC channels main registered, passed to the preload (see electron/preload/bridge.ts). */
  channels: readonly string[]
  withDevTools: boolean
  log(message: string): void
}

const CLOSE_ANYWAY = 1

export const UNSENT_CHANGES_QUESTION: MessageBoxSyncOptions = {
  type: 'warning',
  title: 'Roundtable',
  message: 'Some of your changes have not reached the hub yet.',
  detail: 'If you close now, they are kept on this device and sent the next time this plan is opened here.',
  buttons: ['Stay', 'Close anyway'],
  defaultId: 0,
  cancelId: 0,
  noLink: true,
}

export function createMainWindow(options: MainWindowOptions): BrowserWindow {
  const window = new BrowserWindow({
    title: 'Roundtable',
    width: 1280,
    height: 820,
    minWidth: 720,
    minHeight: 520,
    show: false,
    backgroundColor: '#ffffff',
    webPreferences: {
      preload: options.preloadFile,
      // Checklist #3 "Enable context isolation": the preload's world is separate from the page's.
      contextIsolation: true,
      // Checklist #4 "Enable process sandboxing" (also forced for every renderer by app.enableSandbox()).
      sandbox: true,
      // Checklist #2 "Do not enable Node.js integration for remote content": no Node in the page,
      // its iframes or its workers.
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      nodeIntegrationInWorker: false,
      // Checklist #6 "Do not disable webSecurity" and #8 "Do not enable allowRunningInsecureContent".
      webSecurity: true,
      allowRunningInsecureContent: false,
      // Checklist #9 and #10: no experimental or extra Blink features.
      experimentalFeatures: false,
      // Checklist #11/#12: no <webview> (will-attach-webview is also refused in security.ts).
      webviewTag: false,
      // A file dropped on the window must not replace the app (a drop would otherwise navigate).
      navigateOnDragDrop: false,
      devTools: options.withDevTools,
      additionalArguments: [bridgeSwitch(options.channels)],
    },
  })

  // The title bar and taskbar always say "Roundtable", never the page's title: on a shared screen
  // a board's title may carry a person's name.
  window.on('page-title-updated', (event) => event.preventDefault())
  window.once('ready-to-show', () => window.show())
  window.webContents.on('did-fail-load', (_event, code, description, url) => {
    if (code !== -3) options.log(`window: could not load ${url.split('?')[0]}: ${description} (${code})`)
  })
  // The page asks before it closes only while it holds changes the hub has not stored
  // (renderer/src/useBoardSession.ts). A browser then shows its own question; Electron shows none
  // and would simply keep the window open, so the question is asked here.
  window.webContents.on('will-prevent-unload', (event) => {
    if (dialog.showMessageBoxSync(window, UNSENT_CHANGES_QUESTION) === CLOSE_ANYWAY) event.preventDefault()
  })
  window.webContents.on('render-process-gone', (_event, details) => {
    options.log(`window: the page stopped (${details.reason}); reloading`)
    if (details.reason !== 'clean-exit' && !window.isDestroyed()) void window.loadURL(options.url)
  })

  void window.loadURL(options.url)
  return window
}
