import * as Y from 'yjs'
import { PLAN_LAYOUT } from './layout'
import { NARRATIVE_FIELDS } from './narrative'

/**
 * Where a plan's rich-text fields live in its Y.Doc, and how to read them without Lexical.
 * Imports only yjs (no React, no Lexical), so exports, the history diff and the screens all read
 * the same way. The editor's binding (renderer/src/richtext/fieldBinding.ts) writes this layout.
 *
 * Layout: each field is its own TOP-LEVEL Y.XmlText named `richText:<fieldKey>`, for example
 * `doc.get('richText:triggerFactors', Y.XmlText)`. It is the root of @lexical/yjs's (V1) binding,
 * which @lexical/react's CollaborationPlugin binds to through its `rootName` option.
 *
 * Why top-level and not one `richText` Y.Map of per-field types: a Y.Map value is
 * last-writer-wins. Two windows that open a field nobody has written yet would each create a
 * fresh XmlText under the same key before hearing from the other, and one of the two (with
 * whatever was typed into it) would silently vanish when they sync. Top-level types are
 * identified by name alone, so both windows' first edits land in the same type and both are kept.
 *
 * Inside a root, @lexical/yjs writes (as of 0.52.0):
 *   - each block (paragraph, heading, list, list item) as an embedded Y.XmlText whose
 *     attributes hold the node's properties, `__type` first among them ('paragraph', 'list', ...);
 *   - each text node as an embedded Y.Map of its properties (`__type: 'text'`, `__format`, ...)
 *     followed by its characters as plain string content of the parent XmlText;
 *   - a line break as an embedded Y.Map with `__type: 'linebreak'` and no characters;
 *   - decorator nodes as embedded Y.XmlElements (none of our fields use any; they are skipped).
 * A nested list sits inside a list item as another embedded 'list' XmlText.
 */

const PREFIX = PLAN_LAYOUT.richTextPrefix
const FIELD_KEY = /^[A-Za-z0-9_-]{1,64}$/

export function isRichTextFieldKey(fieldKey: string): boolean {
  return FIELD_KEY.test(fieldKey)
}

/** The top-level shared type name of one field. */
export function richTextRootName(fieldKey: string): string {
  if (!isRichTextFieldKey(fieldKey)) throw new Error(`Not a rich-text field key: ${JSON.stringify(fieldKey)}`)
  return PREFIX + fieldKey
}

/** The keys of every rich-text field that has ever been written in this doc. */
export function richTextFieldKeys(doc: Y.Doc): string[] {
  return [...doc.share.keys()].filter((name) => name.startsWith(PREFIX)).map((name) => name.slice(PREFIX.length))
}

export interface RichTextBlock {
  /** 'paragraph', 'bullet' (a bulleted list item), 'number' (a numbered one), or another node type. */
  kind: string
  /** List nesting: 0 for a paragraph or a top-level list item. */
  depth: number
  text: string
}

/**
 * The field's blocks in order, each with its plain text. Reads the doc as it is now; never
 * creates anything: a field that was never written (or a doc without it) gives [].
 */
export function richTextBlocks(doc: Y.Doc, fieldKey: string): RichTextBlock[] {
  const name = richTextRootName(fieldKey)
  if (!doc.share.has(name)) return []
  // Takes the same type the binding uses; turns a not-yet-typed root received from the hub into it.
  const root = doc.get(name, Y.XmlText)
  const blocks: RichTextBlock[] = []
  for (const op of root.toDelta() as { insert: unknown }[]) {
    if (op.insert instanceof Y.XmlText) readBlock(op.insert, 0, null, blocks)
  }
  return blocks
}

/** The field as plain text: one line per paragraph or list item (no bullets), '' if never written. */
export function richTextPlain(doc: Y.Doc, fieldKey: string): string {
  return richTextBlocks(doc, fieldKey)
    .map((block) => block.text)
    .join('\n')
}

function typeOf(element: Y.XmlText): string {
  const type = element.getAttribute('__type')
  return typeof type === 'string' ? type : 'unknown'
}

function readBlock(element: Y.XmlText, depth: number, listType: string | null, out: RichTextBlock[]): void {
  const type = typeOf(element)
  if (type === 'list') {
    const inner = element.getAttribute('__listType')
    const kind = typeof inner === 'string' ? inner : 'bullet'
    for (const op of element.toDelta() as { insert: unknown }[]) {
      if (op.insert instanceof Y.XmlText) readBlock(op.insert, depth, kind, out)
    }
    return
  }
  const kind = type === 'listitem' ? (listType ?? 'bullet') : type
  let text = ''
  let emitted = false
  const flush = () => {
    out.push({ kind, depth, text })
    text = ''
    emitted = true
  }
  for (const op of element.toDelta() as { insert: unknown }[]) {
    const insert = op.insert
    if (typeof insert === 'string') {
      text += insert
    } else if (insert instanceof Y.Map) {
      if (insert.get('__type') === 'linebreak') text += '\n'
    } else if (insert instanceof Y.XmlText) {
      // A nested list inside a list item: the item's own text first, then the nested items.
      if (text !== '') flush()
      emitted = true
      readBlock(insert, typeOf(insert) === 'list' ? depth + 1 : depth, listType, out)
    }
  }
  // An empty paragraph is still a (blank) line; an item holding only a nested list is not.
  if (text !== '' || !emitted) flush()
}

/** Every narrative field's title and plain text, by key: what the history diff compares. */
export type Narrative = Record<string, { title: string; text: string }>

/** Reads every narrative field (About me and the contingency plan) as plain text. */
export function readNarrative(doc: Y.Doc): Narrative {
  return Object.fromEntries(NARRATIVE_FIELDS.map((field) => [field.key, { title: field.title, text: richTextPlain(doc, field.key) }]))
}
