import type { WebSocket } from 'ws'
import type { HubLogger } from './types'

interface Watched {
  docId: string
  /** Set whenever the peer shows it is there; cleared at each tick, when it is pinged. */
  heard: boolean
  /** Bytes waiting to be sent at the last tick: if fewer wait now, the peer has been reading. */
  queuedAtLastTick: number
}

/**
 * Pings every connection once a period and drops the ones that have shown no sign of life since the
 * previous ping, so a peer that vanished silently (a phone walking out of Wi-Fi range) is noticed and its
 * presence removed. A sign of life is a pong, any message, or reading part of what we had queued for it:
 * a busy peer's pong can wait behind a large reply that is still on its way, and that peer is not silent.
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
    const entry: Watched = { docId, heard: true, queuedAtLastTick: 0 }
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
      const queued = socket.bufferedAmount
      const readSome = queued < entry.queuedAtLastTick
      entry.queuedAtLastTick = queued
      if (!entry.heard && !readSome) {
        this.logger.warn(`hub: dropped a connection to ${entry.docId}: no answer to a ping within ${this.periodMs} ms`)
        this.watched.delete(socket)
        // terminate, not close: a closing handshake would wait for the very peer that stopped answering.
        socket.terminate()
        continue
      }
      entry.heard = false
      if (socket.readyState === socket.OPEN) socket.ping()
    }
  }

  stop(): void {
    clearInterval(this.timer)
    this.watched.clear()
  }
}
