import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { basename, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import {
  binaryFormatMatches,
  childEnv,
  electronNativeDir,
  ensureElectronBinding,
  installedElectronVersion,
  isUpToDate,
  nodeGypArgs,
  parseCliArgs,
  prebuildInstallArgs,
  shouldCopy,
  type Run,
} from '../../scripts/electron-native.mjs'
import { appLocations, electronNativeDir as mainNativeDir } from './paths'

// scripts/electron-native.mjs, tested without a network: the two real tools (prebuild-install and
// node-gyp) are replaced by a fake `run`, so what is tested is the script's own logic (what it runs,
// where, with which environment, what it copies and when it skips). The real tools were run by hand
// on this machine and failed as expected for lack of internet (see the report).

const ELF = [0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]
const PE = [0x4d, 0x5a, 0x90, 0]
const MACHO = [0xcf, 0xfa, 0xed, 0xfe]

describe('pure helpers', () => {
  it('main and the script agree on where the binding lives', () => {
    expect(electronNativeDir('/r', '45.4.1', 'linux', 'x64')).toBe(mainNativeDir('/r', '45.4.1', 'linux', 'x64'))
    expect(electronNativeDir('/r', '45.4.1', 'linux', 'x64')).toBe(join('/r', '.native', 'electron-45.4.1-linux-x64'))
  })

  it('main looks in .native in development and in resources/native when packaged', () => {
    const base = { mainDir: '/r/out/main', appPath: '/r', resourcesPath: '/opt/Roundtable/resources', electronVersion: '45.4.1', platform: 'linux', arch: 'x64' }
    expect(appLocations({ ...base, isPackaged: false })).toEqual({
      mainDir: '/r/out/main',
      rendererDir: join('/r/out/renderer'),
      preloadFile: join('/r/out/preload/index.cjs'),
      sqliteBinding: join('/r/.native/electron-45.4.1-linux-x64/better_sqlite3.node'),
    })
    expect(appLocations({ ...base, isPackaged: true }).sqliteBinding).toBe(join('/opt/Roundtable/resources/native/better_sqlite3.node'))
  })

  it('asks prebuild-install and node-gyp for Electron, never Node', () => {
    expect(prebuildInstallArgs({ electronVersion: '45.4.1', platform: 'linux', arch: 'x64' })).toEqual([
      '--runtime=electron',
      '--target=45.4.1',
      '--platform=linux',
      '--arch=x64',
      '--verbose',
    ])
    expect(nodeGypArgs({ electronVersion: '45.4.1', arch: 'arm64', devDir: '/h/.electron-gyp' })).toEqual([
      'rebuild',
      '--release',
      '--runtime=electron',
      '--target=45.4.1',
      '--arch=arm64',
      '--dist-url=https://electronjs.org/headers',
      '--devdir=/h/.electron-gyp',
    ])
  })

  it('removes npm settings that would make the tools build for Node', () => {
    const env = childEnv({ PATH: '/bin', npm_config_nodedir: '/usr', npm_config_target: '20.0.0', NPM_CONFIG_RUNTIME: 'node', npm_config_cache: '/c', GONE: undefined })
    expect(env).toEqual({ PATH: '/bin', npm_config_cache: '/c' })
  })

  it('copies the package without its Node build', () => {
    const pkg = join('/r', 'node_modules', 'better-sqlite3-multiple-ciphers')
    expect(shouldCopy(pkg, pkg)).toBe(true)
    expect(shouldCopy(pkg, join(pkg, 'src', 'better_sqlite3.cpp'))).toBe(true)
    expect(shouldCopy(pkg, join(pkg, 'deps', 'sqlite3', 'sqlite3.c'))).toBe(true)
    expect(shouldCopy(pkg, join(pkg, 'build'))).toBe(false)
    expect(shouldCopy(pkg, join(pkg, 'build', 'Release', 'better_sqlite3.node'))).toBe(false)
    expect(shouldCopy(pkg, join(pkg, 'node_modules', 'x'))).toBe(false)
    expect(shouldCopy(pkg, join(pkg, 'buildings.js'))).toBe(true)
  })

  it('knows when a binding is current', () => {
    const expected = { electronVersion: '45.4.1', platform: 'linux', arch: 'x64', sqlitePackage: 'better-sqlite3-multiple-ciphers', betterSqlite3Version: '12.11.1' }
    expect(isUpToDate({ ...expected, method: 'node-gyp' }, expected, true)).toBe(true)
    expect(isUpToDate({ ...expected }, expected, false)).toBe(false)
    expect(isUpToDate({ ...expected, electronVersion: '45.4.0' }, expected, true)).toBe(false)
    expect(isUpToDate({ ...expected, betterSqlite3Version: '12.10.0' }, expected, true)).toBe(false)
    expect(isUpToDate(null, expected, true)).toBe(false)
    // A build of plain better-sqlite3 (no encryption) of the same version is not current.
    expect(isUpToDate({ ...expected, sqlitePackage: undefined }, expected, true)).toBe(false)
  })

  it('recognises each OS binary format', () => {
    expect(binaryFormatMatches(ELF, 'linux')).toBe(true)
    expect(binaryFormatMatches(PE, 'win32')).toBe(true)
    expect(binaryFormatMatches(MACHO, 'darwin')).toBe(true)
    expect(binaryFormatMatches(ELF, 'win32')).toBe(false)
    expect(binaryFormatMatches(PE, 'linux')).toBe(false)
    expect(binaryFormatMatches([], 'linux')).toBe(false)
  })

  it('parses its command line', () => {
    const defaults = { platform: 'linux', arch: 'x64' }
    expect(parseCliArgs([], defaults)).toEqual({ force: false, platform: 'linux', arch: 'x64' })
    expect(parseCliArgs(['--force', '--platform', 'win32', '--arch', 'arm64'], defaults)).toEqual({ force: true, platform: 'win32', arch: 'arm64' })
    expect(() => parseCliArgs(['--arch'], defaults)).toThrow(/--arch needs a value/)
    expect(() => parseCliArgs(['--target', '1'], defaults)).toThrow(/Unknown option --target/)
  })
})

describe('ensureElectronBinding', () => {
  let root: string
  let tempRoot: string
  const nodeBuild = () => join(root, 'node_modules', 'better-sqlite3-multiple-ciphers', 'build', 'Release', 'better_sqlite3.node')

  function fakeProject(version = '12.11.1') {
    const pkg = join(root, 'node_modules', 'better-sqlite3-multiple-ciphers')
    mkdirSync(join(pkg, 'build', 'Release'), { recursive: true })
    mkdirSync(join(pkg, 'src'), { recursive: true })
    writeFileSync(join(pkg, 'package.json'), JSON.stringify({ name: 'better-sqlite3-multiple-ciphers', version }))
    writeFileSync(join(pkg, 'binding.gyp'), '{}')
    writeFileSync(join(pkg, 'src', 'better_sqlite3.cpp'), '// source')
    writeFileSync(nodeBuild(), 'NODE-ABI BUILD')
    for (const [name, file] of [['prebuild-install', 'bin.js'], ['node-gyp', join('bin', 'node-gyp.js')]]) {
      mkdirSync(join(root, 'node_modules', name, 'bin'), { recursive: true })
      writeFileSync(join(root, 'node_modules', name, 'package.json'), JSON.stringify({ name, version: '1.0.0' }))
      writeFileSync(join(root, 'node_modules', name, file), '')
    }
    writeFileSync(join(root, 'package.json'), '{}')
  }

  /** A `run` that plays each tool: 'fail', or 'succeed' writing a binary with the given header. */
  function fakeRun(behaviour: Record<string, 'fail' | number[]>) {
    const calls: Array<{ tool: string; args: string[]; cwd: string; env: Record<string, string>; hadBuildDir: boolean }> = []
    const run: Run = (_command, args, options) => {
      const tool = args[0].includes('node-gyp') ? 'node-gyp' : 'prebuild-install'
      calls.push({ tool, args: args.slice(1), cwd: options.cwd, env: options.env, hadBuildDir: existsSync(join(options.cwd, 'build')) })
      const plan = behaviour[tool] ?? 'fail'
      if (plan === 'fail') return { status: 1, output: `${tool}: getaddrinfo ENOTFOUND github.com` }
      mkdirSync(join(options.cwd, 'build', 'Release'), { recursive: true })
      writeFileSync(join(options.cwd, 'build', 'Release', 'better_sqlite3.node'), Buffer.from([...plan, ...Buffer.from(`ELECTRON BUILD by ${tool}`)]))
      return { status: 0, output: '' }
    }
    return { run, calls }
  }

  const options = (run: Run, extra: Record<string, unknown> = {}) => ({
    root,
    electronVersion: '45.4.1',
    platform: process.platform,
    arch: 'x64',
    run,
    log: vi.fn(),
    tempRoot,
    env: { PATH: '/bin', npm_config_nodedir: '/usr' },
    devDir: '/h/.electron-gyp',
    ...extra,
  })

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'rt-native-root-'))
    tempRoot = mkdtempSync(join(tmpdir(), 'rt-native-tmp-'))
    fakeProject()
  })
  afterEach(() => {
    rmSync(root, { recursive: true, force: true })
    rmSync(tempRoot, { recursive: true, force: true })
  })

  const header = process.platform === 'win32' ? PE : process.platform === 'darwin' ? MACHO : ELF

  it('uses prebuild-install when it works, in a copy, leaving node_modules alone', () => {
    const { run, calls } = fakeRun({ 'prebuild-install': header })
    const result = ensureElectronBinding(options(run))
    expect(result.status).toBe('built')
    expect(result.method).toBe('prebuild-install')
    expect(result.path).toBe(join(root, '.native', `electron-45.4.1-${process.platform}-x64`, 'better_sqlite3.node'))
    expect(readFileSync(result.path, 'latin1')).toContain('ELECTRON BUILD by prebuild-install')
    expect(calls).toHaveLength(1)
    expect(calls[0].cwd.startsWith(tempRoot)).toBe(true)
    expect(calls[0].hadBuildDir).toBe(false)
    expect(calls[0].env).toEqual({ PATH: '/bin' })
    expect(calls[0].args).toContain('--runtime=electron')
    expect(readFileSync(nodeBuild(), 'utf8')).toBe('NODE-ABI BUILD')
    expect(readdirSync(tempRoot)).toEqual([])
    const stamp = JSON.parse(readFileSync(join(root, '.native', `electron-45.4.1-${process.platform}-x64`, 'build.json'), 'utf8'))
    expect(stamp).toMatchObject({ electronVersion: '45.4.1', platform: process.platform, arch: 'x64', sqlitePackage: 'better-sqlite3-multiple-ciphers', betterSqlite3Version: '12.11.1', method: 'prebuild-install' })
  })

  it('falls back to node-gyp with Electron headers when there is no prebuilt binary', () => {
    const { run, calls } = fakeRun({ 'prebuild-install': 'fail', 'node-gyp': header })
    const result = ensureElectronBinding(options(run))
    expect(result.method).toBe('node-gyp')
    expect(calls.map((call) => call.tool)).toEqual(['prebuild-install', 'node-gyp'])
    expect(calls[1].args).toEqual(expect.arrayContaining(['rebuild', '--runtime=electron', '--target=45.4.1', '--dist-url=https://electronjs.org/headers']))
    expect(calls[1].hadBuildDir).toBe(false)
    expect(readFileSync(result.path, 'latin1')).toContain('ELECTRON BUILD by node-gyp')
    expect(readFileSync(nodeBuild(), 'utf8')).toBe('NODE-ABI BUILD')
  })

  it('skips when already built for this Electron and driver, and rebuilds when either changes', () => {
    const first = fakeRun({ 'prebuild-install': header })
    ensureElectronBinding(options(first.run))
    const again = fakeRun({ 'prebuild-install': header })
    expect(ensureElectronBinding(options(again.run)).status).toBe('up-to-date')
    expect(again.calls).toHaveLength(0)

    expect(ensureElectronBinding(options(again.run, { force: true })).status).toBe('built')
    fakeProject('12.12.0')
    expect(ensureElectronBinding(options(again.run)).status).toBe('built')
    expect(ensureElectronBinding(options(again.run, { electronVersion: '45.5.0' })).status).toBe('built')
    expect(again.calls).toHaveLength(3)
  })

  it('fails with a clear message when neither tool can get a binding (no internet)', () => {
    const { run } = fakeRun({})
    let message = ''
    try {
      ensureElectronBinding(options(run))
    } catch (error) {
      message = (error as Error).message
    }
    expect(message).toMatch(/^Could not build better-sqlite3-multiple-ciphers for Electron 45\.4\.1/)
    expect(message).toContain('prebuild-install failed: exit code 1')
    expect(message).toContain('ENOTFOUND github.com')
    expect(message).toContain('node-gyp failed')
    expect(message).toContain('need the internet')
    expect(message).toContain('npm run serve')
    expect(message).toContain(join('.native', `electron-45.4.1-${process.platform}-x64`, 'better_sqlite3.node'))
    expect(existsSync(join(root, '.native'))).toBe(false)
    expect(readdirSync(tempRoot)).toEqual([])
  })

  it('rejects a binary for the wrong operating system', () => {
    const wrong = process.platform === 'win32' ? ELF : PE
    const { run } = fakeRun({ 'prebuild-install': wrong, 'node-gyp': wrong })
    expect(() => ensureElectronBinding(options(run))).toThrow(/is not a .* binary/)
  })

  it('does not try to compile for another operating system', () => {
    const other = process.platform === 'win32' ? 'linux' : 'win32'
    const { run, calls } = fakeRun({ 'prebuild-install': 'fail', 'node-gyp': header })
    expect(() => ensureElectronBinding(options(run, { platform: other }))).toThrow(/cannot compile for/)
    expect(calls.map((call) => call.tool)).toEqual(['prebuild-install'])
  })

  it('says when the SQLite driver is not installed', () => {
    rmSync(join(root, 'node_modules', 'better-sqlite3-multiple-ciphers'), { recursive: true })
    expect(() => ensureElectronBinding(options(fakeRun({}).run))).toThrow(/better-sqlite3-multiple-ciphers is not installed.*npm ci/)
  })
})

describe('packaging configuration', () => {
  const repo = fileURLToPath(new URL('../..', import.meta.url))
  const yml = readFileSync(join(repo, 'electron-builder.yml'), 'utf8')

  it('electron-builder.yml packages the Electron version that is installed', () => {
    const installed = installedElectronVersion(repo)
    expect(yml).toMatch(new RegExp(`^electronVersion: ${installed.replaceAll('.', '\\.')}$`, 'm'))
  })

  it('bundles the binding the script builds, where main looks for it when packaged', () => {
    const installed = installedElectronVersion(repo)
    const from = /- from: (\S+)\n\s+to: (\S+)/.exec(yml)
    expect(from?.[1]).toBe(`.native/electron-${installed}-\${platform}-\${arch}/better_sqlite3.node`)
    const packaged = appLocations({ mainDir: '/a/out/main', appPath: '/a', resourcesPath: '/res', isPackaged: true, electronVersion: installed, platform: 'linux', arch: 'x64' })
    expect(join('/res', from?.[2] ?? '')).toBe(packaged.sqliteBinding)
    expect(basename(packaged.sqliteBinding)).toBe('better_sqlite3.node')
    expect(yml).toMatch(/^npmRebuild: false$/m)
  })
})
