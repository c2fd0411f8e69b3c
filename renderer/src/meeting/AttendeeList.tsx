import { useId, useState } from 'react'
import type * as Y from 'yjs'
import { ATTENDANCE, ATTENDANCE_WORDS, type AttendeeInput } from '../../../shared/meeting/fields'
import { addAttendee, removeAttendee, setAttendance, setMeetingRole, type MeetingRole } from '../../../shared/meeting/meeting'
import type { Attendee, MeetingView } from '../../../shared/meeting/read'
import { ErrorMessage } from '../ErrorMessage'
import { focusWhenPresent } from '../plan/useReturnFocus'

interface Props {
  doc: Y.Doc
  meeting: MeetingView
  onMessage(text: string): void
}

/** Who is at the meeting: each attendee's attendance in one click, the facilitator and scribe, and a form to add more. */
export function AttendeeList({ doc, meeting, onMessage }: Props) {
  const id = useId()
  const [error, setError] = useState<string | null>(null)

  function remove(attendee: Attendee): void {
    removeAttendee(doc, attendee.id)
    onMessage(`${attendee.name} removed from the attendees. Press Control and Z to put them back.`)
    focusWhenPresent(`${id}-heading`)
  }

  function mark(attendee: Attendee, attendance: (typeof ATTENDANCE)[number]): void {
    const result = setAttendance(doc, attendee.id, attendance)
    setError(result.ok ? null : (result.errors.form ?? null))
  }

  return (
    <section className="rt-setup__section rt-setup__attendees" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`} tabIndex={-1}>
        Attendees
      </h2>
      <ErrorMessage id={`${id}-error`} message={error} />
      {meeting.attendees.length === 0 ? (
        <p className="rt-empty">No attendees yet. Add the people coming to the meeting, then mark who is here.</p>
      ) : (
        <ul className="rt-attendees" aria-labelledby={`${id}-heading`}>
          {meeting.attendees.map((attendee) => (
            <li key={attendee.id} className="rt-attendees__item">
              <div className="rt-attendees__who">
                <p className="rt-attendees__name">{attendee.name}</p>
                <p className="rt-attendees__role">
                  {attendee.role}, {attendee.organisation}
                </p>
              </div>
              <fieldset className="rt-fieldset rt-attendees__attendance">
                <legend className="nhsuk-u-visually-hidden">Attendance of {attendee.name}</legend>
                <div className="nhsuk-radios nhsuk-radios--small nhsuk-radios--inline">
                  {ATTENDANCE.map((attendance) => (
                    <div key={attendance} className="nhsuk-radios__item">
                      <input
                        className="nhsuk-radios__input"
                        type="radio"
                        id={`${id}-${attendee.id}-${attendance}`}
                        name={`${id}-${attendee.id}-attendance`}
                        checked={attendee.attendance === attendance}
                        onChange={() => mark(attendee, attendance)}
                      />
                      <label className="nhsuk-label nhsuk-radios__label" htmlFor={`${id}-${attendee.id}-${attendance}`}>
                        {ATTENDANCE_WORDS[attendance]}
                      </label>
                    </div>
                  ))}
                </div>
              </fieldset>
              <button type="button" className="rt-link-button rt-link-button--danger rt-attendees__remove" onClick={() => remove(attendee)}>
                Remove<span className="nhsuk-u-visually-hidden"> {attendee.name} from the attendees</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      {meeting.attendees.length > 0 ? (
        <div className="rt-setup__roles">
          <RoleSelect doc={doc} meeting={meeting} role="facilitator" label="Facilitator" onMessage={onMessage} />
          <RoleSelect doc={doc} meeting={meeting} role="scribe" label="Scribe" onMessage={onMessage} />
        </div>
      ) : null}
      <AddAttendeeForm doc={doc} onMessage={onMessage} />
    </section>
  )
}

function RoleSelect({ doc, meeting, role, label, onMessage }: Props & { role: MeetingRole; label: string }) {
  const id = useId()
  const [error, setError] = useState<string | null>(null)
  const chosen = role === 'facilitator' ? meeting.facilitatorId : meeting.scribeId

  function choose(attendeeId: string): void {
    const result = setMeetingRole(doc, role, attendeeId || null)
    if (!result.ok) {
      setError(result.errors[role] ?? result.errors.form ?? null)
      return
    }
    setError(null)
    const name = meeting.attendees.find((attendee) => attendee.id === attendeeId)?.name
    onMessage(name ? `${name} is the ${role}.` : `No ${role} chosen.`)
  }

  return (
    <div className={`nhsuk-form-group rt-form-group--tight${error ? ' nhsuk-form-group--error' : ''}`}>
      <label className="nhsuk-label" htmlFor={id}>
        {label}
      </label>
      <ErrorMessage id={`${id}-error`} message={error} />
      <select className="nhsuk-select rt-setup__select" id={id} value={chosen ?? ''} aria-describedby={error ? `${id}-error` : undefined} onChange={(event) => choose(event.target.value)}>
        <option value="">Not chosen yet</option>
        {meeting.attendees.map((attendee) => (
          <option key={attendee.id} value={attendee.id}>
            {attendee.name}
          </option>
        ))}
      </select>
    </div>
  )
}

const EMPTY: AttendeeInput = { name: '', role: '', organisation: '' }
const FIELDS: { field: keyof AttendeeInput; label: string; autoComplete: string }[] = [
  { field: 'name', label: 'Name', autoComplete: 'off' },
  { field: 'role', label: 'Role', autoComplete: 'off' },
  { field: 'organisation', label: 'Organisation', autoComplete: 'off' },
]

function AddAttendeeForm({ doc, onMessage }: { doc: Y.Doc; onMessage(text: string): void }) {
  const id = useId()
  const [input, setInput] = useState<AttendeeInput>(EMPTY)
  const [errors, setErrors] = useState<Partial<Record<string, string>>>({})

  function add(event: React.FormEvent): void {
    event.preventDefault()
    const result = addAttendee(doc, input)
    if (!result.ok) {
      setErrors(result.errors)
      const first = FIELDS.find(({ field }) => result.errors[field])
      focusWhenPresent(first ? `${id}-${first.field}` : `${id}-form-error`)
      return
    }
    onMessage(`${input.name.trim()} added to the attendees.`)
    setErrors({})
    setInput(EMPTY)
    focusWhenPresent(`${id}-name`)
  }

  return (
    <form className="rt-setup__add" onSubmit={add} noValidate aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`}>Add an attendee</h3>
      <ErrorMessage id={`${id}-form-error`} message={errors.form ?? null} />
      {FIELDS.map(({ field, label, autoComplete }) => (
        <div key={field} className={`nhsuk-form-group rt-form-group--tight${errors[field] ? ' nhsuk-form-group--error' : ''}`}>
          <label className="nhsuk-label" htmlFor={`${id}-${field}`}>
            {label}
          </label>
          <ErrorMessage id={`${id}-${field}-error`} message={errors[field] ?? null} />
          <input
            className={`nhsuk-input${errors[field] ? ' nhsuk-input--error' : ''}`}
            id={`${id}-${field}`}
            autoComplete={autoComplete}
            value={input[field]}
            aria-invalid={errors[field] ? true : undefined}
            aria-describedby={errors[field] ? `${id}-${field}-error` : undefined}
            onChange={(event) => setInput({ ...input, [field]: event.target.value })}
          />
        </div>
      ))}
      <button type="submit" className="nhsuk-button nhsuk-button--secondary rt-button--small">
        Add attendee
      </button>
    </form>
  )
}
