import type * as Y from 'yjs'
import { initialiseBoard, readMeta } from '../../../shared/board'
import { rollOver } from '../../../shared/meeting/meeting'
import { meetingHasEnded } from '../../../shared/meeting/read'
import type { HubAddress } from '../hub'
import { writeBriefly } from '../writeBriefly'

export type NextMeeting = { kind: 'existing'; id: string } | { kind: 'new'; id: string; title: string }

/**
 * Puts the cases an ended meeting did not reach on the next meeting's agenda, in one step: opens
 * that one meeting (creating it when asked), rolls the cases over with the meeting's own command
 * (their budgets and notes go too; `from` records where they went), and waits until the hub has
 * stored the next meeting. Resolves with a message for a person, or null when it is done.
 */
export async function rollOverTo(hub: HubAddress, from: Y.Doc, next: NextMeeting): Promise<string | null> {
  const written = await writeBriefly(
    hub,
    next.id,
    (doc) => {
      if (next.kind === 'new') initialiseBoard(doc, { kind: 'meeting', title: next.title, now: new Date() })
      else if (readMeta(doc)?.kind !== 'meeting') return { ok: false, message: 'That meeting is no longer on this hub. Choose another, or start a new one.' }
      if (meetingHasEnded(doc)) return { ok: false, message: 'That meeting has ended too. Choose a meeting still to come, or start a new one.' }
      const moved = rollOver(from, doc, next.id)
      return moved.ok ? { ok: true, value: moved.value } : { ok: false, message: Object.values(moved.errors).join(' ') }
    },
    {
      notOpened: 'The next meeting could not be opened: the hub did not answer. Nothing was rolled over; try again.',
      notStored: 'The hub has not confirmed the next meeting’s agenda yet. Open the next meeting to check it.',
    },
  )
  return written.ok ? null : written.message
}
