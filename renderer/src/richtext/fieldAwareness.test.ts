import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { Awareness } from 'y-protocols/awareness'
import { CURSOR_FIELD, fieldProvider } from './fieldAwareness'

describe('other windows’ carets', () => {
  it('are dropped when their positions are malformed, instead of breaking every editor', () => {
    const doc = new Y.Doc()
    const awareness = new Awareness(doc)
    const good = Y.relativePositionToJSON(Y.createRelativePositionFromTypeIndex(doc.get('richText:pleaseDo', Y.XmlText), 0))
    const states = awareness.getStates() as Map<number, unknown>
    states.set(101, { user: { name: 'Bad device', colour: '#005eb8' }, [CURSOR_FIELD]: { field: 'pleaseDo', anchorPos: {}, focusPos: { item: { client: 'x', clock: 1 } }, focusing: true } })
    states.set(102, { user: { name: 'Good device', colour: '#007f3b' }, [CURSOR_FIELD]: { field: 'pleaseDo', anchorPos: good, focusPos: good, focusing: true } })
    const seen = fieldProvider({ awareness }, 'pleaseDo', { name: 'Me', colour: '#330072' }).awareness.getStates()
    expect(seen.get(101)).toMatchObject({ name: 'Bad device', anchorPos: null, focusPos: null })
    expect(seen.get(102)?.anchorPos).not.toBeNull()
    const rebuilt = seen.get(102)?.anchorPos
    expect(rebuilt && Y.createAbsolutePositionFromRelativePosition(rebuilt, doc)?.index).toBe(0)
  })
})
