import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import * as Y from 'yjs'
import { createBoardUndoManager, initialiseBoard, readMeta, renameBoard, validateTitle } from './board'
import { addEntry, deleteEntry, moveActionToGoal, moveEntry } from './plan/entries'
import { readPlan } from './plan/read'

const now = new Date('2026-11-22T10:00:00Z')
const today = '2026-11-22'
const author = { by: '', now }
const strengths = (doc: Y.Doc) => readPlan(doc, today).strengths.map((entry) => entry.text)

function sync(a: Y.Doc, b: Y.Doc): void {
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)))
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)))
}

function id(result: { ok: boolean; value?: string }): string {
  if (!result.ok || !result.value) throw new Error(JSON.stringify(result))
  return result.value
}

describe('board meta', () => {
  it('is set once; a second initialise (another client) keeps the first title', () => {
    const doc = new Y.Doc()
    expect(readMeta(doc)).toBeNull()
    initialiseBoard(doc, { kind: 'plan', title: '  J.S.  ', now })
    initialiseBoard(doc, { kind: 'plan', title: 'Other', now })
    expect(readMeta(doc)).toEqual({ kind: 'plan', title: 'J.S.', createdAt: now.toISOString(), template: 'blank' })
    renameBoard(doc, 'J. Smith')
    expect(readMeta(doc)?.title).toBe('J. Smith')
  })

  it('remembers the template a plan was started from', () => {
    const doc = new Y.Doc()
    initialiseBoard(doc, { kind: 'plan', title: 'PATH plan', now, template: 'path' })
    expect(readMeta(doc)?.template).toBe('path')
  })

  it('refuses an empty or overlong title with a message that says what to do', () => {
    expect(validateTitle('   ')).toMatch(/Enter a name/)
    expect(validateTitle('x'.repeat(121))).toMatch(/up to 120 characters/)
    expect(validateTitle('', 'meeting')).toBe('Enter a name for the meeting, for example “Thursday huddle”.')
    expect(validateTitle('x'.repeat(121), 'meeting')).toMatch(/^A meeting name can be up to 120 characters/)
    expect(validateTitle('A.B.')).toBeNull()
    expect(() => initialiseBoard(new Y.Doc(), { kind: 'plan', title: '', now })).toThrow(/Enter a name/)
  })
})

describe('concurrent moves', () => {
  it('two people moving the same action to different goals leaves it under exactly one, the same on both', () => {
    const alice = new Y.Doc()
    const nurse = id(addEntry(alice, 'professional', { name: 'Sam', role: 'Nurse', organisation: 'NHS', contact: '', keyWorker: false }, author))
    const goals = ['A', 'B', 'C'].map((text) => id(addEntry(alice, 'goal', { text, importance: 'high', voice: 'person' }, author)))
    const action = id(
      addEntry(alice, 'action', { what: 'Walk', ownerId: nurse, agency: 'NHS', dueDate: today, status: 'not-started', reviewDate: '', outcome: '', voice: 'person' }, { ...author, goalId: goals[0], today }),
    )
    const bob = new Y.Doc()
    sync(alice, bob)
    moveActionToGoal(alice, action, goals[1], 0)
    moveActionToGoal(bob, action, goals[2], 0)
    sync(alice, bob)
    const where = (doc: Y.Doc) => readPlan(doc, today).goals.filter((goal) => goal.actions.length > 0).map((goal) => goal.text)
    expect(where(alice)).toHaveLength(1)
    expect(where(alice)).toEqual(where(bob))
  })

  it('property: any run of concurrent moves of actions between goals converges, with every action exactly once', () => {
    const operation = fc.record({
      who: fc.integer({ min: 0, max: 1 }),
      action: fc.integer({ min: 0, max: 5 }),
      goal: fc.integer({ min: 0, max: 2 }),
      index: fc.integer({ min: 0, max: 6 }),
      syncAfter: fc.boolean(),
    })
    fc.assert(
      fc.property(fc.array(operation, { maxLength: 40 }), (operations) => {
        const docs = [new Y.Doc(), new Y.Doc()]
        const owner = id(addEntry(docs[0], 'professional', { name: 'Sam', role: 'Nurse', organisation: 'NHS', contact: '', keyWorker: false }, author))
        const goals = ['A', 'B', 'C'].map((text) => id(addEntry(docs[0], 'goal', { text, importance: 'high', voice: 'person' }, author)))
        const actions = ['0', '1', '2', '3', '4', '5'].map((what) =>
          id(addEntry(docs[0], 'action', { what, ownerId: owner, agency: 'NHS', dueDate: today, status: 'not-started', reviewDate: '', outcome: '', voice: 'person' }, { ...author, goalId: goals[0], today })),
        )
        sync(docs[0], docs[1])
        for (const step of operations) {
          moveActionToGoal(docs[step.who], actions[step.action], goals[step.goal], step.index)
          if (step.syncAfter) sync(docs[0], docs[1])
        }
        sync(docs[0], docs[1])
        const layout = (doc: Y.Doc) => readPlan(doc, today).goals.map((goal) => goal.actions.map((action) => action.what))
        expect(layout(docs[0])).toEqual(layout(docs[1]))
        expect(layout(docs[0]).flat().sort()).toEqual(['0', '1', '2', '3', '4', '5'])
      }),
      { numRuns: 200 },
    )
  })
})

describe('undo', () => {
  it('takes back only your own change, not someone else’s', () => {
    const mine = new Y.Doc()
    const theirs = new Y.Doc()
    const undo = createBoardUndoManager(mine)
    const entry = id(addEntry(mine, 'strength', { text: 'Mine', holder: 'person', voice: 'person' }, author))
    addEntry(theirs, 'strength', { text: 'Theirs', holder: 'person', voice: 'person' }, author)
    sync(mine, theirs)
    deleteEntry(mine, entry)
    expect(strengths(mine)).toEqual(['Theirs'])
    undo.undo()
    expect(strengths(mine).sort()).toEqual(['Mine', 'Theirs'])
  })

  it('takes back one change at a time, however quickly they came', () => {
    const doc = new Y.Doc()
    const undo = createBoardUndoManager(doc)
    const first = id(addEntry(doc, 'strength', { text: 'Keep this one', holder: 'person', voice: 'person' }, author))
    addEntry(doc, 'strength', { text: 'Second', holder: 'person', voice: 'person' }, author)
    moveEntry(doc, first, 5)
    deleteEntry(doc, first)
    undo.undo()
    expect(strengths(doc)).toEqual(['Second', 'Keep this one'])
    undo.undo()
    expect(strengths(doc)).toEqual(['Keep this one', 'Second'])
  })
})
