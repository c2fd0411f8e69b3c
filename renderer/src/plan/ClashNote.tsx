/**
 * Someone else saved a field while this person was changing it: what they saved, that nothing of
 * this person's has been written over it, and the choices. The message is an alert (said once when
 * it appears); the buttons sit beside it so typing in the box does not make it speak again.
 */
export function ClashNote({ who, theirs, doing, choices }: { who: string; theirs: string; doing: 'typing' | 'editing'; choices: readonly { label: string; choose(): void }[] }) {
  return (
    <div className="rt-clash">
      <p className="rt-clash__message" role="alert">
        {who} {theirs ? `changed this to “${theirs}”` : 'emptied this'} while you were {doing}. Yours is not saved yet: choose which to keep, or change your box (for example, to combine both), then save.
      </p>
      <div className="rt-clash__buttons">
        {choices.map((choice) => (
          <button key={choice.label} type="button" className="nhsuk-button nhsuk-button--secondary rt-button--small" onClick={choice.choose}>
            {choice.label}
          </button>
        ))}
      </div>
    </div>
  )
}
