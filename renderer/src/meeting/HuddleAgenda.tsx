import type * as Y from 'yjs'
import { formatClock } from '../../../shared/meeting/clock'
import { CASE_PROGRESS_WORDS, caseProgress, huddleProgress, type CaseProgress } from '../../../shared/meeting/huddleProgress'
import { shownName } from '../../../shared/meeting/privacy'
import type { MeetingView } from '../../../shared/meeting/read'
import { useLiveMeeting } from './CaseClock'

interface Props {
  doc: Y.Doc
  meeting: MeetingView
  /** The case this screen shows (followed or chosen). */
  shownId: string | null
  onView(itemId: string): void
}

const MARKS: Record<CaseProgress, string> = { done: '✓', current: '▶', waiting: '·', 'not-reached': '–' }

const endTime = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit' })

/**
 * The people on the agenda beside the case: which are done, which is on now, time spent on each,
 * and when the huddle should end. Choosing a person shows their case on this screen only.
 */
export function HuddleAgenda({ doc, meeting, shownId, onView }: Props) {
  const { live, now } = useLiveMeeting(doc, meeting)
  const progress = huddleProgress(live, now)
  return (
    <section className="rt-huddle-agenda" aria-labelledby="huddle-agenda-heading">
      <h2 id="huddle-agenda-heading" className="rt-huddle-agenda__heading">
        Agenda
      </h2>
      {live.agenda.length === 0 ? (
        <p className="rt-huddle-agenda__empty">Nobody is on the agenda yet. Add people in Agenda and people.</p>
      ) : (
        <ol className="rt-huddle-agenda__list">
          {live.agenda.map((item) => {
            const state = caseProgress(item)
            const name = shownName(item.label, live.initialsOnly)
            const spent = state === 'waiting' && item.spentMs === 0 ? '—' : formatClock(item.spentMs)
            return (
              <li key={item.id} className={`rt-huddle-agenda__item rt-huddle-agenda__item--${state}`}>
                <button
                  type="button"
                  className="rt-huddle-agenda__case"
                  // Said as "R.W., now, 4:12": the marks are for the eye.
                  aria-label={`${name}, ${CASE_PROGRESS_WORDS[state].toLowerCase()}, ${spent === '—' ? 'no time yet' : spent}`}
                  aria-pressed={item.id === shownId}
                  aria-current={state === 'current' ? 'step' : undefined}
                  onClick={() => onView(item.id)}
                >
                  <span className="rt-huddle-agenda__mark" aria-hidden="true">
                    {MARKS[state]}
                  </span>
                  <span className="rt-huddle-agenda__name">{name}</span>
                  <span className="rt-huddle-agenda__spent">{spent}</span>
                </button>
              </li>
            )
          })}
        </ol>
      )}
      <p className="rt-huddle-agenda__summary">
        <strong>{progress.doneLine}</strong>
        {progress.expectedEnd !== null ? <span>Ends about {endTime.format(progress.expectedEnd)}</span> : null}
      </p>
    </section>
  )
}
