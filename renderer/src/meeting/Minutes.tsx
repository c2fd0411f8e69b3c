import { useEffect, useId, useMemo, useState } from 'react'
import type { BoardSummary } from '../../../shared/api'
import { boardsForHome } from '../../../shared/api'
import { formatClock } from '../../../shared/meeting/clock'
import { ATTENDANCE_WORDS, CASE_STATE_WORDS } from '../../../shared/meeting/fields'
import { ATTENDANCE_ORDER, attendeesBy, caseLabel, casesToRollOver, minutesForCase } from '../../../shared/meeting/minutes'
import { timeAccount, type AgendaCase, type Attendee, type MeetingView } from '../../../shared/meeting/read'
import { formatDay, localDay } from '../../../shared/plan/dates'
import { STATUS_WORDS } from '../../../shared/plan/fields'
import type { PresenceUser } from '../../../shared/presence'
import { fetchDocuments, HubError, type HubAddress } from '../hub'
import { usePageMargins } from '../printPages'
import { boardHref } from '../route'
import { useBoardSession, useDocVersion, type BoardSession } from '../useBoardSession'
import { RollOverPanel } from './RollOverPanel'
import type { MeetingScreenProps } from './screenProps'
import './minutes.scss'

/** The boards this hub lists, for naming the meeting a case went to; null while loading or when this access cannot list them. */
type Boards = BoardSummary[] | null

/**
 * The minutes: read-only, and printable as they stand (the print styles hide the app around them
 * and every button). Who came; per person on the agenda what this meeting decided and agreed, read
 * from their plan; time per case against its budget; and where unreached cases went. Once the
 * meeting has ended, the cases it did not reach can be rolled over to the next meeting from here.
 */
export function Minutes({ hub, session, docId, title, meeting, user, onMessage }: MeetingScreenProps) {
  const [boards, setBoards] = useState<Boards>(null)
  const [listRefused, setListRefused] = useState(false)
  useEffect(() => {
    const controller = new AbortController()
    fetchDocuments(hub, controller.signal)
      .then((documents) => setBoards(boardsForHome(documents)))
      .catch((error: Error) => {
        // A meeting link's access cannot list boards; the minutes still show everything else.
        if (error instanceof HubError && error.status === 403) setListRefused(true)
      })
    return () => controller.abort()
    // Asked again when a case is rolled over, so the new meeting is named.
  }, [hub, meeting.agenda.map((item) => item.rolledOverTo).join(' ')])

  // Every printed page says which meeting's minutes it belongs to.
  usePageMargins({ topLeft: `Minutes: ${title}`, topRight: meeting.date ? formatDay(meeting.date) : '', bottomLeft: `Printed ${formatDay(localDay(new Date()))}` })
  const account = timeAccount(meeting)
  const toRollOver = casesToRollOver(meeting)
  const titleOf = (meetingId: string) => boards?.find((board) => board.id === meetingId)?.title ?? 'the next meeting'
  const initialsOnly = meeting.initialsOnly

  return (
    <div className="rt-minutes">
      <div className="rt-minutes__heading">
        <h2 className="rt-minutes__title">Minutes</h2>
        <button type="button" className="nhsuk-button nhsuk-button--secondary rt-button--small rt-no-print" onClick={() => window.print()}>
          Print the minutes
        </button>
      </div>
      {meeting.state === 'ended' ? null : <p className="rt-minutes__draft">This meeting has not ended yet: these minutes show it so far.</p>}
      <MeetingFacts meeting={meeting} />
      <Attendance attendees={meeting.attendees} />

      {meeting.state === 'ended' && toRollOver.length > 0 ? (
        <RollOverPanel
          hub={hub}
          from={session.doc}
          title={title}
          meetingId={docId}
          cases={toRollOver.map((item) => caseLabel(item, initialsOnly))}
          meetings={listRefused ? 'refused' : boards}
          onMessage={onMessage}
        />
      ) : null}

      <RolledOver meeting={meeting} titleOf={titleOf} />

      <section aria-labelledby={`${docId}-time`}>
        <h2 id={`${docId}-time`}>Time</h2>
        {meeting.agenda.length === 0 ? (
          <p>There was nobody on the agenda.</p>
        ) : (
          <table className="rt-minutes__table">
            <caption className="nhsuk-u-visually-hidden">Time per person against the time planned</caption>
            <thead>
              <tr>
                <th scope="col">Person</th>
                <th scope="col">Time taken</th>
                <th scope="col">Planned</th>
                <th scope="col">Outcome</th>
              </tr>
            </thead>
            <tbody>
              {meeting.agenda.map((item) => (
                <tr key={item.id}>
                  <th scope="row">{caseLabel(item, initialsOnly)}</th>
                  <td>{spentWords(item)}</td>
                  <td>{formatClock(item.budgetMinutes * 60_000)}</td>
                  <td>{outcomeWords(item, titleOf)}</td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row">In all</th>
                <td>{formatClock(account.spent)}</td>
                <td>{formatClock(account.planned)}</td>
                <td>{account.spent > account.planned ? `${formatClock(account.spent - account.planned)} over` : ''}</td>
              </tr>
            </tfoot>
          </table>
        )}
      </section>

      <section aria-labelledby={`${docId}-people`}>
        <h2 id={`${docId}-people`}>Decisions and actions</h2>
        {meeting.agenda.length === 0 ? <p>There was nobody on the agenda.</p> : null}
        {meeting.agenda.map((item) => (
          <CaseMinutes key={item.id} hub={hub} user={user} item={item} meetingId={docId} initialsOnly={initialsOnly} titleOf={titleOf} />
        ))}
      </section>
    </div>
  )
}

/** Where unreached cases went: a link to each next meeting, once they have been rolled over. */
function RolledOver({ meeting, titleOf }: { meeting: MeetingView; titleOf(meetingId: string): string }) {
  const headingId = useId()
  const byMeeting = new Map<string, AgendaCase[]>()
  for (const item of meeting.agenda) if (item.rolledOverTo) byMeeting.set(item.rolledOverTo, [...(byMeeting.get(item.rolledOverTo) ?? []), item])
  if (byMeeting.size === 0) return null
  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId}>Rolled over</h2>
      <ul>
        {[...byMeeting].map(([nextId, items]) => (
          <li key={nextId}>
            {items.map((item) => caseLabel(item, meeting.initialsOnly)).join(', ')} to <a href={boardHref(nextId)}>{titleOf(nextId)}</a>
          </li>
        ))}
      </ul>
    </section>
  )
}

function MeetingFacts({ meeting }: { meeting: MeetingView }) {
  const nameOf = (id: string | null) => meeting.attendees.find((attendee) => attendee.id === id)?.name ?? 'Not named'
  return (
    <dl className="rt-minutes__facts">
      <dt>Date</dt>
      <dd>{meeting.date ? formatDay(meeting.date) : 'Not set'}</dd>
      <dt>Time</dt>
      <dd>{meeting.startTime || 'Not set'}</dd>
      <dt>Place</dt>
      <dd>{meeting.place || 'Not set'}</dd>
      <dt>Facilitator</dt>
      <dd>{nameOf(meeting.facilitatorId)}</dd>
      <dt>Scribe</dt>
      <dd>{nameOf(meeting.scribeId)}</dd>
    </dl>
  )
}

function Attendance({ attendees }: { attendees: Attendee[] }) {
  const groups = attendeesBy(attendees)
  const headingId = useId()
  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId}>Attendance</h2>
      {attendees.length === 0 ? <p>No attendees were recorded.</p> : null}
      {ATTENDANCE_ORDER.filter((attendance) => groups[attendance].length > 0).map((attendance) => (
        <div key={attendance} className="rt-minutes__group">
          <h3>{ATTENDANCE_WORDS[attendance]}</h3>
          <ul>
            {groups[attendance].map((attendee) => (
              <li key={attendee.id}>
                {attendee.name}, {attendee.role} ({attendee.organisation})
              </li>
            ))}
          </ul>
        </div>
      ))}
    </section>
  )
}

function spentWords(item: AgendaCase): string {
  const over = item.spentMs - item.budgetMinutes * 60_000
  return over > 0 ? `${formatClock(item.spentMs)} (${formatClock(over)} over)` : formatClock(item.spentMs)
}

function outcomeWords(item: AgendaCase, titleOf: (meetingId: string) => string): string {
  if (item.rolledOverTo) return `Not reached; rolled over to ${titleOf(item.rolledOverTo)}`
  return CASE_STATE_WORDS[item.state]
}

interface CaseProps {
  hub: HubAddress
  user: PresenceUser
  item: AgendaCase
  meetingId: string
  initialsOnly: boolean
  titleOf(meetingId: string): string
}

/** One person on the agenda: their plan is opened (its own connection) to read what this meeting recorded in it. */
function CaseMinutes({ hub, user, item, meetingId, initialsOnly, titleOf }: CaseProps) {
  const { session, status } = useBoardSession(hub, item.planId, user)
  const label = caseLabel(item, initialsOnly)
  const headingId = useId()
  const opened = status.state === 'saved' || status.state === 'saving' || status.state === 'reconnecting'
  return (
    <section className="rt-minutes__case" aria-labelledby={headingId}>
      <h3 id={headingId}>{label}</h3>
      <p className="rt-minutes__case-facts">
        {CASE_STATE_WORDS[item.state]} · {spentWords(item)} of {formatClock(item.budgetMinutes * 60_000)} planned
        {item.rolledOverTo ? (
          <>
            {' '}
            · rolled over to <a href={boardHref(item.rolledOverTo, 'plan')}>{titleOf(item.rolledOverTo)}</a>
          </>
        ) : null}
      </p>
      {item.notes.trim() ? (
        <div className="rt-minutes__notes">
          <h4>Notes</h4>
          <p>{item.notes}</p>
        </div>
      ) : null}
      {status.state === 'refused' ? (
        <p className="rt-minutes__problem">This person’s plan could not be opened, so its decisions and actions are not shown: {status.label}</p>
      ) : session && opened ? (
        <CaseRecords session={session} meetingId={meetingId} initialsOnly={initialsOnly} />
      ) : (
        <p className="rt-minutes__problem">Opening this person’s plan…</p>
      )}
    </section>
  )
}

function CaseRecords({ session, meetingId, initialsOnly }: { session: BoardSession; meetingId: string; initialsOnly: boolean }) {
  const version = useDocVersion(session.doc)
  const minutes = useMemo(() => minutesForCase(session.doc, meetingId, initialsOnly, localDay(new Date())), [session.doc, meetingId, initialsOnly, version])
  if (!minutes.found) {
    return <p className="rt-minutes__problem">This person’s plan could not be found: it may have been deleted. Its decisions and actions are not shown.</p>
  }
  return (
    <>
      <h4>Decisions</h4>
      {minutes.decisions.length === 0 ? (
        <p>None recorded at this meeting.</p>
      ) : (
        <ul>
          {minutes.decisions.map((decision) => (
            <li key={decision.id}>
              {decision.text} <span className="rt-minutes__by">(recorded by {decision.by})</span>
            </li>
          ))}
        </ul>
      )}
      <h4>Actions</h4>
      {minutes.actions.length === 0 ? (
        <p>None agreed at this meeting.</p>
      ) : (
        <ul>
          {minutes.actions.map((action) => (
            <li key={action.id}>
              <strong>{action.what}</strong>: {action.owner}
              {action.ownerDetail ? ` (${action.ownerDetail})` : ''}, {action.dueDate ? `due ${formatDay(action.dueDate)}` : 'no due date'} ·{' '}
              {STATUS_WORDS[action.status]}
            </li>
          ))}
        </ul>
      )}
    </>
  )
}
