// `npm test`: typecheck, unit and hub tests (vitest), a build, browser tests (Playwright + Chromium),
// and the Electron launch test; then one line summing every suite: `N passed, N failed`.
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = fileURLToPath(new URL('..', import.meta.url))
const results = join(root, 'test-results')
rmSync(results, { recursive: true, force: true })
mkdirSync(results, { recursive: true })

function run(title, command, args, extraEnv = {}) {
  console.log(`\n=== ${title} ===`)
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...extraEnv } })
  return result.status === 0
}

function readJson(file) {
  const path = join(results, file)
  return existsSync(path) ? JSON.parse(readFileSync(path, 'utf8')) : null
}

let passed = 0
let failed = 0
let skipped = 0
const problems = []

if (run('Typecheck', 'npx', ['tsc', '-b', 'tsconfig.json'])) passed++
else {
  failed++
  problems.push('typecheck')
}

run('Unit and hub tests (vitest)', 'npx', ['vitest', 'run', '--reporter=default', '--reporter=json', '--outputFile.json=test-results/vitest.json'])
const vitest = readJson('vitest.json')
if (vitest) {
  passed += vitest.numPassedTests
  failed += vitest.numFailedTests
  skipped += vitest.numPendingTests + vitest.numTodoTests
  if (vitest.numFailedTestSuites > 0 && vitest.numFailedTests === 0) {
    failed += vitest.numFailedTestSuites
    problems.push('a vitest file failed to load')
  }
} else {
  failed++
  problems.push('vitest wrote no report')
}

const built = run('Build (electron-vite)', 'npx', ['electron-vite', 'build'])
if (!built) {
  failed++
  problems.push('build')
}

function playwrightSuite(title, args, reportFile) {
  if (!built) return
  run(title, 'npx', ['playwright', 'test', '--reporter=list,json', ...args], {
    PLAYWRIGHT_JSON_OUTPUT_NAME: join(results, reportFile),
  })
  const report = readJson(reportFile)
  if (!report) {
    failed++
    problems.push(`${title} wrote no report`)
    return
  }
  passed += report.stats.expected + report.stats.flaky
  failed += report.stats.unexpected
  skipped += report.stats.skipped
  if (report.errors?.length) {
    failed += report.errors.length
    problems.push(`${title}: ${report.errors.length} error(s) outside tests`)
  }
}

playwrightSuite('Browser tests (Playwright, Chromium)', [], 'playwright.json')
playwrightSuite('Electron launch test', ['-c', 'tests/electron/playwright.electron.config.ts'], 'electron.json')

console.log('')
if (skipped > 0) console.log(`${skipped} skipped (each prints its reason above)`)
if (problems.length > 0) console.log(`Problems: ${problems.join('; ')}`)
console.log(`${passed} passed, ${failed} failed`)
process.exit(failed > 0 ? 1 : 0)
