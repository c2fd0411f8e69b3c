import { useId, useState } from 'react'

interface Props {
  label: string
  placeholder: string
  options: readonly { value: string; label: string }[]
  actLabel: string
  /** The button's accessible name: starts with `actLabel`, what is on screen (WCAG 2.5.3). */
  actName: string
  onAct(value: string): void
  onCancel?: () => void
}

/** A list to choose from and a button that acts on the choice (WCAG 3.2.2: choosing alone changes nothing). */
export function ChooseThenAct({ label, placeholder, options, actLabel, actName, onAct, onCancel }: Props) {
  const id = useId()
  const [choice, setChoice] = useState('')
  const [error, setError] = useState<string | null>(null)
  return (
    <span className="rt-inline-control" onKeyDown={(event) => event.key === 'Escape' && onCancel?.()}>
      <label className="nhsuk-u-visually-hidden" htmlFor={id}>
        {label}
      </label>
      <select id={id} className="nhsuk-select rt-select--small" value={choice} autoFocus={onCancel !== undefined} onChange={(event) => setChoice(event.target.value)}>
        <option value="">{placeholder}</option>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      <button
        type="button"
        className="nhsuk-button nhsuk-button--secondary rt-button--tiny"
        aria-label={actName}
        aria-describedby={error ? `${id}-error` : undefined}
        onClick={() => {
          if (!choice) {
            setError(`${placeholder.replace('…', '')} first.`)
            return
          }
          setError(null)
          setChoice('')
          onAct(choice)
        }}
      >
        {actLabel}
      </button>
      {onCancel ? (
        <button type="button" className="rt-link-button" onClick={onCancel}>
          Cancel
        </button>
      ) : null}
      {error ? (
        <span className="nhsuk-error-message rt-inline-error" id={`${id}-error`} role="alert">
          {error}
        </span>
      ) : null}
    </span>
  )
}
