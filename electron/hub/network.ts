import type { Server } from 'node:http'
import { networkInterfaces } from 'node:os'
import type { HubLogger } from './types'

/**
 * The desktop app's hub listens on 127.0.0.1 only. When the facilitator opens a meeting to
 * colleagues on the same network, these extra listeners open on this computer's own network
 * addresses (IPv4, the ones people can read off a screen and type), on the hub's port, serving the
 * same app and rooms; they close again when no meeting link is open. Nothing on the network can
 * reach the hub before or after, and what it can reach meanwhile is what the meeting link's token
 * covers: the hub refuses this computer's own full-access token from any address but its own.
 */
export class NetworkListeners {
  private servers: Server[] = []
  private opening: Promise<string[]> | null = null

  constructor(
    /** A server answering as the hub does (its request and upgrade handlers attached). */
    private readonly makeServer: () => Server,
    private readonly logger: HubLogger,
  ) {}

  /** Whether any network listener is open now. */
  get isOpen(): boolean {
    return this.servers.length > 0
  }

  /** Opens a listener on each network address (once; later calls give the same answer). Gives the addresses listened on. */
  open(port: number): Promise<string[]> {
    this.opening ??= this.listenOnEach(port)
    return this.opening
  }

  private async listenOnEach(port: number): Promise<string[]> {
    const listened: string[] = []
    for (const address of networkAddresses()) {
      const server = this.makeServer()
      try {
        await new Promise<void>((resolve, reject) => {
          server.once('error', reject)
          server.listen(port, address, () => {
            server.off('error', reject)
            resolve()
          })
        })
        this.servers.push(server)
        listened.push(address)
      } catch (error) {
        // One address that will not bind (taken, or gone) must not stop the others.
        this.logger.warn(`hub: could not listen on ${address}:${port} for meeting links and workshop rooms: ${(error as Error).message}`)
      }
    }
    if (listened.length > 0) this.logger.info(`hub: open to this network for a meeting link or workshop room on ${listened.join(', ')}`)
    return listened
  }

  /** Closes every network listener and the connections through them. */
  async close(): Promise<void> {
    const closing = this.servers.splice(0)
    this.opening = null
    if (closing.length === 0) return
    await Promise.all(
      closing.map(
        (server) =>
          new Promise<void>((resolve) => {
            server.closeAllConnections()
            server.close(() => resolve())
          }),
      ),
    )
    this.logger.info('hub: closed to the network (no meeting link or workshop room is open)')
  }
}

/** This computer's IPv4 addresses on its networks: not loopback, not link-local. */
export function networkAddresses(): string[] {
  const addresses: string[] = []
  for (const entries of Object.values(networkInterfaces())) {
    for (const entry of entries ?? []) {
      if (entry.internal || entry.family !== 'IPv4' || entry.address.startsWith('169.254.')) continue
      addresses.push(entry.address)
    }
  }
  return [...new Set(addresses)]
}
