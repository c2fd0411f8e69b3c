import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { Duplex } from 'node:stream'
import { WebSocketServer } from 'ws'
import { grantCoversDocument, type AgendaPlans } from '../../shared/access'
import { accessFor, refusalMessage } from './access'
import { Invitations } from './invitations'
import { isValidDocId } from '../../shared/docId'
import { handleHttp, tokenFrom } from './http'
import { KeepAlive } from './keepalive'
import { NetworkListeners } from './network'
import { hubOrigins, isAllowedOrigin, lanOrigins } from './origins'
import { DEFAULT_SEND_LIMITS } from './outbox'
import { DEFAULT_MAX_PRESENCE_BYTES } from './presence'
import { RoomRegistry } from './rooms'
import { DocumentStore } from './store'
import { TrackerModel } from './tracker'
import type { HubCloseReport, HubLogger, HubOptions, RunningHub } from './types'

export type { HubCloseReport, HubOptions, RunningHub } from './types'

export const DEFAULT_MAX_MESSAGE_BYTES = 10 * 1024 * 1024
export const DEFAULT_KEEP_ALIVE_MS = 30_000
const HUB_VERSION = '1'

const consoleLogger: HubLogger = {
  info: (message) => console.log(message),
  warn: (message) => console.warn(message),
  error: (message) => console.error(message),
}

/** Answers an upgrade we will not accept with a plain HTTP status, sending nothing of any document. */
function refuseUpgrade(socket: Duplex, status: number, statusText: string, reason: string): void {
  const body = `${reason}\n`
  socket.end(
    `HTTP/1.1 ${status} ${statusText}\r\nConnection: close\r\nContent-Type: text/plain; charset=utf-8\r\n` +
      `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
  )
}

/**
 * Starts a hub: one HTTP server that serves the app, a small JSON API, and y-websocket rooms at
 * /sync/<docId>, all backed by one SQLite store. The desktop app and `npm run serve` both use this.
 */
export async function startHub(options: HubOptions): Promise<RunningHub> {
  const logger = options.logger ?? consoleLogger
  const host = options.host ?? '127.0.0.1'
  const store = DocumentStore.open(options.dataDir, {
    dataKey: options.dataKey,
    nativeBinding: options.sqliteNativeBinding,
    log: (message) => logger.info(`hub: ${message}`),
  })
  const tracker = new TrackerModel(store, options.trackerRefreshMs ?? 200, logger)
  const rebuilt = tracker.catchUp()
  if (rebuilt > 0) logger.info(`hub: brought the action tracker up to date for ${rebuilt} ${rebuilt === 1 ? 'plan' : 'plans'}`)
  const invitations = new Invitations(options.tokens, (grants, reason) => {
    rooms.closeGrants(grants, reason)
    // The desktop's network listeners stay open only while some meeting link or workshop room is.
    if (network && invitations.openCount() === 0) void network.close().then(() => setNetworkOrigins([]))
  })
  const rooms = new RoomRegistry(store, logger, {
    idleUnloadMs: options.idleUnloadMs ?? 30_000,
    compactAfterUpdates: options.compactAfterUpdates ?? 500,
    sendLimits: {
      softLimitBytes: options.sendQueueSoftLimitBytes ?? DEFAULT_SEND_LIMITS.softLimitBytes,
      hardLimitBytes: options.sendQueueHardLimitBytes ?? DEFAULT_SEND_LIMITS.hardLimitBytes,
      graceMs: options.sendQueueGraceMs ?? DEFAULT_SEND_LIMITS.graceMs,
    },
    maxPresenceBytes: options.maxPresenceBytes ?? DEFAULT_MAX_PRESENCE_BYTES,
    presenceChallengeMs: options.presenceChallengeMs,
    onEnded: (kind, docId) => invitations.close(kind, docId, 'ended'),
  }, tracker)
  /** The plans on a meeting's agenda now: what a meeting link opens besides the meeting. */
  const agendaPlans: AgendaPlans = (meetingId) => rooms.agendaPlanIds(meetingId)
  const httpContext = {
    tokens: options.tokens,
    staticDir: options.staticDir,
    crossOriginPages: new Set(options.allowedOrigins ?? []),
    version: HUB_VERSION,
    listDocuments: () => store.listDocuments(),
    storedState: (docId: string) => rooms.storedState(docId),
    trackedActions: tracker.query.bind(tracker),
    agendaPlans,
    meetingLinks: {
      invitations,
      kindOf: (docId: string) => store.listDocuments().find((document) => document.id === docId)?.kind ?? null,
      hasEnded: (kind: 'meeting' | 'workshop', docId: string) => rooms.hasEnded(kind, docId),
      // Known once the hub is listening (port 0 picks one); nothing can ask before then.
      lanOrigins: () => networkOrigins,
      networkPossible: () => network !== null || networkOrigins.length > 0,
      beforeOpening: async () => {
        if (!network) return
        setNetworkOrigins((await network.open(port)).map((address) => `http://${address}:${port}`))
      },
      now: () => Date.now(),
    },
  }

  const answerRequest = (request: IncomingMessage, response: ServerResponse) => {
    handleHttp(httpContext, request, response).catch((error: Error) => {
      logger.error(`hub: ${request.method} ${request.url?.split('?')[0]} failed: ${error.message}`)
      if (!response.headersSent) response.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' })
      response.end('The hub could not answer. Nothing stored was changed.')
    })
  }
  const sockets = new WebSocketServer({ noServer: true, maxPayload: options.maxMessageBytes ?? DEFAULT_MAX_MESSAGE_BYTES })
  // Every accepted socket is watched from the moment it is upgraded: with noServer, ws emits no
  // 'connection' event, so nothing may rely on one.
  const keepAlive = new KeepAlive(options.keepAliveMs ?? DEFAULT_KEEP_ALIVE_MS, logger)
  let allowedOrigins = new Set<string>()
  let networkOrigins: string[] = []
  let port = 0
  /** Where colleagues reach the hub now; their pages' origin may then open WebSockets. */
  const setNetworkOrigins = (origins: string[]) => {
    if (host !== '127.0.0.1') return
    networkOrigins = origins
    allowedOrigins = hubOrigins(host, port, [...(options.allowedOrigins ?? []), ...origins])
  }

  const acceptUpgrade = (request: IncomingMessage, socket: Duplex, head: Buffer) => {    const url = new URL(request.url ?? '/', 'http://hub.invalid')
    const match = /^\/sync\/([^/]*)$/.exec(url.pathname)
    if (!match) return refuseUpgrade(socket, 404, 'Not Found', 'WebSockets live at /sync/<board id>.')
    const docId = match[1]
    if (!isValidDocId(docId)) {
      return refuseUpgrade(socket, 400, 'Bad Request', 'A board id is 1 to 64 letters, digits, hyphens or underscores.')
    }
    if (!isAllowedOrigin(request.headers.origin, allowedOrigins)) {
      logger.warn(`hub: refused a WebSocket from foreign origin ${request.headers.origin}`)
      return refuseUpgrade(socket, 403, 'Forbidden', 'Pages from other sites may not connect to this hub.')
    }
    const access = accessFor(options.tokens, tokenFrom(request, url), request.socket.remoteAddress)
    if ('refused' in access) {
      if (access.refused === 'not-from-network') logger.warn(`hub: refused this computer's own access code from ${request.socket.remoteAddress}`)
      return refuseUpgrade(socket, 401, 'Unauthorized', access.refused === 'not-from-network' ? refusalMessage(access.refused) : 'The access code is missing or wrong for this board.')
    }
    const grant = access.grant
    if (!grantCoversDocument(grant, docId, agendaPlans)) {
      return refuseUpgrade(socket, 401, 'Unauthorized', 'The access code is missing or wrong for this board.')
    }
    sockets.handleUpgrade(request, socket, head, (webSocket) => {
      // ws closes an oversized frame itself with 1009; this logs it and keeps the hub running.
      webSocket.on('error', (error) => logger.warn(`hub: closed a connection to ${docId}: ${error.message}`))
      keepAlive.watch(webSocket, docId)
      rooms.connect(docId, webSocket, grant)
    })
  }
  const hubServer = () => {
    const created = createServer(answerRequest)
    created.on('upgrade', acceptUpgrade)
    return created
  }
  const server = hubServer()
  // The desktop listens on 127.0.0.1 only, and opens to the network while a meeting link is open (network.ts).
  const network = options.openToNetworkOnDemand && host === '127.0.0.1' ? new NetworkListeners(hubServer, logger) : null

  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject)
      server.listen(options.port ?? 0, host, () => {
        server.off('error', reject)
        resolve()
      })
    })
  } catch (error) {
    // Nothing has connected yet; what was set up must still stop (the desktop retries in this process).
    keepAlive.stop()
    sockets.close()
    store.close()
    throw error
  }
  const address = server.address()
  port = typeof address === 'object' && address ? address.port : (options.port ?? 0)
  allowedOrigins = hubOrigins(host, port, options.allowedOrigins)
  networkOrigins = lanOrigins(host, port)
  const displayHost = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host.includes(':') ? `[${host}]` : host

  let closing: Promise<HubCloseReport> | null = null
  return {
    origin: `http://${displayHost}:${port}`,
    port,
    loadedDocumentCount: () => rooms.loadedCount,
    close() {
      closing ??= (async () => {
        keepAlive.stop()
        rooms.closeAll()
        tracker.stop()
        await network?.close()
        for (const webSocket of sockets.clients) webSocket.terminate()
        await new Promise<void>((resolve) => sockets.close(() => resolve()))
        server.closeAllConnections()
        await new Promise<void>((resolve) => server.close(() => resolve()))
        const stored = store.close()
        const problems: string[] = []
        if (!stored.folded) {
          problems.push(`could not fold the write-ahead log into the data file: ${stored.problem}`)
          logger.error(`hub: while closing, ${problems[0]}. Every change was already committed; it is folded in on the next start.`)
        }
        return { problems }
      })()
      return closing
    },
  }
}
