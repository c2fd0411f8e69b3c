import { useEffect } from 'react'
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext'
import { $getRoot, $getSelection, COMMAND_PRIORITY_HIGH, DROP_COMMAND, PASTE_COMMAND } from 'lexical'
import { narrativePasteProblem } from '../../../shared/plan/narrative'

/**
 * Refuses a paste or drop that would make the field longer than a narrative field may be (a 5 MB
 * document pasted by mistake), before any of it reaches the Y.Doc, and says why through `onProblem`.
 */
export function SizeLimitPlugin({ onProblem }: { onProblem(message: string | null): void }) {
  const [editor] = useLexicalComposerContext()
  useEffect(() => {
    const check = (data: DataTransfer | null, event: Event): boolean => {
      // Plain text if there is any; otherwise the HTML's length, an over-estimate that still stops a 5 MB page.
      const pasted = data?.getData('text/plain') || data?.getData('text/html') || ''
      // What the paste replaces (a selection) makes room for it.
      const current = editor.getEditorState().read(() => $getRoot().getTextContentSize() - ($getSelection()?.getTextContent().length ?? 0))
      const problem = narrativePasteProblem(current, pasted.length)
      onProblem(problem)
      if (!problem) return false
      event.preventDefault()
      return true
    }
    const offPaste = editor.registerCommand(
      PASTE_COMMAND,
      (event) => check('clipboardData' in event ? event.clipboardData : null, event),
      COMMAND_PRIORITY_HIGH,
    )
    const offDrop = editor.registerCommand(DROP_COMMAND, (event) => check(event.dataTransfer, event), COMMAND_PRIORITY_HIGH)
    return () => {
      offPaste()
      offDrop()
    }
  }, [editor, onProblem])
  return null
}
