import { useEffect, useId, useRef } from 'react'
import type * as Y from 'yjs'
import { caseNotes } from '../../../shared/meeting/meeting'
import { bindTextBox } from './CaseNotesBinding'

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
    return bindTextBox(textarea, caseNotes(doc, itemId), () => document.activeElement === textarea)
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
