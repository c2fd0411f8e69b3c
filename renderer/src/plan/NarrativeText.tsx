import type * as Y from 'yjs'
import { richTextBlocks } from '../richtext/richTextPlain'

/** A narrative field shown read-only (history, My plan): paragraphs and list items as plain text. */
export function NarrativeText({ doc, fieldKey, empty = 'Nothing written yet.' }: { doc: Y.Doc; fieldKey: string; empty?: string }) {
  const blocks = richTextBlocks(doc, fieldKey).filter((block) => block.text.trim() !== '')
  if (blocks.length === 0) return <p className="rt-empty">{empty}</p>
  const items = blocks.filter((block) => block.kind === 'bullet' || block.kind === 'number')
  const paragraphs = blocks.filter((block) => block.kind !== 'bullet' && block.kind !== 'number')
  return (
    <>
      {paragraphs.map((block, index) => (
        <p key={`p${index}`} className="rt-narrative-text">
          {block.text}
        </p>
      ))}
      {items.length > 0 ? (
        <ul>
          {items.map((block, index) => (
            <li key={`i${index}`}>{block.text}</li>
          ))}
        </ul>
      ) : null}
    </>
  )
}
