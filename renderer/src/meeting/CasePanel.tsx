import { useEffect, useMemo, useRef } from 'react'
import { readMeta } from '../../../shared/board'
import type { ConnectionStatus } from '../../../shared/connection'
import { readHuddleCase, type HuddleCase } from '../../../shared/meeting/huddleCase'
import { shownName } from '../../../shared/meeting/privacy'
import type { AgendaCase } from '../../../shared/meeting/read'
import { formatDay, localDay } from '../../../shared/plan/dates'
import { CONTINGENCY_FIELDS } from '../../../shared/plan/narrative'
import { markDiscussed, type MeetingRef } from '../../../shared/plan/meetingRecords'
import type { PresenceUser } from '../../../shared/presence'
import { formatDateTime } from '../format'
import type { HubAddress } from '../hub'
import { boardHref } from '../route'
import { useBoardSession, useDocVersion, type BoardSession } from '../useBoardSession'
import { actionOwnerLine, CaseActions } from './CaseActions'
import { CaseActionForm } from './CaseActionForm'
import { CaseDecisionForm } from './CaseDecisionForm'

/** Who to contact holds names and numbers (the family's too): not for a room that sees initials only. */
const WHO_TO_CONTACT = CONTINGENCY_FIELDS.find((field) => field.key === 'whoToContact')?.title

interface Props {
  hub: HubAddress
  user: PresenceUser
  item: AgendaCase
  meeting: MeetingRef
  initialsOnly: boolean
  /** This window has just moved the huddle to this case: it records in the plan that the meeting discussed them. */
  markDiscussedOnOpen: boolean
  onMessage(text: string): void
}

/**
 * One person's case, read from their own plan (opened here for as long as the case is on screen):
 * what matters to them first, in their words; open actions, overdue first; what changed since a
 * meeting last discussed them; what to do if things get worse; and what this huddle has decided
 * and agreed, with the buttons that write new decisions and actions into the plan.
 *
 * Nothing identifying is shown beyond the name the agenda uses: no NHS number, date of birth or
 * contact details, with initials only or without.
 */
export function CasePanel(props: Props) {
  const { session, status } = useBoardSession(props.hub, props.item.planId, props.user)
  const name = shownName(props.item.label, props.initialsOnly)
  if (!session) return <CaseMessage name={name} text="Opening their plan…" />
  return <OpenCase {...props} session={session} status={status} name={name} />
}

function CaseMessage({ name, text, children }: { name: string; text: string; children?: React.ReactNode }) {
  return (
    <div className="rt-case">
      <h2 className="rt-case__name">{name}</h2>
      <p className="rt-case__message">{text}</p>
      {children}
    </div>
  )
}

interface OpenProps extends Props {
  session: BoardSession
  status: ConnectionStatus
  name: string
}

function OpenCase({ session, status, name, item, meeting, initialsOnly, markDiscussedOnOpen, user, onMessage }: OpenProps) {
  const { doc } = session
  const version = useDocVersion(doc)
  const today = localDay(new Date())
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const huddleCase = useMemo(() => readHuddleCase(doc, meeting.id, today), [doc, version, meeting.id, today])
  const synced = status.state === 'saved' || status.state === 'saving' || status.state === 'reconnecting'
  const isPlan = readMeta(doc)?.kind === 'plan'

  // Once, when this window moved the huddle here and the plan has arrived: the plan notes that this
  // meeting discussed the person ("changed since the last huddle" counts from the last such note).
  const marked = useRef(false)
  useEffect(() => {
    if (!markDiscussedOnOpen || marked.current || !synced || !isPlan) return
    marked.current = true
    markDiscussed(doc, meeting, new Date())
  }, [markDiscussedOnOpen, synced, isPlan, doc, meeting])

  if (status.state === 'refused') {
    // The hub's own reason (a plan taken off the agenda, a closed meeting link) when it gave one.
    return <CaseMessage name={name} text={`Their plan cannot be opened from here. ${status.label} The huddle carries on without it.`} />
  }
  if (!isPlan) {
    if (!synced) return <CaseMessage name={name} text="Opening their plan…" />
    return (
      <CaseMessage
        name={name}
        text="Their plan was not found: it may have been deleted, or be kept on another hub. The huddle carries on: discuss them from the notes below, or take them off the agenda in Agenda and people."
      />
    )
  }
  return <CaseView session={session} huddleCase={huddleCase} name={name} item={item} meeting={meeting} initialsOnly={initialsOnly} author={user.name} onMessage={onMessage} />
}

interface ViewProps {
  session: BoardSession
  huddleCase: HuddleCase
  name: string
  item: AgendaCase
  meeting: MeetingRef
  initialsOnly: boolean
  author: string
  onMessage(text: string): void
}

function CaseView({ session, huddleCase, name, item, meeting, initialsOnly, author, onMessage }: ViewProps) {
  const personalNames = new Set(huddleCase.personalContacts.map((contact) => contact.name))
  // With initials only the room sees the agenda's name and nothing more; otherwise the name they go by too.
  const callName = !initialsOnly && huddleCase.callName && huddleCase.callName !== item.label ? huddleCase.callName : ''
  const since = huddleCase.changesSinceLast.since
  const id = `case-${item.id}`
  const planHref = boardHref(item.planId)
  const recorded = huddleCase.decisionsHere.length + huddleCase.actionsHere.length
  const triggers = initialsOnly ? huddleCase.triggers.filter((trigger) => trigger.title !== WHO_TO_CONTACT) : huddleCase.triggers

  return (
    <div className="rt-case">
      <div className="rt-case__top">
        <h2 className="rt-case__name">
          {name}
          {callName ? <span className="rt-case__call-name"> ({callName})</span> : null}
        </h2>
        <a className="rt-case__plan-link" href={planHref}>
          Open {name}’s plan
        </a>
        <p className="rt-case__agreed">
          {huddleCase.agreement
            ? `Plan agreed ${huddleCase.agreement.agreedOn} · review ${formatDay(huddleCase.agreement.reviewDate)}${huddleCase.agreement.reviewOverdue ? ' (overdue)' : ''}`
            : 'Plan not agreed yet'}
        </p>
      </div>

      <section className="rt-case__part rt-case__part--matters" aria-labelledby={`${id}-matters`}>
        <h3 id={`${id}-matters`}>What matters to {callName || name}</h3>
        {huddleCase.whatMatters ? <blockquote className="rt-case__matters">{huddleCase.whatMatters}</blockquote> : <p className="rt-case__none">Not written in their plan yet.</p>}
      </section>

      <section className="rt-case__part" aria-labelledby={`${id}-open`}>
        <h3 id={`${id}-open`}>Open actions ({huddleCase.openActions.length})</h3>
        <CaseActions planDoc={session.doc} actions={huddleCase.openActions} personalNames={personalNames} initialsOnly={initialsOnly} onMessage={onMessage} />
      </section>

      <section className="rt-case__part" aria-labelledby={`${id}-changed`}>
        <h3 id={`${id}-changed`}>{since ? `Changed since ${since.meetingTitle} (${formatDay(since.meetingDate)})` : 'Changed since the plan was started'}</h3>
        {huddleCase.changesSinceLast.lines.length === 0 ? (
          <p className="rt-case__none">Nothing has changed{since ? ' since then' : ''}.</p>
        ) : (
          <ul className="rt-case__changes">
            {huddleCase.changesSinceLast.lines.map((line, index) => (
              <li key={`${line.at}-${index}`}>
                {line.by} {line.words} <span className="rt-case__when">({formatDateTime(line.at)})</span>
              </li>
            ))}
            {huddleCase.changesSinceLast.more > 0 ? <li className="rt-case__none">and {huddleCase.changesSinceLast.more} more in the plan’s History</li> : null}
          </ul>
        )}
      </section>

      <section className="rt-case__part rt-case__part--warning" aria-labelledby={`${id}-worse`}>
        <h3 id={`${id}-worse`}>If things get worse</h3>
        {triggers.length === 0 ? (
          <p className="rt-case__none">No contingency plan written yet.</p>
        ) : (
          <dl className="rt-case__triggers">
            {triggers.map((trigger) => (
              <div key={trigger.title}>
                <dt>{trigger.title}</dt>
                <dd>{trigger.text}</dd>
              </div>
            ))}
          </dl>
        )}
      </section>

      <section className="rt-case__part rt-case__part--today" aria-labelledby={`${id}-today`}>
        <h3 id={`${id}-today`}>Decisions and actions today</h3>
        {recorded === 0 ? <p className="rt-case__none">Nothing recorded for {name} at this meeting yet.</p> : null}
        <ul className="rt-case__today" hidden={recorded === 0}>
          {huddleCase.decisionsHere.map((decision) => (
            <li key={decision.id}>
              <strong>Decision:</strong> {decision.text} <span className="rt-case__when">({decision.by})</span>
            </li>
          ))}
          {huddleCase.actionsHere.map((action) => (
            <li key={action.id}>
              <strong>Action:</strong> {action.what} — {actionOwnerLine(action, personalNames, initialsOnly)}, by {formatDay(action.dueDate)}
            </li>
          ))}
        </ul>
        <div className="rt-case__capture">
          <CaseDecisionForm planDoc={session.doc} meeting={meeting} author={author} name={name} onMessage={onMessage} />
          <CaseActionForm planDoc={session.doc} huddleCase={huddleCase} meeting={meeting} author={author} name={name} initialsOnly={initialsOnly} planHref={planHref} onMessage={onMessage} />
        </div>
      </section>
    </div>
  )
}
