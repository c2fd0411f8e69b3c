import * as Y from 'yjs'

/**
 * True when a peer whose state vector is `remote` already holds every change that `local` holds.
 * The client uses it to say "Saved" only once the hub (which stores before it relays) has everything.
 */
export function remoteHasEverything(local: Uint8Array, remote: Uint8Array): boolean {
  const localClocks = Y.decodeStateVector(local)
  const remoteClocks = Y.decodeStateVector(remote)
  for (const [clientId, clock] of localClocks) {
    if ((remoteClocks.get(clientId) ?? 0) < clock) return false
  }
  return true
}

export function toBase64(bytes: Uint8Array): string {
  let binary = ''
  for (const byte of bytes) binary += String.fromCharCode(byte)
  return btoa(binary)
}

export function fromBase64(text: string): Uint8Array {
  const binary = atob(text)
  const bytes = new Uint8Array(binary.length)
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i)
  return bytes
}
