import type { Grant } from '../../shared/access'
import type { DataKey } from './store-key'
import type { TokenRegistry } from './tokens'

/** Where the hub writes what it has to say. Tests pass one that records lines. */
export interface HubLogger {
  info(message: string): void
  warn(message: string): void
  error(message: string): void
}

/** Decides what a token may do. Returns null for a missing or unknown token. */
export interface TokenChecker {
  check(token: string | null): Grant | null
}

export interface HubOptions {
  /** Folder holding roundtable.db. Created if missing (mode 700, its files 600). */
  dataDir: string
  /** The key roundtable.db is encrypted with (32 bytes). Kept outside dataDir by whoever starts the hub. */
  dataKey: DataKey
  /** Interface to bind. Default 127.0.0.1: nothing on the network can reach the hub unless asked. */
  host?: string
  /** Port to listen on; 0 picks a free one. Default 0. */
  port?: number
  /** Tokens and what they grant; meeting links issue and revoke their own here. */
  tokens: TokenRegistry
  /** Built renderer to serve at /, or undefined to serve only the hub API. */
  staticDir?: string
  /** Extra page origins allowed to open a WebSocket (besides the hub's own). */
  allowedOrigins?: string[]
  /**
   * The desktop app: listening on 127.0.0.1, the hub also listens on this computer's network
   * addresses while a meeting link is open, and stops when none is (network.ts). `npm run serve`
   * leaves this off: there `--host` says where it listens.
   */
  openToNetworkOnDemand?: boolean
  /** Largest WebSocket message accepted, in bytes. Default 10 MiB. */
  maxMessageBytes?: number
  /** How long a document with nobody connected stays in memory. Default 30 s. */
  idleUnloadMs?: number
  /** Stored updates after which a document's log is merged into one state. Default 500. */
  compactAfterUpdates?: number
  /**
   * How often each connection is pinged, in ms. One that has sent nothing, answered no ping and read
   * nothing of what was queued for it for two periods in a row is dropped. Default 30 s.
   */
  keepAliveMs?: number
  /**
   * Bytes waiting to be sent to one connection (ws's bufferedAmount) above which it counts as behind:
   * it is closed (1013) if its queue has not shrunk after sendQueueGraceMs, or if it asks for the whole
   * board again meanwhile. Default 16 MiB. See electron/hub/outbox.ts.
   */
  sendQueueSoftLimitBytes?: number
  /** Bytes waiting to be sent to one connection that are never exceeded: it is closed (1013) instead. Default 64 MiB. */
  sendQueueHardLimitBytes?: number
  /** How long a connection over the soft limit has to start catching up, in ms. Default 15 s. */
  sendQueueGraceMs?: number
  /**
   * Largest presence (awareness) state one client may set, in bytes; a larger one is left out (not
   * applied, not relayed) and logged. Default 64 KiB.
   */
  maxPresenceBytes?: number
  /**
   * When a connection claims a presence id another connection holds (a reconnect after a network blip,
   * usually), how long the holder has to answer a ping before it is dropped and the id handed over, in
   * ms. A holder that answers keeps the id. Default 3 s.
   */
  presenceChallengeMs?: number
  /**
   * How long after a plan's actions change its action-tracker rows are rewritten, in ms, so a burst
   * of edits costs one rewrite. A tracker request writes whatever is pending first. Default 200.
   */
  trackerRefreshMs?: number
  /** Path to a better-sqlite3 native binding built for this runtime (Electron needs its own). */
  sqliteNativeBinding?: string
  logger?: HubLogger
}

export interface RunningHub {
  /** http://host:port, with no token. */
  origin: string
  port: number
  /** How many documents are loaded in memory now (they unload once idle); for tests and diagnostics. */
  loadedDocumentCount(): number
  /** Stops accepting, closes every connection, flushes and closes the store. Never throws for a full disk. */
  close(): Promise<HubCloseReport>
}

export interface HubCloseReport {
  /** What went wrong while closing, in words; empty when everything was folded in and closed. */
  problems: string[]
}

export type { DocumentSummary } from '../../shared/api'
