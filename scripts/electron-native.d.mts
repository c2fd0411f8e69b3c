// Types for scripts/electron-native.mjs, so its unit tests (electron/main/native-binding.test.ts)
// type-check.
export const BINDING_FILE: string
export const STAMP_FILE: string
export const ELECTRON_HEADERS_URL: string

export interface NativeTarget {
  electronVersion: string
  platform: string
  arch: string
}

export interface RunResult {
  status: number
  output: string
  error?: Error
}
export type Run = (command: string, args: string[], options: { cwd: string; env: Record<string, string> }) => RunResult

export function electronNativeDir(root: string, electronVersion: string, platform: string, arch: string): string
export function parseCliArgs(
  argv: string[],
  defaults?: { platform: string; arch: string },
): { force: boolean; platform: string; arch: string }
export function prebuildInstallArgs(target: NativeTarget): string[]
export function nodeGypArgs(options: { electronVersion: string; arch: string; devDir: string }): string[]
export function childEnv(env: Record<string, string | undefined>): Record<string, string>
export function shouldCopy(packageDir: string, path: string): boolean
export function stampFor(options: NativeTarget & { betterSqlite3Version: string }): NativeTarget & { betterSqlite3Version: string }
export function isUpToDate(stamp: unknown, expected: Record<string, string>, bindingExists: boolean): boolean
export function binaryFormatMatches(header: Uint8Array | number[], platform: string): boolean
export function failureMessage(options: NativeTarget & { attempts: Array<{ name: string; reason: string }>; target: string }): string
export function installedElectronVersion(root: string): string
export function ensureElectronBinding(options: {
  root: string
  electronVersion: string
  platform?: string
  arch?: string
  force?: boolean
  run?: Run
  log?: (message: string) => void
  env?: Record<string, string | undefined>
  nodePath?: string
  tempRoot?: string
  devDir?: string
}): { path: string; status: 'up-to-date' | 'built'; method: 'prebuild-install' | 'node-gyp' }
