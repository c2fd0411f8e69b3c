/**
 * What the board tells people about their connection and their changes. It must never claim more
 * than is true: "Saved" only once the hub (which writes to disk before it relays) holds every change
 * made in this window; "on this device" only while this browser can keep a copy of them
 * (renderer/src/deviceCopy.ts).
 */

export type ConnectionState = 'connecting' | 'refused' | 'reconnecting' | 'saving' | 'saved'

export interface ConnectionFacts {
  /** The WebSocket to the hub is open. */
  connected: boolean
  /** The first exchange with the hub has finished since the page opened. */
  everSynced: boolean
  /** The hub refused this window's access code. */
  refused: boolean
  /** The hub's own words for why, when it gave them (a meeting link closed, a plan off the agenda). */
  refusedBecause?: string
  /** Every change made here is known to be stored by the hub. */
  hubHasEverything: boolean
  /** Changes the hub has not stored are written to this device's storage (false when the browser refuses it). */
  deviceCopyWorks: boolean
  /** The plan on screen came from the copy kept on this device: changes left unsent by a window closed before the hub had them. */
  shownFromDevice: boolean
}

export interface ConnectionStatus {
  state: ConnectionState
  label: string
}

export function describeConnection(facts: ConnectionFacts): ConnectionStatus {
  if (facts.refused) {
    const why = facts.refusedBecause?.trim() || 'The hub refused this link’s access code. Ask whoever runs Roundtable for a new link.'
    // Changes typed before the refusal are still in this window (and on the device, where it can keep them).
    const kept = facts.hubHasEverything ? '' : facts.deviceCopyWorks ? ' Your latest changes are kept on this device.' : ' Your latest changes are only in this window.'
    return { state: 'refused', label: `${why}${kept}` }
  }
  if (!facts.everSynced) {
    if (facts.shownFromDevice) {
      return { state: 'connecting', label: 'Connecting to the hub — showing the copy kept on this device; your changes will be sent when the hub answers' }
    }
    return { state: 'connecting', label: 'Connecting to the hub…' }
  }
  if (!facts.connected) {
    if (!facts.deviceCopyWorks) {
      return { state: 'reconnecting', label: 'Reconnecting — your changes are kept here in this window only: keep it open until the hub is back' }
    }
    return { state: 'reconnecting', label: 'Reconnecting — your changes are kept here, on this device, and will be sent when the hub is back' }
  }
  if (!facts.hubHasEverything) return { state: 'saving', label: 'Connected — saving…' }
  return { state: 'saved', label: 'Connected — all changes saved' }
}
