import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { addActionWithNewOwner, addEntry, deleteEntry, entriesMap, moveEntryAfter, linkNeedToGoal, moveActionToGoal, moveEntry, readPerson, setPersonField, unlinkNeedFromGoal, updateEntry } from './entries'
import { readPlan } from './read'
import { idOf } from '../testing/checked'

const now = new Date('2026-11-23T10:00:00Z')
const today = '2026-11-23'
const author = { by: 'Sam, nurse', now }


/** A plan with a nurse on the care team and one goal. */
function startPlan() {
  const doc = new Y.Doc({ gc: false })
  const nurse = idOf(addEntry(doc, 'professional', { name: 'Sam Patel', role: 'District nurse', organisation: 'Community nursing', contact: '', keyWorker: true }, author))
  const goal = idOf(addEntry(doc, 'goal', { text: 'Get to the shops on my own', importance: 'high', voice: 'person' }, author))
  return { doc, nurse, goal }
}

function sync(a: Y.Doc, b: Y.Doc): void {
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)))
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)))
}

describe('the person', () => {
  it('takes a valid NHS number and stores its digits, and refuses a wrong one without writing', () => {
    const doc = new Y.Doc()
    expect(setPersonField(doc, 'nhsNumber', '999 876 5439')).toEqual({ ok: true, value: '9998765439' })
    const wrong = setPersonField(doc, 'nhsNumber', '999 876 5438')
    expect(wrong.ok).toBe(false)
    expect(!wrong.ok && wrong.errors.nhsNumber).toMatch(/not a valid NHS number/)
    expect(readPerson(doc).nhsNumber).toBe('9998765439')
    expect(setPersonField(doc, 'nhsNumber', '').ok).toBe(true)
  })

  it('requires a name, and refuses an impossible date of birth', () => {
    const doc = new Y.Doc()
    const empty = setPersonField(doc, 'name', '   ')
    expect(!empty.ok && empty.errors.name).toMatch(/Enter the person’s name/)
    const date = setPersonField(doc, 'dateOfBirth', '1950-02-30')
    expect(!date.ok && date.errors.dateOfBirth).toMatch(/real date/)
    const slip = setPersonField(doc, 'dateOfBirth', '0002-03-04')
    expect(!slip.ok && slip.errors.dateOfBirth).toMatch(/four-digit year/)
    const future = setPersonField(doc, 'dateOfBirth', '2026-11-24', today)
    expect(!future.ok && future.errors.dateOfBirth).toBe('A date of birth cannot be after today (23 November 2026). Check the year.')
    const tooOld = setPersonField(doc, 'dateOfBirth', '1890-01-01', today)
    expect(!tooOld.ok && tooOld.errors.dateOfBirth).toMatch(/more than 130 years old/)
    expect(setPersonField(doc, 'dateOfBirth', '1950-02-28', today).ok).toBe(true)
  })
})

describe('goals and actions', () => {
  it('an action needs an owner from the contacts, an agency, a goal, and a due date not before today', () => {
    const { doc, nurse, goal } = startPlan()
    const base = { what: 'Walking aid assessment', ownerId: nurse, agency: 'Community nursing', dueDate: '2026-12-01', status: 'not-started', reviewDate: '', outcome: '', voice: 'professional' } as const
    expect(addEntry(doc, 'action', base, { ...author, goalId: goal, today }).ok).toBe(true)

    const past = addEntry(doc, 'action', { ...base, dueDate: '2026-11-22' }, { ...author, goalId: goal, today })
    expect(!past.ok && past.errors.dueDate).toBe('The due date cannot be before today (23 November 2026).')
    const noOwner = addEntry(doc, 'action', { ...base, ownerId: 'someone' }, { ...author, goalId: goal, today })
    expect(!noOwner.ok && noOwner.errors.ownerId).toMatch(/care team/)
    const noGoal = addEntry(doc, 'action', base, { ...author, today })
    expect(!noGoal.ok && noGoal.errors.goalId).toMatch(/Choose the goal/)
    const noAgency = addEntry(doc, 'action', { ...base, agency: ' ' }, { ...author, goalId: goal, today })
    expect(!noAgency.ok && noAgency.errors.agency).toMatch(/agency/)

    const plan = readPlan(doc, today)
    expect(plan.goals[0].actions).toHaveLength(1)
    expect(plan.goals[0].actions[0]).toMatchObject({ what: 'Walking aid assessment', ownerName: 'Sam Patel', overdue: false, addedBy: 'Sam, nurse' })
  })

  it('adds someone new to the care team with their action, or neither when either is wrong', () => {
    const { doc, goal } = startPlan()
    const action = { what: 'Benefits check', agency: 'Citizens Advice', dueDate: '2026-12-10', status: 'not-started', reviewDate: '', outcome: '', voice: 'professional' } as const
    const bad = addActionWithNewOwner(doc, { ...action, dueDate: '2020-01-01' }, { name: 'Pat Lee', role: '', organisation: 'Citizens Advice' }, { ...author, goalId: goal, today })
    expect(!bad.ok && bad.errors).toMatchObject({ newOwnerRole: expect.stringMatching(/role/), dueDate: expect.stringMatching(/before today/) })
    expect(readPlan(doc, today).careTeam).toHaveLength(1)

    expect(addActionWithNewOwner(doc, action, { name: 'Pat Lee', role: 'Adviser', organisation: 'Citizens Advice' }, { ...author, goalId: goal, today }).ok).toBe(true)
    const plan = readPlan(doc, today)
    expect(plan.careTeam.map((member) => member.name)).toEqual(['Sam Patel', 'Pat Lee'])
    expect(plan.goals[0].actions[0]).toMatchObject({ what: 'Benefits check', ownerName: 'Pat Lee' })
  })

  it('an action is not reviewed before it is due, and a due date over five years ahead is asked about once', () => {
    const { doc, nurse, goal } = startPlan()
    const base = { what: 'Falls clinic', ownerId: nurse, agency: 'GP', dueDate: '2026-12-10', status: 'not-started', reviewDate: '', outcome: '', voice: 'professional' } as const
    const early = addEntry(doc, 'action', { ...base, reviewDate: '2026-12-09' }, { ...author, goalId: goal, today })
    expect(!early.ok && early.errors.reviewDate).toMatch(/before the due date \(10 December 2026\)/)
    const far = addEntry(doc, 'action', { ...base, dueDate: '2032-01-01' }, { ...author, goalId: goal, today })
    expect(!far.ok && far.errors.dueDate).toMatch(/more than five years away .* save again to keep it/)
    expect(readPlan(doc, today).goals[0].actions).toHaveLength(0)
    const confirmed = idOf(addEntry(doc, 'action', { ...base, dueDate: '2032-01-01' }, { ...author, goalId: goal, today, confirmFarDueDate: true }))

    // An edit keeps the rules: the review date cannot move before the due date; a far due date is asked about when it changes.
    const editEarly = updateEntry(doc, confirmed, 'action', { reviewDate: '2031-12-31' }, { today })
    expect(!editEarly.ok && editEarly.errors.reviewDate).toMatch(/before the due date/)
    expect(updateEntry(doc, confirmed, 'action', { status: 'in-progress' }, { today }).ok).toBe(true)
    const farther = updateEntry(doc, confirmed, 'action', { dueDate: '2033-01-01' }, { today })
    expect(!farther.ok && farther.errors.dueDate).toMatch(/more than five years away/)
    expect(updateEntry(doc, confirmed, 'action', { dueDate: '2033-01-01' }, { today, confirmFarDueDate: true }).ok).toBe(true)
    expect(readPlan(doc, today).goals[0].actions[0]).toMatchObject({ dueDate: '2033-01-01', status: 'in-progress', reviewDate: '' })
  })

  it('an action owned by a personal contact needs no agency, and shows their relationship', () => {
    const { doc, nurse, goal } = startPlan()
    const daughter = idOf(addEntry(doc, 'personal', { name: 'Ade Smith', relationship: 'Daughter', contact: '' }, author))
    const base = { what: 'Take Joan to the allotment', ownerId: daughter, agency: '', dueDate: '2026-12-10', status: 'not-started', reviewDate: '', outcome: '', voice: 'professional' } as const
    const id = idOf(addEntry(doc, 'action', base, { ...author, goalId: goal, today }))
    expect(readPlan(doc, today).goals[0].actions[0]).toMatchObject({ ownerName: 'Ade Smith', ownerRelationship: 'Daughter', agency: '' })
    // Given to a professional, the same action needs its agency.
    const toNurse = updateEntry(doc, id, 'action', { ownerId: nurse }, { today })
    expect(!toNurse.ok && toNurse.errors.agency).toMatch(/Enter the agency/)
    expect(updateEntry(doc, id, 'action', { ownerId: nurse, agency: 'Community nursing' }, { today }).ok).toBe(true)
    expect(readPlan(doc, today).goals[0].actions[0]).toMatchObject({ ownerName: 'Sam Patel', ownerRelationship: null })
  })

  it('someone new to the care team brings their organisation as the action’s agency', () => {
    const { doc, goal } = startPlan()
    const action = { what: 'Benefits check', agency: '', dueDate: '2026-12-10', status: 'not-started', reviewDate: '', outcome: '', voice: 'professional' } as const
    expect(addActionWithNewOwner(doc, action, { name: 'Pat Lee', role: 'Adviser', organisation: 'Citizens Advice' }, { ...author, goalId: goal, today }).ok).toBe(true)
    expect(readPlan(doc, today).goals[0].actions[0]).toMatchObject({ ownerName: 'Pat Lee', agency: 'Citizens Advice' })
  })

  it('an action whose day has passed is overdue until done or cancelled', () => {
    const { doc, nurse, goal } = startPlan()
    const action = idOf(
      addEntry(doc, 'action', { what: 'Call back', ownerId: nurse, agency: 'GP', dueDate: '2026-11-25', status: 'not-started', reviewDate: '', outcome: '', voice: 'professional' }, { ...author, goalId: goal, today }),
    )
    expect(readPlan(doc, '2026-11-25').goals[0].actions[0].overdue).toBe(false)
    expect(readPlan(doc, '2026-11-26').goals[0].actions[0].overdue).toBe(true)
    expect(updateEntry(doc, action, 'action', { status: 'done', outcome: 'Called' }).ok).toBe(true)
    expect(readPlan(doc, '2026-11-26').goals[0].actions[0].overdue).toBe(false)
  })

  it('moves an action to another goal, at a chosen place', () => {
    const { doc, nurse, goal } = startPlan()
    const second = idOf(addEntry(doc, 'goal', { text: 'Sleep through the night', importance: 'medium', voice: 'person' }, author))
    const fields = { ownerId: nurse, agency: 'GP', dueDate: '2026-12-01', status: 'not-started', reviewDate: '', outcome: '', voice: 'professional' } as const
    const a = idOf(addEntry(doc, 'action', { ...fields, what: 'A' }, { ...author, goalId: goal, today }))
    idOf(addEntry(doc, 'action', { ...fields, what: 'B' }, { ...author, goalId: second, today }))
    idOf(addEntry(doc, 'action', { ...fields, what: 'C' }, { ...author, goalId: second, today }))
    moveActionToGoal(doc, a, second, 1)
    const plan = readPlan(doc, today)
    expect(plan.goals[0].actions).toEqual([])
    expect(plan.goals[1].actions.map((action) => action.what)).toEqual(['B', 'A', 'C'])
  })

  it('moves entries after a given neighbour, and actions after a neighbour in another goal', () => {
    const { doc, nurse, goal } = startPlan()
    const second = idOf(addEntry(doc, 'goal', { text: 'Second goal', importance: 'low', voice: 'person' }, author))
    const third = idOf(addEntry(doc, 'goal', { text: 'Third goal', importance: 'low', voice: 'person' }, author))
    moveEntryAfter(doc, goal, third)
    expect(readPlan(doc, today).goals.map((entry) => entry.text)).toEqual(['Second goal', 'Third goal', 'Get to the shops on my own'])
    moveEntryAfter(doc, goal, null)
    expect(readPlan(doc, today).goals[0].id).toBe(goal)
    const fields = { ownerId: nurse, agency: 'GP', dueDate: '2026-12-01', status: 'not-started', reviewDate: '', outcome: '', voice: 'professional' } as const
    const a = idOf(addEntry(doc, 'action', { ...fields, what: 'A' }, { ...author, goalId: goal, today }))
    const b = idOf(addEntry(doc, 'action', { ...fields, what: 'B' }, { ...author, goalId: second, today }))
    addEntry(doc, 'action', { ...fields, what: 'C' }, { ...author, goalId: second, today })
    moveEntryAfter(doc, a, b, second)
    expect(readPlan(doc, today).goals.find((entry) => entry.id === second)?.actions.map((action) => action.what)).toEqual(['B', 'A', 'C'])
    // A neighbour that someone else deleted meanwhile: the entry stays where it is.
    moveEntryAfter(doc, goal, 'deleted-by-someone-else')
    expect(readPlan(doc, today).goals[0].id).toBe(goal)
  })

  it('moving within one voice keeps that voice’s order right, whatever the other voice’s entries lie between', () => {
    const doc = new Y.Doc()
    const add = (text: string, voice: 'person' | 'professional') => idOf(addEntry(doc, 'strength', { text, holder: 'person', voice }, author))
    const x1 = add('X1', 'professional')
    add('P1', 'person')
    const x2 = add('X2', 'professional')
    add('P2', 'person')
    // Shown as P1, P2 | X1, X2. Drag X2 above X1: its new neighbour in its own group is none.
    moveEntryAfter(doc, x2, null)
    const professional = readPlan(doc, today).strengths.filter((entry) => entry.voice === 'professional').map((entry) => entry.text)
    expect(professional).toEqual(['X2', 'X1'])
    moveEntryAfter(doc, x2, x1)
    expect(readPlan(doc, today).strengths.filter((entry) => entry.voice === 'professional').map((entry) => entry.text)).toEqual(['X1', 'X2'])
  })

  it('keeps the actions of a deleted goal, shown as without a goal', () => {
    const { doc, nurse, goal } = startPlan()
    addEntry(doc, 'action', { what: 'Keep me', ownerId: nurse, agency: 'GP', dueDate: '2026-12-01', status: 'not-started', reviewDate: '', outcome: '', voice: 'professional' }, { ...author, goalId: goal, today })
    deleteEntry(doc, goal)
    const plan = readPlan(doc, today)
    expect(plan.goals).toEqual([])
    expect(plan.actionsWithoutGoal.map((action) => action.what)).toEqual(['Keep me'])
  })

  it('links needs to goals, and unlinks them, and forgets links to a deleted need', () => {
    const { doc, goal } = startPlan()
    const need = idOf(addEntry(doc, 'need', { text: 'Falls at night', voice: 'professional' }, author))
    const other = idOf(addEntry(doc, 'need', { text: 'Lonely', voice: 'person' }, author))
    linkNeedToGoal(doc, need, goal)
    linkNeedToGoal(doc, other, goal)
    linkNeedToGoal(doc, other, goal)
    expect(readPlan(doc, today).goals[0].needIds.sort()).toEqual([need, other].sort())
    unlinkNeedFromGoal(doc, other, goal)
    deleteEntry(doc, need)
    expect(readPlan(doc, today).goals[0].needIds).toEqual([])
    expect(() => linkNeedToGoal(doc, goal, goal)).toThrow(/not a need/)
  })
})

describe('entries', () => {
  it('record whose words they are and who added them', () => {
    const doc = new Y.Doc()
    addEntry(doc, 'strength', { text: 'Loves gardening', holder: 'person', voice: 'person' }, { by: 'Ann', now })
    const missingVoice = addEntry(doc, 'need', { text: 'x' } as never, author)
    expect(!missingVoice.ok && missingVoice.errors.voice).toMatch(/person’s own words or a professional’s note/)
    expect(readPlan(doc, today).strengths[0]).toMatchObject({ voice: 'person', addedBy: 'Ann', holder: 'person' })
  })

  it('refuses a pasted 5 MB block with a message that gives the sizes, and writes nothing', () => {
    const doc = new Y.Doc()
    const huge = 'x'.repeat(5 * 1024 * 1024)
    const result = addEntry(doc, 'need', { text: huge, voice: 'person' }, author)
    expect(!result.ok && result.errors.text).toBe(
      'A need or concern can be up to 2,000 characters; this is 5,242,880. Shorten it or split it into several entries.',
    )
    expect(readPlan(doc, today).needs).toEqual([])
  })

  it('an update that would make an entry invalid changes nothing', () => {
    const doc = new Y.Doc()
    const id = idOf(addEntry(doc, 'need', { text: 'Falls', voice: 'professional' }, author))
    expect(updateEntry(doc, id, 'need', { text: '' }).ok).toBe(false)
    expect(readPlan(doc, today).needs[0].text).toBe('Falls')
  })

  it('reorders, and two people editing different fields of one entry both keep their change', () => {
    const a = new Y.Doc()
    const first = idOf(addEntry(a, 'strength', { text: 'One', holder: 'person', voice: 'person' }, author))
    addEntry(a, 'strength', { text: 'Two', holder: 'family', voice: 'person' }, author)
    moveEntry(a, first, 5)
    expect(readPlan(a, today).strengths.map((entry) => entry.text)).toEqual(['Two', 'One'])

    const b = new Y.Doc()
    sync(a, b)
    updateEntry(a, first, 'strength', { text: 'One, reworded' }, { stillTheirWords: 'yes' })
    updateEntry(b, first, 'strength', { holder: 'community' })
    sync(a, b)
    for (const doc of [a, b]) expect(readPlan(doc, today).strengths[1]).toMatchObject({ text: 'One, reworded', holder: 'community' })
  })
})

describe('reading a plan written by other devices', () => {
  it('leaves out a malformed entry instead of failing, and keeps the rest', () => {
    const doc = new Y.Doc()
    addEntry(doc, 'strength', { text: 'Good', holder: 'person', voice: 'person' }, author)
    const bad = new Y.Map<unknown>()
    doc.transact(() => {
      entriesMap(doc).set('bad-one', bad)
      bad.set('list', 'strength')
      bad.set('position', 'a5')
      bad.set('text', 42)
      ;(entriesMap(doc) as unknown as Y.Map<unknown>).set('not-a-map', 'oops')
    })
    expect(readPlan(doc, today).strengths.map((entry) => entry.text)).toEqual(['Good'])
  })
})
