import * as Y from 'yjs'
import type { Actor } from './workshop'

/** For this module's tests only: the people in a workshop and a way to sync two copies of it. */
export const facilitator: Actor = { role: 'facilitator', participantId: 'facilitator-1' }
export const amina: Actor = { role: 'contributor', participantId: 'amina0key' }
export const tomasz: Actor = { role: 'contributor', participantId: 'tomasz0key' }
export const projector: Actor = { role: 'viewer', participantId: 'projector' }

export const start = Date.UTC(2026, 11, 2, 18, 0)

export function sync(a: Y.Doc, b: Y.Doc): void {
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)))
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)))
}

/** Whether `name` appears anywhere in the document's encoded bytes (everything the hub would store). */
export function bytesContain(doc: Y.Doc, name: string): boolean {
  const haystack = Y.encodeStateAsUpdate(doc)
  const needle = new TextEncoder().encode(name)
  outer: for (let i = 0; i + needle.length <= haystack.length; i += 1) {
    for (let j = 0; j < needle.length; j += 1) if (haystack[i + j] !== needle[j]) continue outer
    return true
  }
  return false
}
