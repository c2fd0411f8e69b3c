import type { IncomingMessage, ServerResponse } from 'node:http'

/** What every answer from the hub carries: its security headers, and JSON with no caching. */

/** The page may talk only to the hub it came from; nothing inline, nothing from elsewhere. */
export function contentSecurityPolicy(host: string): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    `connect-src 'self' ws://${host} wss://${host}`,
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ')
}

const SAFE_HOST = /^[A-Za-z0-9.:[\]-]{1,255}$/

export function securityHeaders(request: IncomingMessage): Record<string, string> {
  const host = SAFE_HOST.test(request.headers.host ?? '') ? (request.headers.host as string) : 'localhost'
  return {
    'Content-Security-Policy': contentSecurityPolicy(host),
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'X-Frame-Options': 'DENY',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
  }
}

export function sendJson(request: IncomingMessage, response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, {
    ...securityHeaders(request),
    'Content-Type': 'application/json; charset=utf-8',
    'Cache-Control': 'no-store',
  })
  response.end(JSON.stringify(body))
}
