import type { RoundtableBridge } from '../../electron/preload/bridge-types'

// Present only in the desktop app (the preload adds it); a browser tab has no bridge.
declare global {
  interface Window {
    roundtable?: RoundtableBridge
  }
}
