/**
 * Runs one sync server in its own process for the latency benchmark, so the server does not share an
 * event loop with the 60 clients that load it.
 *
 *   node --import tsx bench/server-process.ts roundtable <dataDir>
 *   node --import tsx bench/server-process.ts reference
 *
 * Both listen on 127.0.0.1 on a free port and serve y-websocket at ws://127.0.0.1:<port>/sync/<docId>.
 * Started with fork() by bench/servers.ts; see bench/server-ipc.ts for the messages.
 */
import { createServer, type Server } from 'node:http'
import { WebSocketServer } from 'ws'
import { setupWSConnection } from '@y/websocket-server/utils'
import { startHub } from '../electron/hub/index'
import { TokenRegistry } from '../electron/hub/tokens'
import type { HubLogger } from '../electron/hub/types'
import { BENCH_DATA_KEY } from './encryption'
import { BENCH_TOKEN, isParentMessage, type ChildMessage, type ServerKind } from './server-ipc'

function tell(message: ChildMessage): void {
  process.send?.(message)
}

/** Hub warnings and errors go to stderr so a misbehaving run is visible; routine info lines are dropped. */
const hubLogger: HubLogger = {
  info: () => {},
  warn: (message) => console.error(`[roundtable hub] ${message}`),
  error: (message) => console.error(`[roundtable hub] ${message}`),
}

async function startRoundtable(dataDir: string): Promise<{ port: number; stop: () => Promise<void> }> {
  const hub = await startHub({
    dataDir,
    dataKey: BENCH_DATA_KEY,
    host: '127.0.0.1',
    port: 0,
    tokens: TokenRegistry.withAdminToken(BENCH_TOKEN),
    logger: hubLogger,
  })
  return { port: hub.port, stop: async () => void (await hub.close()) }
}

/** The reference server as y-websocket's own bin/server.js wires it: ws + setupWSConnection, nothing persisted. */
async function startReference(): Promise<{ port: number; stop: () => Promise<void> }> {
  const server: Server = createServer((_request, response) => {
    response.writeHead(200, { 'Content-Type': 'text/plain' })
    response.end('okay')
  })
  const sockets = new WebSocketServer({ noServer: true })
  server.on('upgrade', (request, socket, head) => {
    sockets.handleUpgrade(request, socket, head, (webSocket) => setupWSConnection(webSocket, request))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  const port = typeof address === 'object' && address ? address.port : 0
  return {
    port,
    async stop() {
      for (const webSocket of sockets.clients) webSocket.terminate()
      await new Promise<void>((resolve) => sockets.close(() => resolve()))
      server.closeAllConnections()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    },
  }
}

async function main(): Promise<void> {
  const kind = process.argv[2] as ServerKind
  const dataDir = process.argv[3]
  if (kind !== 'roundtable' && kind !== 'reference') throw new Error(`Unknown server kind: ${String(kind)}`)
  if (kind === 'roundtable' && !dataDir) throw new Error('The Roundtable hub needs a data folder')

  const running = kind === 'roundtable' ? await startRoundtable(dataDir) : await startReference()
  let stopping = false
  const stop = async (): Promise<void> => {
    if (stopping) return
    stopping = true
    await running.stop()
    process.exit(0)
  }

  process.on('message', (message: unknown) => {
    if (!isParentMessage(message)) return
    if (message.type === 'cpu') {
      const usage = process.cpuUsage()
      tell({ type: 'cpu', cpu: { userMs: usage.user / 1000, systemMs: usage.system / 1000 } })
    } else if (message.type === 'stop') {
      void stop()
    }
  })
  // If the benchmark dies, the IPC channel closes: do not linger as an orphan holding a port.
  process.on('disconnect', () => void stop())
  tell({ type: 'ready', port: running.port })
}

main().catch((error: Error) => {
  // stderr is inherited, so the parent's output shows why; it sees the exit before 'ready'.
  console.error(error.stack ?? error.message)
  process.exit(1)
})
