/**
 * Runs only the action tracker benchmark and prints its section and summary; writes nothing.
 * `npx tsx bench/tracker-run.ts`, with BENCH_TRACKER_PLANS=50 for a quick check on a busy machine.
 * `npm run bench` runs it too, with the others, and writes docs/benchmarks.md.
 */
import { loadavg } from 'node:os'
import { renderTrackerSection, trackerSummaryLines, trackerTargetRows } from './report-tracker'
import { measureTracker, trackerPlansFromEnv, trackerSettings } from './tracker'

function log(line: string): void {
  console.log(`[bench ${(performance.now() / 1000).toFixed(1)} s] ${line}`)
}

async function main(): Promise<void> {
  const settings = trackerSettings(trackerPlansFromEnv())
  const loadAtStart = loadavg()[0]
  const figures = await measureTracker(settings, log)
  console.log(`\n${renderTrackerSection(figures, settings)}`)
  for (const [target, measured, result] of trackerTargetRows(figures)) console.log(`${result.replace(/\*/g, '').padEnd(4)}  ${target}: ${measured}`)
  for (const line of trackerSummaryLines(figures)) console.log(line)
  console.log(`Load average (1 min): ${loadAtStart.toFixed(2)} at start, ${loadavg()[0].toFixed(2)} at end`)
}

main().catch((error: Error) => {
  console.error(error.stack ?? error.message)
  process.exitCode = 1
})
