// The arithmetic behind `npm test`'s last line, kept apart from the running so it can be tested.
//
// Each step is one command the runner ran (or could not run):
//   { title, kind: 'check' | 'vitest' | 'playwright', exitCode, report, notRunBecause }
// - 'check' steps (typecheck, build) are not tests: they never add to "passed", but a failing one is a failure.
// - A test suite's report is trusted for its counts, but never to excuse a non-zero exit: vitest exits 1
//   for an unhandled rejection while its report says "0 failed", and that must show as a failure.
// - A suite that could not run (its build failed) is a failure, not a silent absence.

/** @returns {{ passed: number, failed: number, skipped: number, problems: string[] }} */
export function summarise(steps) {
  const totals = { passed: 0, failed: 0, skipped: 0, problems: [] }
  for (const step of steps) {
    if (step.notRunBecause) {
      totals.failed++
      totals.problems.push(`${step.title}: not run (${step.notRunBecause})`)
      continue
    }
    if (step.kind === 'check') addCheck(totals, step)
    else if (step.kind === 'vitest') addVitest(totals, step)
    else if (step.kind === 'playwright') addPlaywright(totals, step)
    else throw new Error(`Unknown kind of test step: ${step.kind}`)
  }
  return totals
}

function addCheck(totals, step) {
  if (step.exitCode === 0) return
  totals.failed++
  totals.problems.push(`${step.title} failed (exit status ${describeExit(step.exitCode)})`)
}

function addVitest(totals, step) {
  const report = step.report
  if (!report) {
    totals.failed++
    totals.problems.push(`${step.title} wrote no report (exit status ${describeExit(step.exitCode)})`)
    return
  }
  totals.passed += report.numPassedTests
  totals.skipped += report.numPendingTests + report.numTodoTests
  let failures = report.numFailedTests
  if (report.numFailedTestSuites > 0 && report.numFailedTests === 0) {
    failures += report.numFailedTestSuites
    totals.problems.push(`${step.title}: ${report.numFailedTestSuites} file(s) failed to load`)
  }
  totals.failed += failures
  if (step.exitCode !== 0 && failures === 0) {
    totals.failed++
    totals.problems.push(
      `${step.title} exited with status ${describeExit(step.exitCode)} although no test failed ` +
        '(an unhandled error or rejection; see "Unhandled Errors" above)',
    )
  }
}

function addPlaywright(totals, step) {
  const report = step.report
  if (!report) {
    totals.failed++
    totals.problems.push(`${step.title} wrote no report (exit status ${describeExit(step.exitCode)})`)
    return
  }
  totals.passed += report.stats.expected + report.stats.flaky
  totals.skipped += report.stats.skipped
  let failures = report.stats.unexpected
  const outsideTests = report.errors?.length ?? 0
  if (outsideTests > 0) {
    failures += outsideTests
    totals.problems.push(`${step.title}: ${outsideTests} error(s) outside tests`)
  }
  totals.failed += failures
  if (step.exitCode !== 0 && failures === 0) {
    totals.failed++
    totals.problems.push(`${step.title} exited with status ${describeExit(step.exitCode)} although no test failed`)
  }
}

function describeExit(exitCode) {
  return exitCode === null || exitCode === undefined ? 'none: killed by a signal' : String(exitCode)
}

/** The lines `npm test` ends with; the very last is always `N passed, N failed`. */
export function summaryLines(totals) {
  const lines = []
  if (totals.skipped > 0) lines.push(`${totals.skipped} skipped (each prints its reason above)`)
  if (totals.problems.length > 0) lines.push(`Problems: ${totals.problems.join('; ')}`)
  lines.push(`${totals.passed} passed, ${totals.failed} failed`)
  return lines
}
