// Types for scripts/test-summary.mjs, so its test (scripts/test-summary.test.ts) type-checks.
export interface VitestReport {
  numPassedTests: number
  numFailedTests: number
  numPendingTests: number
  numTodoTests: number
  numFailedTestSuites: number
}
export interface PlaywrightReport {
  stats: { expected: number; unexpected: number; flaky: number; skipped: number }
  errors?: unknown[]
}
export type TestStep =
  | { title: string; kind: 'check'; exitCode: number | null; notRunBecause?: string }
  | { title: string; kind: 'vitest'; exitCode: number | null; report: VitestReport | null; notRunBecause?: string }
  | { title: string; kind: 'playwright'; exitCode?: number | null; report?: PlaywrightReport | null; notRunBecause?: string }
export interface Totals {
  passed: number
  failed: number
  skipped: number
  problems: string[]
}
export function summarise(steps: TestStep[]): Totals
export function summaryLines(totals: Totals): string[]
