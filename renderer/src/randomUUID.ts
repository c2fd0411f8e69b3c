/**
 * Browsers offer crypto.randomUUID only on secure origins (https, or this computer's own
 * 127.0.0.1). A colleague's laptop opens the hub at http://<LAN address>, where it is missing, and
 * every new card, action or agenda item (shared/ makes their ids with it) would fail. This fills it
 * in from crypto.getRandomValues, which every origin has: a version 4 UUID as RFC 9562 lays it out.
 */
export function uuidFromRandomBytes(bytes: Uint8Array): `${string}-${string}-${string}-${string}-${string}` {
  bytes[6] = (bytes[6] & 0x0f) | 0x40
  bytes[8] = (bytes[8] & 0x3f) | 0x80
  const hex = Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('')
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`
}

/** The part of Web Crypto this needs (also typed for the Node-side unit test). */
export interface RandomSource {
  getRandomValues(array: Uint8Array): Uint8Array
  randomUUID?: () => string
}

export function provideRandomUUID(crypto: RandomSource): void {
  if (typeof crypto.randomUUID === 'function') return
  crypto.randomUUID = () => uuidFromRandomBytes(crypto.getRandomValues(new Uint8Array(16)))
}

provideRandomUUID(globalThis.crypto as unknown as RandomSource)
