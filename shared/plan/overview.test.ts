import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { addEntry, setPersonField, updateEntry } from './entries'
import { planOverview } from './overview'
import { readPlan } from './read'
import { markAgreed, readAgreement } from './versions'
import { idOf } from '../testing/checked'

const author = { by: 'Sam, nurse', now: new Date('2026-11-23T10:00:00Z') }
const written = '2026-11-23'


/** Mrs Reed's plan: two goals of hers, one of the team's, actions due on different days. */
function reedPlan() {
  const doc = new Y.Doc({ gc: false })
  setPersonField(doc, 'name', 'Margaret Reed', written)
  setPersonField(doc, 'preferredName', 'Peggy', written)
  setPersonField(doc, 'nhsNumber', '999 876 5439', written)
  const nurse = idOf(addEntry(doc, 'professional', { name: 'Sam Patel', role: 'District nurse', organisation: 'Community nursing', contact: '', keyWorker: true }, author))
  const daughter = idOf(addEntry(doc, 'personal', { name: 'Ade Reed', relationship: 'Daughter', contact: '' }, author))
  const teamGoal = idOf(addEntry(doc, 'goal', { text: 'Reduce falls risk at home', importance: 'high', voice: 'professional' }, author))
  const shops = idOf(addEntry(doc, 'goal', { text: 'Get to the shops on my own', importance: 'medium', voice: 'person' }, author))
  const garden = idOf(addEntry(doc, 'goal', { text: 'Grow tomatoes again', importance: 'high', voice: 'person' }, author))
  const action = (goalId: string, what: string, ownerId: string, dueDate: string, agency = '') =>
    idOf(addEntry(doc, 'action', { what, ownerId, agency, dueDate, status: 'not-started', reviewDate: '', outcome: '', voice: 'professional' }, { ...author, goalId, today: written }))
  const ids = {
    walker: action(shops, 'Walking aid assessment', nurse, '2026-12-10', 'Community nursing'),
    bus: action(shops, 'Bus pass form', daughter, '2026-11-30'),
    taxi: action(shops, 'Ask about dial-a-ride', daughter, '2027-01-15'),
    beds: action(garden, 'Raised beds at the allotment', daughter, '2027-03-01'),
    rails: action(teamGoal, 'Fit grab rails', nurse, '2026-11-25', 'Community nursing'),
  }
  return { doc, ids, goals: { teamGoal, shops, garden } }
}

describe('the plan overview', () => {
  it('puts the person’s own goals first, high importance before medium, then the team’s', () => {
    const { doc, goals } = reedPlan()
    const overview = planOverview(readPlan(doc, written), null, written)
    expect(overview.goals.map((goal) => goal.id)).toEqual([goals.garden, goals.shops, goals.teamGoal])
    expect(overview.goals.map((goal) => goal.inPersonsWords)).toEqual([true, true, false])
  })

  it('shows each goal’s soonest open actions with their owners, overdue first, and counts the rest', () => {
    const { doc, ids, goals } = reedPlan()
    updateEntry(doc, ids.bus, 'action', { status: 'done' })
    const today = '2026-12-15'
    const shops = planOverview(readPlan(doc, today), null, today).goals.find((goal) => goal.id === goals.shops)!
    // The bus pass is done, so it is not "next"; the walking aid is overdue on 15 December.
    expect(shops.nextActions.map((action) => [action.what, action.ownerName, action.ownerDetail, action.overdue])).toEqual([
      ['Walking aid assessment', 'Sam Patel', 'Community nursing', true],
      ['Ask about dial-a-ride', 'Ade Reed', 'Daughter', false],
    ])
    expect(shops.moreOpen).toBe(0)
    expect(shops.openCount).toBe(2)
  })

  it('counts open actions that do not fit', () => {
    const { doc, goals } = reedPlan()
    const shops = planOverview(readPlan(doc, written), null, written, 1).goals.find((goal) => goal.id === goals.shops)!
    expect(shops.nextActions.map((action) => action.what)).toEqual(['Bus pass form'])
    expect(shops.moreOpen).toBe(2)
  })

  it('lists every overdue action, most overdue first, with its goal; none before they are due', () => {
    const { doc } = reedPlan()
    expect(planOverview(readPlan(doc, written), null, written).overdue).toEqual([])
    const today = '2026-12-20'
    const overdue = planOverview(readPlan(doc, today), null, today).overdue
    expect(overdue.map((action) => [action.what, action.goalText])).toEqual([
      ['Fit grab rails', 'Reduce falls risk at home'],
      ['Bus pass form', 'Get to the shops on my own'],
      ['Walking aid assessment', 'Get to the shops on my own'],
    ])
  })

  it('calls the person by their preferred name and carries no identifiers', () => {
    const { doc } = reedPlan()
    const overview = planOverview(readPlan(doc, written), null, written)
    expect(overview.callName).toBe('Peggy')
    expect(JSON.stringify(overview)).not.toContain('9998765439')
    expect(JSON.stringify(overview)).not.toContain('Margaret')
  })

  it('shows the review date once agreed, and says when it has passed', () => {
    const { doc } = reedPlan()
    expect(planOverview(readPlan(doc, written), readAgreement(doc), written).review).toBeNull()
    const agreed = markAgreed(doc, { agreedBy: 'Peggy', relation: 'The person', how: 'In person', reviewDate: '2027-02-01', reviewer: 'Sam Patel' }, author)
    expect(agreed.ok).toBe(true)
    expect(planOverview(readPlan(doc, written), readAgreement(doc), written).review).toEqual({ date: '2027-02-01', overdue: false })
    expect(planOverview(readPlan(doc, '2027-02-02'), readAgreement(doc), '2027-02-02').review).toEqual({ date: '2027-02-01', overdue: true })
  })

  it('an empty plan gives an empty overview', () => {
    const overview = planOverview(readPlan(new Y.Doc(), written), null, written)
    expect(overview).toEqual({ callName: '', goals: [], overdue: [], review: null })
  })
})
