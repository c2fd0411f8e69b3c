import { ACCESS_ENDED_CLOSE_CODE } from '../../shared/access'
import * as Y from 'yjs'
import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import * as awarenessProtocol from 'y-protocols/awareness'

/**
 * The y-websocket wire format (as y-protocols defines it), decoded strictly: anything that is not
 * exactly one well-formed message is refused before it can touch a document.
 */

const MESSAGE_SYNC = 0
const MESSAGE_AWARENESS = 1
const SYNC_STEP1 = 0
const SYNC_STEP2 = 1
const SYNC_UPDATE = 2

/** WebSocket close codes the hub uses (RFC 6455 section 7.4.1). */
export const CloseCode = {
  goingAway: 1001,
  invalidPayload: 1007,
  messageTooBig: 1009,
  internalError: 1011,
  /** IANA-registered: the server is closing for a temporary condition; reconnecting is the remedy. */
  tryAgainLater: 1013,
  /** Private use (4000-4999): this connection's access ended (a meeting link closed, a plan taken off the agenda). */
  accessEnded: ACCESS_ENDED_CLOSE_CODE,
} as const

export type ClientMessage =
  | { type: 'sync-step1'; stateVector: Uint8Array }
  | { type: 'update'; update: Uint8Array }
  | { type: 'awareness'; entries: PresenceEntry[] }

/** One client's presence in an awareness update: its id, its clock, and its state as JSON text ("null" = gone). */
export interface PresenceEntry {
  clientId: number
  clock: number
  json: string
  /** Size of the state as sent (UTF-8 bytes of the JSON). */
  stateBytes: number
}

export class MalformedMessageError extends Error {}

function readWhole(decoder: decoding.Decoder, what: string): Uint8Array {
  let payload: Uint8Array
  try {
    payload = decoding.readVarUint8Array(decoder)
  } catch {
    throw new MalformedMessageError(`${what} is truncated`)
  }
  if (decoding.hasContent(decoder)) throw new MalformedMessageError(`${what} has unexpected bytes after it`)
  return payload
}

/** `maxPresenceStateBytes`: presence states larger than this are left undecoded (see decodePresenceEntries). */
export function decodeClientMessage(data: Uint8Array, maxPresenceStateBytes = Number.POSITIVE_INFINITY): ClientMessage {
  const decoder = decoding.createDecoder(data)
  let messageType: number
  try {
    messageType = decoding.readVarUint(decoder)
  } catch {
    throw new MalformedMessageError('empty or truncated message')
  }
  if (messageType === MESSAGE_AWARENESS) {
    return { type: 'awareness', entries: decodePresenceEntries(readWhole(decoder, 'awareness message'), maxPresenceStateBytes) }
  }
  if (messageType !== MESSAGE_SYNC) throw new MalformedMessageError(`unknown message type ${messageType}`)
  let syncType: number
  try {
    syncType = decoding.readVarUint(decoder)
  } catch {
    throw new MalformedMessageError('sync message is truncated')
  }
  if (syncType === SYNC_STEP1) {
    const stateVector = readWhole(decoder, 'sync step 1')
    try {
      Y.decodeStateVector(stateVector)
    } catch {
      throw new MalformedMessageError('sync step 1 carries an unreadable state vector')
    }
    return { type: 'sync-step1', stateVector }
  }
  if (syncType === SYNC_STEP2 || syncType === SYNC_UPDATE) {
    const update = readWhole(decoder, 'sync update')
    assertReadableUpdate(update)
    return { type: 'update', update }
  }
  throw new MalformedMessageError(`unknown sync message type ${syncType}`)
}

/** Decoding the whole update first means a broken one is refused before it can half-apply. */
function assertReadableUpdate(update: Uint8Array): void {
  try {
    Y.decodeUpdate(update)
  } catch {
    throw new MalformedMessageError('the update cannot be read by Yjs')
  }
}

/**
 * Most presence entries one awareness message may carry. An honest message holds one entry per person in
 * the room: y-websocket clients echo every change they receive back to the hub, so a client joining a
 * room of 40 sends all 40 entries back. A thousand is far beyond any room this app is for; beyond it, a
 * message is refused before its entries are read (two million of them took the hub 6.7 s of blocking work).
 */
export const MAX_PRESENCE_ENTRIES_PER_MESSAGE = 1000

/**
 * An awareness update, read entry by entry so the hub can decide about each client id before anything is
 * applied: varuint count, then per entry varuint client id, varuint clock, varstring JSON state.
 * A count over MAX_PRESENCE_ENTRIES_PER_MESSAGE is refused at once, and a state over `maxStateBytes` is
 * kept out unread (json ''), so neither a flood of entries nor a huge one is ever decoded.
 */
export function decodePresenceEntries(update: Uint8Array, maxStateBytes = Number.POSITIVE_INFINITY): PresenceEntry[] {
  const unreadable = (why: string) => new MalformedMessageError(`the awareness update could not be applied: ${why}`)
  const decoder = decoding.createDecoder(update)
  const entries: PresenceEntry[] = []
  let count: number
  try {
    count = decoding.readVarUint(decoder)
  } catch {
    throw unreadable('it is truncated')
  }
  if (count > MAX_PRESENCE_ENTRIES_PER_MESSAGE) {
    // Short on purpose: it is also the close reason, which WebSocket caps at 123 bytes.
    throw unreadable(`it has ${count} entries (at most ${MAX_PRESENCE_ENTRIES_PER_MESSAGE})`)
  }
  try {
    for (let index = 0; index < count; index++) {
      const clientId = decoding.readVarUint(decoder)
      const clock = decoding.readVarUint(decoder)
      const stateUtf8 = decoding.readVarUint8Array(decoder)
      const json = stateUtf8.byteLength > maxStateBytes ? '' : strictUtf8.decode(stateUtf8)
      entries.push({ clientId, clock, json, stateBytes: stateUtf8.byteLength })
    }
  } catch {
    throw unreadable('it is truncated or not UTF-8')
  }
  if (decoding.hasContent(decoder)) throw unreadable('it has unexpected bytes after it')
  for (const entry of entries) {
    if (entry.json === '') continue
    try {
      JSON.parse(entry.json)
    } catch {
      throw unreadable(`the state for client ${entry.clientId} is not JSON`)
    }
  }
  return entries
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true })

export function encodePresenceEntries(entries: readonly PresenceEntry[]): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, entries.length)
  for (const entry of entries) {
    encoding.writeVarUint(encoder, entry.clientId)
    encoding.writeVarUint(encoder, entry.clock)
    encoding.writeVarString(encoder, entry.json)
  }
  return encoding.toUint8Array(encoder)
}

export function encodeSyncStep1(doc: Y.Doc): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MESSAGE_SYNC)
  encoding.writeVarUint(encoder, SYNC_STEP1)
  encoding.writeVarUint8Array(encoder, Y.encodeStateVector(doc))
  return encoding.toUint8Array(encoder)
}

export function encodeSyncStep2(doc: Y.Doc, stateVector: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MESSAGE_SYNC)
  encoding.writeVarUint(encoder, SYNC_STEP2)
  encoding.writeVarUint8Array(encoder, Y.encodeStateAsUpdate(doc, stateVector))
  return encoding.toUint8Array(encoder)
}

export function encodeUpdate(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MESSAGE_SYNC)
  encoding.writeVarUint(encoder, SYNC_UPDATE)
  encoding.writeVarUint8Array(encoder, update)
  return encoding.toUint8Array(encoder)
}

export function encodeAwareness(awareness: awarenessProtocol.Awareness, clientIds: number[]): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MESSAGE_AWARENESS)
  encoding.writeVarUint8Array(encoder, awarenessProtocol.encodeAwarenessUpdate(awareness, clientIds))
  return encoding.toUint8Array(encoder)
}
