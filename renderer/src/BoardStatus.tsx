import type { ConnectionStatus } from '../../shared/connection'
import { useParticipants, type BoardSession } from './useBoardSession'

/** Whether this board's changes are saved, and who else has it open: shown on every kind of board. */

export function ConnectionBanner({ status }: { status: ConnectionStatus }) {
  return (
    <p className={`rt-connection rt-connection--${status.state}`} role="status" aria-live="polite">
      <span className="rt-connection__dot" aria-hidden="true" />
      {status.label}
    </p>
  )
}

export function Presence({ provider }: { provider: BoardSession['provider'] }) {
  const people = useParticipants(provider)
  return (
    <section className="rt-presence" aria-label="Here now">
      <h2 className="rt-presence__heading">Here now ({people.length})</h2>
      <ul className="rt-presence__list">
        {people.map((person) => (
          <li key={person.clientId} className="rt-presence__person">
            <span className="rt-presence__dot" style={{ backgroundColor: person.colour }} aria-hidden="true" />
            {person.name}
            {person.isMe ? ' (you)' : ''}
          </li>
        ))}
      </ul>
    </section>
  )
}
