import { useId } from 'react'
import type * as Y from 'yjs'
import type { WebsocketProvider } from 'y-websocket'
import { readPerson } from '../../../shared/plan/entries'
import type { NarrativeField } from '../../../shared/plan/narrative'
import { narrativeAuthorshipTypes, recordNarrativeWriter } from '../../../shared/plan/narrativeAuthorship'
import { PLAN_LAYOUT } from '../../../shared/plan/layout'
import type { PresenceUser } from '../../../shared/presence'
import { RichTextField } from '../richtext/RichTextField'
import { useDocVersion } from '../useBoardSession'
import { NarrativeAuthorshipNote } from './NarrativeAuthorship'

interface Props {
  title: string
  hint: string
  fields: readonly NarrativeField[]
  doc: Y.Doc
  provider: WebsocketProvider
  user: PresenceUser
}

/** Re-read on changes to who wrote what, and to the person's name (for "Written with Joan"). */
const authorshipAndPerson = (doc: Y.Doc) => [...narrativeAuthorshipTypes(doc), doc.getMap(PLAN_LAYOUT.person)]

/**
 * A narrative part of the plan (About me, the contingency plan): one shared rich-text box per
 * question, each with who wrote it (shared/plan/narrativeAuthorship.ts says why per field).
 */
export function NarrativeSection({ title, hint, fields, doc, provider, user }: Props) {
  const headingId = useId()
  useDocVersion(doc, authorshipAndPerson)
  const person = readPerson(doc)
  const personName = person.preferredName || person.name
  return (
    <section className="rt-plan-section rt-plan-section--wide" aria-labelledby={headingId}>
      <h2 className="rt-section__title" id={headingId}>
        {title}
      </h2>
      <p className="rt-section__hint">{hint}</p>
      <div className="rt-narrative-grid">
        {fields.map((field) => (
          // The id lets the template questions take people straight to a field.
          <div key={field.key} id={`narrative-${field.key}`}>
            <RichTextField
              doc={doc}
              provider={provider}
              fieldKey={field.key}
              label={field.title}
              hint={field.hint}
              user={user}
              onLocalEdit={() => recordNarrativeWriter(doc, field.key, user.name, new Date())}
              note={<NarrativeAuthorshipNote doc={doc} fieldKey={field.key} fieldTitle={field.title} personName={personName} writersId={`${headingId}-${field.key}-writers`} />}
              noteDescriptionId={`${headingId}-${field.key}-writers`}
            />
          </div>
        ))}
      </div>
    </section>
  )
}
