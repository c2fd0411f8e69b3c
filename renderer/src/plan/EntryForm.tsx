import { Fragment, useEffect, useId, useRef, useState } from 'react'
import { catchUpEdit, settleClash, type Clash } from '../../../shared/clashes'
import { PARTIAL_DATE_MESSAGE } from '../../../shared/plan/dateRules'
import { formatDay } from '../../../shared/plan/dates'
import type { Checked } from '../../../shared/plan/fields'
import { NEW_OWNER } from '../../../shared/plan/forms'
import { agencyForOwner } from '../../../shared/plan/owners'
import { STILL_THEIR_WORDS_FIELD } from '../../../shared/plan/voice'
import { ErrorMessage } from '../ErrorMessage'
import { ClashNote } from './ClashNote'
import { DateField } from './DateField'
import { VOICE_OPTIONS, type FieldSpec } from './entryFields'
import { useLeaveForm } from './DiscardChanges'

export type FormValues = Record<string, string | boolean>

/** Someone who can own an action, for the "Who will do it" list. */
export interface OwnerOption {
  id: string
  label: string
  organisation: string
}

interface Props {
  fields: readonly FieldSpec[]
  initial: FormValues
  submitLabel: string
  /**
   * Writes the entry; returns the problems to show beside each field, if any. `opened` is what the
   * form started with, so an edit can write only the fields this person changed.
   */
  onSubmit(values: FormValues, opened: FormValues): Checked<string>
  onCancel?: () => void
  owners?: readonly OwnerOption[]
  /** What the entry held when editing began, if that was before this form was drawn (see drafts.tsx). */
  openedWith?: FormValues
  /**
   * Told of every change, so an edit in progress can outlive this form; `opened` moves on as
   * someone else's saves are taken in or a clash is settled.
   */
  onChange?: (values: FormValues, opened: FormValues) => void
  /**
   * For an edit: what the entry holds in the document now, and who most likely changed it. Fields
   * only they changed come into the form; a field both changed is shown with a choice.
   */
  theirs?: { values: FormValues; by: string }
  /**
   * For an edit: the question to ask in place of "Whose words" when it changed words recorded as
   * the person's own (shared/plan/voice.ts decides when), or null; the answer is the form value
   * `stillTheirWords`. Given what the form opened with (which catching up may move) and holds.
   */
  stillTheirWordsQuestion?: (opened: FormValues, values: FormValues) => string | null
}

/**
 * One form for every kind of entry, driven by its field list. What was typed stays on screen until
 * it is saved, so a refused value (an old due date, a too-long paste) never loses the rest.
 */
export function EntryForm({ fields, initial, submitLabel, onSubmit, onCancel, owners = [], openedWith, onChange, theirs, stillTheirWordsQuestion }: Props) {
  const [opened, setOpened] = useState<FormValues>(openedWith ?? initial)
  const [values, setValues] = useState<FormValues>(initial)
  // Someone else's saves while this form is open (see shared/clashes.ts).
  const theirsKey = JSON.stringify(theirs?.values ?? null)
  useEffect(() => {
    if (!theirs) return
    const caughtUp = catchUpEdit(opened, values, theirs.values)
    if (JSON.stringify(caughtUp.base) !== JSON.stringify(opened)) setOpened(caughtUp.base as FormValues)
    if (JSON.stringify(caughtUp.mine) !== JSON.stringify(values)) setValues(caughtUp.mine as FormValues)
    // Only a change in the document calls for catching up; typing does not.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [theirsKey])
  const clashes = theirs ? catchUpEdit(opened, values, theirs.values).clashes : []
  const settle = (clash: Clash, choice: 'theirs' | 'mine') => {
    const settled = settleClash({ base: opened, mine: values }, clash, choice)
    setOpened(settled.base as FormValues)
    setValues(settled.mine as FormValues)
  }
  const [errors, setErrors] = useState<Partial<Record<string, string>>>({})
  // Date boxes with a day, month or year missing: the browser reports them as empty, which must not
  // quietly clear an optional date.
  const [incomplete, setIncomplete] = useState<ReadonlySet<string>>(new Set())
  const formId = useId()
  const form = useRef<HTMLFormElement>(null)
  // Escape and Cancel ask before throwing away anything typed.
  const { leave, question } = useLeaveForm(form, opened, values, incomplete.size > 0, onCancel)

  // The button that opened this form has gone; the keyboard goes to the first field instead.
  useEffect(() => {
    form.current?.querySelector<HTMLElement>('input, textarea, select')?.focus()
  }, [])

  const set = (name: string, value: string | boolean) => setValues((current) => ({ ...current, [name]: value }))

  // Report what is typed (after the first draw, which holds only what the form was given).
  const reported = useRef({ values, opened })
  useEffect(() => {
    if (values === reported.current.values && opened === reported.current.opened) return
    reported.current = { values, opened }
    onChange?.(values, opened)
  }, [values, opened, onChange])
  const markIncomplete = (name: string, isIncomplete: boolean) =>
    setIncomplete((current) => {
      const next = new Set(current)
      if (isIncomplete) next.add(name)
      else next.delete(name)
      return next
    })

  function submit(event: React.FormEvent): void {
    event.preventDefault()
    if (clashes.length > 0) {
      // Nothing is saved over someone else's change until this person has chosen.
      form.current?.querySelector<HTMLElement>('.rt-clash button')?.focus()
      return
    }
    const partDates = fields.filter((field) => incomplete.has(field.name))
    if (partDates.length > 0) {
      setErrors(Object.fromEntries(partDates.map((field) => [field.name, PARTIAL_DATE_MESSAGE])))
      document.getElementById(`${formId}-${partDates[0].name}`)?.focus()
      return
    }
    const result = onSubmit(values, opened)
    if (result.ok) {
      setErrors({})
      setValues(initial)
      return
    }
    setErrors(result.errors)
    // Take keyboard and screen-reader users to the first problem.
    const first = [...fields.map((field) => field.name), STILL_THEIR_WORDS_FIELD, ...NEW_OWNER_FIELDS.map(([name]) => name)].find((name) => result.errors[name])
    if (first) document.getElementById(`${formId}-${first}`)?.focus()
    else form.current?.querySelector<HTMLElement>('.nhsuk-error-message')?.focus()
  }

  return (
    <form ref={form} className="rt-entry-form" onSubmit={submit} noValidate onKeyDown={(event) => event.key === 'Escape' && leave()}>
      <ErrorMessage id={`${formId}-form-error`} message={formLevelError(errors, fields)} />
      {fields.map((field) => {
        const clash = clashes.find((candidate) => candidate.field === field.name)
        return (
          <Fragment key={field.name}>
            <Field
              id={`${formId}-${field.name}`}
              field={field}
              values={values}
              error={errors[field.name] ?? null}
              errors={errors}
              set={set}
              markIncomplete={markIncomplete}
              owners={owners}
              stillTheirWordsQuestion={stillTheirWordsQuestion?.(opened, values) ?? null}
            />
            {clash && theirs ? (
              <ClashNote
                who={theirs.by}
                theirs={answerWords(field, clash.theirs, owners)}
                doing="editing"
                choices={[
                  { label: 'Use theirs', choose: () => settle(clash, 'theirs') },
                  { label: 'Keep what you typed', choose: () => settle(clash, 'mine') },
                ]}
              />
            ) : null}
          </Fragment>
        )
      })}
      <div className="rt-actions">
        <button type="submit" className="nhsuk-button rt-button--small">
          {submitLabel}
        </button>
        {onCancel ? (
          <button type="button" className="nhsuk-button nhsuk-button--secondary rt-button--small" onClick={leave}>
            Cancel
          </button>
        ) : null}
      </div>
      {question}
    </form>
  )
}

interface FieldProps {
  id: string
  field: FieldSpec
  values: FormValues
  error: string | null
  errors: Partial<Record<string, string>>
  set(name: string, value: string | boolean): void
  markIncomplete(name: string, isIncomplete: boolean): void
  owners: readonly OwnerOption[]
  stillTheirWordsQuestion: string | null
}

function Field({ id, field, values, error, errors, set, markIncomplete, owners, stillTheirWordsQuestion }: FieldProps) {
  const value = values[field.name]
  const describedBy = [field.hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined
  const groupClass = `nhsuk-form-group rt-form-group--tight${error ? ' nhsuk-form-group--error' : ''}`
  const control = field.control

  if (control.kind === 'checkbox') {
    return (
      <div className={groupClass}>
        <label className="rt-checkbox">
          <input type="checkbox" id={id} checked={value === true} onChange={(event) => set(field.name, event.target.checked)} />
          {field.label}
        </label>
      </div>
    )
  }

  if (control.kind === 'voice' && stillTheirWordsQuestion) {
    const questionId = id.replace(/-voice$/, `-${STILL_THEIR_WORDS_FIELD}`)
    return <StillTheirWords id={questionId} question={stillTheirWordsQuestion} value={values[STILL_THEIR_WORDS_FIELD]} error={errors[STILL_THEIR_WORDS_FIELD] ?? null} set={set} />
  }

  if (control.kind === 'voice') {
    return (
      <fieldset className={`${groupClass} rt-fieldset`} aria-describedby={describedBy}>
        <legend className="nhsuk-label">{field.label}</legend>
        <ErrorMessage id={`${id}-error`} message={error} />
        <div className="rt-radios">
          {VOICE_OPTIONS.map((option, index) => (
            <label key={option.value} className="rt-radio">
              <input
                type="radio"
                id={index === 0 ? id : undefined}
                name={`${id}-voice`}
                value={option.value}
                checked={value === option.value}
                onChange={() => set(field.name, option.value)}
              />
              {option.label}
            </label>
          ))}
        </div>
      </fieldset>
    )
  }

  if (control.kind === 'date') {
    const onDateChange = (typed: string, partial: boolean) => {
      set(field.name, typed)
      markIncomplete(field.name, partial)
    }
    return <DateField id={id} legend={field.label} hint={field.hint} value={String(value ?? '')} error={error} onChange={onDateChange} />
  }

  let input: React.ReactNode
  const common = { id, 'aria-describedby': describedBy, 'aria-invalid': error ? true : undefined }
  if (control.kind === 'textarea') {
    input = <textarea className={`nhsuk-textarea${error ? ' nhsuk-textarea--error' : ''}`} rows={2} {...common} value={String(value ?? '')} onChange={(event) => set(field.name, event.target.value)} />
  } else if (control.kind === 'select' || control.kind === 'owner') {
    const options =
      control.kind === 'select'
        ? control.options
        : [{ value: '', label: 'Choose someone' }, ...owners.map((owner) => ({ value: owner.id, label: owner.label })), { value: NEW_OWNER, label: 'Someone new…' }]
    input = (
      <select
        className={`nhsuk-select${error ? ' nhsuk-select--error' : ''}`}
        {...common}
        value={String(value ?? '')}
        onChange={(event) => {
          set(field.name, event.target.value)
          const owner = owners.find((candidate) => candidate.id === event.target.value)
          if (control.kind === 'owner' && owner) set('agency', agencyForOwner(String(values.agency ?? ''), owner.organisation))
        }}
      >
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    )
  } else {
    input = (
      <input
        className={`nhsuk-input${error ? ' nhsuk-input--error' : ''}`}
        type="text"
        {...common}
        value={String(value ?? '')}
        onChange={(event) => set(field.name, event.target.value)}
      />
    )
  }

  return (
    <div className={groupClass}>
      <label className="nhsuk-label" htmlFor={id}>
        {field.label}
      </label>
      {field.hint ? (
        <div className="nhsuk-hint" id={`${id}-hint`}>
          {field.hint}
        </div>
      ) : null}
      <ErrorMessage id={`${id}-error`} message={error} />
      {input}
      {control.kind === 'owner' && value === NEW_OWNER ? <NewOwnerFields id={id.replace(/-ownerId$/, '')} values={values} errors={errors} set={set} /> : null}
    </div>
  )
}

/** A field's value as the person sees it on screen: a choice's words, not its code. */
function answerWords(field: FieldSpec, value: string | boolean | undefined, owners: readonly OwnerOption[]): string {
  const control = field.control
  if (typeof value === 'boolean' || control.kind === 'checkbox') return value === true ? 'ticked' : 'not ticked'
  const text = value ?? ''
  if (control.kind === 'select') return control.options.find((option) => option.value === text)?.label ?? text
  if (control.kind === 'voice') return VOICE_OPTIONS.find((option) => option.value === text)?.label ?? text
  if (control.kind === 'owner') return owners.find((owner) => owner.id === text)?.label ?? text
  if (control.kind === 'date') return text ? formatDay(text) : ''
  return text
}

const NEW_OWNER_FIELDS = [
  ['newOwnerName', 'Their name'],
  ['newOwnerRole', 'Their role'],
  ['newOwnerOrganisation', 'Their organisation'],
] as const

const STILL_THEIR_WORDS_OPTIONS = [
  { value: 'yes', label: 'Yes, still their own words' },
  { value: 'no', label: 'No, it is a professional’s note now' },
] as const

/** Asked when words recorded as the person's own were changed; nothing is chosen until someone answers. */
function StillTheirWords({ id, question, value, error, set }: { id: string; question: string; value: FormValues[string] | undefined; error: string | null; set(name: string, value: string): void }) {
  const hintId = `${id}-hint`
  return (
    <fieldset className={`nhsuk-form-group rt-form-group--tight rt-fieldset${error ? ' nhsuk-form-group--error' : ''}`} aria-describedby={[hintId, error ? `${id}-error` : ''].filter(Boolean).join(' ')}>
      <legend className="nhsuk-label">{question}</legend>
      <div className="nhsuk-hint" id={hintId}>
        You changed the words. Say whether they are still theirs.
      </div>
      <ErrorMessage id={`${id}-error`} message={error} />
      <div className="rt-radios">
        {STILL_THEIR_WORDS_OPTIONS.map((option, index) => (
          <label key={option.value} className="rt-radio">
            <input type="radio" id={index === 0 ? id : undefined} name={id} value={option.value} checked={value === option.value} onChange={() => set(STILL_THEIR_WORDS_FIELD, option.value)} />
            {option.label}
          </label>
        ))}
      </div>
    </fieldset>
  )
}

/** Problems that belong to no field on screen (say, the goal was deleted meanwhile), shown at the top. */
function formLevelError(errors: Partial<Record<string, string>>, fields: readonly FieldSpec[]): string | null {
  const shown = new Set<string>([...fields.map((field) => field.name), STILL_THEIR_WORDS_FIELD, ...NEW_OWNER_FIELDS.map(([name]) => name)])
  const other = Object.entries(errors).filter(([name, message]) => message && !shown.has(name))
  return other.length > 0 ? other.map(([, message]) => message).join(' ') : null
}

/** Adds someone to the care team from inside the action form. */
function NewOwnerFields({ id, values, errors, set }: { id: string; values: FormValues; errors: Partial<Record<string, string>>; set(name: string, value: string): void }) {
  return (
    <fieldset className="rt-fieldset rt-new-owner">
      <legend className="nhsuk-label nhsuk-label--s">Add someone new to the care team</legend>
      {NEW_OWNER_FIELDS.map(([name, label]) => {
        const error = errors[name] ?? null
        const inputId = `${id}-${name}`
        return (
          <div key={name} className={`nhsuk-form-group rt-form-group--tight${error ? ' nhsuk-form-group--error' : ''}`}>
            <label className="nhsuk-label" htmlFor={inputId}>
              {label}
            </label>
            <ErrorMessage id={`${inputId}-error`} message={error} />
            <input
              className={`nhsuk-input${error ? ' nhsuk-input--error' : ''}`}
              id={inputId}
              aria-invalid={error ? true : undefined}
              aria-describedby={error ? `${inputId}-error` : undefined}
              value={String(values[name] ?? '')}
              onChange={(event) => set(name, event.target.value)}
            />
          </div>
        )
      })}
    </fieldset>
  )
}
