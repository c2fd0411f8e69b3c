import { useRef, useState } from 'react'
import type * as Y from 'yjs'
import { endMeeting, goToCase, nextWaitingCase, readRun } from '../../../shared/meeting/meeting'
import { shownName } from '../../../shared/meeting/privacy'
import type { MeetingView } from '../../../shared/meeting/read'
import { boardHref } from '../route'

interface Props {
  doc: Y.Doc
  docId: string
  meeting: MeetingView
  /** The case this screen shows, which may not be the current one. */
  shownId: string | null
  /** This window moved the huddle to `itemId`. */
  onMoved(itemId: string): void
  onMessage(text: string): void
}

/**
 * Moving the huddle on: start, next case, a chosen case, end. Anyone may press them (there is no
 * login); the facilitator is named so the room knows whose job it is.
 */
export function HuddleControls({ doc, docId, meeting, shownId, onMoved, onMessage }: Props) {
  // Why a move was refused, and the case the huddle was on by then: the message is about that moment.
  const [refusal, setRefusal] = useState<{ message: string; currentThen: string | null } | null>(null)
  const [confirmingEnd, setConfirmingEnd] = useState(false)
  const endButton = useRef<HTMLButtonElement>(null)
  const facilitator = meeting.attendees.find((attendee) => attendee.id === meeting.facilitatorId) ?? null
  const current = meeting.agenda.find((item) => item.id === meeting.currentCaseId) ?? null
  const shown = meeting.agenda.find((item) => item.id === shownId) ?? null
  const next = meeting.state === 'ended' ? null : nextWaitingCase(doc)
  const nextItem = meeting.agenda.find((item) => item.id === next) ?? null
  const name = (label: string) => shownName(label, meeting.initialsOnly)

  // Shown until the huddle moves again (this screen may only now be catching up with the move it is about).
  const problem = refusal && refusal.currentThen === meeting.currentCaseId ? refusal.message : ''

  const moveTo = (itemId: string) => {
    // The current case as this window saw it: if someone else has moved on meanwhile, nothing changes.
    const result = goToCase(doc, meeting.currentCaseId, itemId, Date.now())
    if (!result.ok) {
      const message = result.errors.form ?? 'The huddle could not move on. Try again.'
      setRefusal({ message, currentThen: readRun(doc)?.itemId ?? null })
      onMessage(message)
      return
    }
    setRefusal(null)
    const label = meeting.agenda.find((item) => item.id === itemId)?.label ?? ''
    onMessage(`Now discussing ${name(label)}.`)
    onMoved(itemId)
  }

  if (meeting.state === 'ended') {
    return (
      <div className="rt-huddle-controls">
        <p className="rt-huddle-controls__ended">
          This huddle has ended. <a href={boardHref(docId, 'minutes')}>Read the minutes</a>
        </p>
      </div>
    )
  }

  return (
    <div className="rt-huddle-controls">
      <p className="rt-huddle-controls__facilitator">
        {facilitator ? (
          <>
            Facilitator: <strong>{facilitator.name}</strong>
          </>
        ) : (
          'No facilitator named: anyone here can move the huddle on.'
        )}
      </p>
      {problem ? (
        <p className="rt-problem rt-huddle-controls__problem" role="alert">
          {problem}
        </p>
      ) : null}
      <div className="rt-huddle-controls__buttons">
        {current === null && nextItem ? (
          <button type="button" className="nhsuk-button rt-button--small" onClick={() => moveTo(nextItem.id)}>
            Start the huddle with {name(nextItem.label)}
          </button>
        ) : null}
        {current !== null && nextItem ? (
          <button type="button" className="nhsuk-button rt-button--small" onClick={() => moveTo(nextItem.id)}>
            Next case: {name(nextItem.label)}
          </button>
        ) : null}
        {shown && shown.id !== current?.id && shown.id !== nextItem?.id ? (
          <button type="button" className="nhsuk-button nhsuk-button--secondary rt-button--small" onClick={() => moveTo(shown.id)}>
            Discuss {name(shown.label)} now
          </button>
        ) : null}
        {current !== null && !nextItem ? <p className="rt-huddle-controls__last">Nobody else is waiting.</p> : null}
        {confirmingEnd ? null : (
          <button type="button" ref={endButton} className="nhsuk-button nhsuk-button--secondary rt-button--small" onClick={() => setConfirmingEnd(true)}>
            End the meeting
          </button>
        )}
      </div>
      {confirmingEnd ? (
        <div className="rt-huddle-controls__confirm" role="group" aria-labelledby="huddle-end-question">
          <p id="huddle-end-question">
            <strong>End the meeting now?</strong> Anyone not discussed yet is marked “not reached”, ready to roll over to the next meeting.
          </p>
          <div className="rt-huddle-controls__buttons">
            <button
              type="button"
              className="nhsuk-button nhsuk-button--warning rt-button--small"
              // The question has just replaced the button that asked it.
              autoFocus
              onClick={() => {
                endMeeting(doc, Date.now())
                setConfirmingEnd(false)
                onMessage('The meeting has ended. The minutes are ready.')
              }}
            >
              Yes, end the meeting
            </button>
            <button
              type="button"
              className="nhsuk-button nhsuk-button--secondary rt-button--small"
              onClick={() => {
                setConfirmingEnd(false)
                requestAnimationFrame(() => endButton.current?.focus())
              }}
            >
              Keep going
            </button>
          </div>
        </div>
      ) : null}
    </div>
  )
}
