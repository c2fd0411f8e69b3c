import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import { shownCaseId } from '../../../shared/meeting/huddleProgress'
import { setInitialsOnly } from '../../../shared/meeting/meeting'
import { shownName } from '../../../shared/meeting/privacy'
import { localDay } from '../../../shared/plan/dates'
import type { MeetingRef } from '../../../shared/plan/meetingRecords'
import { boardHref } from '../route'
import { CaseClock } from './CaseClock'
import { CaseNotes } from './CaseNotes'
import { CasePanel } from './CasePanel'
import { HuddleAgenda } from './HuddleAgenda'
import { HuddleControls } from './HuddleControls'
import type { MeetingScreenProps } from './screenProps'
import './huddle.scss'

/**
 * Running the huddle, case by case: the agenda with its progress, the case clock, the current
 * person's case read from their plan, and the notes, decisions and actions the huddle captures.
 *
 * Follow mode: everyone's screen shows the huddle's current case until they choose another person
 * on the agenda (or press F to stay where they are); F, or "Back to following", follows again. It
 * is this window's own choice, kept here and not in the meeting.
 *
 * `large` is the room's shared screen: large type, strong contrast, one case, nothing else.
 */
export function Huddle({ hub, session, docId, title, meeting, status, user, onMessage, large }: MeetingScreenProps & { large: boolean }) {
  const { doc } = session
  // The case this person chose to look at instead of following the huddle, or null when following.
  const [chosen, setChosen] = useState<string | null>(null)
  // The case this window last moved the huddle to: it notes in that plan that the meeting discussed them.
  const [movedTo, setMovedTo] = useState<string | null>(null)
  // The case whose notes or forms this person is typing in, if any (an action's status is one click, not typing).
  const typingIn = useRef<string | null>(null)
  // When the huddle moves on while someone is typing about a case, their screen stays on that case
  // (they break away) rather than taking their words' box from under their fingers.
  const [lastCurrent, setLastCurrent] = useState(meeting.currentCaseId)
  if (lastCurrent !== meeting.currentCaseId) {
    setLastCurrent(meeting.currentCaseId)
    if (chosen === null && typingIn.current && typingIn.current !== meeting.currentCaseId) setChosen(typingIn.current)
  }
  const shownId = shownCaseId(meeting, chosen)
  const shown = meeting.agenda.find((item) => item.id === shownId) ?? null
  const current = meeting.agenda.find((item) => item.id === meeting.currentCaseId) ?? null
  const following = chosen === null || shownId !== chosen
  const facilitator = meeting.attendees.find((attendee) => attendee.id === meeting.facilitatorId) ?? null
  const initialsOnly = meeting.initialsOnly
  const meetingRef: MeetingRef = useMemo(() => ({ id: docId, title, date: meeting.date || localDay(new Date()) }), [docId, title, meeting.date])

  const follow = useCallback(() => {
    setChosen(null)
    onMessage(`Following ${facilitator ? facilitator.name : 'the huddle'} again.`)
  }, [facilitator, onMessage])
  const view = (itemId: string) => {
    if (itemId === meeting.currentCaseId && chosen !== null) return follow()
    if (itemId === meeting.currentCaseId) return
    setChosen(itemId)
  }

  // F: back to following, or stay on this case while the huddle moves on. Escape leaves the shared
  // screen for the ordinary huddle view. Not while typing (a form's own Escape closes the form).
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement | null
      if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return
      if (target?.closest('input, textarea, select, form, [contenteditable="true"]')) return
      if (large && event.key === 'Escape') {
        window.location.hash = boardHref(docId, 'huddle')
        return
      }
      if (event.key !== 'f' && event.key !== 'F') return
      event.preventDefault()
      if (!following) follow()
      else if (shownId) {
        setChosen(shownId)
        onMessage('Stopped following: this screen stays on this case. Press F to follow again.')
      }
    }
    window.addEventListener('keydown', onKeyDown)
    return () => window.removeEventListener('keydown', onKeyDown)
  }, [following, follow, shownId, onMessage, large, docId])

  const toggleInitials = () => {
    setInitialsOnly(doc, !initialsOnly)
    onMessage(initialsOnly ? 'Names are shown in full.' : 'Initials only: names shown as initials, identifiers hidden.')
  }

  return (
    <div className={`rt-huddle${large ? ' rt-huddle--large' : ''}`}>
      <div className="rt-huddle__bar">
        {large ? <h1 className="rt-huddle__title">{title}</h1> : null}
        <CaseClock doc={doc} meeting={meeting} status={status} />
        <p className={`rt-huddle__follow${following ? '' : ' rt-huddle__follow--away'}`}>
          {following ? (
            <>
              <span className="rt-huddle__follow-dot" aria-hidden="true">
                ●
              </span>{' '}
              Following {facilitator ? facilitator.name : 'the huddle'}
              <span className="rt-huddle__key"> (F to stay on this case)</span>
            </>
          ) : (
            <>
              Viewing {shown ? shownName(shown.label, initialsOnly) : 'another case'}
              {current && current.id !== shown?.id ? ` (the huddle is on ${shownName(current.label, initialsOnly)})` : ''} —{' '}
              <button type="button" className="rt-link-button" onClick={follow}>
                Back to following (F)
              </button>
            </>
          )}
        </p>
        <button type="button" role="switch" aria-checked={initialsOnly} className={`rt-switch${initialsOnly ? ' rt-switch--on' : ''}`} onClick={toggleInitials}>
          <span className="rt-switch__track" aria-hidden="true">
            <span className="rt-switch__thumb" />
          </span>
          Initials only
        </button>
        {large ? (
          <a className="rt-huddle__leave" href={boardHref(docId, 'huddle')}>
            Leave the shared screen (Esc)
          </a>
        ) : (
          <a className="rt-huddle__leave" href={boardHref(docId, 'shared-screen')}>
            Open the shared screen
          </a>
        )}
      </div>

      <div className="rt-huddle__grid">
        <div className="rt-huddle__side">
          <HuddleAgenda doc={doc} meeting={meeting} shownId={shownId} onView={view} />
          <HuddleControls
            doc={doc}
            docId={docId}
            meeting={meeting}
            shownId={shownId}
            onMoved={(itemId) => {
              setMovedTo(itemId)
              setChosen(null)
            }}
            onMessage={onMessage}
          />
        </div>
        <div
          className="rt-huddle__main"
          role="region"
          aria-label="Case on screen"
          onFocus={(event) => (typingIn.current = (event.target as HTMLElement).closest('textarea, input, form select') ? shownId : null)}
          onBlur={() => (typingIn.current = null)}
        >
          {shown ? (
            <>
              <CasePanel
                key={shown.id}
                hub={hub}
                user={user}
                item={shown}
                meeting={meetingRef}
                initialsOnly={initialsOnly}
                markDiscussedOnOpen={movedTo === shown.id && shown.isCurrent}
                onMessage={onMessage}
              />
              <CaseNotes key={`notes-${shown.id}`} doc={doc} itemId={shown.id} name={shownName(shown.label, initialsOnly)} />
            </>
          ) : (
            <div className="rt-case">
              <p className="rt-case__message">
                {meeting.agenda.length === 0
                  ? 'Nobody is on the agenda yet. Add the people to discuss in Agenda and people.'
                  : meeting.state === 'ended'
                    ? 'Choose a person on the agenda to look back at their case.'
                    : 'The huddle has not started. Start it with the first person when everyone is ready, or choose a person to look at their case.'}
              </p>
            </div>
          )}
        </div>
      </div>
    </div>
  )
}
