/**
 * Builds the action tracker benchmark's plans with the app's own functions (initialiseBoard,
 * addEntry for the care team, a personal contact, goals and actions) and writes each plan's Yjs
 * state straight into a DocumentStore as one stored update, as if a hub had stored it. The tracker
 * table is left empty, so the next hub (or TrackerModel.catchUp) builds it from the plans.
 */
import * as Y from 'yjs'
import { initialiseBoard } from '../shared/board'
import { addEntry, type Author } from '../shared/plan/entries'
import { ACTION_STATUSES, IMPORTANCE, type Checked } from '../shared/plan/fields'
import { DocumentStore } from '../electron/hub/store'
import { BENCH_DATA_KEY } from './encryption'
import { seededRandom } from './stats'

export interface TrackerShape {
  plans: number
  actionsPerPlan: number
}

export interface BuiltTrackerPlans {
  planIds: string[]
  /** Each plan's title, which the tracker's person filter searches. */
  titles: string[]
  actionCount: number
  /** Y.encodeStateAsUpdate of all plans together: what opening every plan would download. */
  stateBytes: number
  buildMs: number
}

/** Agencies the care teams come from; an action's agency is its owner's organisation. */
export const BENCH_AGENCIES = ['NELFT', 'Riverside PCN', 'Adult social care', 'Age UK', 'Housing options', 'Community mental health'] as const
const FIRST_NAMES = ['Jo', 'Sam', 'Priya', 'Tom', 'Aisha', 'Dee', 'Kwame', 'Lin']
const LAST_NAMES = ['Brown', 'Okafor', 'Shah', 'Evans', 'Novak']
/** 40 professionals work across the plans, so one owner has about a fortieth of the actions. */
export const BENCH_OWNERS = FIRST_NAMES.flatMap((first) => LAST_NAMES.map((last) => `${first} ${last}`))
const PROFESSIONALS_PER_PLAN = 4
const GOALS_PER_PLAN = 5
/** Due dates fall from this many days ago to DUE_DAYS_AHEAD ahead, so some actions are overdue. */
const DUE_DAYS_BEHIND = 28
const DUE_DAYS_AHEAD = 56

export function planTitle(index: number): string {
  return `Person ${String(index + 1).padStart(4, '0')}`
}

/** `day` (YYYY-MM-DD) moved by `days`. */
export function shiftDay(day: string, days: number): string {
  const date = new Date(`${day}T12:00:00Z`)
  date.setUTCDate(date.getUTCDate() + days)
  return date.toISOString().slice(0, 10)
}

function mustAdd(result: Checked<string>, what: string): string {
  if (!result.ok) throw new Error(`Could not add ${what}: ${JSON.stringify(result.errors)}`)
  return result.value
}

function buildOnePlan(doc: Y.Doc, index: number, shape: TrackerShape, today: string, random: () => number): number {
  const author: Author = { by: 'Benchmark coordinator', now: new Date() }
  initialiseBoard(doc, { kind: 'plan', title: planTitle(index), now: author.now })
  const owners: { id: string; agency: string }[] = []
  for (let member = 0; member < PROFESSIONALS_PER_PLAN; member++) {
    const agency = BENCH_AGENCIES[(index + member) % BENCH_AGENCIES.length]
    const name = BENCH_OWNERS[(index * PROFESSIONALS_PER_PLAN + member) % BENCH_OWNERS.length]
    const input = { name, role: 'Care coordinator', organisation: agency, contact: '', keyWorker: member === 0 }
    owners.push({ id: mustAdd(addEntry(doc, 'professional', input, author), 'a professional'), agency })
  }
  const family = { name: `Relative of ${planTitle(index)}`, relationship: 'Daughter', contact: '' }
  owners.push({ id: mustAdd(addEntry(doc, 'personal', family, author), 'a personal contact'), agency: '' })

  const goals: string[] = []
  for (let goal = 0; goal < GOALS_PER_PLAN; goal++) {
    const input = { text: `Goal ${goal + 1} for ${planTitle(index)}`, importance: IMPORTANCE[goal % IMPORTANCE.length], voice: 'person' as const }
    goals.push(mustAdd(addEntry(doc, 'goal', input, author), 'a goal'))
  }
  // Overdue actions are added as if on the day they were agreed, which is why `today` goes back.
  const agreedOn = shiftDay(today, -DUE_DAYS_BEHIND)
  for (let action = 0; action < shape.actionsPerPlan; action++) {
    const owner = owners[Math.floor(random() * owners.length)]
    const input = {
      what: `Action ${action + 1}: review how things are going and ring the family`,
      ownerId: owner.id,
      agency: owner.agency,
      dueDate: shiftDay(today, Math.floor(random() * (DUE_DAYS_BEHIND + DUE_DAYS_AHEAD)) - DUE_DAYS_BEHIND),
      status: ACTION_STATUSES[Math.floor(random() * ACTION_STATUSES.length)],
      reviewDate: '',
      outcome: '',
      voice: 'professional' as const,
    }
    const goalId = goals[action % goals.length]
    mustAdd(addEntry(doc, 'action', input, { ...author, goalId, today: agreedOn, confirmFarDueDate: true }), 'an action')
  }
  return shape.actionsPerPlan
}

/** Builds `shape.plans` plans into a new store in `dataDir` (closed again before returning). */
export function buildTrackerPlans(dataDir: string, shape: TrackerShape, today: string, seed: number): BuiltTrackerPlans {
  const started = performance.now()
  const random = seededRandom(seed)
  const store = DocumentStore.open(dataDir, { dataKey: BENCH_DATA_KEY })
  const built: BuiltTrackerPlans = { planIds: [], titles: [], actionCount: 0, stateBytes: 0, buildMs: 0 }
  try {
    for (let index = 0; index < shape.plans; index++) {
      const docId = `bench-tracker-plan-${index + 1}`
      const doc = new Y.Doc({ gc: false })
      built.actionCount += buildOnePlan(doc, index, shape, today, random)
      const state = Y.encodeStateAsUpdate(doc)
      store.appendUpdate(docId, state, { kind: 'plan', title: planTitle(index) }, new Date())
      built.stateBytes += state.byteLength
      built.planIds.push(docId)
      built.titles.push(planTitle(index))
      doc.destroy()
    }
  } finally {
    store.close()
  }
  built.buildMs = performance.now() - started
  return built
}
