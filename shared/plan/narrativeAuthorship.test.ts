import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { createBoardUndoManager, LOCAL_ORIGIN } from '../board'
import { authorshipLine, readNarrativeAuthorship, recordNarrativeWriter, setNarrativeWording, wordingFromChoice, wordingLabel, writersLine } from './narrativeAuthorship'

const at = (minute: number) => new Date(Date.UTC(2026, 10, 23, 10, minute))

function sync(a: Y.Doc, b: Y.Doc): void {
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)))
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)))
}

describe('who wrote a narrative field', () => {
  it('starts unknown: no writers, and no wording until someone chooses one', () => {
    expect(readNarrativeAuthorship(new Y.Doc(), 'importantToMe')).toEqual({ writers: [], wording: null })
    expect(authorshipLine({ writers: [], wording: null }, 'Joan')).toBe('')
  })

  it('records each writer once, per field, in the order they first wrote', () => {
    const doc = new Y.Doc()
    let writes = 0
    doc.on('afterTransaction', (transaction: Y.Transaction) => {
      if (transaction.changed.size > 0) writes += 1
    })
    recordNarrativeWriter(doc, 'importantToMe', 'Sam, nurse', at(1))
    recordNarrativeWriter(doc, 'importantToMe', 'Ann', at(2))
    for (let keystroke = 0; keystroke < 20; keystroke++) recordNarrativeWriter(doc, 'importantToMe', 'Sam, nurse', at(3 + keystroke))
    recordNarrativeWriter(doc, 'pleaseDo', 'Ann', at(30))
    recordNarrativeWriter(doc, 'pleaseDo', '   ', at(31))
    expect(writes).toBe(3)
    expect(readNarrativeAuthorship(doc, 'importantToMe').writers).toEqual(['Sam, nurse', 'Ann'])
    expect(readNarrativeAuthorship(doc, 'pleaseDo').writers).toEqual(['Ann'])
  })

  it('keeps everyone when two people first write in the same field at once', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.string({ minLength: 1, maxLength: 20 }).filter((name) => name.trim() === name && name !== ''), { minLength: 2, maxLength: 6 }), (names) => {
        const docs = names.map(() => new Y.Doc())
        names.forEach((name, index) => recordNarrativeWriter(docs[index], 'myWellness', name, at(1)))
        for (const doc of docs.slice(1)) sync(docs[0], doc)
        for (const doc of docs.slice(1)) sync(docs[0], doc)
        for (const doc of docs) expect(new Set(readNarrativeAuthorship(doc, 'myWellness').writers)).toEqual(new Set(names))
      }),
    )
  })

  it('says how the field was written when someone chooses, and can be cleared', () => {
    const doc = new Y.Doc()
    recordNarrativeWriter(doc, 'importantToMe', 'Sam, nurse', at(1))
    recordNarrativeWriter(doc, 'importantToMe', 'Ann', at(2))
    recordNarrativeWriter(doc, 'importantToMe', 'Dev', at(3))
    setNarrativeWording(doc, 'importantToMe', 'with-person')
    expect(authorshipLine(readNarrativeAuthorship(doc, 'importantToMe'), 'Joan')).toBe('Written with Joan. Typed by Sam, nurse, Ann and Dev.')
    setNarrativeWording(doc, 'importantToMe', 'own-words')
    expect(authorshipLine(readNarrativeAuthorship(doc, 'importantToMe'), '')).toBe('In the person’s own words. Typed by Sam, nurse, Ann and Dev.')
    setNarrativeWording(doc, 'importantToMe', null)
    expect(readNarrativeAuthorship(doc, 'importantToMe').wording).toBeNull()
    expect(wordingLabel('by-team', 'Joan')).toBe('Written by the care team')
    expect(writersLine({ writers: ['Ann'], wording: null })).toBe('Typed by Ann.')
    expect([wordingFromChoice('with-person'), wordingFromChoice(''), wordingFromChoice('by-robots')]).toEqual(['with-person', null, null])
  })

  it('ignores malformed values from another device', () => {
    const doc = new Y.Doc()
    doc.transact(() => {
      doc.getMap('narrativeWriters').set('not json', 'x')
      doc.getMap('narrativeWriters').set(JSON.stringify(['pleaseDo', 42]), 'x')
      doc.getMap('narrativeWording').set('pleaseDo', 'by-robots')
    }, LOCAL_ORIGIN)
    expect(readNarrativeAuthorship(doc, 'pleaseDo')).toEqual({ writers: [], wording: null })
  })

  it('a writer’s name is not taken back by the board’s undo', () => {
    const doc = new Y.Doc()
    const undo = createBoardUndoManager(doc)
    recordNarrativeWriter(doc, 'pleaseDo', 'Ann', at(1))
    undo.undo()
    expect(readNarrativeAuthorship(doc, 'pleaseDo').writers).toEqual(['Ann'])
  })
})
