import { useEffect, useId, useRef } from 'react'
import type * as Y from 'yjs'
import { caseNotes } from '../../../shared/meeting/meeting'
import { shiftIndex, textEdit, type TextDeltaStep } from '../../../shared/textEdit'

interface Props {
  doc: Y.Doc
  itemId: string
  /** How the room names the person, for the box's label. */
  name: string
}

/**
 * The discussion notes for one case: a plain text box bound to the case's shared text. Each change
 * is written as the smallest edit (shared/textEdit.ts), and a colleague's typing comes in without
 * moving this person's caret off their own words, so two people typing at once both keep theirs.
 */
export function CaseNotes({ doc, itemId, name }: Props) {
  const box = useRef<HTMLTextAreaElement>(null)
  const id = useId()

  useEffect(() => {
    const textarea = box.current
    if (!textarea) return
    const text = caseNotes(doc, itemId)
    // Marks this box's own writes, so it does not redraw itself while the person types.
    const origin = { notesBox: itemId }
    textarea.value = text.toString()

    const onInput = () => {
      const edit = textEdit(text.toString(), textarea.value, textarea.selectionEnd)
      if (!edit) return
      doc.transact(() => {
        if (edit.deleteCount > 0) text.delete(edit.index, edit.deleteCount)
        if (edit.insert) text.insert(edit.index, edit.insert)
      }, origin)
    }
    const onRemote = (event: Y.YTextEvent, transaction: Y.Transaction) => {
      if (transaction.origin === origin) return
      const delta = event.delta as TextDeltaStep[]
      const focused = document.activeElement === textarea
      const start = shiftIndex(textarea.selectionStart, delta)
      const end = shiftIndex(textarea.selectionEnd, delta)
      textarea.value = text.toString()
      if (focused) textarea.setSelectionRange(start, end)
    }
    textarea.addEventListener('input', onInput)
    text.observe(onRemote)
    return () => {
      textarea.removeEventListener('input', onInput)
      text.unobserve(onRemote)
    }
  }, [doc, itemId])

  return (
    <div className="nhsuk-form-group rt-case-notes">
      <label className="nhsuk-label nhsuk-label--s" htmlFor={id}>
        Discussion notes for {name}
      </label>
      <div className="nhsuk-hint" id={`${id}-hint`}>
        Anyone can type here; everyone’s words are kept. They go into the minutes, not the plan.
      </div>
      <textarea ref={box} id={id} className="nhsuk-textarea rt-case-notes__box" rows={5} aria-describedby={`${id}-hint`} />
    </div>
  )
}
