import { useEffect, useId, useRef, useState } from 'react'
import type * as Y from 'yjs'
import { fieldOutcome } from '../../../shared/clashes'
import { PARTIAL_DATE_MESSAGE } from '../../../shared/plan/dateRules'
import { formatDay } from '../../../shared/plan/dates'
import type { Person, PersonField } from '../../../shared/plan/fields'
import { savePersonField } from '../../../shared/plan/forms'
import { formatNhsNumber } from '../../../shared/nhsNumber'
import { personFieldEditTarget } from '../../../shared/presence'
import { ErrorMessage } from '../ErrorMessage'
import { ClashNote } from './ClashNote'
import { DateField } from './DateField'
import { EditingNote, usePeopleEditing, usePublishEditing } from './editingPresence'

const FIELDS: readonly { field: PersonField; label: string; hint?: string; type: 'text' | 'date' | 'textarea' }[] = [
  { field: 'name', label: 'Name', hint: 'Initials are enough on a shared screen.', type: 'text' },
  { field: 'preferredName', label: 'Preferred name (optional)', type: 'text' },
  { field: 'dateOfBirth', label: 'Date of birth (optional)', hint: 'Day, month, year: for example 4 3 1950.', type: 'date' },
  { field: 'nhsNumber', label: 'NHS number (optional)', hint: '10 digits, for example 999 876 5439 (numbers starting 999 are NHS England’s test range, for training).', type: 'text' },
  { field: 'gpPractice', label: 'GP practice (optional)', type: 'text' },
  { field: 'communicationNeeds', label: 'Communication needs (optional)', hint: 'Accessible Information Standard: how to give information, for example large print or a BSL interpreter.', type: 'textarea' },
]

/**
 * The person the plan is about. Each detail is saved when you leave its box; a wrong one stays on
 * screen to fix. If someone else saves the same detail while you are typing, you are shown both
 * and choose (shared/clashes.ts); nothing of yours is written over theirs until you do.
 */
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
  // What the plan held when typing began, to tell whether someone else has changed it since.
  const [base, setBase] = useState('')
  const [error, setError] = useState<string | null>(null)
  // A date box with part of the date missing reads as empty; that must not clear the stored date.
  const [incomplete, setIncomplete] = useState(false)
  const value = draft ?? shown(spec.field, stored)
  const clash = draft !== null && fieldOutcome(base, draft, stored) === 'clash'

  const target = personFieldEditTarget(spec.field)
  usePublishEditing(target, draft !== null)
  const others = usePeopleEditing(target)
  // Who else was typing here while this person was: most likely who saved the other value.
  const lastOthers = useRef<string[]>([])
  useEffect(() => {
    if (others.length > 0) lastOthers.current = others.map((person) => person.name)
  }, [others])

  function type(typed: string): void {
    if (draft === null) setBase(stored)
    setDraft(typed)
  }

  function write(typed: string, since: string): void {
    const result = savePersonField(doc, spec.field, typed, since)
    if (result.ok) {
      setDraft(null)
      setError(null)
    } else {
      setError(result.errors[spec.field] ?? 'This could not be saved.')
    }
  }

  function save(): void {
    if (incomplete) {
      setError(PARTIAL_DATE_MESSAGE)
      return
    }
    // A clash is settled only by choosing (below), never by leaving the box.
    if (draft === null || clash) return
    write(draft, base)
  }

  function takeTheirs(): void {
    setDraft(null)
    setError(null)
    setIncomplete(false)
  }

  const words = (text: string) => (spec.type === 'date' && text ? formatDay(text) : shown(spec.field, text))
  const clashNote =
    clash && draft !== null ? (
      <ClashNote
        who={lastOthers.current.length === 1 ? lastOthers.current[0] : 'Someone else'}
        theirs={words(stored)}
        doing="typing"
        choices={[
          { label: stored ? `Use “${words(stored)}”` : 'Leave it empty', choose: takeTheirs },
          { label: draft.trim() ? `Save “${words(draft)}”` : 'Save it empty', choose: () => write(draft, stored) },
        ]}
      />
    ) : null
  const editingNote = <EditingNote people={others} />

  if (spec.type === 'date') {
    const onDateChange = (typed: string, partial: boolean) => {
      type(typed)
      setIncomplete(partial)
    }
    return (
      <div>
        <DateField id={id} legend={spec.label} hint={spec.hint} value={value} error={error} onChange={onDateChange} onLeave={save} onEnter={save} />
        {editingNote}
        {clashNote}
      </div>
    )
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
        <textarea className={`nhsuk-textarea${error ? ' nhsuk-textarea--error' : ''}`} rows={2} {...common} onChange={(event) => type(event.target.value)} />
      ) : (
        <input
          className={`nhsuk-input${error ? ' nhsuk-input--error' : ''}`}
          type="text"
          {...common}
          onChange={(event) => type(event.target.value)}
          onKeyDown={(event) => event.key === 'Enter' && save()}
        />
      )}
      {editingNote}
      {clashNote}
    </div>
  )
}
