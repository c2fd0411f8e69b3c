import { useId } from 'react'
import type * as Y from 'yjs'
import type { WebsocketProvider } from 'y-websocket'
import type { NarrativeField } from '../../../shared/plan/narrative'
import type { PresenceUser } from '../../../shared/presence'
import { RichTextField } from '../richtext/RichTextField'

interface Props {
  title: string
  hint: string
  fields: readonly NarrativeField[]
  doc: Y.Doc
  provider: WebsocketProvider
  user: PresenceUser
}

/** A narrative part of the plan (About me, the contingency plan): one shared rich-text box per question. */
export function NarrativeSection({ title, hint, fields, doc, provider, user }: Props) {
  const headingId = useId()
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
            <RichTextField doc={doc} provider={provider} fieldKey={field.key} label={field.title} hint={field.hint} user={user} />
          </div>
        ))}
      </div>
    </section>
  )
}
