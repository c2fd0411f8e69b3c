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

/**
 * Where colleagues on the same network reach this hub: http://<address>:<port> for each address it
 * listens on that is not this computer's own (loopback) or an IPv6 link-local one (browsers cannot
 * use those without a zone). Empty when it listens only on 127.0.0.1, so nobody is handed a link
 * that cannot work from another laptop. IPv4 first: it is what people can read off a screen and type.
 */
export function lanOrigins(host: string, port: number): string[] {
  const addresses: { address: string; family: string }[] = []
  if (WILDCARD_HOSTS.has(host)) {
    for (const entries of Object.values(networkInterfaces())) {
      for (const entry of entries ?? []) {
        // 0.0.0.0 listens on IPv4 only; '::' (and no host) on both.
        if (entry.internal || (host === '0.0.0.0' && entry.family !== 'IPv4')) continue
        addresses.push({ address: entry.address, family: entry.family })
      }
    }
  } else {
    addresses.push({ address: host.replace(/^\[|\]$/g, ''), family: host.includes(':') ? 'IPv6' : 'IPv4' })
  }
  const usable = addresses.filter(({ address }) => !isLoopbackName(address) && !/^fe80:/i.test(address))
  usable.sort((a, b) => (a.family === b.family ? 0 : a.family === 'IPv4' ? -1 : 1))
  return [...new Set(usable.map(({ address, family }) => `http://${family === 'IPv6' ? `[${address}]` : address}:${port}`))]
}

function isLoopbackName(address: string): boolean {
  return address === 'localhost' || address === '::1' || /^127\./.test(address)
}
