import type { WebSocket } from 'ws'
import type { HubLogger } from './types'

/** Periods in a row with no sign of life after which a connection is dropped. */
const SILENT_PERIODS_BEFORE_DROP = 2

interface Watched {
  docId: string
  /** Set whenever the peer shows it is there; cleared at each tick, when it is pinged. */
  heard: boolean
  /** Periods in a row that ended with no sign of life. */
  silentPeriods: number
  /** Bytes waiting to be sent at the last tick: if fewer wait now, the peer has been reading. */
  queuedAtLastTick: number
}

/**
 * Pings every connection once a period and drops the ones that have shown no sign of life for two
 * periods in a row, so a peer that vanished silently (a phone walking out of Wi-Fi range) is noticed and
 * its presence removed. A sign of life is a pong, any message, or reading part of what we had queued for
 * it: a busy peer's pong can wait behind a large reply that is still on its way, and that peer is not
 * silent. One silent period is forgiven because the hub itself can be late: after the event loop stalls
 * (a long GC, a starved CPU) Node runs the overdue tick before it reads a pong that is already waiting,
 * and a live peer would be dropped for the hub's own delay.
 *
 * Only open connections are watched at a tick: one that is closing (the outbox closed it for falling
 * behind) is ended by ws itself, and calling it silent would mislabel why it went.
 */
export class KeepAlive {
  private readonly watched = new Map<WebSocket, Watched>()
  private readonly timer: NodeJS.Timeout

  constructor(
    private readonly periodMs: number,
    private readonly logger: HubLogger,
  ) {
    this.timer = setInterval(() => this.tick(), periodMs)
    this.timer.unref()
  }

  watch(socket: WebSocket, docId: string): void {
    const entry: Watched = { docId, heard: true, silentPeriods: 0, queuedAtLastTick: 0 }
    const heard = (): void => {
      entry.heard = true
    }
    this.watched.set(socket, entry)
    socket.on('pong', heard)
    socket.on('message', heard)
    socket.on('close', () => this.watched.delete(socket))
  }

  private tick(): void {
    for (const [socket, entry] of this.watched) {
      if (socket.readyState !== socket.OPEN) continue
      const queued = socket.bufferedAmount
      const readSome = queued < entry.queuedAtLastTick
      entry.queuedAtLastTick = queued
      entry.silentPeriods = entry.heard || readSome ? 0 : entry.silentPeriods + 1
      if (entry.silentPeriods >= SILENT_PERIODS_BEFORE_DROP) {
        const waited = SILENT_PERIODS_BEFORE_DROP * this.periodMs
        this.logger.warn(`hub: dropped a connection to ${entry.docId}: no answer to a ping for ${waited} ms`)
        this.watched.delete(socket)
        // terminate, not close: a closing handshake would wait for the very peer that stopped answering.
        socket.terminate()
        continue
      }
      entry.heard = false
      socket.ping()
    }
  }

  stop(): void {
    clearInterval(this.timer)
    this.watched.clear()
  }
}
