/**
 * The plan benchmarks: a plan with 200 goals, 1,000 actions and about 50 KB of About me text is
 * built with the app's own functions, stored by the real hub, opened by fresh clients (cold and
 * warm), then typed into by four people at once.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import * as Y from 'yjs'
import { localDay } from '../shared/plan/dates'
import { buildPlan, type BuiltPlan, type PlanShape } from './plan-build'
import { uploadPlan } from './plan-client'
import { measurePlanOpen, type PlanOpenParams, type PlanOpenResult } from './plan-open'
import { measureTyping, type TypingParams, type TypingResult } from './plan-typing'
import { startServerProcess, type ServerProcess } from './servers'

export interface PlanSettings {
  shape: PlanShape
  open: PlanOpenParams
  typing: TypingParams
}

export interface PlanFigures {
  built: BuiltPlan
  open: PlanOpenResult
  typing: TypingResult
  /** Whether Lexical ran its production build, as the packaged app does. */
  lexicalBuild: string
}

const DOC_ID = 'bench-plan-200-goals'

export async function measurePlan(settings: PlanSettings, log: (line: string) => void): Promise<PlanFigures> {
  const today = localDay(new Date())
  const { shape } = settings
  log(`plan: building ${shape.goals} goals, ${shape.actions} actions, ${shape.richTextCharacters} characters of About me text`)
  const reference = new Y.Doc({ gc: false })
  const built = buildPlan(reference, shape, today, 7)
  log(`plan: built in ${(built.buildMs / 1000).toFixed(1)} s, ${(built.stateBytes / 1024).toFixed(0)} KiB of Yjs state`)

  // One data folder for the whole plan benchmark: the hub restarts on it to load the plan cold.
  const dataDir = mkdtempSync(join(tmpdir(), 'roundtable-bench-plan-'))
  let hub: ServerProcess | null = null
  try {
    hub = await startServerProcess('roundtable', dataDir)
    await uploadPlan(hub, DOC_ID, reference, 30_000)
    reference.destroy()

    const { coldRepetitions, warmPerCold } = settings.open
    log(`plan: opening it ${coldRepetitions} times cold (hub restarted) and ${coldRepetitions * warmPerCold} times warm`)
    const expected = { goals: built.goalCount, actions: built.actionCount, richTextCharacters: built.richTextCharacters }
    const opened = await measurePlanOpen(hub, dataDir, DOC_ID, today, expected, settings.open)
    hub = opened.hub

    const { typing } = settings
    log(`plan: ${typing.people} people typing in ${typing.fieldKey}, ${typing.warmupKeystrokes + typing.measuredKeystrokes} keystrokes from the typist`)
    const typed = await measureTyping(hub, DOC_ID, typing)
    return {
      built,
      open: opened.result,
      typing: typed,
      lexicalBuild: process.env.NODE_ENV === 'production' ? 'production (Lexical.prod.js)' : 'development (Lexical.dev.js)',
    }
  } finally {
    await hub?.stop()
    rmSync(dataDir, { recursive: true, force: true })
  }
}
