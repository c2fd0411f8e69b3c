import { useEffect, useMemo, useState } from 'react'
import type * as Y from 'yjs'
import type { ConnectionStatus } from '../../../shared/connection'
import { readClock } from '../../../shared/meeting/clock'
import { readMeeting, type MeetingView } from '../../../shared/meeting/read'
import { shownName } from '../../../shared/meeting/privacy'

/**
 * The meeting read again every second while a case's clock runs, for the parts of the screen that
 * show running time (the clock, the agenda's times). The time is worked out on this device from
 * when the case started, so it keeps going while the hub is unreachable.
 */
export function useLiveMeeting(doc: Y.Doc, meeting: MeetingView): { live: MeetingView; now: number } {
  const [now, setNow] = useState(() => Date.now())
  const running = meeting.currentSince !== null
  useEffect(() => {
    setNow(Date.now())
    if (!running) return
    const timer = setInterval(() => setNow(Date.now()), 1000)
    return () => clearInterval(timer)
  }, [running, meeting])
  // `meeting` changes whenever the document's structure does, so this re-reads after every move.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const live = useMemo(() => readMeeting(doc, now), [doc, now, meeting])
  return { live, now }
}

interface Props {
  doc: Y.Doc
  meeting: MeetingView
  status: ConnectionStatus
}

/**
 * The current case's time against its budget, for the whole room. An overrun is shown calmly: a
 * different colour and "1:10 over", never flashing. Screen readers get it as a timer, which does
 * not speak by itself every second; they hear when a case starts and when it runs over.
 */
export function CaseClock({ doc, meeting, status }: Props) {
  const { live } = useLiveMeeting(doc, meeting)
  const current = live.agenda.find((item) => item.id === live.currentCaseId) ?? null
  const reading = current ? readClock(current.spentMs, current.budgetMinutes) : null
  const name = current ? shownName(current.label, live.initialsOnly) : ''
  const offline = status.state === 'reconnecting' || status.state === 'connecting' || status.state === 'refused'
  // Said once when a case starts and once when it goes over, not on every tick.
  const announcement = current ? (reading?.over ? `${name} has gone over the ${current.budgetMinutes} minutes planned.` : `Clock running for ${name}.`) : ''

  return (
    <div className={`rt-clock${reading?.over ? ' rt-clock--over' : ''}`}>
      {current && reading ? (
        <>
          <span role="timer" aria-label={`Case clock for ${name}: ${reading.spoken}${reading.over ? `, ${reading.overBy}` : ''}`} className="rt-clock__time">
            {reading.label}
          </span>
          {reading.over ? <span className="rt-clock__over">{reading.overBy}</span> : null}
        </>
      ) : (
        <span className="rt-clock__time rt-clock__time--idle">{live.state === 'ended' ? 'Huddle ended' : 'Clock not started'}</span>
      )}
      {offline && current ? <span className="rt-clock__offline">Kept on this device while the hub is out of reach</span> : null}
      <span className="nhsuk-u-visually-hidden" aria-live="polite">
        {announcement}
      </span>
    </div>
  )
}
