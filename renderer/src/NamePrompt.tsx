import { useId, useState } from 'react'
import { validateDisplayName } from '../../shared/presence'
import { ErrorMessage } from './ErrorMessage'

interface Props {
  currentName: string
  onSave(name: string): void
  /** Present when there is already a name to go back to. */
  onCancel?: () => void
}

/** Asked once per device: the name and colour others see beside your changes and in "Here now". */
export function NamePrompt({ currentName, onSave, onCancel }: Props) {
  const [name, setName] = useState(currentName)
  const [error, setError] = useState<string | null>(null)
  const inputId = useId()

  function submit(event: React.FormEvent): void {
    event.preventDefault()
    const problem = validateDisplayName(name)
    setError(problem)
    if (!problem) onSave(name)
  }

  return (
    <form onSubmit={submit} noValidate>
      <h1>What should others call you?</h1>
      <div className={`nhsuk-form-group${error ? ' nhsuk-form-group--error' : ''}`}>
        <label className="nhsuk-label" htmlFor={inputId}>
          Your name
        </label>
        <div className="nhsuk-hint" id={`${inputId}-hint`}>
          Shown to everyone on the same board, for example “Sam, district nurse”. This device remembers it.
        </div>
        <ErrorMessage id={`${inputId}-error`} message={error} />
        <input
          className={`nhsuk-input nhsuk-u-width-two-thirds${error ? ' nhsuk-input--error' : ''}`}
          id={inputId}
          name="displayName"
          autoComplete="name"
          value={name}
          aria-describedby={`${inputId}-hint${error ? ` ${inputId}-error` : ''}`}
          onChange={(event) => setName(event.target.value)}
        />
      </div>
      <div className="rt-actions">
        <button type="submit" className="nhsuk-button">
          Continue
        </button>
        {onCancel ? (
          <button type="button" className="nhsuk-button nhsuk-button--secondary" onClick={onCancel}>
            Cancel
          </button>
        ) : null}
      </div>
    </form>
  )
}
