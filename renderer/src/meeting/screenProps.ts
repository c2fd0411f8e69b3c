import type { ConnectionStatus } from '../../../shared/connection'
import type { MeetingView } from '../../../shared/meeting/read'
import type { PresenceUser } from '../../../shared/presence'
import type { HubAddress } from '../hub'
import type { BoardSession } from '../useBoardSession'

/** What every screen of a meeting is given by MeetingBoard. */
export interface MeetingScreenProps {
  hub: HubAddress
  session: BoardSession
  docId: string
  title: string
  /** The meeting as it stands, read again whenever its structure changes. */
  meeting: MeetingView
  status: ConnectionStatus
  user: PresenceUser
  /** Says something to screen-reader users through the page's one live region. */
  onMessage(text: string): void
}
