import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { summarise, summaryLines, type PlaywrightReport, type VitestReport } from '../../scripts/test-summary.mjs'

const cleanVitest: VitestReport = { numPassedTests: 10, numFailedTests: 0, numPendingTests: 1, numTodoTests: 0, numFailedTestSuites: 0 }
const cleanPlaywright: PlaywrightReport = { stats: { expected: 5, unexpected: 0, flaky: 0, skipped: 0 }, errors: [] }

function lastLine(lines: string[]): string {
  return lines[lines.length - 1]
}

describe("npm test's summary", () => {
  it('counts tests, not the typecheck or the build', () => {
    const totals = summarise([
      { title: 'Typecheck', kind: 'check', exitCode: 0 },
      { title: 'vitest', kind: 'vitest', exitCode: 0, report: cleanVitest },
      { title: 'Build', kind: 'check', exitCode: 0 },
      { title: 'Browser', kind: 'playwright', exitCode: 0, report: cleanPlaywright },
    ])
    expect(lastLine(summaryLines(totals))).toBe('15 passed, 0 failed')
    expect(totals.skipped).toBe(1)
  })

  it('counts a failed typecheck as a failure', () => {
    const totals = summarise([{ title: 'Typecheck', kind: 'check', exitCode: 2 }])
    expect(totals.failed).toBe(1)
    expect(totals.problems.join()).toContain('Typecheck failed')
  })

  it('counts vitest exiting non-zero as a failure even when its report says nothing failed', () => {
    const totals = summarise([{ title: 'vitest', kind: 'vitest', exitCode: 1, report: cleanVitest }])
    expect(totals.failed).toBe(1)
    expect(lastLine(summaryLines(totals))).toBe('10 passed, 1 failed')
  })

  it('counts a suite killed by a signal as a failure', () => {
    const totals = summarise([{ title: 'Browser', kind: 'playwright', exitCode: null, report: cleanPlaywright }])
    expect(totals.failed).toBe(1)
    expect(totals.problems.join()).toContain('killed by a signal')
  })

  it('counts browser suites that a failed build kept from running as failures', () => {
    const totals = summarise([
      { title: 'Build', kind: 'check', exitCode: 1 },
      { title: 'Browser', kind: 'playwright', notRunBecause: 'the build failed' },
      { title: 'Electron', kind: 'playwright', notRunBecause: 'the build failed' },
    ])
    expect(totals.failed).toBe(3)
    expect(totals.problems.join('\n')).toMatch(/Browser: not run \(the build failed\)/)
  })

  it('counts a missing report, a file that failed to load and errors outside tests', () => {
    const totals = summarise([
      { title: 'vitest', kind: 'vitest', exitCode: 1, report: null },
      { title: 'vitest 2', kind: 'vitest', exitCode: 1, report: { ...cleanVitest, numFailedTestSuites: 2 } },
      { title: 'Browser', kind: 'playwright', exitCode: 1, report: { ...cleanPlaywright, errors: [{}] } },
    ])
    // 1 (no report) + 2 (files that did not load) + 1 (error outside tests); the exit statuses add nothing more.
    expect(totals.failed).toBe(4)
  })

  it('does not count a failing test twice because its suite also exited non-zero', () => {
    const totals = summarise([{ title: 'vitest', kind: 'vitest', exitCode: 1, report: { ...cleanVitest, numFailedTests: 3 } }])
    expect(totals.failed).toBe(3)
  })

  it('reports a real vitest run that leaves an unhandled rejection as failed', () => {
    // The defect as it happened: one passing test that leaves a rejection nobody handles.
    const config = fileURLToPath(new URL('../fixtures/vitest-unhandled/vitest.fixture.config.ts', import.meta.url))
    const out = mkdtempSync(join(tmpdir(), 'roundtable-summary-'))
    try {
      const reportFile = join(out, 'vitest.json')
      const result = spawnSync('npx', ['vitest', 'run', '--config', config, '--reporter=json', `--outputFile.json=${reportFile}`], {
        encoding: 'utf8',
        timeout: 60_000,
      })
      const report = JSON.parse(readFileSync(reportFile, 'utf8')) as VitestReport
      // What made the old summary lie: the report alone says nothing failed.
      expect(report.numFailedTests).toBe(0)
      expect(result.status).not.toBe(0)
      const totals = summarise([{ title: 'vitest', kind: 'vitest', exitCode: result.status, report }])
      expect(lastLine(summaryLines(totals))).toBe('1 passed, 1 failed')
    } finally {
      rmSync(out, { recursive: true, force: true })
    }
  }, 60_000)
})
