import { useEffect, useId, useRef, useState } from 'react'
import { formHasChanges, type FormFieldValues } from '../../../shared/formChanges'

const FIELDS = 'input, textarea, select'

/**
 * Leaving a form (Escape or Cancel): at once when nothing was changed; otherwise the form stays as
 * typed and asks first, so a stray Escape never throws words away. `partlyTyped`: a box holds typing
 * its value does not show yet (part of a date). `leave` is for Escape and Cancel; `question` is drawn
 * in the form while it asks.
 */
export function useLeaveForm(
  form: React.RefObject<HTMLFormElement | null>,
  opened: FormFieldValues,
  values: FormFieldValues,
  partlyTyped: boolean,
  onCancel?: () => void,
) {
  const [asking, setAsking] = useState(false)
  const returnTo = useRef<HTMLElement | null>(null)

  function leave(): void {
    if (!onCancel) return
    if (!partlyTyped && !formHasChanges(opened, values)) return onCancel()
    const focused = document.activeElement
    returnTo.current = focused instanceof HTMLElement && focused.matches(FIELDS) && form.current?.contains(focused) ? focused : null
    setAsking(true)
  }

  function keepEditing(): void {
    setAsking(false)
    const field = returnTo.current?.isConnected ? returnTo.current : form.current?.querySelector<HTMLElement>(FIELDS)
    field?.focus()
  }

  const question = asking && onCancel ? <DiscardChanges onKeep={keepEditing} onDiscard={onCancel} /> : null
  return { leave, question }
}

/**
 * An inline alert dialog rather than the browser's confirm box: it is read out when it appears,
 * takes the keyboard to the safe choice, and Escape again means keep editing.
 */
function DiscardChanges({ onKeep, onDiscard }: { onKeep(): void; onDiscard(): void }) {
  const keep = useRef<HTMLButtonElement>(null)
  const id = useId()
  useEffect(() => keep.current?.focus(), [])

  return (
    <div
      role="alertdialog"
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-text`}
      className="rt-changed"
      onKeyDown={(event) => {
        if (event.key !== 'Escape') return
        // Not on to the form, which would ask again.
        event.stopPropagation()
        onKeep()
      }}
    >
      <p>
        <strong id={`${id}-title`}>Discard your changes?</strong> <span id={`${id}-text`}>What you typed in this form has not been saved.</span>
      </p>
      <div className="rt-actions">
        <button type="button" ref={keep} className="nhsuk-button nhsuk-button--secondary rt-button--small" onClick={onKeep}>
          Keep editing
        </button>
        <button type="button" className="nhsuk-button nhsuk-button--warning rt-button--small" onClick={onDiscard}>
          Discard changes
        </button>
      </div>
    </div>
  )
}
