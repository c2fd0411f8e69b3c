import type * as Y from 'yjs'
import { readPerson } from '../../../shared/plan/entries'
import { authorshipLine, readNarrativeAuthorship } from '../../../shared/plan/narrativeAuthorship'
import { richTextBlocks } from '../../../shared/plan/narrativeText'

interface Props {
  doc: Y.Doc
  fieldKey: string
  empty?: string
  /** Also say how it was written and who typed it ("Written with Joan. Typed by Sam."), if known. */
  authorship?: boolean
}

/** A narrative field shown read-only (history, My plan): paragraphs and list items as plain text. */
export function NarrativeText({ doc, fieldKey, empty = 'Nothing written yet.', authorship = false }: Props) {
  const blocks = richTextBlocks(doc, fieldKey).filter((block) => block.text.trim() !== '')
  if (blocks.length === 0) return <p className="rt-empty">{empty}</p>
  const person = readPerson(doc)
  const writtenBy = authorship ? authorshipLine(readNarrativeAuthorship(doc, fieldKey), person.preferredName || person.name) : ''
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
      {writtenBy ? <p className="rt-card__meta">{writtenBy}</p> : null}
    </>
  )
}
