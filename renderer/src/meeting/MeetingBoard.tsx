import { useCallback, useMemo, useState } from 'react'
import type { ConnectionStatus } from '../../../shared/connection'
import { readMeeting } from '../../../shared/meeting/read'
import type { PresenceUser } from '../../../shared/presence'
import { ConnectionBanner, Presence } from '../BoardStatus'
import type { HubAddress } from '../hub'
import { boardHref, type BoardView } from '../route'
import type { BoardSession } from '../useBoardSession'
import { Huddle } from './Huddle'
import { MeetingJoinLine, MeetingLinkPanel } from './MeetingLinkPanel'
import { MeetingSetup } from './MeetingSetup'
import { Minutes } from './Minutes'
import type { MeetingScreenProps } from './screenProps'

interface Props {
  hub: HubAddress
  session: BoardSession
  docId: string
  title: string
  view: BoardView
  status: ConnectionStatus
  user: PresenceUser
  /** Changes whenever the meeting's structure does (useDocVersion). */
  version: number
}

const SCREENS: { view: BoardView; name: string }[] = [
  { view: 'plan', name: 'Agenda and people' },
  { view: 'huddle', name: 'Run the huddle' },
  { view: 'shared-screen', name: 'Shared screen' },
  { view: 'minutes', name: 'Minutes' },
]

/** One MDT huddle: its agenda and people, running it case by case, the room's screen, and its minutes. */
export function MeetingBoard({ hub, session, docId, title, view, status, user, version }: Props) {
  // The running clock is worked out from `now` on each tick by the screens that show it.
  const meeting = useMemo(() => readMeeting(session.doc, Date.now()), [session.doc, version])
  const [message, setShownMessage] = useState('')
  const onMessage = useCallback((text: string) => {
    setShownMessage('')
    if (text) requestAnimationFrame(() => setShownMessage(text))
  }, [])
  const props: MeetingScreenProps = { hub, session, docId, title, meeting, status, user, onMessage }
  const large = view === 'shared-screen'

  return (
    <>
      {large ? null : (
        <>
          <div className="rt-board-header">
            <div>
              <span className="nhsuk-caption-l">MDT huddle</span>
              <h1 className="rt-board-title">{title}</h1>
            </div>
          </div>
          <nav className="rt-tabs" aria-label="This meeting">
            <ul className="rt-tabs__list">
              {SCREENS.map((screen) => (
                <li key={screen.view} className="rt-tabs__item">
                  <a className="rt-tabs__link" href={boardHref(docId, screen.view)} aria-current={screen.view === view ? 'page' : undefined}>
                    {screen.name}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
          <div className="rt-board-status">
            <ConnectionBanner status={status} />
            <Presence provider={session.provider} />
          </div>
          <MeetingLinkPanel hub={hub} meetingId={docId} ended={meeting.state === 'ended'} />
        </>
      )}
      <p className="nhsuk-u-visually-hidden" role="status" aria-live="polite">
        {message}
      </p>
      {view === 'huddle' || view === 'shared-screen' ? <Huddle {...props} large={large} /> : null}
      {large ? <MeetingJoinLine hub={hub} meetingId={docId} ended={meeting.state === 'ended'} /> : null}
      {view === 'minutes' ? <Minutes {...props} /> : null}
      {view !== 'huddle' && view !== 'shared-screen' && view !== 'minutes' ? <MeetingSetup {...props} /> : null}
    </>
  )
}
