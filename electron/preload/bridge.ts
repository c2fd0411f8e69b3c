/**
 * Builds `window.roundtable` from the list of channels main registered. Pure (no Electron import),
 * so it is unit-tested in Node and safe to import from main for the shared argument name.
 *
 * The channel list is not written down a second time here: main derives it from its handler map
 * (electron/main/handlers.ts) and passes it to this preload as a command-line switch in
 * `webPreferences.additionalArguments`, which a sandboxed preload can read from process.argv.
 */

/** The switch main passes: `--roundtable-bridge=app:getInfo,app:showDataFolder,…`. */
export const BRIDGE_SWITCH = '--roundtable-bridge='

const CHANNEL = /^([a-z][A-Za-z0-9]*):([a-z][A-Za-z0-9]*)$/

export function bridgeSwitch(channels: readonly string[]): string {
  return `${BRIDGE_SWITCH}${channels.join(',')}`
}

/** The channel names in argv, keeping only well-formed `namespace:name` entries. */
export function channelsFromArgv(argv: readonly string[]): string[] {
  const argument = argv.find((entry) => entry.startsWith(BRIDGE_SWITCH))
  if (!argument) return []
  return argument
    .slice(BRIDGE_SWITCH.length)
    .split(',')
    .filter((channel) => CHANNEL.test(channel))
}

export type Invoke = (channel: string, ...args: unknown[]) => Promise<unknown>

/**
 * `{ app: { getInfo: (...args) => invoke('app:getInfo', ...args) }, … }`, frozen. Each function
 * forwards its arguments as they are; main validates them.
 */
export function buildBridge(channels: readonly string[], invoke: Invoke): Record<string, Record<string, (...args: unknown[]) => Promise<unknown>>> {
  // Plain objects (contextBridge copies plain objects); own-property checks so a name such as
  // "constructor" can never reach an inherited property.
  const bridge: Record<string, Record<string, (...args: unknown[]) => Promise<unknown>>> = {}
  for (const channel of channels) {
    const match = CHANNEL.exec(channel)
    if (!match) continue
    const [, namespace, name] = match
    const group = Object.hasOwn(bridge, namespace) ? bridge[namespace] : (bridge[namespace] = {})
    group[name] = (...args: unknown[]) => invoke(channel, ...args)
  }
  for (const group of Object.values(bridge)) Object.freeze(group)
  return Object.freeze(bridge)
}
