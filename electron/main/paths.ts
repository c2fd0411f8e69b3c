import { join } from 'node:path'

/**
 * Where things are, relative to the app. Pure (no Electron import), unit-tested, and kept in step
 * with scripts/electron-native.mjs, which builds the binding this points to.
 */

/** Folder, under the project root, of better-sqlite3 built for one Electron version, OS and CPU. */
export function electronNativeDir(root: string, electronVersion: string, platform: string, arch: string): string {
  return join(root, '.native', `electron-${electronVersion}-${platform}-${arch}`)
}

export const SQLITE_BINDING_FILE = 'better_sqlite3.node'

export interface AppLocations {
  /** out/main (where the built index.js is). */
  mainDir: string
  /** The built renderer the hub serves. */
  rendererDir: string
  /** The sandboxed CommonJS preload. */
  preloadFile: string
  /** better-sqlite3 built for this Electron. */
  sqliteBinding: string
}

export interface LocationInputs {
  /** Folder of the running out/main/index.js. */
  mainDir: string
  /** app.getAppPath(): the project root in development, …/resources/app.asar when packaged. */
  appPath: string
  /** process.resourcesPath: where electron-builder puts extraResources. */
  resourcesPath: string
  isPackaged: boolean
  electronVersion: string
  platform: string
  arch: string
}

export function appLocations(input: LocationInputs): AppLocations {
  return {
    mainDir: input.mainDir,
    rendererDir: join(input.mainDir, '..', 'renderer'),
    preloadFile: join(input.mainDir, '..', 'preload', 'index.cjs'),
    // Packaged: electron-builder.yml copies the binding to resources/native (outside the asar,
    // since a .node file cannot be loaded from inside one). Development: scripts/electron-native.mjs
    // builds it under .native/, leaving node_modules' Node build alone for `npm test`.
    sqliteBinding: input.isPackaged
      ? join(input.resourcesPath, 'native', SQLITE_BINDING_FILE)
      : join(electronNativeDir(input.appPath, input.electronVersion, input.platform, input.arch), SQLITE_BINDING_FILE),
  }
}

export interface PageTarget {
  /** What the window loads. */
  url: string
  /** The origin our page runs on: the only one allowed to navigate within and to call IPC. */
  pageOrigin: string
}

/**
 * Where the window points. Normally the hub itself serves the built app, so the page and the hub
 * share one origin. Under `npm run dev` (electron-vite sets ELECTRON_RENDERER_URL, never in a
 * packaged app) the page comes from Vite's dev server for hot reload instead, and is told the hub's
 * address in a `hub` query parameter; index.ts then lets that one origin open WebSockets to the hub.
 */
export function pageTarget(input: { hubOrigin: string; token: string; isPackaged: boolean; devServerUrl?: string }): PageTarget {
  const query = `token=${encodeURIComponent(input.token)}`
  if (!input.isPackaged && input.devServerUrl) {
    const dev = new URL(input.devServerUrl)
    return { url: `${dev.origin}/?${query}&hub=${encodeURIComponent(input.hubOrigin)}`, pageOrigin: dev.origin }
  }
  return { url: `${input.hubOrigin}/?${query}`, pageOrigin: input.hubOrigin }
}
