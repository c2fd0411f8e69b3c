import { networkInterfaces } from 'node:os'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import * as Y from 'yjs'
import { initialiseBoard } from '../../shared/board'
import { addAgendaItem, endMeeting, removeAgendaItem } from '../../shared/meeting/meeting'
import { lanOrigins } from '../../electron/hub/origins'
import { connectClient, lanAddress, makeDataDir, networkTestsCanRun, rawUpgrade, removeDataDir, startTestHub, synced, TEST_TOKEN, waitUntilStored, type TestClient, type TestHub } from './helpers'

/**
 * Who can reach what from the network. The hub listens on every interface, as it does when a
 * facilitator opens a meeting to colleagues' laptops; "from the network" is this machine's own LAN
 * address, so the hub sees a non-loopback peer, exactly as it would see another laptop.
 */

// Without a network interface there is no non-loopback address to come from; the reason is printed.
const describeOnNetwork = networkTestsCanRun('meeting-access') ? describe : describe.skip


/** Opens a WebSocket and waits until it is open or refused; for open ones, `closed` says how it ended. */
async function connectFrom(host: string, port: number, docId: string, token: string) {
  const socket = new WebSocket(`ws://${host}:${port}/sync/${docId}?token=${encodeURIComponent(token)}`)
  const closed = new Promise<{ code: number; reason: string }>((resolve) => socket.on('close', (code, reason) => resolve({ code, reason: reason.toString() })))
  const opened = await new Promise<boolean>((resolve) => {
    socket.once('open', () => resolve(true))
    socket.once('unexpected-response', () => resolve(false))
    socket.once('error', () => resolve(false))
  })
  return { socket, opened, closed }
}

describeOnNetwork('hub: meeting links and the network', () => {
  let dataDir: string
  let running: TestHub
  const clients: TestClient[] = []
  const sockets: WebSocket[] = []
  let lan: string
  let local: string

  beforeEach(async () => {
    dataDir = makeDataDir()
    running = await startTestHub(dataDir, { host: '0.0.0.0' })
    lan = `http://${lanAddress}:${running.hub.port}`
    local = `http://127.0.0.1:${running.hub.port}`
  })
  afterEach(async () => {
    sockets.splice(0).forEach((socket) => socket.terminate())
    clients.splice(0).forEach((client) => client.destroy())
    await running.hub.close()
    removeDataDir(dataDir)
  })

  /** The coordinator's own window, on the hub's computer, writing a board. */
  async function board(docId: string, kind: 'meeting' | 'plan', title: string): Promise<TestClient> {
    const client = connectClient(running.wsUrl, docId, TEST_TOKEN, new Y.Doc({ gc: false }))
    clients.push(client)
    await synced(client)
    initialiseBoard(client.doc, { kind, title, now: new Date() })
    await waitUntilStored(running.hub.origin, docId, client.doc)
    return client
  }

  async function call(origin: string, path: string, init: RequestInit = {}) {
    const response = await fetch(origin + path, init)
    return { status: response.status, body: (await response.json()) as Record<string, unknown> }
  }

  it('the computer’s own full-access code works on the computer and is refused from the network, saying why', async () => {
    expect((await call(local, `/api/docs?token=${TEST_TOKEN}`)).status).toBe(200)
    const fromNetwork = await call(lan, `/api/docs?token=${TEST_TOKEN}`)
    expect(fromNetwork.status).toBe(401)
    expect(fromNetwork.body.error).toMatch(/works only on the computer running Roundtable/)
    const upgrade = await rawUpgrade(`ws://${lanAddress}:${running.hub.port}/sync/anyboard?token=${TEST_TOKEN}`)
    expect('status' in upgrade && upgrade.status).toBe(401)
    expect('body' in upgrade && upgrade.body).toMatch(/works only on the computer running Roundtable/)
    expect(running.logger.lines.some((line) => line.includes(`refused this computer's own access code from ${lanAddress}`))).toBe(true)
  })

  it('a meeting link opens the meeting and the plans on its agenda, and nothing else, by WebSocket and API', async () => {
    const meeting = await board('thursday', 'meeting', 'Thursday huddle')
    await board('planRW', 'plan', 'R.W.')
    await board('planOther', 'plan', 'Z.Z.')
    addAgendaItem(meeting.doc, { planId: 'planRW', label: 'R.W.', budgetMinutes: 6 })
    await waitUntilStored(running.hub.origin, 'thursday', meeting.doc)

    const before = await call(local, `/api/meetings/thursday/invitation?token=${TEST_TOKEN}`)
    expect(before.body).toEqual({ open: false, lanOrigins: expect.arrayContaining([lan]), networkPossible: true })
    const opened = await call(local, `/api/meetings/thursday/invitation?token=${TEST_TOKEN}`, { method: 'POST' })
    expect(opened.status).toBe(200)
    expect(String(opened.body.code)).toMatch(/^\d{6}$/)
    // Where colleagues reach the hub: its network addresses, never this computer's own.
    expect(opened.body.lanOrigins).toContain(lan)
    expect((opened.body.lanOrigins as string[]).every((origin) => !/127\.0\.0\.1|\[::1\]|localhost/.test(origin))).toBe(true)
    const joined = await call(lan, `/api/join?code=${opened.body.code}`)
    expect(joined.body).toEqual({ token: opened.body.token, docId: 'thursday' })
    const token = String(joined.body.token)

    for (const docId of ['thursday', 'planRW']) {
      const connection = await connectFrom(lanAddress!, running.hub.port, docId, token)
      sockets.push(connection.socket)
      expect(connection.opened, `the link opens ${docId}`).toBe(true)
    }
    const other = await connectFrom(lanAddress!, running.hub.port, 'planOther', token)
    expect(other.opened, 'the link does not open a plan that is not on the agenda').toBe(false)
    expect((await call(lan, `/api/docs?token=${token}`)).status).toBe(403)
    expect((await call(lan, `/api/tracker?token=${token}`)).status).toBe(403)
    expect((await call(lan, `/api/docs/planOther/state-vector?token=${token}`)).status).toBe(403)
    expect((await call(lan, `/api/docs/planRW/state-vector?token=${token}`)).status).toBe(200)
    const reopen = await call(lan, `/api/meetings/thursday/invitation?token=${token}`, { method: 'POST' })
    expect(reopen.body.error).toBe('Only the computer running Roundtable can open or close a meeting to the network.')
  })

  it('a plan taken off the agenda closes to the link at once; closing the meeting ends the link and its connections', async () => {
    const meeting = await board('thursday', 'meeting', 'Thursday huddle')
    await board('planRW', 'plan', 'R.W.')
    const item = addAgendaItem(meeting.doc, { planId: 'planRW', label: 'R.W.', budgetMinutes: 6 })
    if (!item.ok) throw new Error('setup')
    await waitUntilStored(running.hub.origin, 'thursday', meeting.doc)
    const { token, code } = (await call(local, `/api/meetings/thursday/invitation?token=${TEST_TOKEN}`, { method: 'POST' })).body as { token: string; code: string }
    const onMeeting = await connectFrom(lanAddress!, running.hub.port, 'thursday', token)
    const onPlan = await connectFrom(lanAddress!, running.hub.port, 'planRW', token)
    sockets.push(onMeeting.socket, onPlan.socket)
    expect([onMeeting.opened, onPlan.opened]).toEqual([true, true])

    removeAgendaItem(meeting.doc, item.value)
    expect(await onPlan.closed).toEqual({ code: 4403, reason: 'This plan was taken off the meeting’s agenda, so the meeting link no longer opens it' })
    expect((await connectFrom(lanAddress!, running.hub.port, 'planRW', token)).opened).toBe(false)

    expect((await call(local, `/api/meetings/thursday/invitation?token=${TEST_TOKEN}`, { method: 'DELETE' })).body).toEqual({ closed: true })
    expect(await onMeeting.closed).toEqual({ code: 4403, reason: 'The facilitator closed this meeting to the network, so its link no longer works' })
    expect((await call(lan, `/api/join?code=${code}`)).status).toBe(404)
    expect((await call(lan, `/api/docs/thursday/state-vector?token=${token}`)).status).toBe(401)
  })

  it('ending the meeting ends its link', async () => {
    const meeting = await board('thursday', 'meeting', 'Thursday huddle')
    const { token } = (await call(local, `/api/meetings/thursday/invitation?token=${TEST_TOKEN}`, { method: 'POST' })).body as { token: string }
    const onMeeting = await connectFrom(lanAddress!, running.hub.port, 'thursday', token)
    sockets.push(onMeeting.socket)
    expect(onMeeting.opened).toBe(true)
    endMeeting(meeting.doc, Date.now())
    expect(await onMeeting.closed).toEqual({ code: 4403, reason: 'The meeting has ended, so its link no longer works' })
    expect((await call(lan, `/api/docs/thursday/state-vector?token=${token}`)).status).toBe(401)
    await waitUntilStored(running.hub.origin, 'thursday', meeting.doc)
    const reopened = await call(local, `/api/meetings/thursday/invitation?token=${TEST_TOKEN}`, { method: 'POST' })
    expect(reopened.status).toBe(409)
    expect(reopened.body.error).toMatch(/This meeting has ended/)
    expect((await call(local, `/api/meetings/thursday/invitation?token=${TEST_TOKEN}`)).body.open).toBe(false)
  })

  it('codes: a wrong one gives no hint of any meeting, guessing is stopped, and only meetings can be opened', async () => {
    await board('planRW', 'plan', 'R.W.')
    expect((await call(local, `/api/meetings/planRW/invitation?token=${TEST_TOKEN}`, { method: 'POST' })).status).toBe(404)
    expect((await call(lan, '/api/join?code=12ab')).body.error).toBe('A join code is 6 digits, as shown on the shared screen.')
    const answers: number[] = []
    for (let attempt = 0; attempt < 11; attempt++) answers.push((await call(lan, `/api/join?code=${String(attempt).padStart(6, '9')}`)).status)
    expect(answers.slice(0, 10).every((status) => status === 404)).toBe(true)
    const stopped = await call(lan, '/api/join?code=000000')
    expect(stopped.status).toBe(429)
    expect(stopped.body.error).toMatch(/Too many wrong codes. Wait a minute/)
  })
})

describe('hub: a meeting link on a hub that listens only on this computer', () => {
  it('offers no network address, so nobody is handed a link that cannot work from another laptop', async () => {
    const dataDir = makeDataDir()
    const running = await startTestHub(dataDir)
    const client = connectClient(running.wsUrl, 'friday', TEST_TOKEN, new Y.Doc({ gc: false }))
    try {
      await synced(client)
      initialiseBoard(client.doc, { kind: 'meeting', title: 'Friday huddle', now: new Date() })
      await waitUntilStored(running.hub.origin, 'friday', client.doc)
      const response = await fetch(`${running.hub.origin}/api/meetings/friday/invitation?token=${TEST_TOKEN}`, { method: 'POST' })
      const body = (await response.json()) as { open: boolean; lanOrigins: string[]; networkPossible: boolean }
      expect(body.open).toBe(true)
      expect(body.lanOrigins).toEqual([])
      // `npm run serve` without --host stays on this computer, and says so: the panel then explains --host.
      expect(body.networkPossible).toBe(false)
    } finally {
      client.destroy()
      await running.hub.close()
      removeDataDir(dataDir)
    }
  })
})

describe('lanOrigins', () => {
  it('names a specific network address, and none for this computer’s own', () => {
    expect(lanOrigins('192.0.2.7', 4455)).toEqual(['http://192.0.2.7:4455'])
    expect(lanOrigins('2001:db8::5', 4455)).toEqual(['http://[2001:db8::5]:4455'])
    expect(lanOrigins('127.0.0.1', 4455)).toEqual([])
    expect(lanOrigins('::1', 4455)).toEqual([])
    expect(lanOrigins('localhost', 4455)).toEqual([])
  })

  it('on every interface: this machine’s IPv4 addresses other than loopback, IPv4 first', () => {
    const origins = lanOrigins('0.0.0.0', 4455)
    const expected = Object.values(networkInterfaces())
      .flat()
      .filter((entry) => entry && entry.family === 'IPv4' && !entry.internal)
      .map((entry) => `http://${entry!.address}:4455`)
    expect(origins).toEqual([...new Set(expected)])
  })
})
