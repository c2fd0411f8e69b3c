import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import * as Y from 'yjs'
import { initialiseBoard } from '../../shared/board'
import { addAgendaItem, endMeeting } from '../../shared/meeting/meeting'
import { connectClient, lanAddress, makeDataDir, networkTestsCanRun, removeDataDir, startTestHub, synced, TEST_TOKEN, waitUntilStored, type TestClient, type TestHub } from './helpers'

/**
 * The desktop app's hub listens on 127.0.0.1 only, and opens to the network while a meeting link is
 * open (electron/hub/network.ts): before and after, another laptop cannot even connect. "Another
 * laptop" is this machine's own network address, which the hub sees as a peer on the network.
 */

// Without a network interface there is no non-loopback address to come from; the reason is printed.
const describeOnNetwork = networkTestsCanRun('meeting-network') ? describe : describe.skip

/** Whether anything answers on the network address at all (a refused connection is "no"). */
async function reachable(origin: string): Promise<boolean> {
  try {
    await fetch(`${origin}/healthz`)
    return true
  } catch {
    return false
  }
}

/** A WebSocket from a colleague's page: its origin is the address they opened. */
function openFromPage(origin: string, docId: string, token: string): Promise<{ socket: WebSocket; opened: boolean }> {
  const socket = new WebSocket(`${origin.replace('http', 'ws')}/sync/${docId}?token=${encodeURIComponent(token)}`, { headers: { Origin: origin } })
  return new Promise((resolve) => {
    socket.once('open', () => resolve({ socket, opened: true }))
    socket.once('unexpected-response', () => resolve({ socket, opened: false }))
    socket.once('error', () => resolve({ socket, opened: false }))
  })
}

describeOnNetwork('hub: the desktop opens to the network only while a meeting link is open', () => {
  let dataDir: string
  let running: TestHub
  const clients: TestClient[] = []
  const sockets: WebSocket[] = []
  let local: string
  let lan: string

  beforeEach(async () => {
    dataDir = makeDataDir()
    running = await startTestHub(dataDir, { host: '127.0.0.1', openToNetworkOnDemand: true })
    local = `http://127.0.0.1:${running.hub.port}`
    lan = `http://${lanAddress}:${running.hub.port}`
  })
  afterEach(async () => {
    sockets.splice(0).forEach((socket) => socket.terminate())
    clients.splice(0).forEach((client) => client.destroy())
    await running.hub.close()
    removeDataDir(dataDir)
  })

  async function meeting(): Promise<TestClient> {
    const client = connectClient(running.wsUrl, 'huddle', TEST_TOKEN, new Y.Doc({ gc: false }))
    clients.push(client)
    await synced(client)
    initialiseBoard(client.doc, { kind: 'meeting', title: 'Thursday huddle', now: new Date() })
    addAgendaItem(client.doc, { planId: 'planRW', label: 'R.W.', budgetMinutes: 6 })
    await waitUntilStored(running.hub.origin, 'huddle', client.doc)
    return client
  }

  const invitation = async (method: 'GET' | 'POST' | 'DELETE') => {
    const response = await fetch(`${local}/api/meetings/huddle/invitation?token=${TEST_TOKEN}`, { method })
    return (await response.json()) as { open?: boolean; token?: string; lanOrigins?: string[]; networkPossible?: boolean }
  }

  it('listens on the network from opening a link to closing it, and the link works from there meanwhile', async () => {
    await meeting()
    expect(await reachable(lan)).toBe(false)
    // Not listening on the network yet, but able to: the panel offers to open it.
    expect(await invitation('GET')).toMatchObject({ open: false, lanOrigins: [], networkPossible: true })

    const opened = await invitation('POST')
    expect(opened.lanOrigins).toContain(lan)
    expect(await reachable(lan)).toBe(true)
    const colleague = await openFromPage(lan, 'huddle', String(opened.token))
    sockets.push(colleague.socket)
    expect(colleague.opened, 'the meeting link opens the meeting from the network').toBe(true)
    // This computer's own token is still refused from the network address.
    const own = await fetch(`${lan}/api/docs?token=${TEST_TOKEN}`)
    expect(own.status).toBe(401)

    await invitation('DELETE')
    await expect.poll(() => reachable(lan), { timeout: 5000 }).toBe(false)
    expect((await invitation('GET')).lanOrigins).toEqual([])
    // The computer's own window carries on.
    expect((await fetch(`${local}/api/docs?token=${TEST_TOKEN}`)).status).toBe(200)
  })

  it('stops listening on the network when the meeting ends', async () => {
    const client = await meeting()
    await invitation('POST')
    expect(await reachable(lan)).toBe(true)
    endMeeting(client.doc, Date.now())
    await expect.poll(() => reachable(lan), { timeout: 5000 }).toBe(false)
  })
})
