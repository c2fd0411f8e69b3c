import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { Awareness, applyAwarenessUpdate, encodeAwarenessUpdate } from 'y-protocols/awareness'
import { $createParagraphNode, $createTextNode, $getRoot, createEditor, UNDO_COMMAND, type LexicalEditor } from 'lexical'
import { $createListItemNode, $createListNode, ListItemNode, ListNode } from '@lexical/list'
import { bindField } from './fieldBinding'
import { CURSOR_FIELD, fieldProvider, peopleInField } from './fieldAwareness'
import { richTextBlocks, richTextFieldKeys, richTextPlain, richTextRootName } from '../../../shared/plan/narrativeText'

// Real Y.Docs and real Lexical editors (headless: no DOM), bound by the same code the app uses.

const SAM = { name: 'Sam, district nurse', colour: '#005eb8' }
const ALEX = { name: 'Alex, GP', colour: '#007f3b' }

function newEditor(): LexicalEditor {
  return createEditor({ namespace: 'test', nodes: [ListNode, ListItemNode], onError: (error) => { throw error } })
}

function window_(doc: Y.Doc, user = SAM) {
  const awareness = new Awareness(doc)
  awareness.setLocalStateField('user', user)
  return { doc, awareness }
}

function bind(win: { doc: Y.Doc; awareness: Awareness }, fieldKey: string, user = SAM) {
  const editor = newEditor()
  const field = bindField(editor, { doc: win.doc, source: { awareness: win.awareness }, fieldKey, user, cursorsContainer: null })
  return { editor, field }
}

/** Updates flow both ways between two docs, as through the hub. */
function link(a: Y.Doc, b: Y.Doc): void {
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a), 'hub')
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b), 'hub')
  a.on('update', (update: Uint8Array, origin: unknown) => origin !== 'hub' && Y.applyUpdate(b, update, 'hub'))
  b.on('update', (update: Uint8Array, origin: unknown) => origin !== 'hub' && Y.applyUpdate(a, update, 'hub'))
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0))
const textOf = (editor: LexicalEditor) => editor.getEditorState().read(() => $getRoot().getTextContent())

function write(editor: LexicalEditor, ...paragraphs: string[]): void {
  editor.update(() => {
    for (const text of paragraphs) $getRoot().append($createParagraphNode().append($createTextNode(text)))
  }, { discrete: true })
}

describe('the shared reader (shared/plan/narrativeText.ts) reads what the binding writes', () => {
  it('reads paragraphs, formatting and lists as the binding stores them, one field per root', () => {
    const win = window_(new Y.Doc())
    const a = bind(win, 'importantToMe')
    const b = bind(win, 'triggerFactors')
    a.editor.update(() => {
      const intro = $createParagraphNode().append($createTextNode('My garden and '), $createTextNode('my cat').toggleFormat('bold'))
      const list = $createListNode('bullet').append(
        $createListItemNode().append($createTextNode('Tea at 4')),
        $createListItemNode().append($createListNode('number').append($createListItemNode().append($createTextNode('nested')))),
      )
      $getRoot().append(intro, list, $createParagraphNode())
    }, { discrete: true })
    write(b.editor, 'Loud noises')

    expect(richTextPlain(win.doc, 'importantToMe')).toBe('My garden and my cat\nTea at 4\nnested\n')
    expect(richTextBlocks(win.doc, 'importantToMe')).toEqual([
      { kind: 'paragraph', depth: 0, text: 'My garden and my cat' },
      { kind: 'bullet', depth: 0, text: 'Tea at 4' },
      { kind: 'number', depth: 1, text: 'nested' },
      { kind: 'paragraph', depth: 0, text: '' },
    ])
    expect(richTextPlain(win.doc, 'triggerFactors')).toBe('Loud noises')
    expect(richTextFieldKeys(win.doc).sort()).toEqual(['importantToMe', 'triggerFactors'])
    expect(win.doc.get(richTextRootName('triggerFactors'), Y.XmlText).toDelta()).toHaveLength(1)
  })
})

describe('bindField', () => {
  it('shows what the doc already holds when a field is opened after sync, and a remount does not duplicate it', async () => {
    const win = window_(new Y.Doc())
    const first = bind(win, 'pleaseDo')
    write(first.editor, 'Knock first', 'Speak slowly')
    first.field.dispose()

    const second = bind(win, 'pleaseDo')
    expect(textOf(second.editor)).toBe('Knock first\n\nSpeak slowly')
    second.field.dispose()
    const third = bind(win, 'pleaseDo')
    expect(textOf(third.editor)).toBe('Knock first\n\nSpeak slowly')
    write(third.editor, 'Bring the leaflet')
    await settle()
    expect(richTextPlain(win.doc, 'pleaseDo')).toBe('Knock first\nSpeak slowly\nBring the leaflet')
  })

  it('keeps both people’s first words when two windows type into a new field at once', async () => {
    const one = window_(new Y.Doc())
    const two = window_(new Y.Doc(), ALEX)
    const a = bind(one, 'whoToContact')
    const b = bind(two, 'whoToContact', ALEX)
    write(a.editor, 'Daughter: 07700 900000')
    write(b.editor, 'GP surgery')
    link(one.doc, two.doc)
    await settle()

    const lines = richTextPlain(one.doc, 'whoToContact').split('\n').sort()
    expect(lines).toEqual(['Daughter: 07700 900000', 'GP surgery'])
    expect(richTextPlain(two.doc, 'whoToContact')).toBe(richTextPlain(one.doc, 'whoToContact'))
    expect(textOf(a.editor)).toBe(textOf(b.editor))
  })

  it('carries edits live between windows and never into another field', async () => {
    const one = window_(new Y.Doc())
    const two = window_(new Y.Doc(), ALEX)
    link(one.doc, two.doc)
    const mine = bind(one, 'myWellness')
    const theirs = bind(two, 'myWellness', ALEX)
    const other = bind(two, 'pleaseDont', ALEX)
    write(mine.editor, 'Walks every morning')
    await settle()
    expect(textOf(theirs.editor)).toBe('Walks every morning')
    expect(textOf(other.editor)).toBe('')
    expect(richTextPlain(two.doc, 'pleaseDont')).toBe('')
  })

  it('undoes only this window’s own edits, only in this field', async () => {
    const one = window_(new Y.Doc())
    const two = window_(new Y.Doc(), ALEX)
    link(one.doc, two.doc)
    const mine = bind(one, 'earlyWarningSigns')
    const mineElsewhere = bind(one, 'triggerFactors')
    const theirs = bind(two, 'earlyWarningSigns', ALEX)
    write(mine.editor, 'Stops eating')
    mine.field.undoManager.stopCapturing()
    write(mineElsewhere.editor, 'Hospital visits')
    await settle()
    write(theirs.editor, 'Sleeps badly')
    await settle()
    expect(richTextPlain(one.doc, 'earlyWarningSigns')).toBe('Stops eating\nSleeps badly')

    mine.editor.dispatchCommand(UNDO_COMMAND, undefined)
    await settle()
    expect(richTextPlain(one.doc, 'earlyWarningSigns')).toBe('Sleeps badly')
    expect(richTextPlain(two.doc, 'earlyWarningSigns')).toBe('Sleeps badly')
    expect(richTextPlain(one.doc, 'triggerFactors')).toBe('Hospital visits')
    expect(textOf(mine.editor)).toBe('Sleeps badly')
  })

  it('refuses a second live editor on the same field in one window', () => {
    const win = window_(new Y.Doc())
    bind(win, 'pleaseDo')
    expect(() => bind(win, 'pleaseDo')).toThrow(/already has an editor/)
  })
})

describe('fieldProvider (one awareness, many fields)', () => {
  function pair() {
    const one = window_(new Y.Doc())
    const two = window_(new Y.Doc(), ALEX)
    const sync = () => {
      applyAwarenessUpdate(two.awareness, encodeAwarenessUpdate(one.awareness, [one.awareness.clientID]), 'hub')
      applyAwarenessUpdate(one.awareness, encodeAwarenessUpdate(two.awareness, [two.awareness.clientID]), 'hub')
    }
    return { one, two, sync }
  }
  const cursor = { type: null, tname: 'richText:x', item: null, assoc: 0 }

  it('shows a caret only in the field it is in, named and coloured from the window’s user', () => {
    const { one, two, sync } = pair()
    const here = fieldProvider(one, 'pleaseDo', SAM)
    here.awareness.setLocalState({ name: 'ignored', color: 'red', focusing: true, anchorPos: cursor, focusPos: cursor, awarenessData: {} } as never)
    sync()
    const seenHere = fieldProvider(two, 'pleaseDo', ALEX).awareness.getStates().get(one.awareness.clientID)
    expect(seenHere).toMatchObject({ name: SAM.name, color: SAM.colour, focusing: true, anchorPos: cursor })
    const seenElsewhere = fieldProvider(two, 'pleaseDont', ALEX).awareness.getStates().get(one.awareness.clientID)
    expect(seenElsewhere).toMatchObject({ name: SAM.name, focusing: false, anchorPos: null, focusPos: null })
    expect(peopleInField(two.awareness.getStates(), two.awareness.clientID, 'pleaseDo')).toEqual([SAM])
    expect(peopleInField(two.awareness.getStates(), two.awareness.clientID, 'pleaseDont')).toEqual([])
    // The app's own presence field is never replaced.
    expect(one.awareness.getLocalState()?.user).toEqual(SAM)
  })

  it('lets the focused field keep the caret when another field mounts, blurs late or clears', () => {
    const { one } = pair()
    const typing = fieldProvider(one, 'pleaseDo', SAM)
    const idle = fieldProvider(one, 'pleaseDont', SAM)
    typing.awareness.setLocalState({ focusing: true, anchorPos: cursor, focusPos: cursor } as never)
    idle.awareness.setLocalState({ focusing: false, anchorPos: null, focusPos: null } as never)
    idle.awareness.setLocalState(null)
    expect(one.awareness.getLocalState()?.[CURSOR_FIELD]).toMatchObject({ field: 'pleaseDo', focusing: true })
    // Focus moving to the other field does take it.
    idle.awareness.setLocalState({ focusing: true, anchorPos: null, focusPos: null } as never)
    expect(one.awareness.getLocalState()?.[CURSOR_FIELD]).toMatchObject({ field: 'pleaseDont', focusing: true })
    idle.awareness.setLocalState(null)
    expect(one.awareness.getLocalState()?.[CURSOR_FIELD]).toBeNull()
    expect(one.awareness.getLocalState()?.user).toEqual(SAM)
  })

  it('draws no caret for a peer without a valid name', () => {
    const { one, two, sync } = pair()
    two.awareness.setLocalState({ [CURSOR_FIELD]: { field: 'pleaseDo', focusing: true, anchorPos: cursor, focusPos: cursor } })
    sync()
    expect(fieldProvider(one, 'pleaseDo', SAM).awareness.getStates().has(two.awareness.clientID)).toBe(false)
  })
})

describe('who writes in a field', () => {
  it('tells of this window’s own typing, after it is written, and not of others’ typing', async () => {
    const samWindow = window_(new Y.Doc())
    const alexWindow = window_(new Y.Doc(), ALEX)
    link(samWindow.doc, alexWindow.doc)
    const told: string[] = []
    const sam = bindField(newEditor(), { doc: samWindow.doc, source: { awareness: samWindow.awareness }, fieldKey: 'pleaseDo', user: SAM, cursorsContainer: null, onLocalEdit: () => told.push('sam') })
    const alex = bindField(newEditor(), { doc: alexWindow.doc, source: { awareness: alexWindow.awareness }, fieldKey: 'pleaseDo', user: ALEX, cursorsContainer: null, onLocalEdit: () => told.push('alex') })
    write(sam.binding.editor, 'Knock before coming in')
    await settle()
    expect(told).toEqual(['sam'])
    write(alex.binding.editor, 'Speak up a little')
    await settle()
    expect(told).toEqual(['sam', 'alex'])
    expect(richTextPlain(samWindow.doc, 'pleaseDo')).toBe('Knock before coming in\nSpeak up a little')
    sam.dispose()
    alex.dispose()
  })
})
