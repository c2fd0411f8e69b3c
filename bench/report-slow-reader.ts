import { count, ms, table } from './format'
import type { SlowReaderFigures, SlowReaderRun, SlowReaderSettings } from './slow-reader'

const MB = 1024 * 1024

function mb(bytes: number): string {
  return `${(bytes / MB).toFixed(0)} MB`
}

function growth(run: SlowReaderRun): number {
  return run.during.peak.rssBytes - run.before.now.rssBytes
}

function modeName(run: SlowReaderRun): string {
  return run.mode === 'guarded' ? 'Hub as it is (send queue capped)' : 'Limits off (the hub before the cap)'
}

export function renderSlowReaderSection(figures: SlowReaderFigures, settings: SlowReaderSettings): string {
  const board = figures.runs[0]?.boardBytes ?? settings.boardEntries * settings.entryBytes
  const rows = figures.runs.map((run) => [
    modeName(run),
    `${mb(run.before.now.rssBytes)} → ${mb(run.during.peak.rssBytes)} (**+${mb(growth(run))}**)`,
    `${mb(run.during.peak.externalBytes)}`,
    mb(run.during.largestQueueBytes),
    run.during.slowReadersClosed > 0 ? 'yes, 1013' : 'no',
    `${count(run.editsArrived)} of ${count(run.editsMade)}`,
    `${ms(run.editDelayMs.p50)} / ${ms(run.editDelayMs.p99)} / ${ms(run.editDelayMs.max)}`,
  ])
  return `## A client that never reads, on a ${mb(board)} board

**What is measured.** The hub's own memory while one connection asks for the whole board again and again and reads
nothing, and whether two normal people on the same board keep syncing meanwhile.

**How.** The hub runs in its own process (\`bench/slow-reader-hub.ts\`), which samples its \`process.memoryUsage()\`
every 5 ms and keeps the largest figures. A \`WebsocketProvider\` sends it a board of ${settings.boardEntries} entries of
${count(settings.entryBytes / 1024)} KiB (one update each); two more \`WebsocketProvider\`s load it. Then a raw \`ws\`
client connects, pauses its socket (it reads nothing, so the kernel's buffers fill and the hub's send queue grows), and
sends ${settings.requests} sync-step-1 messages with an empty state vector at once. For ${count(settings.attackMs)} ms one
person appends an item every ${settings.editEveryMs} ms and the other's Y.Doc is watched for each. Memory growth is the
peak RSS during that time minus the RSS just before the non-reader connected. "Largest send queue" is the largest
\`bufferedAmount\` of any hub-side socket right after the hub queued a message on it. The same steps run against a fresh
hub with its send-queue limits set to infinity, which is the hub before the limits; each run starts a fresh process.

${table(
  ['Hub', 'RSS before → peak', 'Peak external (Buffers)', 'Largest send queue', 'Non-reader closed', 'Edits arrived', 'Edit delay p50 / p99 / max, ms'],
  rows,
)}
`
}

export function slowReaderSummaryLines(figures: SlowReaderFigures): string[] {
  return figures.runs.map(
    (run) =>
      `Slow reader (${run.mode}): hub RSS +${mb(growth(run))}, largest send queue ${mb(run.during.largestQueueBytes)}, ` +
      `${run.editsArrived}/${run.editsMade} edits arrived`,
  )
}
