import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { Awareness } from 'y-protocols/awareness'
import { docVersionStore, participantsStore, undoStateStore } from './docStores'

// React renders first and subscribes after: whatever changes in between must still be seen.

describe('stores read what changed between the first render and the subscription', () => {
  it('docVersionStore: a plan title that arrives before subscribing is not lost', () => {
    const doc = new Y.Doc()
    const store = docVersionStore(doc, (watched) => [watched.getMap('meta')])
    const rendered = store.read()
    doc.getMap('meta').set('title', 'Plan for Lee')
    const stop = store.subscribe(() => {})
    expect(store.read()).not.toBe(rendered)
    const subscribed = store.read()
    doc.getMap('entries').set('a', 'not structure we watch')
    expect(store.read()).toBe(subscribed)
    doc.getMap('meta').set('title', 'Plan for Lee Ann')
    expect(store.read()).not.toBe(subscribed)
    stop()
  })

  it('participantsStore: someone who arrives before subscribing is listed', () => {
    const doc = new Y.Doc()
    const awareness = new Awareness(doc)
    const store = participantsStore(awareness)
    awareness.setLocalStateField('user', { name: 'Ann, GP', colour: '#005eb8' })
    const stop = store.subscribe(() => {})
    expect(store.read().map((person) => person.name)).toContain('Ann, GP')
    stop()
    awareness.destroy()
  })

  it('undoStateStore: an undo step made before subscribing enables Undo', () => {
    const doc = new Y.Doc()
    const undoManager = new Y.UndoManager(doc.getMap('entries'))
    const store = undoStateStore(undoManager)
    expect(store.read().canUndo).toBe(false)
    doc.getMap('entries').set('a', 'Loves gardening')
    const stop = store.subscribe(() => {})
    expect(store.read().canUndo).toBe(true)
    stop()
  })
})
