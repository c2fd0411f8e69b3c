import { readFileSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:net'

/**
 * The desktop window's address, http://127.0.0.1:<port>, is also where its browser storage lives,
 * including the copy of unsent changes kept on the device (renderer/src/deviceCopy.ts). A new port
 * at every launch would leave that copy behind where no later window looks, so the hub takes the
 * port it had last time when it is free, and any free port otherwise (then remembers that one).
 * Whether it is free is tried with a throwaway listener first, so the hub (which opens and checks
 * the whole store before it listens) normally starts once. Plain Node, no Electron import.
 */

/** The desktop hub listens on 127.0.0.1 only. */
const HUB_HOST = '127.0.0.1'

export async function startOnRememberedPort<Hub extends { port: number }>(
  portFile: string,
  start: (port: number) => Promise<Hub>,
  log: (message: string) => void,
): Promise<Hub> {
  const remembered = readRememberedPort(portFile)
  let hub: Hub | null = null
  if (remembered !== null) {
    const taken = `hub: port ${remembered} (used last time) is taken, so this window has a new address; changes kept on the device under the old one wait until that port is free again`
    if (await portIsFree(remembered)) {
      try {
        hub = await start(remembered)
      } catch (error) {
        // Taken in the moment between the probe and the hub's own listen.
        if (!isPortUnavailable(error)) throw error
        log(taken)
      }
    } else {
      log(taken)
    }
  }
  hub ??= await start(0)
  if (hub.port !== remembered) {
    try {
      writeFileSync(portFile, `${hub.port}\n`, { mode: 0o600 })
    } catch (error) {
      log(`hub: could not remember port ${hub.port} in ${portFile}: ${(error as Error).message}`)
    }
  }
  return hub
}

/** The port in `portFile`, or null when there is none or it is not a usable port number. */
export function readRememberedPort(portFile: string): number | null {
  let text: string
  try {
    text = readFileSync(portFile, 'utf8')
  } catch {
    return null
  }
  const port = Number(text.trim())
  return Number.isInteger(port) && port >= 1024 && port <= 65535 ? port : null
}

function isPortUnavailable(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException | null)?.code
  return code === 'EADDRINUSE' || code === 'EACCES'
}

/** Whether a listener can be opened on `port` now; closed again at once. */
async function portIsFree(port: number): Promise<boolean> {
  const probe = createServer()
  return new Promise((resolve) => {
    probe.once('error', (error) => resolve(!isPortUnavailable(error)))
    probe.listen(port, HUB_HOST, () => probe.close(() => resolve(true)))
  })
}
