import { useId } from 'react'
import type * as Y from 'yjs'
import { NARRATIVE_WORDINGS, readNarrativeAuthorship, setNarrativeWording, wordingFromChoice, wordingLabel, writersLine } from '../../../shared/plan/narrativeAuthorship'

interface Props {
  doc: Y.Doc
  fieldKey: string
  fieldTitle: string
  /** The name the person goes by, for "Written with Joan"; empty gives "the person". */
  personName: string
  /** Given to the "Typed by" line, so the text box can be described by it. */
  writersId: string
}

/**
 * Beside a narrative field: how it was written, a choice anyone can make or change (nothing is
 * chosen for them), and who has typed in it, which the app records as they type. The caller
 * re-renders on changes to the doc's authorship types (narrativeAuthorshipTypes).
 */
export function NarrativeAuthorshipNote({ doc, fieldKey, fieldTitle, personName, writersId }: Props) {
  const id = useId()
  const authorship = readNarrativeAuthorship(doc, fieldKey)
  const writers = writersLine(authorship)
  return (
    <div className="rt-authorship">
      <label className="rt-authorship__label" htmlFor={id}>
        How this was written<span className="nhsuk-u-visually-hidden"> for {fieldTitle}</span>
      </label>
      <select
        id={id}
        className="nhsuk-select rt-authorship__select"
        value={authorship.wording ?? ''}
        onChange={(event) => setNarrativeWording(doc, fieldKey, wordingFromChoice(event.target.value))}
      >
        <option value="">Not said yet</option>
        {NARRATIVE_WORDINGS.map((wording) => (
          <option key={wording} value={wording}>
            {wordingLabel(wording, personName)}
          </option>
        ))}
      </select>
      {/* Always there (empty until someone types), so the text box's description never points at nothing. */}
      <p id={writersId} className="rt-authorship__writers">
        {writers}
      </p>
    </div>
  )
}
