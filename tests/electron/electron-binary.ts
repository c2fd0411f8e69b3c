import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'

export interface ElectronBinary {
  /** The executable, when it is installed. */
  path: string | null
  /** Where we looked, for the skip message. */
  expected: string
}

/**
 * Finds the Electron executable the way node_modules/electron/index.js does, but without
 * requiring that module: in Electron 45, requiring it with no binary starts a download (which,
 * with no internet, fails after a wait).
 */
export function findElectronBinary(): ElectronBinary {
  const require = createRequire(import.meta.url)
  const packageDir = dirname(require.resolve('electron/package.json'))
  const pathFile = join(packageDir, 'path.txt')
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : null
  const distDir = process.env.ELECTRON_OVERRIDE_DIST_PATH || join(packageDir, 'dist')
  const expected = join(distDir, relative ?? 'electron')
  return { path: relative && existsSync(expected) ? expected : null, expected }
}
