import fc from 'fast-check'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ACTION_STATUSES } from '../../shared/plan/fields'
import { isOverdue } from '../../shared/plan/read'
import { matchesFilter, trackerOrder, type TrackerFilter, type TrackerRow } from '../../shared/tracker'
import { DocumentStore } from './store'

/**
 * The tracker's query orders and limits inside SQLite. Whatever the rows, filter and limit, it must
 * answer exactly what filtering and sorting every row with the shared rules would: the same
 * actions, in the same order, and the same total. Few due dates and titles make many ties, and
 * titles include letters outside ASCII, where SQLite's byte order and JavaScript's could differ.
 */

const today = '2026-12-02'
const DAYS = ['2026-11-20', '2026-11-30', '2026-12-02', '2026-12-03', '2027-01-10']
const TITLES = ['R.W.', 'A.K.', 'Zoë', 'Ørjan', '😀 J.M.', 'a.k.', '\uE000 P.']

const row = (docId: string, index: number) =>
  fc.record({
    planTitle: fc.constantFrom(...TITLES),
    ownerName: fc.constantFrom('Jo Brown', 'Dr Khan', ''),
    agency: fc.constantFrom('NELFT', 'Age UK', 'GP', ''),
    status: fc.constantFrom(...ACTION_STATUSES),
    dueDate: fc.constantFrom(...DAYS),
    actionId: fc.uuid(),
  }).map((picked): TrackerRow => ({ docId, goalText: 'Goal', what: `Action ${index}`, ownerRelationship: '', reviewDate: '', ...picked }))

const filter: fc.Arbitrary<TrackerFilter> = fc.record(
  {
    status: fc.constantFrom(...ACTION_STATUSES),
    dueBy: fc.constantFrom(...DAYS),
    owner: fc.constantFrom('jo', 'KHAN'),
    agency: fc.constantFrom('age', 'nelft'),
    person: fc.constantFrom('r.w', 'ø', '😀'),
    overdueOnly: fc.boolean(),
  },
  { requiredKeys: [] },
)

describe('the tracker table’s query', () => {
  let dir: string
  let store: DocumentStore
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'roundtable-tracker-table-'))
    store = DocumentStore.open(dir, { dataKey: Buffer.alloc(32, 3) })
  })
  afterAll(() => {
    store.close()
    rmSync(dir, { recursive: true, force: true })
  })

  it('answers what filtering and sorting every row with the shared rules would', () => {
    let run = 0
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 25 }), { minLength: 1, maxLength: 4 }).chain((sizes) =>
          fc.tuple(...sizes.map((size, plan) => fc.tuple(...Array.from({ length: size }, (_, index) => row(`plan-${run}-${plan}`, index))))),
        ),
        filter,
        fc.integer({ min: 1, max: 40 }),
        (plans, chosen, limit) => {
          run += 1
          const everyRow: TrackerRow[] = []
          plans.forEach((rows, index) => {
            const docId = `plan-${run}-${index}`
            const own = rows.map((one) => ({ ...one, docId }))
            store.tracker.replacePlan(docId, own, 1)
            everyRow.push(...own)
          })
          const answer = store.tracker.query(chosen, today, limit)
          const expected = everyRow.filter((one) => matchesFilter(one, chosen, today)).sort(trackerOrder(today))
          expect(answer.actions).toEqual(expected.slice(0, limit).map((one) => ({ ...one, overdue: isOverdue(one, today) })))
          expect(answer.total).toBe(expected.length)
          // Each run starts from an empty table: this run's plans are emptied again.
          for (const docId of plans.map((_, index) => `plan-${run}-${index}`)) store.tracker.replacePlan(docId, [], 1)
        },
      ),
      { numRuns: 200 },
    )
  })
})
