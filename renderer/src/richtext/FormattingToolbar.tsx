import { useEffect, useRef, useState, type KeyboardEvent } from 'react'
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext'
import { $isListNode, INSERT_UNORDERED_LIST_COMMAND, REMOVE_LIST_COMMAND } from '@lexical/list'
import { $getSelection, $isRangeSelection, FORMAT_TEXT_COMMAND, type LexicalNode } from 'lexical'

interface Formats {
  bold: boolean
  italic: boolean
  bullets: boolean
}

const NONE: Formats = { bold: false, italic: false, bullets: false }

function $inBulletList(node: LexicalNode): boolean {
  for (let current: LexicalNode | null = node; current !== null; current = current.getParent()) {
    if ($isListNode(current)) return current.getListType() === 'bullet'
  }
  return false
}

/**
 * Bold, italic and a bulleted list: one tab stop (WAI-ARIA toolbar pattern: arrow keys, Home and
 * End move between buttons), each button saying whether it is on. Ctrl+B and Ctrl+I work in the
 * text itself. A button acts on the text selected before it was pressed, then puts focus back in
 * the text (as Lexical itself does after making a list), so typing carries on there; a mouse press
 * never takes focus from the text at all.
 */
export function FormattingToolbar({ label, controls }: { label: string; controls: string }) {
  const [editor] = useLexicalComposerContext()
  const [formats, setFormats] = useState<Formats>(NONE)
  const [active, setActive] = useState(0)
  const buttons = useRef<(HTMLButtonElement | null)[]>([])

  useEffect(
    () =>
      editor.registerUpdateListener(({ editorState }) => {
        editorState.read(() => {
          const selection = $getSelection()
          if (!$isRangeSelection(selection)) return
          setFormats({
            bold: selection.hasFormat('bold'),
            italic: selection.hasFormat('italic'),
            bullets: $inBulletList(selection.anchor.getNode()),
          })
        })
      }),
    [editor],
  )

  const actions: { name: string; shortcut?: string; pressed: boolean; run: () => void }[] = [
    { name: 'Bold', shortcut: 'Control+B', pressed: formats.bold, run: () => editor.dispatchCommand(FORMAT_TEXT_COMMAND, 'bold') },
    { name: 'Italic', shortcut: 'Control+I', pressed: formats.italic, run: () => editor.dispatchCommand(FORMAT_TEXT_COMMAND, 'italic') },
    {
      name: 'Bulleted list',
      pressed: formats.bullets,
      run: () => editor.dispatchCommand(formats.bullets ? REMOVE_LIST_COMMAND : INSERT_UNORDERED_LIST_COMMAND, undefined),
    },
  ]

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const last = actions.length - 1
    const next =
      event.key === 'ArrowRight' ? (active === last ? 0 : active + 1)
      : event.key === 'ArrowLeft' ? (active === 0 ? last : active - 1)
      : event.key === 'Home' ? 0
      : event.key === 'End' ? last
      : null
    if (next === null) return
    event.preventDefault()
    setActive(next)
    buttons.current[next]?.focus()
  }

  return (
    <div role="toolbar" aria-label={`Formatting for ${label}`} aria-controls={controls} className="richtext__toolbar" onKeyDown={onKeyDown}>
      {actions.map((action, index) => (
        <button
          key={action.name}
          ref={(element) => {
            buttons.current[index] = element
          }}
          type="button"
          className="richtext__button"
          tabIndex={index === active ? 0 : -1}
          aria-pressed={action.pressed}
          aria-keyshortcuts={action.shortcut}
          onMouseDown={(event) => event.preventDefault()}
          onFocus={() => setActive(index)}
          onClick={() => {
            action.run()
            editor.focus()
          }}
        >
          {action.name}
        </button>
      ))}
    </div>
  )
}
