import { networkInterfaces } from 'node:os'

const LOOPBACK_NAMES = ['127.0.0.1', 'localhost', '[::1]']
const WILDCARD_HOSTS = new Set(['0.0.0.0', '::', ''])

/**
 * The page origins that may open a WebSocket: the hub's own addresses (it serves the app) plus any
 * configured extra. A page from any other site is refused, so a web page open in the user's browser
 * cannot reach patient data on a hub running on localhost.
 */
export function hubOrigins(host: string, port: number, extra: readonly string[] = []): Set<string> {
  const hosts = new Set<string>(LOOPBACK_NAMES)
  if (WILDCARD_HOSTS.has(host)) {
    for (const addresses of Object.values(networkInterfaces())) {
      for (const address of addresses ?? []) {
        hosts.add(address.family === 'IPv6' ? `[${address.address}]` : address.address)
      }
    }
  } else {
    hosts.add(host.includes(':') && !host.startsWith('[') ? `[${host}]` : host)
  }
  const origins = new Set<string>()
  for (const name of hosts) origins.add(`http://${name}:${port}`)
  for (const origin of extra) origins.add(origin)
  return origins
}

/** Browsers always send Origin on a WebSocket; native clients (Node, the y-websocket tests) send none. */
export function isAllowedOrigin(origin: string | undefined, allowed: ReadonlySet<string>): boolean {
  return origin === undefined || allowed.has(origin)
}
