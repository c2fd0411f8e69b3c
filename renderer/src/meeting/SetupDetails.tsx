import { useEffect, useId, useMemo, useRef, useState } from 'react'
import type * as Y from 'yjs'
import { setMeetingDetails } from '../../../shared/meeting/meeting'
import type { MeetingView } from '../../../shared/meeting/read'
import { suggestedStart } from '../../../shared/meeting/setup'
import { ErrorMessage } from '../ErrorMessage'
import { DateField } from '../plan/DateField'
import { focusWhenPresent } from '../plan/useReturnFocus'

type Field = 'date' | 'startTime' | 'place'

interface Props {
  doc: Y.Doc
  meeting: MeetingView
  onMessage(text: string): void
}

/**
 * The meeting's date, start time and place. A meeting with none saved shows a suggestion (today,
 * the next quarter hour) that is written only when the person chooses Save.
 */
export function SetupDetails({ doc, meeting, onMessage }: Props) {
  const id = useId()
  const suggestion = useMemo(() => suggestedStart(new Date()), [])
  const saved = meeting.date !== '' && meeting.startTime !== ''
  const [date, setDate] = useState(meeting.date || suggestion.date)
  const [startTime, setStartTime] = useState(meeting.startTime || suggestion.startTime)
  const [place, setPlace] = useState(meeting.place)
  const [errors, setErrors] = useState<Partial<Record<Field | 'form', string>>>({})

  // Details saved from elsewhere (another window) come into each box this person has not changed;
  // a box they are typing in keeps what they typed.
  const shown = useRef({ date: date, startTime: startTime, place: place })
  useEffect(() => {
    const before = shown.current
    const next = { date: meeting.date || suggestion.date, startTime: meeting.startTime || suggestion.startTime, place: meeting.place }
    setDate((typed) => (typed === before.date ? next.date : typed))
    setStartTime((typed) => (typed === before.startTime ? next.startTime : typed))
    setPlace((typed) => (typed === before.place ? next.place : typed))
    shown.current = next
  }, [meeting.date, meeting.startTime, meeting.place, suggestion])
  const fieldId = (field: Field) => `${id}-${field}`

  function save(event: React.FormEvent): void {
    event.preventDefault()
    const result = setMeetingDetails(doc, { date, startTime, place })
    if (!result.ok) {
      setErrors(result.errors)
      const first = (['date', 'startTime', 'place'] as const).find((field) => result.errors[field])
      if (first) focusWhenPresent(fieldId(first))
      return
    }
    setErrors({})
    onMessage('Date, time and place saved.')
  }

  const describedBy = (field: Field, hint = false) => [hint ? `${fieldId(field)}-hint` : '', errors[field] ? `${fieldId(field)}-error` : ''].filter(Boolean).join(' ') || undefined
  return (
    <section className="rt-setup__section rt-setup__details" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>Date, time and place</h2>
      {saved ? null : <p className="rt-setup__note">Not saved yet: check the suggested date and time, then choose Save.</p>}
      <form onSubmit={save} noValidate>
        <DateField id={fieldId('date')} legend="Date" value={date} error={errors.date ?? null} onChange={(value) => setDate(value)} />
        <div className={`nhsuk-form-group rt-form-group--tight${errors.startTime ? ' nhsuk-form-group--error' : ''}`}>
          <label className="nhsuk-label" htmlFor={fieldId('startTime')}>
            Start time
          </label>
          <div className="nhsuk-hint" id={`${fieldId('startTime')}-hint`}>
            On the 24-hour clock, for example 09:30
          </div>
          <ErrorMessage id={`${fieldId('startTime')}-error`} message={errors.startTime ?? null} />
          <input
            className={`nhsuk-input nhsuk-input--width-5${errors.startTime ? ' nhsuk-input--error' : ''}`}
            id={fieldId('startTime')}
            autoComplete="off"
            inputMode="numeric"
            value={startTime}
            aria-invalid={errors.startTime ? true : undefined}
            aria-describedby={describedBy('startTime', true)}
            onChange={(event) => setStartTime(event.target.value)}
          />
        </div>
        <div className={`nhsuk-form-group rt-form-group--tight${errors.place ? ' nhsuk-form-group--error' : ''}`}>
          <label className="nhsuk-label" htmlFor={fieldId('place')}>
            Place (optional)
          </label>
          <ErrorMessage id={`${fieldId('place')}-error`} message={errors.place ?? null} />
          <input
            className={`nhsuk-input${errors.place ? ' nhsuk-input--error' : ''}`}
            id={fieldId('place')}
            autoComplete="off"
            value={place}
            aria-invalid={errors.place ? true : undefined}
            aria-describedby={describedBy('place')}
            onChange={(event) => setPlace(event.target.value)}
          />
        </div>
        <button type="submit" className="nhsuk-button rt-button--small">
          Save date, time and place
        </button>
      </form>
    </section>
  )
}
