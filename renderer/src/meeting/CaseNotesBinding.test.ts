import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { bindTextBox, type TextBox } from './CaseNotesBinding'

// Real Y.Docs kept in step as the hub would, and a stand-in for a textarea that behaves as one does
// when a person types: the value changes, the caret moves, an input event fires.

class FakeTextBox implements TextBox {
  value = ''
  selectionStart = 0
  selectionEnd = 0
  private listeners: (() => void)[] = []
  setSelectionRange(start: number, end: number): void {
    this.selectionStart = start
    this.selectionEnd = end
  }
  addEventListener(_type: 'input', listener: () => void): void {
    this.listeners.push(listener)
  }
  removeEventListener(_type: 'input', listener: () => void): void {
    this.listeners = this.listeners.filter((other) => other !== listener)
  }
  /** Types `letters` at the caret, one key at a time. */
  type(letters: string): void {
    for (const letter of letters) {
      const at = this.selectionEnd
      this.value = this.value.slice(0, this.selectionStart) + letter + this.value.slice(at)
      this.setSelectionRange(this.selectionStart + 1, this.selectionStart + 1)
      for (const listener of this.listeners) listener()
    }
  }
  placeCaret(at: number): void {
    this.setSelectionRange(at, at)
  }
}

/** Two devices on the same notes, each change sent to the other at once (as over the hub). */
function twoDevices() {
  const a = new Y.Doc()
  const b = new Y.Doc()
  a.on('update', (update: Uint8Array, origin: unknown) => origin !== 'remote' && Y.applyUpdate(b, update, 'remote'))
  b.on('update', (update: Uint8Array, origin: unknown) => origin !== 'remote' && Y.applyUpdate(a, update, 'remote'))
  const boxA = new FakeTextBox()
  const boxB = new FakeTextBox()
  bindTextBox(boxA, a.getText('notes:1'), () => true)
  bindTextBox(boxB, b.getText('notes:1'), () => true)
  return { a, b, boxA, boxB }
}

describe('case notes in a plain text box', () => {
  it('shows what is already written when it opens', () => {
    const doc = new Y.Doc()
    doc.getText('notes:1').insert(0, 'Fell on 20 Nov.')
    const box = new FakeTextBox()
    bindTextBox(box, doc.getText('notes:1'), () => false)
    expect(box.value).toBe('Fell on 20 Nov.')
  })

  it('keeps both people’s words and each caret after their own, typing in turns one key at a time', () => {
    const { a, boxA, boxB } = twoDevices()
    boxA.type('Reg fell. ')
    boxA.placeCaret(boxA.value.length)
    boxB.placeCaret(boxB.value.length)
    const priya = 'GP to review. '
    const sam = 'Daughter worried.'
    for (let index = 0; index < Math.max(priya.length, sam.length); index += 1) {
      boxA.type(priya.charAt(index))
      boxB.type(sam.charAt(index))
    }
    const notes = a.getText('notes:1').toString()
    expect(boxA.value).toBe(notes)
    expect(boxB.value).toBe(notes)
    expect(notes).toContain(priya)
    expect(notes).toContain(sam)
    expect(notes.startsWith('Reg fell. ')).toBe(true)
    // Each caret sits right after what that person typed.
    expect(boxA.value.slice(0, boxA.selectionEnd).endsWith(priya)).toBe(true)
    expect(boxB.value.slice(0, boxB.selectionEnd).endsWith(sam)).toBe(true)
  })

  it('moves the caret along when a colleague writes earlier in the text', () => {
    const { boxA, boxB } = twoDevices()
    boxA.type('Reg fell on Tuesday.')
    boxA.placeCaret('Reg fell'.length)
    boxB.placeCaret('Reg '.length)
    boxB.type('W. ')
    expect(boxA.value).toBe('Reg W. fell on Tuesday.')
    expect(boxA.selectionEnd).toBe('Reg W. fell'.length)
  })

  it('stops writing once unbound', () => {
    const doc = new Y.Doc()
    const box = new FakeTextBox()
    const unbind = bindTextBox(box, doc.getText('notes:1'), () => true)
    unbind()
    box.type('gone')
    expect(doc.getText('notes:1').toString()).toBe('')
  })
})
