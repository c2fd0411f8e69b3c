import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { initialiseBoard } from './board'
import { addEntry, deleteEntry } from './plan/entries'
import { matchesFilter, trackerOrder, trackerRowsForPlan, type TrackerRow } from './tracker'

const author = { by: 'Dee', now: new Date('2026-11-23T10:00:00Z') }

function row(overrides: Partial<TrackerRow>): TrackerRow {
  return { docId: 'p', actionId: 'a', planTitle: 'R.W.', goalText: '', what: 'x', ownerName: 'Zoë Ōkafor', ownerRelationship: '', agency: 'Age UK Redbridge', status: 'not-started', dueDate: '2026-12-01', reviewDate: '', ...overrides }
}

describe('tracker rows', () => {
  it('come from a plan’s actions, keep an action whose goal was deleted, and none from other boards', () => {
    const doc = new Y.Doc()
    initialiseBoard(doc, { kind: 'plan', title: 'R.W.', now: author.now })
    const owner = addEntry(doc, 'professional', { name: 'Jo Brown', role: 'Nurse', organisation: 'NELFT', contact: '', keyWorker: false }, author)
    const goal = addEntry(doc, 'goal', { text: 'Shops', importance: 'high', voice: 'person' }, author)
    if (!owner.ok || !goal.ok) throw new Error('setup')
    addEntry(doc, 'action', { what: 'Walking aid', ownerId: owner.value, agency: 'NELFT', dueDate: '2026-12-01', status: 'in-progress', reviewDate: '', outcome: '', voice: 'professional' }, { ...author, goalId: goal.value, today: '2026-11-23' })
    expect(trackerRowsForPlan('p', doc)).toMatchObject([{ planTitle: 'R.W.', goalText: 'Shops', what: 'Walking aid', ownerName: 'Jo Brown', agency: 'NELFT', status: 'in-progress' }])
    deleteEntry(doc, goal.value)
    expect(trackerRowsForPlan('p', doc)).toMatchObject([{ goalText: '', what: 'Walking aid' }])
    expect(trackerRowsForPlan('p', new Y.Doc())).toEqual([])
  })

  it('filter by parts of names in any case, accents included, by status, due date and overdue', () => {
    const today = '2026-12-05'
    expect(matchesFilter(row({}), { owner: 'zoë' }, today)).toBe(true)
    expect(matchesFilter(row({}), { owner: 'ŌKAF' }, today)).toBe(true)
    expect(matchesFilter(row({}), { agency: 'age uk' }, today)).toBe(true)
    expect(matchesFilter(row({}), { agency: 'NELFT' }, today)).toBe(false)
    expect(matchesFilter(row({}), { status: 'done' }, today)).toBe(false)
    expect(matchesFilter(row({}), { dueBy: '2026-11-30' }, today)).toBe(false)
    expect(matchesFilter(row({}), { overdueOnly: true }, today)).toBe(true)
    expect(matchesFilter(row({ status: 'done' }), { overdueOnly: true }, today)).toBe(false)
  })

  it('order overdue first, then by due date, the same on every call', () => {
    const rows = [row({ actionId: 'later', dueDate: '2027-01-01' }), row({ actionId: 'soon', dueDate: '2026-12-10' }), row({ actionId: 'late', dueDate: '2026-12-02' }), row({ actionId: 'done', dueDate: '2026-11-01', status: 'done' })]
    expect(rows.sort(trackerOrder('2026-12-05')).map((r) => r.actionId)).toEqual(['late', 'done', 'soon', 'later'])
  })
})
