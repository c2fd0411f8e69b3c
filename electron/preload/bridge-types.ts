import type { BridgeOf, Handlers } from '../main/handlers'

/**
 * The type of `window.roundtable`, derived from main's handler map: the same namespaces and
 * names, each returning a Promise. Only in the desktop app; in a browser tab there is no bridge,
 * so the renderer declares it optional:
 *
 *   import type { RoundtableBridge } from '../../electron/preload/bridge-types'
 *   declare global { interface Window { roundtable?: RoundtableBridge } }
 */
export type RoundtableBridge = BridgeOf<Handlers>

export type { AppInfo } from '../main/handlers'
