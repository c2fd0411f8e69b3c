/**
 * Headless Lexical editors bound to a plan's rich-text fields with the app's own binding
 * (renderer/src/richtext/fieldBinding.ts), so the benchmark writes and reads About me text exactly
 * as the app's editors do, without a DOM: no layout, no paint, no React, no contenteditable events.
 *
 * A keystroke here is what Lexical's rich-text plugin does for a typed character once the browser's
 * `beforeinput` arrives: an editor update that inserts the character at the caret. It is discrete
 * so the commit (and with it the binding's Yjs transaction and awareness cursor update) has run
 * when the call returns; the app commits the same update in a microtask instead.
 */
import {
  $createParagraphNode,
  $createTextNode,
  $getNodeByKey,
  $getRoot,
  $getSelection,
  $isElementNode,
  $isRangeSelection,
  createEditor,
  type LexicalEditor,
  type NodeKey,
} from 'lexical'
import { $createListItemNode, $createListNode, ListItemNode, ListNode } from '@lexical/list'
import type * as Y from 'yjs'
import type { Awareness } from 'y-protocols/awareness'
import type { PresenceUser } from '../shared/presence'
import { bindField, type FieldBinding } from '../renderer/src/richtext/fieldBinding'

export interface BoundField {
  editor: LexicalEditor
  field: FieldBinding
}

/** The app's editor config (RichTextField.tsx) minus the DOM theme: the same node types. */
export function newEditor(fieldKey: string): LexicalEditor {
  return createEditor({
    namespace: `richText-${fieldKey}`,
    nodes: [ListNode, ListItemNode],
    onError: (error) => {
      throw error
    },
  })
}

/** One field's editor, bound to `doc` as RichTextField binds it (no cursors container headless). */
export function bindHeadless(doc: Y.Doc, awareness: Awareness, fieldKey: string, user: PresenceUser): BoundField {
  const editor = newEditor(fieldKey)
  const field = bindField(editor, { doc, source: { awareness }, fieldKey, user, cursorsContainer: null })
  return { editor, field }
}

export function dispose(bound: BoundField): void {
  bound.field.dispose()
}

/** Appends a new empty block at the end of the field (a paragraph or a one-item bulleted list) and returns the key of the block to type into. */
export function appendBlock(editor: LexicalEditor, kind: 'paragraph' | 'bullet', firstText = ''): NodeKey {
  let key = ''
  editor.update(
    () => {
      const text = $createTextNode(firstText)
      if (kind === 'paragraph') {
        const paragraph = $createParagraphNode().append(text)
        $getRoot().append(paragraph)
        key = paragraph.getKey()
      } else {
        const item = $createListItemNode().append(text)
        $getRoot().append($createListNode('bullet').append(item))
        key = item.getKey()
      }
      text.select()
    },
    { discrete: true },
  )
  return key
}

/** In a bulleted list, Enter after an item: a new item after `itemKey`, returned for typing into. */
export function appendListItem(editor: LexicalEditor, itemKey: NodeKey): NodeKey {
  let key = ''
  editor.update(
    () => {
      const previous = $getNodeByKey(itemKey)
      if (!previous) throw new Error('list item vanished')
      const item = $createListItemNode()
      previous.insertAfter(item)
      item.select()
      key = item.getKey()
    },
    { discrete: true },
  )
  return key
}

/**
 * Types one character at the end of the block `blockKey` (where this person's caret is), with
 * `bold` on or off as the toolbar's Bold toggle would leave it. Returns false if the block is gone.
 */
export function typeCharacter(editor: LexicalEditor, blockKey: NodeKey, character: string, bold = false): boolean {
  let typed = false
  editor.update(
    () => {
      const block = $getNodeByKey(blockKey)
      if (!block || !$isElementNode(block)) return
      block.selectEnd()
      const selection = $getSelection()
      if (!$isRangeSelection(selection)) return
      if (selection.hasFormat('bold') !== bold) selection.toggleFormat('bold')
      selection.insertText(character)
      typed = true
    },
    { discrete: true },
  )
  return typed
}

/** The text of the first block whose text starts with `prefix`, or null; reads the editor's committed state. */
export function blockTextStartingWith(editor: LexicalEditor, prefix: string): string | null {
  return editor.getEditorState().read(() => {
    for (const block of $getRoot().getChildren()) {
      const text = block.getTextContent()
      if (text.startsWith(prefix)) return text
    }
    return null
  })
}

/** The whole field's plain text as this editor holds it. */
export function editorText(editor: LexicalEditor): string {
  return editor.getEditorState().read(() => $getRoot().getTextContent())
}
