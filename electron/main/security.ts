import { app, session, shell, type Session, type WebContents } from 'electron'
import { contentSecurityPolicy } from '../hub/http'
import { isHubUrl, vetExternalUrl, withContentSecurityPolicy, type ExternalUrlOptions } from './url-policy'

/**
 * Security restrictions for the desktop app, one rule per item of Electron's security checklist
 * (https://www.electronjs.org/docs/latest/tutorial/security; numbers as on that page). The
 * BrowserWindow's own webPreferences (items 2, 3, 4, 6, 8, 9, 10) are set in window.ts, IPC sender
 * checks (item 17) in handlers.ts, the preload's surface (item 20) in electron/preload/index.ts and
 * fuses (item 19) in electron-builder.yml.
 *
 * Item 1, "Only load secure content": the only page is the hub on 127.0.0.1 (loopback, never on
 * the network, and a secure context in Chromium); item 18, "Avoid file://": nothing loads from file.
 *
 * The pure rules (which URL is allowed where) live in url-policy.ts and are unit-tested there.
 */
export { isSafeExternalUrl, isTrustedSender, vetExternalUrl } from './url-policy'

export interface SecurityOptions {
  /** The one origin our windows may show, e.g. http://127.0.0.1:53121. */
  hubOrigin: string
  /** Hosts links may open on in the system browser (undefined: any https host). */
  externalLinks?: ExternalUrlOptions
  /**
   * Also set the hub's CSP on responses (default true). Off only under `npm run dev`, where the page
   * comes from Vite's dev server, whose hot-reload preamble is an inline script.
   */
  setContentSecurityPolicy?: boolean
  /** Told about each refused navigation, window or link, for the log. */
  log?(message: string): void
}

/**
 * Item 4, "Enable process sandboxing": sandbox every renderer, whatever a window asks for.
 * Must run before the app is ready, so index.ts calls it first thing.
 */
export function enableSandboxForAllRenderers(): void {
  app.enableSandbox()
}

/** Opens `url` in the system browser if item 15's checks pass; says whether it did. */
export function openExternalIfSafe(url: string, options: SecurityOptions): boolean {
  // Item 15, "Do not use shell.openExternal with untrusted content": https only, no credentials,
  // optional host allow-list; and we open the normalised URL that was checked, not the raw string.
  const safe = vetExternalUrl(url, options.externalLinks)
  if (safe === null) {
    options.log?.(`security: refused to open ${JSON.stringify(url.slice(0, 200))} outside the app`)
    return false
  }
  void shell.openExternal(safe).catch((error: Error) => options.log?.(`security: could not open ${safe}: ${error.message}`))
  return true
}

/** Applies the per-page rules to one webContents (every window, and anything else created later). */
export function hardenWebContents(contents: WebContents, options: SecurityOptions): void {
  // Item 13, "Disable or limit navigation": the page may only move within the hub's origin.
  // A link to anywhere else is not followed in the app; a safe https link opens in the browser.
  const guardNavigation = (event: { preventDefault(): void; url: string }): void => {
    if (isHubUrl(event.url, options.hubOrigin)) return
    event.preventDefault()
    options.log?.(`security: blocked navigation to ${JSON.stringify(event.url.slice(0, 200))}`)
    openExternalIfSafe(event.url, options)
  }
  contents.on('will-navigate', (event) => guardNavigation(event))
  // Subframes too (an iframe the page might create; the main frame is handled just above), and
  // server-side redirects.
  contents.on('will-frame-navigate', (event) => {
    if (event.isMainFrame || isHubUrl(event.url, options.hubOrigin)) return
    event.preventDefault()
    options.log?.(`security: blocked frame navigation to ${JSON.stringify(event.url.slice(0, 200))}`)
  })
  contents.on('will-redirect', (event) => {
    if (isHubUrl(event.url, options.hubOrigin)) return
    event.preventDefault()
    options.log?.(`security: blocked redirect to ${JSON.stringify(event.url.slice(0, 200))}`)
  })

  // Item 14, "Disable or limit creation of new windows": window.open and target=_blank never make a
  // window; a safe https link goes to the system browser instead (item 15).
  contents.setWindowOpenHandler(({ url }) => {
    openExternalIfSafe(url, options)
    return { action: 'deny' }
  })

  // Items 11 and 12, "Do not use allowpopups for WebViews" / "Verify WebView options before
  // creation": the app has no <webview>, so none may be attached at all (webviewTag is also false).
  contents.on('will-attach-webview', (event) => {
    event.preventDefault()
    options.log?.('security: blocked a <webview>')
  })
}

/** Applies the session-wide rules to the session our window uses. */
export function hardenSession(target: Session, options: SecurityOptions): void {
  // Item 5, "Handle session permission requests from remote content": nothing is granted. The app
  // needs no camera, microphone, location, notifications, MIDI, HID, serial or USB.
  target.setPermissionRequestHandler((_contents, permission, callback) => {
    options.log?.(`security: denied permission request "${permission}"`)
    callback(false)
  })
  target.setPermissionCheckHandler(() => false)
  target.setDevicePermissionHandler(() => false)

  // Item 7, "Define a Content-Security-Policy": the hub already sends one; setting the same policy
  // here as well is defence in depth, in case a response ever reaches the window without it.
  if (options.setContentSecurityPolicy === false) return
  const policy = contentSecurityPolicy(new URL(options.hubOrigin).host)
  target.webRequest.onHeadersReceived((details, callback) => {
    if (!isHubUrl(details.url, options.hubOrigin)) return callback({})
    callback({ responseHeaders: withContentSecurityPolicy(details.responseHeaders, policy) })
  })
}

/**
 * Installs every rule: the default session's, and the per-page rules on every webContents as it is
 * created (so a window made later, or a devtools page's children, cannot slip past them).
 */
export function installSecurity(options: SecurityOptions): void {
  hardenSession(session.defaultSession, options)
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, options))
}
