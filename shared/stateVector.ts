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

/**
 * True when a peer whose stored state is `remote` holds every change in `local`: every insertion (the
 * state vector) and every deletion (the delete set, which a state vector cannot show). "Saved" and
 * clearing the device copy both rest on this, so a change that only deletes is never taken as stored
 * before it is.
 */
export function snapshotHoldsAll(remote: Y.Snapshot, local: Y.Snapshot): boolean {
  for (const [clientId, clock] of local.sv) {
    if ((remote.sv.get(clientId) ?? 0) < clock) return false
  }
  // Merging sorts and joins ranges, so equal sets compare equal; what `local` adds shows as a difference.
  const remoteDeletions = Y.mergeDeleteSets([remote.ds])
  return Y.equalDeleteSets(remoteDeletions, Y.mergeDeleteSets([remoteDeletions, local.ds]))
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
