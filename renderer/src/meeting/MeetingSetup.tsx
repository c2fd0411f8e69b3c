import { AgendaAddPerson } from './AgendaAddPerson'
import { AgendaList } from './AgendaList'
import { AttendeeList } from './AttendeeList'
import type { MeetingScreenProps } from './screenProps'
import { SetupDetails } from './SetupDetails'
import './Setup.scss'

/**
 * Preparing a huddle: its date, time and place; the agenda of people (each linked to their plan,
 * with minutes each, reordered by drag or keyboard); and who attends, with a facilitator and scribe.
 */
export function MeetingSetup({ hub, session, docId, meeting, onMessage }: MeetingScreenProps) {
  const doc = session.doc
  return (
    <div className="rt-setup">
      <SetupDetails doc={doc} meeting={meeting} onMessage={onMessage} />
      <AgendaList doc={doc} docId={docId} meeting={meeting} onMessage={onMessage}>
        <AgendaAddPerson hub={hub} doc={doc} meeting={meeting} onMessage={onMessage} />
      </AgendaList>
      <AttendeeList doc={doc} meeting={meeting} onMessage={onMessage} />
    </div>
  )
}
