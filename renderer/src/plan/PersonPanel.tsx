import { useId, useState } from 'react'
import type * as Y from 'yjs'
import { PARTIAL_DATE_MESSAGE } from '../../../shared/plan/dateRules'
import { setPersonField } from '../../../shared/plan/entries'
import type { Person, PersonField } from '../../../shared/plan/fields'
import { formatNhsNumber } from '../../../shared/nhsNumber'
import { ErrorMessage } from '../ErrorMessage'
import { DateField } from './DateField'

const FIELDS: readonly { field: PersonField; label: string; hint?: string; type: 'text' | 'date' | 'textarea' }[] = [
  { field: 'name', label: 'Name', hint: 'Initials are enough on a shared screen.', type: 'text' },
  { field: 'preferredName', label: 'Preferred name (optional)', type: 'text' },
  { field: 'dateOfBirth', label: 'Date of birth (optional)', hint: 'Day, month, year: for example 4 3 1950.', type: 'date' },
  { field: 'nhsNumber', label: 'NHS number (optional)', hint: '10 digits, for example 999 876 5439 (numbers starting 999 are NHS England’s test range, for training).', type: 'text' },
  { field: 'gpPractice', label: 'GP practice (optional)', type: 'text' },
  { field: 'communicationNeeds', label: 'Communication needs (optional)', hint: 'Accessible Information Standard: how to give information, for example large print or a BSL interpreter.', type: 'textarea' },
]

/** The person the plan is about. Each detail is saved when you leave its box; a wrong one stays on screen to fix. */
export function PersonPanel({ person, doc }: { person: Person; doc: Y.Doc }) {
  const headingId = useId()
  return (
    <section className="rt-plan-section rt-plan-section--wide" aria-labelledby={headingId}>
      <h2 className="rt-section__title" id={headingId}>
        About the person
      </h2>
      <div className="rt-person-grid">
        {FIELDS.map((spec) => (
          <PersonInput key={spec.field} spec={spec} stored={person[spec.field]} doc={doc} />
        ))}
      </div>
    </section>
  )
}

function shown(field: PersonField, stored: string): string {
  return field === 'nhsNumber' && stored.length === 10 ? formatNhsNumber(stored) : stored
}

function PersonInput({ spec, stored, doc }: { spec: (typeof FIELDS)[number]; stored: string; doc: Y.Doc }) {
  const id = useId()
  // What is being typed here; null shows what the plan holds (and so other people's changes).
  const [draft, setDraft] = useState<string | null>(null)
  const [error, setError] = useState<string | null>(null)
  // A date box with part of the date missing reads as empty; that must not clear the stored date.
  const [incomplete, setIncomplete] = useState(false)
  const value = draft ?? shown(spec.field, stored)

  function save(): void {
    if (incomplete) {
      setError(PARTIAL_DATE_MESSAGE)
      return
    }
    if (draft === null) return
    const result = setPersonField(doc, spec.field, draft)
    if (result.ok) {
      setDraft(null)
      setError(null)
    } else {
      setError(result.errors[spec.field] ?? 'This could not be saved.')
    }
  }

  if (spec.type === 'date') {
    const onDateChange = (typed: string, partial: boolean) => {
      setDraft(typed)
      setIncomplete(partial)
    }
    return <DateField id={id} legend={spec.label} hint={spec.hint} value={value} error={error} onChange={onDateChange} onLeave={save} onEnter={save} />
  }

  const describedBy = [spec.hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined
  const common = {
    id,
    value,
    'aria-describedby': describedBy,
    'aria-invalid': error ? true : undefined,
    onBlur: save,
  }
  return (
    <div className={`nhsuk-form-group rt-form-group--tight${error ? ' nhsuk-form-group--error' : ''}${spec.type === 'textarea' ? ' rt-person-grid__wide' : ''}`}>
      <label className="nhsuk-label" htmlFor={id}>
        {spec.label}
      </label>
      {spec.hint ? (
        <div className="nhsuk-hint" id={`${id}-hint`}>
          {spec.hint}
        </div>
      ) : null}
      <ErrorMessage id={`${id}-error`} message={error} />
      {spec.type === 'textarea' ? (
        <textarea className={`nhsuk-textarea${error ? ' nhsuk-textarea--error' : ''}`} rows={2} {...common} onChange={(event) => setDraft(event.target.value)} />
      ) : (
        <input
          className={`nhsuk-input${error ? ' nhsuk-input--error' : ''}`}
          type="text"
          {...common}
          onChange={(event) => setDraft(event.target.value)}
          onKeyDown={(event) => event.key === 'Enter' && save()}
        />
      )}
    </div>
  )
}
