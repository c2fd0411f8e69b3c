import type { WebSocket } from 'ws'
import { CloseCode } from './protocol'
import type { HubLogger } from './types'

export interface SendLimits {
  /** Bytes waiting to be sent to one connection above which it is "behind" and watched. */
  softLimitBytes: number
  /** Bytes waiting to be sent to one connection that are never exceeded: it is closed instead. */
  hardLimitBytes: number
  /** How long a connection may stay behind without catching up before it is closed. */
  graceMs: number
}

export const DEFAULT_SEND_LIMITS: SendLimits = {
  softLimitBytes: 16 * 1024 * 1024,
  hardLimitBytes: 64 * 1024 * 1024,
  graceMs: 15_000,
}

const REASON = 'Closed: this connection fell too far behind; reconnect to catch up'

/**
 * Everything the hub sends to a connection waits in the hub's memory (ws's bufferedAmount) until the
 * peer reads it, so a peer that never reads could otherwise grow the hub without limit.
 *
 * A message cannot simply be skipped: a client that misses one update is out of sync for good. So a
 * connection that falls behind is closed (1013, "try again later") instead, and y-websocket clients
 * reconnect and catch up with one state exchange. "Behind" means:
 * - over the hard limit: a message that would take its queue past it is not queued; the connection is
 *   closed at once (a message to an empty queue is always sent, or a board larger than the limit could
 *   never be opened);
 * - over the soft limit and not catching up: its queue is no shorter a grace period later. A slow link
 *   still reading a big board's state shrinks its queue and is left alone; a peer that reads nothing is not;
 * - asking for the whole state again while the soft limit is exceeded (see canAnswerStateRequest).
 * Memory held for one connection is therefore at most the hard limit, or one message if larger.
 */
export class Outbox {
  private readonly watching = new Map<WebSocket, NodeJS.Timeout>()

  constructor(
    private readonly docId: string,
    private readonly limits: SendLimits,
    private readonly logger: HubLogger,
    /** Called when a connection is closed for falling behind, so the room can let it go at once. */
    private readonly onClosed: (socket: WebSocket) => void,
  ) {}

  send(socket: WebSocket, message: Uint8Array): void {
    if (socket.readyState !== socket.OPEN) return
    const queued = socket.bufferedAmount
    if (queued > 0 && queued + message.byteLength > this.limits.hardLimitBytes) {
      this.closeBehind(socket, `${describeBytes(queued + message.byteLength)} would be waiting to be sent`)
      return
    }
    socket.send(message, (error) => {
      if (error) socket.terminate()
    })
    if (socket.bufferedAmount > this.limits.softLimitBytes) this.watch(socket)
  }

  /**
   * A y-websocket client asks for the whole state once per connection. One that asks again before it has
   * read the last answer is only making the hub build answers nobody reads (a 20 MB board grew the hub by
   * 800 MB that way), so it is closed instead of answered.
   */
  canAnswerStateRequest(socket: WebSocket): boolean {
    const queued = socket.bufferedAmount
    if (queued <= this.limits.softLimitBytes) return true
    this.closeBehind(socket, `asked for the whole board again with ${describeBytes(queued)} still unread`)
    return false
  }

  forget(socket: WebSocket): void {
    const timer = this.watching.get(socket)
    if (timer) clearTimeout(timer)
    this.watching.delete(socket)
  }

  private watch(socket: WebSocket): void {
    if (this.watching.has(socket)) return
    const queuedAtStart = socket.bufferedAmount
    const timer = setTimeout(() => {
      this.watching.delete(socket)
      if (socket.readyState !== socket.OPEN) return
      const queued = socket.bufferedAmount
      if (queued > this.limits.softLimitBytes && queued >= queuedAtStart) {
        this.closeBehind(socket, `${describeBytes(queued)} still unread after ${this.limits.graceMs} ms`)
      } else if (queued > this.limits.softLimitBytes) {
        this.watch(socket)
      }
    }, this.limits.graceMs)
    timer.unref()
    this.watching.set(socket, timer)
  }

  private closeBehind(socket: WebSocket, why: string): void {
    this.logger.warn(`hub: closed a connection to ${this.docId} that fell behind: ${why}`)
    this.forget(socket)
    // The close frame waits behind the unread bytes; ws destroys the socket if the peer never reads it.
    socket.close(CloseCode.tryAgainLater, REASON)
    this.onClosed(socket)
  }
}

function describeBytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MiB`
}
