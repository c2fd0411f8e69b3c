import { useId } from 'react'
import type { Decision } from '../../../shared/plan'
import { formatDay } from '../../../shared/plan/dates'

/**
 * Decisions made about the person at meetings, newest meeting first. They are written in the
 * huddle, as the room agrees them, and read here; a decision that changes is a new decision at a
 * later meeting, so there is nothing to edit.
 */
export function DecisionsSection({ decisions }: { decisions: readonly Decision[] }) {
  const headingId = useId()
  if (decisions.length === 0) return null
  const newestFirst = [...decisions].reverse()
  return (
    <section className="rt-plan-section" aria-labelledby={headingId}>
      <h2 className="rt-section__title" id={headingId}>
        Decisions from meetings
      </h2>
      <p className="rt-section__hint">Made at MDT huddles; the newest first.</p>
      <ol className="rt-cards" aria-label="Decisions from meetings">
        {newestFirst.map((decision) => (
          <li key={decision.id} className="rt-card">
            <p className="rt-card__text">{decision.text}</p>
            <p className="rt-card__meta">
              {decision.meetingTitle}, {formatDay(decision.meetingDate)} · written by {decision.by}
            </p>
          </li>
        ))}
      </ol>
    </section>
  )
}
