import { useEffect, useId, useRef, useState } from 'react'
import { ErrorMessage } from './ErrorMessage'
import { HubError, joinMeetingWithCode, type HubAddress } from './hub'
import { usePageTitle } from './pageTitle'
import { boardHref, navigate } from './route'

/** As many digits as the hub's codes have (electron/hub/invitations.ts CODE_DIGITS). */
const CODE_LENGTH = 6

/**
 * `#/join`: a colleague on the same network types the six-digit code from the meeting's shared
 * screen. It needs no access code (the meeting code is how they get one); the hub's answer, good
 * or bad, is shown in its own words, and a good one opens the meeting's huddle.
 */
export function JoinPage({ onJoined }: { onJoined(hub: HubAddress): void }) {
  const [code, setCode] = useState('')
  const [error, setError] = useState<{ message: string; attempt: number } | null>(null)
  const [joining, setJoining] = useState(false)
  const inputId = useId()
  const errorRef = useRef<HTMLDivElement>(null)
  usePageTitle(['Join a meeting'])

  async function submit(event: React.FormEvent): Promise<void> {
    event.preventDefault()
    // Spaces and dashes are how people copy a code down ("123 456"); the hub wants the digits.
    const digits = code.replace(/[\s-]/g, '')
    if (!new RegExp(`^\\d{${CODE_LENGTH}}$`).test(digits)) {
      showError(`Enter the ${CODE_LENGTH}-digit code shown on the meeting’s shared screen.`)
      return
    }
    setJoining(true)
    try {
      const joined = await joinMeetingWithCode(digits)
      onJoined(joined.hub)
      navigate(boardHref(joined.meetingId, 'huddle'))
    } catch (caught) {
      showError(caught instanceof HubError ? caught.message : 'The meeting could not be joined. Try again.')
    } finally {
      setJoining(false)
    }
  }

  function showError(message: string): void {
    setError((shown) => ({ message, attempt: (shown?.attempt ?? 0) + 1 }))
  }
  // Focus moves to the message once it is on the page, for every failed attempt (the same words again included).
  useEffect(() => {
    if (error) errorRef.current?.querySelector<HTMLElement>('.nhsuk-error-message')?.focus()
  }, [error])

  return (
    <>
      <h1>Join a meeting</h1>
      <p>Type the meeting code shown on the meeting’s shared screen. It opens that meeting and the plans on its agenda.</p>
      <form className="rt-panel" onSubmit={(event) => void submit(event)} noValidate>
        <div className={`nhsuk-form-group${error ? ' nhsuk-form-group--error' : ''}`} ref={errorRef}>
          <label className="nhsuk-label" htmlFor={inputId}>
            Meeting code
          </label>
          <div className="nhsuk-hint" id={`${inputId}-hint`}>
            {CODE_LENGTH} digits, for example 482 913
          </div>
          <ErrorMessage id={`${inputId}-error`} message={error?.message ?? null} />
          <input
            className={`nhsuk-input nhsuk-input--width-10${error ? ' nhsuk-input--error' : ''}`}
            id={inputId}
            autoFocus
            inputMode="numeric"
            autoComplete="one-time-code"
            spellCheck={false}
            aria-invalid={error ? true : undefined}
            value={code}
            aria-describedby={`${inputId}-hint${error ? ` ${inputId}-error` : ''}`}
            onChange={(event) => setCode(event.target.value)}
          />
        </div>
        <button type="submit" className="nhsuk-button" disabled={joining}>
          {joining ? 'Joining…' : 'Join the meeting'}
        </button>
      </form>
    </>
  )
}

/**
 * Home and the tracker, for a tab that joined with a meeting code: its access covers one meeting
 * and its agenda's plans, so say so and point back, instead of the hub's refusal of the list.
 */
export function OneMeetingOnly({ meetingId }: { meetingId: string }) {
  usePageTitle(['One meeting'])
  return (
    <>
      <h1>This link opens one meeting</h1>
      <p>This link opens one meeting and the plans on its agenda, nothing else on this hub.</p>
      <p>
        <a href={boardHref(meetingId, 'huddle')}>Go back to the meeting</a>
      </p>
    </>
  )
}
