import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { createServer, type Server } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { readRememberedPort, startOnRememberedPort } from './hubPort'

// Real sockets on 127.0.0.1 stand in for the hub: what matters is which port it listens on.

let folder: string
let portFile: string
const servers: Server[] = []

beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), 'rt-port-'))
  portFile = join(folder, 'hub-port')
})

afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => new Promise((resolve) => server.close(resolve))))
  rmSync(folder, { recursive: true, force: true })
})

async function listen(port: number): Promise<{ port: number }> {
  const server = createServer()
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, '127.0.0.1', () => resolve())
  })
  servers.push(server)
  const address = server.address()
  return { port: typeof address === 'object' && address ? address.port : 0 }
}

/** A port that was free a moment ago. */
async function freePort(): Promise<number> {
  const { port } = await listen(0)
  await new Promise((resolve) => servers.pop()?.close(resolve))
  return port
}

describe('the hub port the desktop app remembers', () => {
  it('takes a free port the first time and remembers it', async () => {
    const log = vi.fn()
    const start = vi.fn(listen)
    const hub = await startOnRememberedPort(portFile, start, log)
    expect(start.mock.calls).toEqual([[0]])
    expect(hub.port).toBeGreaterThan(0)
    expect(readRememberedPort(portFile)).toBe(hub.port)
    expect(log).not.toHaveBeenCalled()
  })

  it('uses the remembered port again when it is free, so the window keeps its address', async () => {
    const port = await freePort()
    writeFileSync(portFile, `${port}\n`)
    const start = vi.fn(listen)
    const hub = await startOnRememberedPort(portFile, start, vi.fn())
    expect(hub.port).toBe(port)
    expect(start.mock.calls).toEqual([[port]])
  })

  it('falls back to a free port when the remembered one is taken, says so, and remembers the new one', async () => {
    const taken = await listen(0)
    writeFileSync(portFile, `${taken.port}\n`)
    const log = vi.fn()
    const start = vi.fn(listen)
    const hub = await startOnRememberedPort(portFile, start, log)
    // Probed first: the hub (which opens and checks the store) is started once, not twice.
    expect(start.mock.calls).toEqual([[0]])
    expect(hub.port).not.toBe(taken.port)
    expect(readRememberedPort(portFile)).toBe(hub.port)
    expect(log).toHaveBeenCalledWith(expect.stringContaining(`port ${taken.port} (used last time) is taken`))
  })

  it('still falls back when the port is taken between the probe and the hub listening', async () => {
    const port = await freePort()
    writeFileSync(portFile, `${port}\n`)
    const log = vi.fn()
    const start = vi.fn(async (wanted: number) => {
      if (wanted === port) throw Object.assign(new Error('listen EADDRINUSE'), { code: 'EADDRINUSE' })
      return listen(wanted)
    })
    const hub = await startOnRememberedPort(portFile, start, log)
    expect(start.mock.calls).toEqual([[port], [0]])
    expect(readRememberedPort(portFile)).toBe(hub.port)
    expect(log).toHaveBeenCalledWith(expect.stringContaining(`port ${port} (used last time) is taken`))
  })

  it('ignores a file that does not hold a usable port', async () => {
    for (const text of ['', 'banana', '80', '70000', '4455.5']) {
      writeFileSync(portFile, text)
      expect(readRememberedPort(portFile)).toBeNull()
    }
    const start = vi.fn(listen)
    await startOnRememberedPort(portFile, start, vi.fn())
    expect(start.mock.calls).toEqual([[0]])
  })

  it('does not hide a failure that is not about the port (a damaged store is reported, not retried)', async () => {
    writeFileSync(portFile, `${await freePort()}\n`)
    const start = vi.fn(async () => {
      throw new Error('The data file is damaged')
    })
    await expect(startOnRememberedPort(portFile, start, vi.fn())).rejects.toThrow('The data file is damaged')
    expect(start).toHaveBeenCalledOnce()
  })

  it('still starts when the port cannot be written down', async () => {
    const log = vi.fn()
    const hub = await startOnRememberedPort(join(folder, 'missing-folder', 'hub-port'), listen, log)
    expect(hub.port).toBeGreaterThan(0)
    expect(log).toHaveBeenCalledWith(expect.stringContaining('could not remember port'))
  })
})
