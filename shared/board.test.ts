import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import * as Y from 'yjs'
import {
  MAX_CARD_TEXT_LENGTH,
  PLAN_SECTIONS,
  addCard,
  cardsInSection,
  createBoardUndoManager,
  deleteCard,
  initialiseBoard,
  moveCard,
  readMeta,
  renameBoard,
  updateCardText,
  validateCardText,
  validateTitle,
} from './board'

const now = new Date('2026-11-22T10:00:00Z')
const texts = (doc: Y.Doc, section: string) => cardsInSection(doc, section).map((card) => card.text)

function sync(a: Y.Doc, b: Y.Doc): void {
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)))
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)))
}

describe('board meta', () => {
  it('is set once; a second initialise (another client) keeps the first title', () => {
    const doc = new Y.Doc()
    expect(readMeta(doc)).toBeNull()
    initialiseBoard(doc, { kind: 'plan', title: '  J.S.  ', now })
    initialiseBoard(doc, { kind: 'plan', title: 'Other', now })
    expect(readMeta(doc)).toEqual({ kind: 'plan', title: 'J.S.', createdAt: now.toISOString() })
    renameBoard(doc, 'J. Smith')
    expect(readMeta(doc)?.title).toBe('J. Smith')
  })

  it('refuses an empty or overlong title with a message that says what to do', () => {
    expect(validateTitle('   ')).toMatch(/Enter a name/)
    expect(validateTitle('x'.repeat(121))).toMatch(/up to 120 characters/)
    expect(validateTitle('A.B.')).toBeNull()
    expect(() => initialiseBoard(new Y.Doc(), { kind: 'plan', title: '', now })).toThrow(/Enter a name/)
  })
})

describe('cards', () => {
  it('adds to the end of a section, edits and deletes', () => {
    const doc = new Y.Doc()
    const first = addCard(doc, { section: 'strengths', text: 'Gardening', author: 'Ann', now })
    addCard(doc, { section: 'strengths', text: 'Close to daughter', author: 'Ann', now })
    expect(texts(doc, 'strengths')).toEqual(['Gardening', 'Close to daughter'])
    updateCardText(doc, first, 'Gardening and birds')
    deleteCard(doc, first)
    expect(texts(doc, 'strengths')).toEqual(['Close to daughter'])
  })

  it('refuses empty, oversized or misplaced cards without changing the board', () => {
    const doc = new Y.Doc()
    expect(validateCardText('  ')).toMatch(/Write something/)
    expect(validateCardText('x'.repeat(MAX_CARD_TEXT_LENGTH + 1))).toMatch(/up to 2,000 characters/)
    expect(() => addCard(doc, { section: 'strengths', text: 'x'.repeat(5_000_000), author: 'A', now })).toThrow(/split it/)
    expect(() => addCard(doc, { section: 'nowhere', text: 'x', author: 'A', now })).toThrow(/no section/)
    expect(PLAN_SECTIONS.flatMap((section) => texts(doc, section.id))).toEqual([])
  })

  it('moves within and between sections to the index asked for', () => {
    const doc = new Y.Doc()
    const [a, b, c] = ['A', 'B', 'C'].map((text) => addCard(doc, { section: 'goals', text, author: '', now }))
    moveCard(doc, c, 'goals', 0)
    expect(texts(doc, 'goals')).toEqual(['C', 'A', 'B'])
    moveCard(doc, a, 'goals', 2)
    expect(texts(doc, 'goals')).toEqual(['C', 'B', 'A'])
    moveCard(doc, b, 'actions', 0)
    expect(texts(doc, 'goals')).toEqual(['C', 'A'])
    expect(texts(doc, 'actions')).toEqual(['B'])
    moveCard(doc, b, 'goals', 99)
    expect(texts(doc, 'goals')).toEqual(['C', 'A', 'B'])
  })

  it('two people moving the same card at once leaves it in exactly one place on both', () => {
    const alice = new Y.Doc()
    const bob = new Y.Doc()
    const id = addCard(alice, { section: 'goals', text: 'Walk to the shop', author: '', now })
    sync(alice, bob)
    moveCard(alice, id, 'actions', 0)
    moveCard(bob, id, 'strengths', 0)
    sync(alice, bob)
    const where = (doc: Y.Doc) => PLAN_SECTIONS.filter((section) => texts(doc, section.id).includes('Walk to the shop')).map((s) => s.id)
    expect(where(alice)).toHaveLength(1)
    expect(where(alice)).toEqual(where(bob))
  })

  it('property: any run of concurrent adds and moves converges, with every card exactly once', () => {
    const sectionIds = PLAN_SECTIONS.map((section) => section.id)
    const operation = fc.record({
      who: fc.integer({ min: 0, max: 1 }),
      card: fc.integer({ min: 0, max: 5 }),
      section: fc.constantFrom(...sectionIds),
      index: fc.integer({ min: 0, max: 6 }),
      syncAfter: fc.boolean(),
    })
    fc.assert(
      fc.property(fc.array(operation, { maxLength: 40 }), (operations) => {
        const docs = [new Y.Doc(), new Y.Doc()]
        const ids = ['0', '1', '2', '3', '4', '5'].map((text) => addCard(docs[0], { section: 'goals', text, author: '', now }))
        sync(docs[0], docs[1])
        for (const step of operations) {
          moveCard(docs[step.who], ids[step.card], step.section, step.index)
          if (step.syncAfter) sync(docs[0], docs[1])
        }
        sync(docs[0], docs[1])
        const layout = (doc: Y.Doc) => sectionIds.map((section) => texts(doc, section))
        expect(layout(docs[0])).toEqual(layout(docs[1]))
        expect(layout(docs[0]).flat().sort()).toEqual(['0', '1', '2', '3', '4', '5'])
      }),
      { numRuns: 200 },
    )
  })

  it('undo takes back only your own change, not someone else’s', () => {
    const mine = new Y.Doc()
    const theirs = new Y.Doc()
    const undo = createBoardUndoManager(mine)
    const id = addCard(mine, { section: 'strengths', text: 'Mine', author: '', now })
    undo.stopCapturing()
    addCard(theirs, { section: 'strengths', text: 'Theirs', author: '', now })
    sync(mine, theirs)
    deleteCard(mine, id)
    expect(texts(mine, 'strengths')).toEqual(['Theirs'])
    undo.undo()
    expect(texts(mine, 'strengths').sort()).toEqual(['Mine', 'Theirs'])
  })

  it('undo takes back one change at a time, however quickly they came', () => {
    const doc = new Y.Doc()
    const undo = createBoardUndoManager(doc)
    const id = addCard(doc, { section: 'goals', text: 'Keep this one', author: '', now })
    addCard(doc, { section: 'goals', text: 'Second', author: '', now })
    deleteCard(doc, id)
    undo.undo()
    expect(texts(doc, 'goals')).toEqual(['Keep this one', 'Second'])
    undo.undo()
    expect(texts(doc, 'goals')).toEqual(['Keep this one'])
  })
})
