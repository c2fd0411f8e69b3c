import { createServer, type Server } from 'node:net'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { WebSocketServer } from 'ws'
import { KeepAlive } from '../../electron/hub/keepalive'
import { DocumentStore } from '../../electron/hub/store'
import { makeDataDir, removeDataDir, startTestHub } from './helpers'

// A hub whose port is taken must leave nothing behind: the desktop app tries again on another
// port in the same process, and every attempt would otherwise leave a keep-alive timer running.

describe('a hub that cannot listen', () => {
  let dataDir: string
  let blocker: Server
  beforeEach(async () => {
    dataDir = makeDataDir()
    blocker = createServer()
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', () => resolve()))
  })
  afterEach(async () => {
    vi.restoreAllMocks()
    await new Promise((resolve) => blocker.close(resolve))
    removeDataDir(dataDir)
  })

  it('rejects with EADDRINUSE and stops its keep-alive timer, its WebSocket server and its store', async () => {
    const keepAliveStopped = vi.spyOn(KeepAlive.prototype, 'stop')
    const socketsClosed = vi.spyOn(WebSocketServer.prototype, 'close')
    const storeClosed = vi.spyOn(DocumentStore.prototype, 'close')
    const address = blocker.address()
    const port = typeof address === 'object' && address ? address.port : 0

    await expect(startTestHub(dataDir, { port, host: '127.0.0.1' })).rejects.toMatchObject({ code: 'EADDRINUSE' })
    expect(keepAliveStopped).toHaveBeenCalledOnce()
    expect(socketsClosed).toHaveBeenCalledOnce()
    expect(storeClosed).toHaveBeenCalledOnce()
  })
})
