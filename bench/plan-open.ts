/**
 * Opening the large plan: a fresh client connects to the real hub (in its own process), syncs the
 * whole plan, reads it into plain data with readPlan (what the board renders from), and opens the
 * About me fields in headless Lexical editors (each field's editor loads what the doc holds, as the
 * app's fields do when the plan page mounts). Cold: the first connection after the hub restarted,
 * so the hub loads the document from SQLite (and its own code is not yet warm); warm: the room is
 * already loaded.
 */
import { ABOUT_ME_FIELDS } from '../shared/plan/narrative'
import { readPlan } from '../shared/plan/read'
import { bindHeadless, dispose, editorText } from './richtext-headless'
import { connectionMilestones, connectPlanClient } from './plan-client'
import { startServerProcess, type ServerProcess } from './servers'
import { sleep } from './stats'

export interface OpenSample {
  /** From creating the provider to its WebSocket being open. */
  connectMs: number
  /** From the WebSocket open to the provider reporting synced (the hub's whole state applied). */
  syncMs: number
  /** readPlan(doc, today): the synced doc into plain data. */
  readPlanMs: number
  /** Binding a headless Lexical editor to every About me field, each loading its text. */
  richTextMs: number
  totalMs: number
}

export interface PlanOpenResult {
  cold: OpenSample[]
  warm: OpenSample[]
}

export interface PlanOpenParams {
  coldRepetitions: number
  warmPerCold: number
  timeoutMs: number
}

export interface ExpectedPlan {
  goals: number
  actions: number
  richTextCharacters: number
}

const READER = { name: 'Benchmark reader', colour: '#007f3b' }

/** One open by a fresh client; checks the plan arrived whole (every goal, action and About me character). */
async function openOnce(server: ServerProcess, docId: string, today: string, expected: ExpectedPlan, timeoutMs: number): Promise<OpenSample> {
  const started = performance.now()
  const client = connectPlanClient(server, docId, READER)
  try {
    const milestones = connectionMilestones(client.provider, timeoutMs)
    const connectedAt = await milestones.connected
    const syncedAt = await milestones.synced

    const plan = readPlan(client.doc, today)
    const readAt = performance.now()

    let characters = 0
    for (const field of ABOUT_ME_FIELDS) {
      const bound = bindHeadless(client.doc, client.provider.awareness, field.key, READER)
      characters += editorText(bound.editor).replace(/\n/g, '').length
      dispose(bound)
    }
    const richTextAt = performance.now()

    const actions = plan.goals.reduce((total, goal) => total + goal.actions.length, 0)
    if (plan.goals.length !== expected.goals || actions !== expected.actions || characters !== expected.richTextCharacters) {
      throw new Error(
        `the opened plan is incomplete: ${plan.goals.length} goals, ${actions} actions, ${characters} About me characters ` +
          `(expected ${expected.goals}, ${expected.actions}, ${expected.richTextCharacters})`,
      )
    }
    return {
      connectMs: connectedAt - started,
      syncMs: syncedAt - connectedAt,
      readPlanMs: readAt - syncedAt,
      richTextMs: richTextAt - readAt,
      totalMs: richTextAt - started,
    }
  } finally {
    client.destroy()
  }
}

/**
 * `coldRepetitions` times: restart the hub on the same data folder (it compacts the plan as it
 * closes, as a hub does), open once (cold), then `warmPerCold` more opens against the loaded room.
 * One untimed open first, so the client side's code is as warm for the first cold open as later.
 * Returns the hub left running, for the next benchmark.
 */
export async function measurePlanOpen(
  hub: ServerProcess,
  dataDir: string,
  docId: string,
  today: string,
  expected: ExpectedPlan,
  params: PlanOpenParams,
): Promise<{ result: PlanOpenResult; hub: ServerProcess }> {
  await openOnce(hub, docId, today, expected, params.timeoutMs)
  const result: PlanOpenResult = { cold: [], warm: [] }
  let running = hub
  for (let repetition = 0; repetition < params.coldRepetitions; repetition++) {
    await running.stop()
    running = await startServerProcess('roundtable', dataDir)
    result.cold.push(await openOnce(running, docId, today, expected, params.timeoutMs))
    for (let warm = 0; warm < params.warmPerCold; warm++) {
      // A moment between opens, so the previous client's leaving has been handled by the hub.
      await sleep(100)
      result.warm.push(await openOnce(running, docId, today, expected, params.timeoutMs))
    }
  }
  return { result, hub: running }
}
