/**
 * One collaborative rich-text field of a plan: a Lexical editor bound to the plan's own Y.Doc.
 *
 * Where the text lives: the top-level Y.XmlText `richText:<fieldKey>` of the plan's Y.Doc (see
 * shared/plan/narrativeText.ts for the layout, why it is top-level, and `richTextPlain(doc, fieldKey)` to read
 * it without React or Lexical). So a field goes UI → Y.Doc → hub → SQLite like everything else,
 * over the plan's one WebsocketProvider; any number of fields can share that doc, each on its own
 * root, without touching each other. At most one field per key may be mounted in a window.
 *
 * Others' carets: each window's awareness `user: { name, colour }` names and colours its caret,
 * drawn only in the field it is in (fieldAwareness.ts). Undo (Ctrl+Z, Ctrl+Y / Ctrl+Shift+Z in
 * the text) takes back this window's own edits to this field only (fieldBinding.ts).
 *
 * CSP (`style-src 'self'`): Lexical and @lexical/yjs 0.52.0 set styles only through the CSSOM
 * (element.style.setProperty), which the policy allows; nothing here adds <style> elements or
 * style="" markup. Cursor colours reach CSS as the `--lexical-cursor-color` custom property set on
 * each caret; richText.css does the rest. (The optional `::highlight()` selection mode, which uses
 * a constructed stylesheet, is left off.)
 */
import { useEffect, useId, useMemo, useRef, useState, useSyncExternalStore } from 'react'
import type * as Y from 'yjs'
import type { WebsocketProvider } from 'y-websocket'
import { ListItemNode, ListNode } from '@lexical/list'
import { LexicalComposer, type InitialConfigType } from '@lexical/react/LexicalComposer'
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext'
import { ContentEditable } from '@lexical/react/LexicalContentEditable'
import { LexicalErrorBoundary } from '@lexical/react/LexicalErrorBoundary'
import { ListPlugin } from '@lexical/react/LexicalListPlugin'
import { RichTextPlugin } from '@lexical/react/LexicalRichTextPlugin'
import type { PresenceUser } from '../../../shared/presence'
import { keepCaretLabelsInside } from './caretLabels'
import { peopleInField } from './fieldAwareness'
import { bindField } from './fieldBinding'
import { FormattingToolbar } from './FormattingToolbar'
import { richTextRootName } from '../../../shared/plan/narrativeText'
import { SizeLimitPlugin } from './SizeLimitPlugin'
import './richText.css'

export interface RichTextFieldProps {
  /** The plan's Y.Doc. */
  doc: Y.Doc
  /** The plan's provider: only its awareness is used; the plan's session owns the connection. */
  provider: WebsocketProvider
  /** Names the field's shared text in the doc; never change it once shipped. `[A-Za-z0-9_-]{1,64}`. */
  fieldKey: string
  label: string
  hint?: string
  readOnly?: boolean
  /** This window's name and colour, as published in awareness `user`. */
  user: PresenceUser
  /** Told after this window's own typing changed the field (see fieldBinding.ts). */
  onLocalEdit?: () => void
  /** Shown under the label and hint, for example who wrote the field. */
  note?: React.ReactNode
  /** The id of something in `note` that describes the text box too (read out with the hint). */
  noteDescriptionId?: string
}

const THEME: InitialConfigType['theme'] = {
  paragraph: 'richtext__paragraph',
  list: { ul: 'richtext__ul', ol: 'richtext__ol', listitem: 'richtext__li', nested: { listitem: 'richtext__nested' } },
  text: { bold: 'richtext__bold', italic: 'richtext__italic' },
  collaboration: { cursor: 'richtext__cursor', cursorName: 'richtext__cursor-name', selection: 'richtext__selection', selectionBg: 'richtext__selection-bg' },
}

export function RichTextField(props: RichTextFieldProps) {
  const { doc, fieldKey, readOnly } = props
  richTextRootName(fieldKey) // a bad key fails here, on render, not deep inside an effect
  const initialConfig = useMemo<InitialConfigType>(
    () => ({
      namespace: `richText-${fieldKey}`,
      nodes: [ListNode, ListItemNode],
      // null, not undefined: the content comes from the Y.Doc, never from a local first paragraph.
      editorState: null,
      editable: !readOnly,
      theme: THEME,
      onError: (error) => console.error(`Rich-text field ${fieldKey}:`, error),
    }),
    // Read once by LexicalComposer; `readOnly` changes are applied by FieldBody.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [fieldKey],
  )
  // A different plan or field is a different editor (a binding cannot be repointed).
  return (
    <LexicalComposer key={`${doc.guid}/${fieldKey}`} initialConfig={initialConfig}>
      <FieldBody {...props} />
    </LexicalComposer>
  )
}

function FieldBody({ doc, provider, fieldKey, label, hint, readOnly = false, user, onLocalEdit, note, noteDescriptionId }: RichTextFieldProps) {
  const [editor] = useLexicalComposerContext()
  const id = useId()
  const labelId = `${id}-label`
  const hintId = `${id}-hint`
  const editorId = `${id}-text`
  const errorId = `${id}-error`
  const [problem, setProblem] = useState<string | null>(null)
  const cursors = useRef<HTMLDivElement>(null)
  const latestUser = useRef(user)
  latestUser.current = user
  const latestOnLocalEdit = useRef(onLocalEdit)
  latestOnLocalEdit.current = onLocalEdit

  useEffect(() => editor.setEditable(!readOnly), [editor, readOnly])

  useEffect(() => {
    const container = cursors.current
    const surface = container?.parentElement
    return container && surface ? keepCaretLabelsInside(surface, container) : undefined
  }, [])

  useEffect(() => {
    const onEdit = () => latestOnLocalEdit.current?.()
    const field = bindField(editor, { doc, source: provider, fieldKey, user: latestUser.current, cursorsContainer: cursors.current, onLocalEdit: onEdit })
    return () => field.dispose()
  }, [editor, doc, provider, fieldKey])

  const others = usePeopleInField(provider, fieldKey)

  return (
    <div className="richtext">
      {/* Not a <label>: the text box is a contenteditable div, named by aria-labelledby. */}
      <div id={labelId} className="richtext__label" onClick={() => editor.focus()}>
        {label}
      </div>
      {hint ? (
        <div id={hintId} className="richtext__hint">
          {hint}
        </div>
      ) : null}
      {note}
      {problem ? (
        <p id={errorId} className="nhsuk-error-message" role="alert">
          <span className="nhsuk-u-visually-hidden">Error:</span> {problem}
        </p>
      ) : null}
      {readOnly ? null : <FormattingToolbar label={label} controls={editorId} />}
      <div className="richtext__surface">
        <RichTextPlugin
          contentEditable={
            <ContentEditable
              id={editorId}
              className="richtext__editable"
              role="textbox"
              aria-multiline
              aria-labelledby={labelId}
              aria-describedby={[hint ? hintId : '', noteDescriptionId ?? '', problem ? errorId : ''].filter(Boolean).join(' ') || undefined}
              // Lexical takes a read-only editor out of the tab order; people still need to reach it to read it.
              tabIndex={readOnly ? 0 : undefined}
            />
          }
          ErrorBoundary={LexicalErrorBoundary}
        />
        {/* Others' carets and name tags are drawn in here; screen readers are told below instead. */}
        <div ref={cursors} className="richtext__cursors" aria-hidden="true" />
      </div>
      <ListPlugin />
      <SizeLimitPlugin onProblem={setProblem} />
      {others.length > 0 ? (
        <p className="richtext__here">
          {others.map((person) => person.name).join(', ')} {others.length === 1 ? 'is' : 'are'} also writing here
        </p>
      ) : null}
    </div>
  )
}

/** Who else has their caret in this field now, from the plan's awareness. */
function usePeopleInField(provider: WebsocketProvider, fieldKey: string): PresenceUser[] {
  const awareness = provider.awareness
  const snapshot = useSyncExternalStore(
    (onChange) => {
      awareness.on('change', onChange)
      return () => awareness.off('change', onChange)
    },
    () => JSON.stringify(peopleInField(awareness.getStates(), awareness.clientID, fieldKey)),
  )
  return useMemo(() => JSON.parse(snapshot) as PresenceUser[], [snapshot])
}
