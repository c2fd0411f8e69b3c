import * as Y from 'yjs'
import * as awarenessProtocol from 'y-protocols/awareness'
import type { WebSocket } from 'ws'
import { roleCanEdit, type Grant } from '../../shared/access'
import { readBoardLabel } from '../../shared/board'
import {
  CloseCode,
  MalformedMessageError,
  decodeClientMessage,
  encodeAwareness,
  encodePresenceEntries,
  encodeSyncStep1,
  encodeSyncStep2,
  encodeUpdate,
  type PresenceEntry,
} from './protocol'
import { DEFAULT_SEND_LIMITS, Outbox, type SendLimits } from './outbox'
import { DEFAULT_MAX_PRESENCE_BYTES, DEFAULT_PRESENCE_CHALLENGE_MS, PresenceOwners, describeRefusals, type Refusal } from './presence'
import type { DocumentStore } from './store'
import type { HubLogger } from './types'

interface Member {
  grant: Grant
}

export interface RoomOptions {
  compactAfterUpdates: number
  /** Default DEFAULT_SEND_LIMITS (electron/hub/outbox.ts). */
  sendLimits?: SendLimits
  /** Largest presence (awareness) state accepted for one client, in bytes. Default 64 KiB. */
  maxPresenceBytes?: number
  /**
   * How long the connection holding a presence id has to answer a ping when another connection claims
   * that id, before it is dropped and the id handed over (electron/hub/presence.ts). Default 3 s.
   */
  presenceChallengeMs?: number
  logger: HubLogger
  /** Called when the room wants to be forgotten (a save failed); the registry drops it. */
  onBroken: (room: Room) => void
}

/** Applies a document's stored snapshot and log to `doc` in one transaction, tagged with `origin`. */
export function applyStoredUpdates(doc: Y.Doc, updates: readonly Uint8Array[], origin: unknown): void {
  if (updates.length === 0) return
  doc.transact(() => {
    for (const update of updates) Y.applyUpdate(doc, update, origin)
  }, origin)
}

/**
 * One open document: its Y.Doc, its awareness, and the connections editing it.
 * Every change is committed to the store inside Yjs's update event, before it is sent to anyone.
 */
export class Room {
  // Never garbage-collect: a plan's named versions are Yjs snapshots, which can only be rebuilt while
  // deleted content is kept (shared/plan/versions.ts). Compaction merges the log; it does not drop it.
  readonly doc = new Y.Doc({ gc: false })
  readonly awareness = new awarenessProtocol.Awareness(this.doc)
  private readonly members = new Map<WebSocket, Member>()
  private readonly outbox: Outbox
  private readonly presence: PresenceOwners
  private lastSeq = 0
  private loggedSinceCompaction = 0
  private compactionScheduled = false
  private broken = false

  constructor(
    readonly docId: string,
    private readonly store: DocumentStore,
    private readonly options: RoomOptions,
  ) {
    this.outbox = new Outbox(docId, options.sendLimits ?? DEFAULT_SEND_LIMITS, options.logger, (socket) => this.leave(socket))
    this.presence = new PresenceOwners(
      this.awareness.clientID,
      this.maxPresenceBytes,
      (id) => this.awareness.meta.get(id)?.clock,
      options.presenceChallengeMs ?? DEFAULT_PRESENCE_CHALLENGE_MS,
      {
        holderSilent: (holder, claimedIds) => this.dropSilentHolder(holder, claimedIds),
        holderAnswered: (refused) => this.logRefused(refused),
      },
    )
    this.awareness.setLocalState(null)
    this.load()
    this.doc.on('update', this.persistThenRelay)
    this.awareness.on('update', this.relayAwareness)
  }

  private get maxPresenceBytes(): number {
    return this.options.maxPresenceBytes ?? DEFAULT_MAX_PRESENCE_BYTES
  }

  /** The newest stored update this document holds (the action tracker records which one its rows reflect). */
  get storedSeq(): number {
    return this.lastSeq
  }

  get memberCount(): number {
    return this.members.size
  }

  private load(): void {
    const stored = this.store.load(this.docId)
    // Applied one by one inside a single transaction: linear in the log's length, where
    // Y.mergeUpdates is roughly quadratic (20,000 rows took 4.4 s merged; see docs/benchmarks.md).
    applyStoredUpdates(this.doc, stored.updates, this.store)
    this.lastSeq = stored.lastSeq
    this.loggedSinceCompaction = stored.loggedCount
    if (this.loggedSinceCompaction >= this.options.compactAfterUpdates) this.compact()
  }

  private readonly persistThenRelay = (update: Uint8Array, origin: unknown): void => {
    if (origin === this.store) return
    try {
      this.lastSeq = this.store.appendUpdate(this.docId, update, readBoardLabel(this.doc), new Date())
    } catch (error) {
      this.failToSave(error as Error)
      return
    }
    this.loggedSinceCompaction++
    const message = encodeUpdate(update)
    for (const socket of this.members.keys()) {
      if (socket !== origin) this.outbox.send(socket, message)
    }
    if (this.loggedSinceCompaction >= this.options.compactAfterUpdates) this.scheduleCompaction()
  }

  private readonly relayAwareness = (change: { added: number[]; updated: number[]; removed: number[] }): void => {
    const message = encodeAwareness(this.awareness, [...change.added, ...change.updated, ...change.removed])
    for (const socket of this.members.keys()) this.outbox.send(socket, message)
  }

  join(socket: WebSocket, grant: Grant): void {
    if (this.broken) {
      socket.close(CloseCode.internalError, 'This document could not be saved; try again')
      return
    }
    this.members.set(socket, { grant })
    socket.on('message', (data: Buffer, isBinary: boolean) => this.receive(socket, data, isBinary))
    socket.on('close', () => this.leave(socket))
    this.outbox.send(socket, encodeSyncStep1(this.doc))
    const present = [...this.awareness.getStates().keys()]
    if (present.length > 0) this.outbox.send(socket, encodeAwareness(this.awareness, present))
  }

  private receive(socket: WebSocket, data: Buffer, isBinary: boolean): void {
    const member = this.members.get(socket)
    if (!member) return
    try {
      if (!isBinary) throw new MalformedMessageError('text frames are not part of the protocol')
      const bytes = new Uint8Array(data.buffer, data.byteOffset, data.byteLength)
      const message = decodeClientMessage(bytes, this.maxPresenceBytes)
      switch (message.type) {
        case 'sync-step1':
          if (this.outbox.canAnswerStateRequest(socket)) {
            this.outbox.send(socket, encodeSyncStep2(this.doc, message.stateVector))
          }
          break
        case 'update':
          // A viewer's client still sends its (empty) state when it connects; it is simply not applied.
          if (roleCanEdit(member.grant.role)) Y.applyUpdate(this.doc, message.update, socket)
          break
        case 'awareness':
          this.applyPresence(socket, message.entries)
          break
      }
    } catch (error) {
      const reason = error instanceof MalformedMessageError ? error.message : 'the update could not be applied'
      this.options.logger.warn(`hub: closed a connection to ${this.docId}: ${reason}`)
      socket.close(CloseCode.invalidPayload, `Refused: ${reason}`)
      this.leave(socket)
    }
  }

  /** Applies the entries this connection may set (see PresenceOwners) and logs the rest. */
  private applyPresence(socket: WebSocket, entries: PresenceEntry[]): void {
    const { accepted, refused } = this.presence.decide(socket, entries)
    this.logRefused(refused)
    if (accepted.length > 0) {
      awarenessProtocol.applyAwarenessUpdate(this.awareness, encodePresenceEntries(accepted), socket)
    }
  }

  private logRefused(refused: Refusal[]): void {
    if (refused.length === 0) return
    this.options.logger.warn(`hub: left out presence from a connection to ${this.docId} for ${describeRefusals(refused)}`)
  }

  /** A new connection claims presence ids this one holds, and it did not answer a ping: it is gone. */
  private dropSilentHolder(holder: WebSocket, claimedIds: number[]): void {
    this.options.logger.warn(
      `hub: dropped a connection to ${this.docId}: a new connection claims its presence (client ${claimedIds.join(', ')}) ` +
        `and it did not answer a ping within ${this.options.presenceChallengeMs ?? DEFAULT_PRESENCE_CHALLENGE_MS} ms`,
    )
    // terminate, not close: a closing handshake would wait for the very peer that stopped answering.
    holder.terminate()
    this.leave(holder)
  }

  leave(socket: WebSocket): void {
    const member = this.members.get(socket)
    if (!member) return
    this.members.delete(socket)
    this.outbox.forget(socket)
    const { freed, handedOver } = this.presence.release(socket)
    awarenessProtocol.removeAwarenessStates(this.awareness, freed, null)
    for (const [claimant, claimed] of handedOver) {
      awarenessProtocol.applyAwarenessUpdate(this.awareness, encodePresenceEntries(claimed), claimant)
    }
  }

  private scheduleCompaction(): void {
    if (this.compactionScheduled) return
    this.compactionScheduled = true
    setImmediate(() => {
      this.compactionScheduled = false
      if (!this.broken && !this.doc.isDestroyed) this.compact()
    })
  }

  /** Folds the log into one merged state. Synchronous, so no update can slip between encode and write. */
  compact(): void {
    if (this.loggedSinceCompaction <= 0) return
    try {
      this.store.compact(this.docId, Y.encodeStateAsUpdate(this.doc), this.lastSeq)
      this.loggedSinceCompaction = 0
    } catch (error) {
      // The log is still intact; compaction will simply be tried again later.
      this.options.logger.error(`hub: could not compact ${this.docId}: ${(error as Error).message}`)
    }
  }

  /**
   * The store refused a write. The change is still on the client that made it, so close everyone:
   * their clients reconnect and resend, and the room reloads from what is really on disk.
   */
  private failToSave(error: Error): void {
    this.broken = true
    this.options.logger.error(`hub: could not save a change to ${this.docId}: ${error.message}`)
    for (const socket of [...this.members.keys()]) {
      socket.close(CloseCode.internalError, 'The hub could not save this change; reconnecting will retry')
      this.leave(socket)
    }
    this.options.onBroken(this)
  }

  /** Closes the connections whose grant matches (their access ended), telling them why. */
  closeMembers(matches: (grant: Grant) => boolean, code: number, reason: string): void {
    for (const [socket, member] of [...this.members]) {
      if (!matches(member.grant)) continue
      socket.close(code, reason)
      this.leave(socket)
    }
  }

  /** Closes every connection and releases memory; stored data is untouched. */
  close(code: number, reason: string): void {
    for (const socket of [...this.members.keys()]) {
      socket.close(code, reason)
      this.leave(socket)
    }
    if (!this.broken) this.compact()
    this.awareness.destroy()
    this.doc.destroy()
  }
}
