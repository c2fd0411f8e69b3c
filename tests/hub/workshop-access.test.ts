import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import * as encoding from 'lib0/encoding'
import * as syncProtocol from 'y-protocols/sync'
import * as Y from 'yjs'
import { initialiseBoard } from '../../shared/board'
import { addNote } from '../../shared/workshop/notes'
import { addPrivateNote, draftsMap } from '../../shared/workshop/privateWriting'
import { endWorkshop, setQuestion, setWritingMode, type Actor } from '../../shared/workshop/workshop'
import { connectClient, lanAddress, makeDataDir, networkTestsCanRun, removeDataDir, startTestHub, synced, TEST_TOKEN, waitFor, waitUntilStored, type TestClient, type TestHub } from './helpers'

/**
 * Workshop rooms from the network: residents' phones join with a code and each gets a token of its
 * own, for the workshop and its own private board only. As in meeting-access.test.ts, the hub
 * listens on every interface and "a phone" is this machine's own LAN address, a non-loopback peer.
 */

// Without a network interface there is no non-loopback address to come from; the reason is printed.
const describeOnNetwork = networkTestsCanRun('workshop-access') ? describe : describe.skip

const facilitator: Actor = { role: 'facilitator', participantId: 'facilitator-1' }

interface Joined {
  kind: string
  role: string
  token: string
  docId: string
  contributorKey?: string
  privateBoardId?: string
}

/** Whether `needle` appears anywhere in the bytes. */
function bytesInclude(chunks: readonly Buffer[], needle: string): boolean {
  return Buffer.concat(chunks).includes(Buffer.from(needle, 'utf8'))
}

describeOnNetwork('hub: workshop rooms and the network', () => {
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

  /** The facilitator's own window, on the hub's computer, writing a board. */
  async function board(docId: string, kind: 'workshop' | 'plan' | 'meeting', title: string): Promise<TestClient> {
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

  async function openRoom(workshopId: string): Promise<{ code: string; viewerToken: string }> {
    const opened = await call(local, `/api/workshops/${workshopId}/room?token=${TEST_TOKEN}`, { method: 'POST' })
    expect(opened.status).toBe(200)
    return opened.body as { code: string; viewerToken: string }
  }

  async function join(code: string, role = ''): Promise<Joined> {
    const joined = await call(lan, `/api/join?code=${code}${role ? `&role=${role}` : ''}`)
    expect(joined.status).toBe(200)
    return joined.body as unknown as Joined
  }

  /**
   * A raw WebSocket from the network that asks for the whole document and keeps every byte it is
   * sent; `opened` is false when the hub refused the upgrade.
   */
  async function listen(docId: string, token: string) {
    const socket = new WebSocket(`ws://${lanAddress}:${running.hub.port}/sync/${docId}?token=${encodeURIComponent(token)}`)
    sockets.push(socket)
    const received: Buffer[] = []
    socket.on('message', (data: Buffer) => received.push(Buffer.from(data)))
    const closed = new Promise<{ code: number; reason: string }>((resolve) => socket.on('close', (code, reason) => resolve({ code, reason: reason.toString() })))
    const opened = await new Promise<boolean>((resolve) => {
      socket.once('open', () => resolve(true))
      socket.once('unexpected-response', () => resolve(false))
      socket.once('error', () => resolve(false))
    })
    if (opened) {
      const encoder = encoding.createEncoder()
      encoding.writeVarUint(encoder, 0)
      syncProtocol.writeSyncStep1(encoder, new Y.Doc())
      socket.send(encoding.toUint8Array(encoder))
    }
    return { socket, opened, closed, received }
  }

  /** A phone's y-websocket client, connecting from the network. */
  async function phone(docId: string, token: string): Promise<TestClient> {
    const client = connectClient(`ws://${lanAddress}:${running.hub.port}/sync`, docId, token, new Y.Doc({ gc: false }))
    clients.push(client)
    await synced(client)
    return client
  }

  it('a phone’s code gives it its own token for the workshop and its own private board, and nothing else', async () => {
    await board('dagenham', 'workshop', 'Staying well in Dagenham')
    await board('planRW', 'plan', 'R.W.')
    await board('thursday', 'meeting', 'Thursday huddle')
    expect((await call(local, `/api/workshops/dagenham/room?token=${TEST_TOKEN}`)).body).toEqual({ open: false, lanOrigins: expect.arrayContaining([lan]), networkPossible: true })
    const opened = await call(local, `/api/workshops/dagenham/room?token=${TEST_TOKEN}`, { method: 'POST' })
    expect(opened.body).toEqual({ open: true, code: expect.stringMatching(/^\d{6}$/), viewerToken: expect.any(String), lanOrigins: expect.arrayContaining([lan]), networkPossible: true })
    expect((await call(local, `/api/workshops/dagenham/room?token=${TEST_TOKEN}`)).body).toEqual(opened.body)
    const code = String(opened.body.code)

    const amina = await join(code)
    const tomasz = await join(code)
    expect(amina).toEqual({
      kind: 'workshop',
      role: 'contributor',
      token: expect.any(String),
      docId: 'dagenham',
      contributorKey: expect.stringMatching(/^[a-z0-9]{8,24}$/),
      privateBoardId: `dagenham__${amina.contributorKey}`,
    })
    expect(tomasz.token).not.toBe(amina.token)
    expect(tomasz.contributorKey).not.toBe(amina.contributorKey)

    for (const docId of ['dagenham', amina.privateBoardId!]) {
      expect((await listen(docId, amina.token)).opened, `Amina's token opens ${docId}`).toBe(true)
      expect((await call(lan, `/api/docs/${docId}/state-vector?token=${amina.token}`)).status).toBe(200)
    }
    for (const docId of [tomasz.privateBoardId!, 'planRW', 'thursday']) {
      expect((await listen(docId, amina.token)).opened, `Amina's token does not open ${docId}`).toBe(false)
      const refused = await call(lan, `/api/docs/${docId}/state-vector?token=${amina.token}`)
      expect(refused).toEqual({ status: 403, body: { error: 'This join code opens the workshop and your own notes only.' } })
    }
    expect((await call(lan, `/api/docs?token=${amina.token}`)).status).toBe(403)
    expect((await call(lan, `/api/tracker?token=${amina.token}`)).status).toBe(403)
    expect((await call(lan, `/api/meetings/thursday/invitation?token=${amina.token}`, { method: 'POST' })).status).toBe(403)
    const reopen = await call(lan, `/api/workshops/dagenham/room?token=${amina.token}`, { method: 'DELETE' })
    expect(reopen).toEqual({ status: 403, body: { error: 'Only the computer running Roundtable can open or close a workshop to the network.' } })
    // Only workshops open as rooms, and the facilitator's own token stays on this computer.
    expect((await call(local, `/api/workshops/planRW/room?token=${TEST_TOKEN}`, { method: 'POST' })).status).toBe(404)
    expect((await call(lan, `/api/workshops/dagenham/room?token=${TEST_TOKEN}`, { method: 'POST' })).status).toBe(401)
  })

  it('a contributor’s connections never receive another’s hidden notes, and cannot open their board', async () => {
    const workshop = await board('dagenham', 'workshop', 'Staying well in Dagenham')
    setWritingMode(workshop.doc, facilitator, { anonymous: false, privateWriting: true })
    await waitUntilStored(running.hub.origin, 'dagenham', workshop.doc)
    const { code } = await openRoom('dagenham')
    const amina = await join(code)
    const tomasz = await join(code)
    const aminaHears = [await listen('dagenham', amina.token), await listen(amina.privateBoardId!, amina.token)]
    expect(aminaHears.map((connection) => connection.opened)).toEqual([true, true])

    const tomaszWorkshop = await phone('dagenham', tomasz.token)
    const tomaszPrivate = await phone(tomasz.privateBoardId!, tomasz.token)
    const secret = 'Tomasz private idea: a walking group from the library'
    expect(addPrivateNote(tomaszPrivate.doc, tomaszWorkshop.doc, { role: 'contributor', participantId: tomasz.contributorKey! }, { text: secret, x: 0, y: 0 }, Date.now()).ok).toBe(true)
    await waitUntilStored(running.hub.origin, tomasz.privateBoardId!, tomaszPrivate.doc)
    await waitUntilStored(running.hub.origin, 'dagenham', tomaszWorkshop.doc)

    const aminaWorkshop = await phone('dagenham', amina.token)
    const aminaPrivate = await phone(amina.privateBoardId!, amina.token)
    const own = 'Amina private idea: benches on the way to the shops'
    expect(addPrivateNote(aminaPrivate.doc, aminaWorkshop.doc, { role: 'contributor', participantId: amina.contributorKey! }, { text: own, x: 0, y: 0 }, Date.now()).ok).toBe(true)
    // A marker written to the workshop after both notes: once Amina's raw connections have it, they
    // have everything the hub would ever send them from before it.
    const marker = 'Marker question written after both private notes'
    expect(setQuestion(workshop.doc, facilitator, marker).ok).toBe(true)
    await waitFor(() => bytesInclude(aminaHears[0].received, marker), 'Amina’s workshop connection to receive the marker')
    await waitFor(() => bytesInclude(aminaHears[1].received, own), 'Amina’s private connection to receive her own note')
    // The hub holds Tomasz's note (the facilitator's token reads his board), and none of it reached Amina.
    const tomaszOnHub = connectClient(running.wsUrl, tomasz.privateBoardId!, TEST_TOKEN, new Y.Doc())
    clients.push(tomaszOnHub)
    await synced(tomaszOnHub)
    expect([...draftsMap(tomaszOnHub.doc).values()].map((draft) => draft.get('text'))).toEqual([secret])
    for (const connection of aminaHears) expect(bytesInclude(connection.received, secret)).toBe(false)
    expect(bytesInclude(aminaHears[0].received, own), 'Amina’s own note stays out of the workshop until the reveal').toBe(false)

    const intoTomasz = await listen(tomasz.privateBoardId!, amina.token)
    expect(intoTomasz.opened).toBe(false)
    expect(intoTomasz.received).toEqual([])
  })

  it('the projector’s viewer token reads the workshop and cannot write to it', async () => {
    const workshop = await board('dagenham', 'workshop', 'Staying well in Dagenham')
    const { code, viewerToken } = await openRoom('dagenham')
    const projector = await join(code, 'viewer')
    expect(projector).toEqual({ kind: 'workshop', role: 'viewer', token: viewerToken, docId: 'dagenham' })
    const onProjector = await phone('dagenham', viewerToken)
    addNote(onProjector.doc, { role: 'facilitator', participantId: 'impostor' }, { text: 'Written from the projector', x: 0, y: 0 }, Date.now())
    // The hub drops a viewer's updates: the facilitator's later change arrives, the projector's never does.
    setQuestion(workshop.doc, facilitator, 'What would help you stay well in Dagenham?')
    await waitFor(() => onProjector.doc.getMap('workshop').get('question') === 'What would help you stay well in Dagenham?', 'the projector to show the question')
    const fresh = connectClient(running.wsUrl, 'dagenham', TEST_TOKEN, new Y.Doc())
    clients.push(fresh)
    await synced(fresh)
    expect(fresh.doc.getMap('workshop').get('question')).toBe('What would help you stay well in Dagenham?')
    expect(fresh.doc.getMap('notes').size).toBe(0)
    expect((await listen('dagenham__aaaaaaaaaa', viewerToken)).opened).toBe(false)
  })

  it('closing the room ends every phone’s and the projector’s access at once, saying why', async () => {
    await board('dagenham', 'workshop', 'Staying well in Dagenham')
    const { code, viewerToken } = await openRoom('dagenham')
    const amina = await join(code)
    const onWorkshop = await listen('dagenham', amina.token)
    const onPrivate = await listen(amina.privateBoardId!, amina.token)
    const onProjector = await listen('dagenham', viewerToken)
    expect([onWorkshop.opened, onPrivate.opened, onProjector.opened]).toEqual([true, true, true])

    expect((await call(local, `/api/workshops/dagenham/room?token=${TEST_TOKEN}`, { method: 'DELETE' })).body).toEqual({ closed: true })
    const reason = 'The facilitator closed this workshop to the network, so its join code no longer works'
    for (const connection of [onWorkshop, onPrivate, onProjector]) expect(await connection.closed).toEqual({ code: 4403, reason })
    expect((await call(lan, `/api/join?code=${code}`)).status).toBe(404)
    expect((await call(lan, `/api/docs/dagenham/state-vector?token=${amina.token}`)).status).toBe(401)
    expect((await listen(amina.privateBoardId!, amina.token)).opened).toBe(false)
    expect((await call(local, `/api/workshops/dagenham/room?token=${TEST_TOKEN}`)).body.open).toBe(false)
  })

  it('ending the workshop ends its room, and an ended workshop is not opened again', async () => {
    const workshop = await board('dagenham', 'workshop', 'Staying well in Dagenham')
    const { code } = await openRoom('dagenham')
    const amina = await join(code)
    const onWorkshop = await listen('dagenham', amina.token)
    const onPrivate = await listen(amina.privateBoardId!, amina.token)
    expect(endWorkshop(workshop.doc, facilitator, Date.now()).ok).toBe(true)
    const reason = 'The workshop has ended, so its join code no longer works'
    expect(await onWorkshop.closed).toEqual({ code: 4403, reason })
    expect(await onPrivate.closed).toEqual({ code: 4403, reason })
    expect((await call(lan, `/api/join?code=${code}`)).status).toBe(404)
    await waitUntilStored(running.hub.origin, 'dagenham', workshop.doc)
    const reopened = await call(local, `/api/workshops/dagenham/room?token=${TEST_TOKEN}`, { method: 'POST' })
    expect(reopened.status).toBe(409)
    expect(reopened.body.error).toMatch(/This workshop has ended/)
  })

  it('forty phones joining from one hall’s network all get in; wrong codes are still stopped', async () => {
    await board('dagenham', 'workshop', 'Staying well in Dagenham')
    const { code } = await openRoom('dagenham')
    const joined = await Promise.all(Array.from({ length: 40 }, () => call(lan, `/api/join?code=${code}`)))
    expect(joined.map((answer) => answer.status)).toEqual(Array(40).fill(200))
    expect(new Set(joined.map((answer) => answer.body.token)).size).toBe(40)
    expect(new Set(joined.map((answer) => answer.body.privateBoardId)).size).toBe(40)

    const wrong = code === '000000' ? '000001' : '000000'
    const answers: number[] = []
    for (let attempt = 0; attempt < 11; attempt++) answers.push((await call(lan, `/api/join?code=${wrong}`)).status)
    expect(answers).toEqual([...Array(10).fill(404), 429])
    expect((await call(lan, '/api/join?code=000000')).body.error).toMatch(/Too many wrong codes/)
  })
})
