// `npm test`: typecheck, unit and hub tests (vitest), a build, browser tests (Playwright + Chromium),
// and the Electron launch test; then one line summing every suite: `N passed, N failed`.
// The counting rules live in scripts/test-summary.mjs (and its test).
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { summarise, summaryLines } from './test-summary.mjs'

const root = fileURLToPath(new URL('..', import.meta.url))
const results = join(root, 'test-results')
rmSync(results, { recursive: true, force: true })
mkdirSync(results, { recursive: true })

/** Runs one command in the foreground and returns its exit status (null if a signal killed it). */
function run(title, command, args, extraEnv = {}) {
  console.log(`\n=== ${title} ===`)
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...extraEnv } })
  if (result.error) console.error(`${title}: could not start ${command}: ${result.error.message}`)
  return result.status
}

function readJson(file) {
  const path = join(results, file)
  if (!existsSync(path)) return null
  try {
    return JSON.parse(readFileSync(path, 'utf8'))
  } catch {
    return null
  }
}

const steps = []

steps.push({ title: 'Typecheck', kind: 'check', exitCode: run('Typecheck', 'npx', ['tsc', '-b', 'tsconfig.json']) })

const vitestExit = run('Unit and hub tests (vitest)', 'npx', [
  'vitest',
  'run',
  '--reporter=default',
  '--reporter=json',
  '--outputFile.json=test-results/vitest.json',
])
steps.push({ title: 'Unit and hub tests (vitest)', kind: 'vitest', exitCode: vitestExit, report: readJson('vitest.json') })

const buildExit = run('Build (electron-vite)', 'npx', ['electron-vite', 'build'])
steps.push({ title: 'Build (electron-vite)', kind: 'check', exitCode: buildExit })

function playwrightSuite(title, args, reportFile) {
  if (buildExit !== 0) {
    steps.push({ title, kind: 'playwright', notRunBecause: 'the build failed, so there was no app to test' })
    return
  }
  const exitCode = run(title, 'npx', ['playwright', 'test', '--reporter=list,json', ...args], {
    PLAYWRIGHT_JSON_OUTPUT_NAME: join(results, reportFile),
  })
  steps.push({ title, kind: 'playwright', exitCode, report: readJson(reportFile) })
}

playwrightSuite('Browser tests (Playwright, Chromium)', [], 'playwright.json')
playwrightSuite('Electron launch test', ['-c', 'tests/electron/playwright.electron.config.ts'], 'electron.json')

const totals = summarise(steps)
console.log('')
for (const line of summaryLines(totals)) console.log(line)
process.exit(totals.failed > 0 ? 1 : 0)
