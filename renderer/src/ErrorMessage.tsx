/** An inline error in the NHS pattern; renders nothing when there is no message. */
export function ErrorMessage({ id, message }: { id: string; message: string | null }) {
  if (!message) return null
  return (
    <p className="nhsuk-error-message" id={id} tabIndex={-1}>
      <span className="nhsuk-u-visually-hidden">Error:</span> {message}
    </p>
  )
}
