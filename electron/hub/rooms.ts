import * as Y from 'yjs'
import type { WebSocket } from 'ws'
import type { Grant } from '../../shared/access'
import { MEETING_LAYOUT } from '../../shared/meeting/layout'
import { agendaPlanIds, meetingHasEnded } from '../../shared/meeting/read'
import { WORKSHOP_LAYOUT } from '../../shared/workshop/layout'
import { workshopHasEnded } from '../../shared/workshop/workshop'
import { CloseCode } from './protocol'
import type { SendLimits } from './outbox'
import { applyStoredUpdates, Room } from './room'
import type { DocumentStore } from './store'
import type { TrackerModel } from './tracker'
import type { HubLogger } from './types'

/** Loads documents on first use and unloads them once nobody has been connected for a while. */
export class RoomRegistry {
  private readonly rooms = new Map<string, Room>()
  private readonly idleTimers = new Map<string, NodeJS.Timeout>()
  /** Per loaded room: stops the action tracker following it (and writes its pending rows). */
  private readonly unwatchers = new Map<Room, (writePending: boolean) => void>()

  constructor(
    private readonly store: DocumentStore,
    private readonly logger: HubLogger,
    private readonly settings: {
      idleUnloadMs: number
      compactAfterUpdates: number
      sendLimits: SendLimits
      maxPresenceBytes: number
      presenceChallengeMs?: number
      /** A meeting or workshop was marked ended: its link or room stops working (electron/hub/invitations.ts). */
      onEnded?: (kind: 'meeting' | 'workshop', docId: string) => void
    },
    private readonly tracker: TrackerModel,
  ) {}

  get loadedCount(): number {
    return this.rooms.size
  }

  private open(docId: string): Room {
    let room = this.rooms.get(docId)
    if (!room) {
      room = new Room(docId, this.store, {
        compactAfterUpdates: this.settings.compactAfterUpdates,
        sendLimits: this.settings.sendLimits,
        maxPresenceBytes: this.settings.maxPresenceBytes,
        presenceChallengeMs: this.settings.presenceChallengeMs,
        logger: this.logger,
        onBroken: (broken) => this.forget(broken),
      })
      this.rooms.set(docId, room)
      this.unwatchers.set(room, this.tracker.watch(room))
      this.followMeeting(room)
    }
    return room
  }

  connect(docId: string, socket: WebSocket, grant: Grant): void {
    let room: Room
    try {
      room = this.open(docId)
    } catch (error) {
      this.logger.error(`hub: could not load ${docId}: ${(error as Error).message}`)
      socket.close(CloseCode.internalError, 'This board could not be loaded; nothing stored was changed')
      return
    }
    this.cancelUnload(docId)
    room.join(socket, grant)
    socket.on('close', () => {
      if (room.memberCount === 0 && this.rooms.get(docId) === room) this.scheduleUnload(docId)
    })
  }

  /** The plans on a meeting's agenda now (none for a document that is not a meeting, or is not stored). */
  agendaPlanIds(meetingId: string): ReadonlySet<string> {
    return this.readDocument(meetingId, agendaPlanIds)
  }

  /** Whether a meeting or workshop has been marked ended (false for anything else). */
  hasEnded(kind: 'meeting' | 'workshop', docId: string): boolean {
    return this.readDocument(docId, kind === 'meeting' ? meetingHasEnded : workshopHasEnded)
  }

  /** Reads a document as it stands: the loaded one, or its stored updates, without keeping it loaded. */
  private readDocument<T>(docId: string, read: (doc: Y.Doc) => T): T {
    const room = this.rooms.get(docId)
    if (room) return read(room.doc)
    const doc = new Y.Doc({ gc: false })
    try {
      applyStoredUpdates(doc, this.store.load(docId).updates, null)
      return read(doc)
    } finally {
      doc.destroy()
    }
  }

  /** A meeting's agenda decides what its link opens, and its end closes the link; a workshop's end closes its room. */
  private followMeeting(room: Room): void {
    room.doc.on('afterTransaction', (transaction: Y.Transaction) => {
      const agenda = room.doc.share.get(MEETING_LAYOUT.agenda)
      if (agenda && (transaction.changed.has(agenda) || transaction.changedParentTypes.has(agenda))) this.closeWhatTheAgendaNoLongerOpens(room.docId)
      const meeting = room.doc.share.get(MEETING_LAYOUT.meeting)
      if (meeting && transaction.changed.has(meeting) && meetingHasEnded(room.doc)) this.settings.onEnded?.('meeting', room.docId)
      const workshop = room.doc.share.get(WORKSHOP_LAYOUT.workshop)
      if (workshop && transaction.changed.has(workshop) && workshopHasEnded(room.doc)) this.settings.onEnded?.('workshop', room.docId)
    })
  }

  /** A plan taken off a meeting's agenda closes to everyone who has it open through that meeting's link. */
  private closeWhatTheAgendaNoLongerOpens(meetingId: string): void {
    const open = this.agendaPlanIds(meetingId)
    for (const room of this.rooms.values()) {
      if (room.docId === meetingId || open.has(room.docId)) continue
      room.closeMembers(
        (grant) => grant.withAgendaPlans === true && grant.docId === meetingId,
        CloseCode.accessEnded,
        'This plan was taken off the meeting’s agenda, so the meeting link no longer opens it',
      )
    }
  }

  /** Closes every connection holding one of `grants` (their tokens were revoked). */
  closeGrants(grants: readonly Grant[], reason: string): void {
    const revoked = new Set(grants)
    for (const room of this.rooms.values()) room.closeMembers((grant) => revoked.has(grant), CloseCode.accessEnded, reason)
  }

  /**
   * What the hub holds of a document, without keeping it loaded: its state vector (what was inserted)
   * and a snapshot, which adds what was deleted (a deletion moves no clock, so a state vector alone
   * cannot say whether a deletion was stored).
   */
  storedState(docId: string): StoredState {
    const room = this.rooms.get(docId)
    if (room) return storedStateOf(room.doc)
    const { updates } = this.store.load(docId)
    const doc = new Y.Doc({ gc: false })
    try {
      applyStoredUpdates(doc, updates, null)
      return storedStateOf(doc)
    } finally {
      doc.destroy()
    }
  }

  private scheduleUnload(docId: string): void {
    this.cancelUnload(docId)
    const timer = setTimeout(() => {
      this.idleTimers.delete(docId)
      const room = this.rooms.get(docId)
      if (room && room.memberCount === 0) {
        this.rooms.delete(docId)
        this.unwatch(room)
        room.close(CloseCode.goingAway, 'Unloaded')
      }
    }, this.settings.idleUnloadMs)
    timer.unref()
    this.idleTimers.set(docId, timer)
  }

  private cancelUnload(docId: string): void {
    const timer = this.idleTimers.get(docId)
    if (timer) clearTimeout(timer)
    this.idleTimers.delete(docId)
  }

  private unwatch(room: Room, writePending = true): void {
    this.unwatchers.get(room)?.(writePending)
    this.unwatchers.delete(room)
  }

  private forget(room: Room): void {
    if (this.rooms.get(room.docId) === room) this.rooms.delete(room.docId)
    this.cancelUnload(room.docId)
    // A room that could not save holds changes the store does not: its rows are not written from it.
    this.unwatch(room, false)
  }

  closeAll(): void {
    for (const docId of [...this.idleTimers.keys()]) this.cancelUnload(docId)
    for (const room of this.rooms.values()) {
      this.unwatch(room)
      room.close(CloseCode.goingAway, 'The hub is shutting down')
    }
    this.rooms.clear()
  }
}

export interface StoredState {
  stateVector: Uint8Array
  snapshot: Uint8Array
}

function storedStateOf(doc: Y.Doc): StoredState {
  return { stateVector: Y.encodeStateVector(doc), snapshot: Y.encodeSnapshot(Y.snapshot(doc)) }
}
