import type * as Y from 'yjs'
import { META_MAP, type SharedType } from '../boardLayout'

/**
 * Where everything lives in a meeting's (an MDT huddle's) Y.Doc; meeting.ts says what each holds.
 * The names never change once shipped.
 */
export const MEETING_LAYOUT = {
  meeting: 'meeting',
  attendees: 'attendees',
  agenda: 'agenda',
  /** A top-level Y.Text per case: `notes:<itemId>`. */
  notesPrefix: 'notes:',
} as const

/** The shared types a meeting's screens re-read on and its undo covers (case notes have their own). */
export function meetingStructure(doc: Y.Doc): SharedType[] {
  return [doc.getMap(META_MAP), doc.getMap(MEETING_LAYOUT.meeting), doc.getMap(MEETING_LAYOUT.attendees), doc.getMap(MEETING_LAYOUT.agenda)]
}
