import fc from 'fast-check'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { initialiseBoard, renameBoard } from '../../shared/board'
import { addEntry, deleteEntry, moveActionToGoal, updateEntry } from '../../shared/plan/entries'
import { ACTION_STATUSES } from '../../shared/plan/fields'
import { trackerRowsForPlan, type TrackedAction, type TrackerRow } from '../../shared/tracker'
import { DocumentStore } from '../../electron/hub/store'
import { connectClient, makeDataDir, rawGet, removeDataDir, startTestHub, synced, TEST_DATA_KEY, TEST_TOKEN, waitUntilStored, type TestClient, type TestHub } from './helpers'
import { idOf } from '../../shared/testing/checked'

/**
 * The action tracker's read model: a table the hub derives from the plans' Y.Docs. What the API
 * answers must always equal what the plans hold, after any edits, a restart, or a crash between
 * saving a plan and rewriting its rows.
 */

const author = { by: 'Dee, coordinator', now: new Date('2026-11-23T10:00:00Z') }
const today = '2026-11-23'


/** A plan with a nurse, a daughter, two goals, and actions as given. */
function startPlan(doc: Y.Doc, title: string) {
  initialiseBoard(doc, { kind: 'plan', title, now: author.now })
  const nurse = idOf(addEntry(doc, 'professional', { name: 'Jo Brown', role: 'District nurse', organisation: 'NELFT', contact: '', keyWorker: false }, author))
  const daughter = idOf(addEntry(doc, 'personal', { name: 'Ade Reed', relationship: 'Daughter', contact: '' }, author))
  const goals = [
    idOf(addEntry(doc, 'goal', { text: 'Get to the shops', importance: 'high', voice: 'person' }, author)),
    idOf(addEntry(doc, 'goal', { text: 'Sleep better', importance: 'medium', voice: 'person' }, author)),
  ]
  /** Adds an action; refused (null) once its owner or goal has been deleted. */
  const tryAddAction = (goal: number, what: string, byNurse: boolean, dueDate: string) => {
    const added = addEntry(
      doc,
      'action',
      { what, ownerId: byNurse ? nurse : daughter, agency: byNurse ? 'NELFT' : '', dueDate, status: 'not-started', reviewDate: '', outcome: '', voice: 'professional' },
      { ...author, goalId: goals[goal], today: '2026-01-01' },
    )
    return added.ok ? added.value : null
  }
  const addAction = (goal: number, what: string, byNurse: boolean, dueDate: string) => idOf({ ok: true, value: tryAddAction(goal, what, byNurse, dueDate) })
  return { nurse, daughter, goals, addAction, tryAddAction }
}

async function tracker(running: TestHub, query = '', token = TEST_TOKEN) {
  const answer = await rawGet(running.hub.port, `/api/tracker?today=${today}&token=${encodeURIComponent(token)}${query}`)
  return { status: answer.status, body: JSON.parse(answer.body) as { actions: TrackedAction[]; total: number; error?: string } }
}

const byId = (rows: readonly TrackerRow[]) =>
  [...rows].sort((a, b) => (a.actionId < b.actionId ? -1 : 1)).map(({ overdue: _overdue, ...row }: TrackerRow & { overdue?: boolean }) => row)

describe('hub: the action tracker', () => {
  let dataDir: string
  let running: TestHub | null = null
  const clients: TestClient[] = []
  beforeEach(async () => {
    dataDir = makeDataDir()
    running = await startTestHub(dataDir, { trackerRefreshMs: 20 })
  })
  afterEach(async () => {
    clients.splice(0).forEach((client) => client.destroy())
    await running?.hub.close()
    removeDataDir(dataDir)
  })

  async function openPlan(docId: string): Promise<TestClient> {
    const client = connectClient(running!.wsUrl, docId, undefined, new Y.Doc({ gc: false }))
    clients.push(client)
    await synced(client)
    return client
  }

  it('lists every action on every plan, overdue first, filters them, and follows a status change', async () => {
    const reg = await openPlan('planRW')
    const ann = await openPlan('planAK')
    const r = startPlan(reg.doc, 'R.W.')
    const a = startPlan(ann.doc, 'A.K.')
    r.addAction(0, 'Walking aid assessment', true, '2026-11-20')
    const beds = r.addAction(1, 'Raised beds at the allotment', false, '2027-03-01')
    a.addAction(0, 'Care Act assessment', true, '2026-12-01')
    await waitUntilStored(running!.hub.origin, 'planRW', reg.doc)
    await waitUntilStored(running!.hub.origin, 'planAK', ann.doc)

    const all = await tracker(running!)
    expect(all.status).toBe(200)
    expect(all.body.actions.map((action) => [action.planTitle, action.what, action.ownerName, action.agency || action.ownerRelationship, action.overdue])).toEqual([
      ['R.W.', 'Walking aid assessment', 'Jo Brown', 'NELFT', true],
      ['A.K.', 'Care Act assessment', 'Jo Brown', 'NELFT', false],
      ['R.W.', 'Raised beds at the allotment', 'Ade Reed', 'Daughter', false],
    ])
    expect((await tracker(running!, '&agency=nelft')).body.total).toBe(2)
    expect((await tracker(running!, '&owner=ade')).body.actions.map((action) => action.what)).toEqual(['Raised beds at the allotment'])
    expect((await tracker(running!, '&person=a.k.')).body.total).toBe(1)
    expect((await tracker(running!, '&overdue=1')).body.actions.map((action) => action.what)).toEqual(['Walking aid assessment'])
    expect((await tracker(running!, '&dueBy=2026-12-31')).body.total).toBe(2)

    updateEntry(reg.doc, beds, 'action', { status: 'done' })
    await waitUntilStored(running!.hub.origin, 'planRW', reg.doc)
    expect((await tracker(running!, '&status=done')).body.actions.map((action) => action.what)).toEqual(['Raised beds at the allotment'])
    renameBoard(reg.doc, 'R.W. (Reg)')
    await waitUntilStored(running!.hub.origin, 'planRW', reg.doc)
    expect((await tracker(running!, '&status=done')).body.actions[0].planTitle).toBe('R.W. (Reg)')
  })

  it('refuses a missing token, a token for one board, and filters it cannot read, saying what is wrong', async () => {
    expect((await tracker(running!, '', 'wrong-token-0123456789')).status).toBe(401)
    const oneBoard = running!.tokens.issue({ role: 'contributor', docId: 'planRW' })
    const scoped = await tracker(running!, '', oneBoard)
    expect(scoped.status).toBe(403)
    expect(scoped.body.error).toBe('This access code opens one board only, not the action tracker.')
    expect((await tracker(running!, '&status=finished')).body.error).toBe('Status is one of not-started, in-progress, done, cancelled.')
    expect((await tracker(running!, '&dueBy=3/3/2027')).body.error).toMatch(/YYYY-MM-DD/)
    expect((await tracker(running!, '&limit=0')).status).toBe(400)
  })

  it('after any sequence of plan edits, the tracker equals a rebuild from the plan (property)', async () => {
    const edit = fc.oneof(
      fc.record({ kind: fc.constant('add' as const), goal: fc.integer({ min: 0, max: 1 }), byNurse: fc.boolean(), day: fc.integer({ min: 1, max: 28 }) }),
      fc.record({ kind: fc.constant('status' as const), pick: fc.nat(), status: fc.constantFrom(...ACTION_STATUSES) }),
      fc.record({ kind: fc.constant('move' as const), pick: fc.nat(), goal: fc.integer({ min: 0, max: 1 }) }),
      fc.record({ kind: fc.constant('delete-action' as const), pick: fc.nat() }),
      fc.record({ kind: fc.constant('delete-owner' as const), byNurse: fc.boolean() }),
      fc.record({ kind: fc.constant('delete-goal' as const), goal: fc.integer({ min: 0, max: 1 }) }),
      fc.record({ kind: fc.constant('rename' as const), title: fc.constantFrom('R.W.', 'Reg W.', 'Plan for R') }),
    )
    let run = 0
    await fc.assert(
      fc.asyncProperty(fc.array(edit, { minLength: 1, maxLength: 10 }), async (edits) => {
        const docId = `property-${run++}`
        const client = await openPlan(docId)
        const plan = startPlan(client.doc, 'R.W.')
        const actions: string[] = []
        const deletedGoals = new Set<number>()
        /** The tracker's rows for this plan equal a rebuild from the plan as it is now. */
        const expectTrackerMatchesPlan = async () => {
          await waitUntilStored(running!.hub.origin, docId, client.doc)
          const answer = await tracker(running!, '&limit=5000')
          expect(byId(answer.body.actions.filter((action) => action.docId === docId))).toEqual(byId(trackerRowsForPlan(docId, client.doc)))
        }
        for (const step of edits) {
          const pick = (n: number) => actions[n % actions.length]
          if (step.kind === 'add') {
            const added = plan.tryAddAction(step.goal, `Action ${actions.length}`, step.byNurse, `2026-12-${String(step.day).padStart(2, '0')}`)
            if (added) actions.push(added)
          } else if (step.kind === 'status' && actions.length) updateEntry(client.doc, pick(step.pick), 'action', { status: step.status })
          else if (step.kind === 'move' && actions.length && !deletedGoals.has(step.goal)) moveActionToGoal(client.doc, pick(step.pick), plan.goals[step.goal], 0)
          else if (step.kind === 'delete-action' && actions.length) deleteEntry(client.doc, actions.splice(step.pick % actions.length, 1)[0])
          else if (step.kind === 'delete-owner') deleteEntry(client.doc, step.byNurse ? plan.nurse : plan.daughter)
          else if (step.kind === 'delete-goal') {
            deleteEntry(client.doc, plan.goals[step.goal])
            deletedGoals.add(step.goal)
          } else if (step.kind === 'rename') renameBoard(client.doc, step.title)
          // After every step, so an edit the tracker missed cannot hide behind a later one that it saw.
          await expectTrackerMatchesPlan()
        }
        clients.splice(clients.indexOf(client), 1)
        client.destroy()
      }),
      { numRuns: 15 },
    )
  })

  it('a crash between saving a plan and rewriting its rows is repaired at the next start', async () => {
    const reg = await openPlan('planRW')
    const plan = startPlan(reg.doc, 'R.W.')
    plan.addAction(0, 'Walking aid assessment', true, '2026-12-20')
    await waitUntilStored(running!.hub.origin, 'planRW', reg.doc)
    expect((await tracker(running!)).body.total).toBe(1)
    clients.splice(0).forEach((client) => client.destroy())
    await running!.hub.close()

    // As if the hub had died after committing a new action but before writing its row.
    const store = DocumentStore.open(dataDir, { dataKey: TEST_DATA_KEY })
    expect(store.tracker.stalePlans()).toEqual([])
    store.tracker.replacePlan('planRW', [], 0)
    expect(store.tracker.stalePlans().map((stale) => stale.docId)).toEqual(['planRW'])
    store.close()

    running = await startTestHub(dataDir, { trackerRefreshMs: 20 })
    expect(running.logger.lines).toContain('info hub: brought the action tracker up to date for 1 plan')
    expect((await tracker(running)).body.actions.map((action) => action.what)).toEqual(['Walking aid assessment'])
  })
})
