import { ABOUT_ME_FIELDS } from '../shared/plan/narrative'
import { count, ms, table } from './format'
import type { PlanFigures, PlanSettings } from './plan'
import type { OpenSample } from './plan-open'
import { describe, type Distribution } from './stats'

const NO_TARGET = 'No target set; recorded for trend.'

function spread(samples: readonly number[]): string[] {
  const figures = describe(samples)
  return [ms(figures.p50), ms(figures.p90), ms(figures.max)]
}

function openRows(cold: OpenSample[], warm: OpenSample[]): string[][] {
  const phases: [keyof OpenSample, string][] = [
    ['connectMs', 'WebSocket open (token checked, upgrade answered)'],
    ['syncMs', 'Sync: the hub’s whole state applied to the new Y.Doc (cold: after the hub loads it from SQLite)'],
    ['readPlanMs', '`readPlan(doc, today)`: the plan as plain data'],
    ['richTextMs', `${ABOUT_ME_FIELDS.length} About me editors bound, each loading its text`],
    ['totalMs', '**Total**'],
  ]
  return phases.map(([key, name]) => [name, ...spread(cold.map((sample) => sample[key])), ...spread(warm.map((sample) => sample[key]))])
}

function latencyRow(name: string, figures: Distribution): string[] {
  return [name, count(figures.count), ms(figures.p50), ms(figures.p90), `**${ms(figures.p99)}**`, ms(figures.max)]
}

export function renderPlanSections(plan: PlanFigures, settings: PlanSettings, cores: number): string {
  const { built, open, typing } = plan
  const shape = settings.shape
  const kib = (bytes: number): string => `${count(bytes / 1024)} KiB`
  const typingParams = settings.typing
  const others = typingParams.people - 1

  const planTable = table(
    ['', ''],
    [
      ['Entries', `${count(built.entryCount)}: ${count(built.goalCount)} goals, ${count(built.actionCount)} actions, ${shape.professionals} care team, ${shape.strengths} strengths, ${shape.needs} needs`],
      ['About me text', `${count(built.richTextCharacters)} characters over ${ABOUT_ME_FIELDS.length} fields, typed in ${count(built.richTextUpdates)} editor updates`],
      ['Yjs state a new client receives', kib(built.stateBytes)],
      ['Time to build it (in the benchmark process)', `${(built.buildMs / 1000).toFixed(1)} s`],
    ],
  )
  const openTable = table(
    ['Phase (ms)', 'Cold p50', 'Cold p90', 'Cold max', 'Warm p50', 'Warm p90', 'Warm max'],
    openRows(open.cold, open.warm),
  )
  const typingTable = table(
    ['Per typist keystroke (ms)', 'Samples', 'p50', 'p90', 'p99', 'Max'],
    [
      latencyRow('Local: the typist’s editor update, Yjs transaction, awareness, socket send', describe(typing.localMs)),
      latencyRow(`Until another client’s Y.Doc has applied it (one sample per keystroke per other client)`, describe(typing.docLatenciesMs)),
      latencyRow('Until another client’s Lexical editor state holds it (same samples)', describe(typing.editorLatenciesMs)),
      latencyRow(`Until all ${others} other editors hold it (one sample per keystroke)`, describe(typing.allEditorsMs)),
    ],
  )

  return `## Opening a plan with ${count(shape.goals)} goals, ${count(shape.actions)} actions and ${count(shape.richTextCharacters / 1000)} KB of About me text

${NO_TARGET}

**The plan.** Built once per run with the app's own functions (\`bench/plan-build.ts\`): \`initialiseBoard\`,
\`setPersonField\`, \`addEntry\` for the care team, strengths, needs, goals and actions (each action owned by a
professional, due today, actions spread evenly over the goals), \`linkNeedToGoal\`, in a \`new Y.Doc({ gc: false })\`
as in the app. The About me text is typed one character per editor update into headless Lexical editors bound by the
app's own \`bindField\` (\`renderer/src/richtext/fieldBinding.ts\`), so the \`richText:<field>\` roots have exactly the
layout and item history the app writes: paragraphs of sentences, a bold phrase now and then, one short bulleted list
per field. Lexical runs its ${plan.lexicalBuild} build, as the packaged app does. The plan is then sent to the hub,
which stores it; no edits beyond that typing, and no agreed versions.

${planTable}

**What is measured.** A fresh client opens the plan: a new \`Y.Doc({ gc: false })\` and a \`WebsocketProvider\` over
\`ws\` with the token in its params, timed to its WebSocket being open, then to \`synced\` (the hub's sync step 2
applied), then \`readPlan(doc, today)\` (what the plan page renders from), then one headless Lexical editor bound to
each of the ${ABOUT_ME_FIELDS.length} About me fields, each loading what the doc holds (what mounting the page's fields does). Each open is
checked to hold every goal, action and About me character. Not included: React rendering, layout and paint.

- **Cold**: the first open after the hub process restarted on the same data folder (the hub compacts the plan into
  one snapshot row as it closes), so the hub reads it from SQLite and builds the room's Y.Doc, in a process whose code
  is not yet warm, as after the hub app starts. ${settings.open.coldRepetitions} restarts, one cold open each.
- **Warm**: ${settings.open.warmPerCold} more opens after each cold one, the room still loaded
  (${count(open.warm.length)} samples).
- The hub runs in its own process; the client in the benchmark process, whose code was warmed by one untimed open
  first. Percentiles are nearest-rank; with this few samples p90 is close to the maximum.

${openTable}

## Typing in About me with ${typingParams.people} people in the same field

${NO_TARGET}

**What is measured.** ${typingParams.people} clients open the plan above on the hub, each with its own Y.Doc,
\`WebsocketProvider\` and headless Lexical editor bound to \`${typingParams.fieldKey}\` by \`bindField\` (the field held
${count(typing.fieldCharactersBefore)} characters). Each adds its own paragraph at the end of the field and types into
it, one character per keystroke, a keystroke every ${typingParams.minGapMs}–${typingParams.maxGapMs} ms (seeded random
gaps), all at the same time. One of them is the typist: ${typingParams.warmupKeystrokes} warm-up keystrokes, then
${count(typingParams.measuredKeystrokes)} measured; the other ${others} typed ${count(typing.othersKeystrokes)}
characters meanwhile. A keystroke is a discrete Lexical update that puts the caret at the end of the person's
paragraph and inserts the character; the binding then writes it to the Y.Doc and the caret to awareness, and the
provider sends both, all before the update returns, which is the local time. For each typist keystroke and each other
client the benchmark records when that client's Y.Doc has applied it (its state vector reaches the typist's new
clock, checked in its \`update\` event) and when its committed Lexical editor state holds it (the typist's paragraph
has reached the new length, checked in an update listener). Latency counts from the start of the keystroke.

**How, and what it leaves out.** The hub (real \`startHub\`, every update committed to SQLite before it is relayed)
runs in its own process; all ${typingParams.people} clients share the benchmark process, so a receiver can wait
behind the others' work and behind their own typing; on ${cores} cores the hub and the clients also compete. The
editors are headless: no DOM, layout, paint, React or browser input events, so a real window adds its rendering on
top of the local figure and of each receiver's figure. The app's "Saved" check is not run (it waits for 250 ms of
quiet, which steady typing never gives).

${typingTable}

Lost (never shown by a receiver): ${count(typing.lost)}. After everyone stopped, all ${typingParams.people} editors
and Y.Docs held the same text: ${typing.converged ? 'yes' : '**no**'} (${count(typing.fieldCharactersAfter)}
characters). CPU time per keystroke by anyone, over ${typing.typingSeconds.toFixed(1)} s of typing: client process
${ms(typing.clientCpuMsPerKeystroke)} ms (one editor typing, ${others} receiving), hub ${ms(typing.hubCpuMsPerKeystroke)}
ms. Garbage collection in the client process while typing: ${count(typing.clientGcPauses)} pauses, the longest
${ms(typing.clientGcLongestMs)} ms (any receiver waits through it; the hub's pauses are not recorded).
`
}

export function planSummaryLines(plan: PlanFigures): string[] {
  const cold = describe(plan.open.cold.map((sample) => sample.totalMs))
  const warm = describe(plan.open.warm.map((sample) => sample.totalMs))
  const readPlan = describe(plan.open.warm.map((sample) => sample.readPlanMs))
  const editor = describe(plan.typing.editorLatenciesMs)
  const local = describe(plan.typing.localMs)
  return [
    `Plan open (${plan.built.goalCount} goals, ${plan.built.actionCount} actions): cold p50 ${ms(cold.p50)} ms, warm p50 ${ms(warm.p50)} ms ` +
      `(readPlan ${ms(readPlan.p50)} ms); ${NO_TARGET.toLowerCase()}`,
    `Typing with 4 people: keystroke to other editors p50/p99 ${ms(editor.p50)}/${ms(editor.p99)} ms, local p50/p99 ` +
      `${ms(local.p50)}/${ms(local.p99)} ms (lost ${plan.typing.lost}, converged: ${plan.typing.converged ? 'yes' : 'no'})`,
  ]
}
