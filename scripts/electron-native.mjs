#!/usr/bin/env node
// Builds better-sqlite3-multiple-ciphers (better-sqlite3 with SQLCipher; the app's one SQLite driver) for Electron's ABI into .native/electron-<version>-<platform>-<arch>/, for
// `npm start` / `npm run dev` (run first) and `npm run dist` (bundled as an extraResource).
//
// Why a separate folder: node_modules/better-sqlite3-multiple-ciphers/build holds the build for Node's ABI, which
// `npm test` and `npm run serve` use. Rebuilding it in place for Electron (what electron-rebuild and
// electron-builder's npmRebuild do) would break those. So we copy the package to a temporary folder,
// build there, and copy out only the .node file; electron/main/paths.ts points the hub at it
// (better-sqlite3's `nativeBinding` option).
//
// Usage: node scripts/electron-native.mjs [--force] [--platform <os>] [--arch <cpu>]
//   First tries prebuild-install (downloads a prebuilt binary: fast, needs internet), then
//   node-gyp (compiles from source: about two minutes, needs Electron's headers, so also internet
//   the first time, plus a C++ toolchain). Skips all of it when the binding is already there.
import { spawnSync } from 'node:child_process'
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync, openSync, readSync, closeSync } from 'node:fs'
import { createRequire } from 'node:module'
import { homedir, tmpdir } from 'node:os'
import { dirname, join, relative, sep } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

/** The SQLite driver: better-sqlite3 built with SQLite3MultipleCiphers, for encryption at rest. */
export const SQLITE_PACKAGE = 'better-sqlite3-multiple-ciphers'
export const BINDING_FILE = 'better_sqlite3.node'
export const STAMP_FILE = 'build.json'
export const ELECTRON_HEADERS_URL = 'https://electronjs.org/headers'

/** Same rule as electron/main/paths.ts electronNativeDir (a unit test keeps them equal). */
export function electronNativeDir(root, electronVersion, platform, arch) {
  return join(root, '.native', `electron-${electronVersion}-${platform}-${arch}`)
}

export function parseCliArgs(argv, defaults = { platform: process.platform, arch: process.arch }) {
  const options = { force: false, platform: defaults.platform, arch: defaults.arch }
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]
    if (arg === '--force') options.force = true
    else if (arg === '--platform' || arg === '--arch') {
      const value = argv[++i]
      if (!value || value.startsWith('-')) throw new Error(`${arg} needs a value, for example ${arg === '--arch' ? 'x64' : 'linux'}.`)
      options[arg.slice(2)] = value
    } else throw new Error(`Unknown option ${arg}. Usage: node scripts/electron-native.mjs [--force] [--platform <os>] [--arch <cpu>]`)
  }
  return options
}

export function prebuildInstallArgs({ electronVersion, platform, arch }) {
  return ['--runtime=electron', `--target=${electronVersion}`, `--platform=${platform}`, `--arch=${arch}`, '--verbose']
}

export function nodeGypArgs({ electronVersion, arch, devDir }) {
  return [
    'rebuild',
    '--release',
    '--runtime=electron',
    `--target=${electronVersion}`,
    `--arch=${arch}`,
    `--dist-url=${ELECTRON_HEADERS_URL}`,
    `--devdir=${devDir}`,
  ]
}

// npm passes its config to child processes as npm_config_* variables. Some would make node-gyp or
// prebuild-install build for Node instead of Electron (a user's `nodedir=/usr` in ~/.npmrc, for
// one), so they are removed; our command-line flags say everything.
const STRIPPED_NPM_CONFIG = new Set([
  'npm_config_nodedir',
  'npm_config_target',
  'npm_config_runtime',
  'npm_config_disturl',
  'npm_config_dist_url',
  'npm_config_arch',
  'npm_config_target_arch',
  'npm_config_platform',
  'npm_config_target_platform',
  'npm_config_build_from_source',
  'npm_config_devdir',
])

export function childEnv(env) {
  const result = {}
  for (const [name, value] of Object.entries(env)) {
    if (value === undefined || STRIPPED_NPM_CONFIG.has(name.toLowerCase())) continue
    result[name] = value
  }
  return result
}

/** Copy filter: the package without any existing build (that is Node's, and must stay where it is). */
export function shouldCopy(packageDir, path) {
  const rel = relative(packageDir, path)
  if (rel === '') return true
  const top = rel.split(sep)[0]
  return top !== 'build' && top !== 'node_modules'
}

export function stampFor({ electronVersion, platform, arch, betterSqlite3Version }) {
  // The package's name too: plain better-sqlite3 once had the same version number.
  return { electronVersion, platform, arch, sqlitePackage: SQLITE_PACKAGE, betterSqlite3Version }
}

/** The binding is current when it exists and was built for the same Electron, OS, CPU and driver. */
export function isUpToDate(stamp, expected, bindingExists) {
  if (!bindingExists || !stamp || typeof stamp !== 'object') return false
  return Object.entries(expected).every(([key, value]) => stamp[key] === value)
}

/**
 * Whether the first bytes of a .node file are the executable format of `platform`: ELF on Linux,
 * PE ("MZ") on Windows, Mach-O on macOS. Catches a download for the wrong OS before Electron does.
 */
export function binaryFormatMatches(header, platform) {
  const bytes = Uint8Array.from(header)
  if (bytes.length < 4) return false
  const u32be = ((bytes[0] << 24) | (bytes[1] << 16) | (bytes[2] << 8) | bytes[3]) >>> 0
  switch (platform) {
    case 'linux':
    case 'freebsd':
    case 'openbsd':
      return u32be === 0x7f454c46
    case 'win32':
      return bytes[0] === 0x4d && bytes[1] === 0x5a
    case 'darwin':
      // 64-bit Mach-O in either byte order, or a universal binary.
      return [0xfeedfacf, 0xcffaedfe, 0xcafebabe].includes(u32be)
    default:
      return true
  }
}

export function failureMessage({ electronVersion, platform, arch, attempts, target }) {
  const lines = [
    `Could not build ${SQLITE_PACKAGE} for Electron ${electronVersion} (${platform}-${arch}).`,
    '',
    ...attempts.map((attempt) => `- ${attempt.name} failed: ${attempt.reason}`),
    '',
    'Roundtable needs this file to open its database inside Electron:',
    `  ${target}`,
    '',
    'Both ways of getting it need the internet the first time: prebuild-install downloads a prebuilt',
    'binary from GitHub, node-gyp downloads Electron\'s headers from electronjs.org (and needs a C++',
    'toolchain: python3, make and g++ on Linux). On a machine with no internet, use',
    '"npm run serve" and a browser instead of the desktop app.',
    'Run again with --force to retry from scratch.',
  ]
  return lines.join('\n')
}

function tail(text, lines = 15) {
  return String(text ?? '').trim().split('\n').slice(-lines).join('\n')
}

function defaultRun(command, args, options) {
  const result = spawnSync(command, args, { ...options, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] })
  return { status: result.status ?? 1, output: `${result.stdout ?? ''}${result.stderr ?? ''}`, error: result.error }
}

function readHeader(file) {
  const fd = openSync(file, 'r')
  try {
    const buffer = Buffer.alloc(4)
    const read = readSync(fd, buffer, 0, 4, 0)
    return buffer.subarray(0, read)
  } finally {
    closeSync(fd)
  }
}

/**
 * Makes sure the Electron build of the SQLite driver exists, building it if not. `run` and `log` are
 * injectable so tests can play both tools failing, or one succeeding, without any network.
 * Returns { path, status: 'up-to-date' | 'built', method }.
 */
export function ensureElectronBinding({
  root,
  electronVersion,
  platform = process.platform,
  arch = process.arch,
  force = false,
  run = defaultRun,
  log = (message) => console.log(message),
  env = process.env,
  nodePath = process.execPath,
  tempRoot = tmpdir(),
  devDir = join(homedir(), '.electron-gyp'),
}) {
  const packageDir = join(root, 'node_modules', SQLITE_PACKAGE)
  if (!existsSync(join(packageDir, 'package.json'))) {
    throw new Error(`${SQLITE_PACKAGE} is not installed (${packageDir} is missing). Run npm ci first.`)
  }
  const betterSqlite3Version = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')).version
  const outDir = electronNativeDir(root, electronVersion, platform, arch)
  const target = join(outDir, BINDING_FILE)
  const stampPath = join(outDir, STAMP_FILE)
  const expected = stampFor({ electronVersion, platform, arch, betterSqlite3Version })

  if (!force) {
    let stamp = null
    try {
      stamp = JSON.parse(readFileSync(stampPath, 'utf8'))
    } catch {
      stamp = null
    }
    if (isUpToDate(stamp, expected, existsSync(target))) {
      log(`${SQLITE_PACKAGE} ${betterSqlite3Version} for Electron ${electronVersion} (${platform}-${arch}) is already built: ${relative(root, target)}`)
      return { path: target, status: 'up-to-date', method: stamp.method }
    }
  }

  const require = createRequire(join(root, 'package.json'))
  const tools = {
    'prebuild-install': () => require.resolve('prebuild-install/bin.js'),
    'node-gyp': () => require.resolve('node-gyp/bin/node-gyp.js'),
  }
  const work = mkdtempSync(join(tempRoot, 'roundtable-native-'))
  const attempts = []
  try {
    const attempt = (name, args, note) => {
      // A fresh copy for each attempt, so a half-finished one cannot leak into the next.
      const copy = join(work, `${name}-${SQLITE_PACKAGE}`)
      cpSync(packageDir, copy, { recursive: true, filter: (path) => shouldCopy(packageDir, path) })
      let script
      try {
        script = tools[name]()
      } catch {
        attempts.push({ name, reason: `${name} is not installed in node_modules` })
        return null
      }
      log(`${note}\n  ${name} ${args.join(' ')}`)
      const result = run(nodePath, [script, ...args], { cwd: copy, env: childEnv(env) })
      const built = join(copy, 'build', 'Release', BINDING_FILE)
      if (result.status !== 0 || !existsSync(built)) {
        const reason = result.error ? result.error.message : `exit code ${result.status}${result.output ? `\n${tail(result.output).replace(/^/gm, '    ')}` : ''}`
        attempts.push({ name, reason: result.status === 0 ? `it finished but made no ${BINDING_FILE}` : reason })
        return null
      }
      if (!binaryFormatMatches(readHeader(built), platform)) {
        attempts.push({ name, reason: `the file it made is not a ${platform} binary` })
        return null
      }
      return built
    }

    let method = 'prebuild-install'
    let built = attempt(
      'prebuild-install',
      prebuildInstallArgs({ electronVersion, platform, arch }),
      `Fetching a prebuilt ${SQLITE_PACKAGE} ${betterSqlite3Version} for Electron ${electronVersion} (${platform}-${arch})…`,
    )
    if (!built) {
      method = 'node-gyp'
      if (platform !== process.platform) {
        attempts.push({ name: 'node-gyp', reason: `it cannot compile for ${platform} on ${process.platform}; build on a ${platform} machine` })
      } else {
        built = attempt(
          'node-gyp',
          nodeGypArgs({ electronVersion, arch, devDir }),
          `No prebuilt binary; compiling ${SQLITE_PACKAGE} from source for Electron (a few minutes)…`,
        )
      }
    }
    if (!built) throw new Error(failureMessage({ electronVersion, platform, arch, attempts, target }))

    mkdirSync(outDir, { recursive: true })
    // Copy then rename, so an interrupted run never leaves a half-written binding behind.
    const partial = `${target}.partial`
    cpSync(built, partial)
    renameSync(partial, target)
    writeFileSync(stampPath, `${JSON.stringify({ ...expected, method, builtAt: new Date().toISOString() }, null, 2)}\n`)
    log(`Built with ${method}: ${relative(root, target)}`)
    return { path: target, status: 'built', method }
  } finally {
    rmSync(work, { recursive: true, force: true })
  }
}

export function installedElectronVersion(root) {
  const file = join(root, 'node_modules', 'electron', 'package.json')
  if (!existsSync(file)) throw new Error(`Electron is not installed (${file} is missing). Run npm ci first.`)
  return JSON.parse(readFileSync(file, 'utf8')).version
}

const isMain = process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href
if (isMain) {
  const root = dirname(dirname(fileURLToPath(import.meta.url)))
  try {
    const options = parseCliArgs(process.argv.slice(2))
    ensureElectronBinding({ root, electronVersion: installedElectronVersion(root), ...options })
  } catch (error) {
    console.error(`\n${error.message}`)
    process.exit(1)
  }
}
