import type { MeetingScreenProps } from './screenProps'

/** Being built this session (issue 8); shows the meeting's state in words meanwhile. */
export function Huddle({ meeting }: MeetingScreenProps & { large: boolean }) {
  return <p>{meeting.agenda.length} people on the agenda.</p>
}
