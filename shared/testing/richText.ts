import * as Y from 'yjs'
import { richTextRootName } from '../plan/narrativeText'

// The layout @lexical/yjs 0.52.0 writes, built by hand (renderer/src/richtext/richText.test.ts checks
// the same reader against what the real editor binding writes).

/** A block: an embedded XmlText with its node type, holding text nodes (a properties map, then the characters). */
export function block(type: string, parts: readonly (string | Y.XmlText | 'linebreak')[], attributes: Record<string, string> = {}): Y.XmlText {
  const element = new Y.XmlText()
  const ops: object[] = []
  for (const part of parts) {
    if (part === 'linebreak') ops.push({ insert: new Y.Map(Object.entries({ __type: 'linebreak' })) })
    else if (typeof part === 'string') ops.push({ insert: new Y.Map(Object.entries({ __type: 'text', __format: 0 })) }, { insert: part })
    else ops.push({ insert: part })
  }
  element.applyDelta(ops)
  element.setAttribute('__type', type)
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value)
  return element
}

/** Adds blocks at the end of a field. */
export function writeField(doc: Y.Doc, fieldKey: string, blocks: readonly Y.XmlText[]): void {
  const root = doc.get(richTextRootName(fieldKey), Y.XmlText)
  root.applyDelta([...(root.length > 0 ? [{ retain: root.length }] : []), ...blocks.map((insert) => ({ insert }))])
}

/** Writes plain paragraphs into a narrative field, as a person typing them in the editor would. */
export function writeParagraphs(doc: Y.Doc, fieldKey: string, ...paragraphs: string[]): void {
  writeField(doc, fieldKey, paragraphs.map((text) => block('paragraph', [text])))
}
