import { useEffect, useRef, useState } from 'react'
import { dayParts, readDayParts, type DayParts } from '../../../shared/plan/dateRules'
import { ErrorMessage } from '../ErrorMessage'
import './DateField.css'

interface Props {
  /** The day box's id; the month and year boxes add -month and -year. Errors focus the day box. */
  id: string
  legend: string
  hint?: string
  /** YYYY-MM-DD, '' for no date, or what was typed if it is not a real day (the schema refuses it). */
  value: string
  error: string | null
  /** `partial`: some boxes are filled and some are not, which must not read as "no date". */
  onChange(value: string, partial: boolean): void
  /** Focus left all three boxes (the person panel saves then). */
  onLeave?: () => void
  onEnter?: () => void
}

const BOXES: readonly { part: keyof DayParts; label: string; suffix: string; width: string; maxLength: number }[] = [
  { part: 'day', label: 'Day', suffix: '', width: 'nhsuk-input--width-2', maxLength: 2 },
  { part: 'month', label: 'Month', suffix: '-month', width: 'nhsuk-input--width-2', maxLength: 2 },
  { part: 'year', label: 'Year', suffix: '-year', width: 'nhsuk-input--width-4', maxLength: 4 },
]

/**
 * A date as the NHS design system asks for one: day, month and year in three boxes, in that
 * order whatever the browser's locale (an <input type="date"> shows mm/dd/yyyy in an American
 * browser). A fieldset whose legend names the date; each box is labelled; errors are linked.
 */
export function DateField({ id, legend, hint, value, error, onChange, onLeave, onEnter }: Props) {
  const [parts, setParts] = useState<DayParts>(() => dayParts(value))
  // What these boxes last reported: a different value came from elsewhere (a reset, another person).
  const reported = useRef(value)
  useEffect(() => {
    if (value !== reported.current) {
      reported.current = value
      setParts(dayParts(value))
    }
  }, [value])

  function change(part: keyof DayParts, typed: string): void {
    const next = { ...parts, [part]: typed }
    setParts(next)
    const read = readDayParts(next)
    const nextValue = read.kind === 'day' || read.kind === 'invalid' ? read.value : ''
    reported.current = nextValue
    onChange(nextValue, read.kind === 'partial')
  }

  const describedBy = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined
  return (
    <div className={`nhsuk-form-group rt-form-group--tight${error ? ' nhsuk-form-group--error' : ''}`}>
      <fieldset
        className="rt-fieldset rt-date-field"
        aria-describedby={describedBy}
        onBlur={(event) => {
          if (!event.currentTarget.contains(event.relatedTarget as Node | null)) onLeave?.()
        }}
      >
        <legend className="nhsuk-label">{legend}</legend>
        {hint ? (
          <div className="nhsuk-hint" id={`${id}-hint`}>
            {hint}
          </div>
        ) : null}
        <ErrorMessage id={`${id}-error`} message={error} />
        <div className="rt-date-input">
          {BOXES.map((box) => (
            <div key={box.part} className="rt-date-input__item">
              <label className="nhsuk-label rt-date-input__label" htmlFor={`${id}${box.suffix}`}>
                {box.label}
              </label>
              <input
                className={`nhsuk-input ${box.width}${error ? ' nhsuk-input--error' : ''}`}
                id={`${id}${box.suffix}`}
                inputMode="numeric"
                autoComplete="off"
                maxLength={box.maxLength}
                aria-invalid={error ? true : undefined}
                value={parts[box.part]}
                onChange={(event) => change(box.part, event.target.value)}
                onKeyDown={(event) => event.key === 'Enter' && onEnter?.()}
              />
            </div>
          ))}
        </div>
      </fieldset>
    </div>
  )
}
