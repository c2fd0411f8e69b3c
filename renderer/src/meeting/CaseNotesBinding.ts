import type * as Y from 'yjs'
import { shiftIndex, textEdit, type TextDeltaStep } from '../../../shared/textEdit'

/** What the binding needs of a text box (a textarea; tests pass a stand-in). */
export interface TextBox {
  value: string
  selectionStart: number
  selectionEnd: number
  setSelectionRange(start: number, end: number): void
  addEventListener(type: 'input', listener: () => void): void
  removeEventListener(type: 'input', listener: () => void): void
}

/**
 * Binds a plain text box to a shared text. The person's typing is written as the smallest edit
 * (shared/textEdit.ts); a colleague's typing comes in with this person's selection moved along with
 * the text it sat in, so neither loses their place or their words. Returns the unbinding.
 */
export function bindTextBox(box: TextBox, text: Y.Text, isFocused: () => boolean): () => void {
  const doc = text.doc
  if (!doc) throw new Error('The shared text must belong to a document.')
  // Marks this box's own writes, so it does not redraw itself while the person types.
  const origin = { textBox: box }
  box.value = text.toString()

  const onInput = () => {
    const edit = textEdit(text.toString(), box.value, box.selectionEnd)
    if (!edit) return
    doc.transact(() => {
      if (edit.deleteCount > 0) text.delete(edit.index, edit.deleteCount)
      if (edit.insert) text.insert(edit.index, edit.insert)
    }, origin)
  }
  const onChange = (event: Y.YTextEvent, transaction: Y.Transaction) => {
    if (transaction.origin === origin) return
    const delta = event.delta as TextDeltaStep[]
    const focused = isFocused()
    const start = shiftIndex(box.selectionStart, delta)
    const end = shiftIndex(box.selectionEnd, delta)
    box.value = text.toString()
    if (focused) box.setSelectionRange(start, end)
  }
  box.addEventListener('input', onInput)
  text.observe(onChange)
  return () => {
    box.removeEventListener('input', onInput)
    text.unobserve(onChange)
  }
}
