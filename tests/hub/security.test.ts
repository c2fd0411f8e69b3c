import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import * as Y from 'yjs'
import { ANY_DOCUMENT } from '../../shared/access'
import { fromBase64 } from '../../shared/stateVector'
import { TokenRegistry } from '../../electron/hub/tokens'
import {
  TEST_TOKEN,
  connectClient,
  makeDataDir,
  hubHasStored,
  rawGet,
  rawUpgrade,
  removeDataDir,
  startTestHub,
  synced,
  waitUntilHandled,
  waitUntilStored,
  type TestHub,
} from './helpers'

describe('hub: tokens and origins', () => {
  let dataDir: string
  let running: TestHub
  let tokens: TokenRegistry

  beforeEach(async () => {
    dataDir = makeDataDir()
    const staticDir = join(dataDir, 'app')
    mkdirSync(staticDir)
    writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>Roundtable</title>')
    writeFileSync(join(dataDir, 'secret.txt'), 'not for the web')
    tokens = TokenRegistry.withAdminToken(TEST_TOKEN)
    running = await startTestHub(join(dataDir, 'store'), { tokens, staticDir })
    // Something stored that a refused client must never receive.
    const writer = connectClient(running.wsUrl, 'private-plan')
    await synced(writer)
    writer.doc.getMap('meta').set('title', 'Private plan of J.S.')
    await waitUntilStored(running.hub.origin, 'private-plan', writer.doc)
    writer.destroy()
  })
  afterEach(async () => {
    await running.hub.close()
    removeDataDir(dataDir)
  })

  const syncUrl = (docId: string, token?: string) =>
    `${running.wsUrl}/${docId}${token === undefined ? '' : `?token=${encodeURIComponent(token)}`}`

  it('refuses a WebSocket with no token, or a wrong one, with 401 and no document data', async () => {
    for (const url of [syncUrl('private-plan'), syncUrl('private-plan', 'wrong-token-wrong-token')]) {
      const answer = await rawUpgrade(url)
      expect('status' in answer && answer.status).toBe(401)
      expect('body' in answer && answer.body).not.toContain('J.S.')
    }
  })

  it('refuses a WebSocket from a page on a foreign site, even with the right token', async () => {
    const answer = await rawUpgrade(syncUrl('private-plan', TEST_TOKEN), { Origin: 'https://evil.example' })
    expect('status' in answer && answer.status).toBe(403)
  })

  it('accepts a WebSocket from the hub’s own page origin', async () => {
    const answer = await rawUpgrade(syncUrl('private-plan', TEST_TOKEN), { Origin: running.hub.origin })
    expect('socket' in answer).toBe(true)
    if ('socket' in answer) answer.socket.close()
  })

  it('refuses a malformed board id before looking at anything else', async () => {
    const tooLong = 'a'.repeat(65)
    for (const docId of [tooLong, 'has.dot', 'two%20words', '%C3%A9']) {
      const answer = await rawUpgrade(syncUrl(docId, TEST_TOKEN))
      expect('status' in answer && answer.status).toBe(400)
    }
    const empty = await rawUpgrade(`${running.wsUrl}/?token=${TEST_TOKEN}`)
    expect('status' in empty && empty.status).toBe(400)
  })

  it('requires a token on every API request', async () => {
    const none = await fetch(`${running.hub.origin}/api/docs`)
    expect(none.status).toBe(401)
    expect(((await none.json()) as { error: string }).error).toMatch(/access code/)
    const wrong = await fetch(`${running.hub.origin}/api/docs/private-plan/state-vector?token=nope-nope-nope-nope`)
    expect(wrong.status).toBe(401)
    const right = await fetch(`${running.hub.origin}/api/docs`, { headers: { Authorization: `Bearer ${TEST_TOKEN}` } })
    expect(right.status).toBe(200)
  })

  it('lets a token scoped to one board open that board only, and not the list', async () => {
    const residentToken = tokens.issue({ role: 'contributor', docId: 'workshop-1' })
    const own = await rawUpgrade(syncUrl('workshop-1', residentToken))
    expect('socket' in own).toBe(true)
    if ('socket' in own) own.socket.close()
    const other = await rawUpgrade(syncUrl('private-plan', residentToken))
    expect('status' in other && other.status).toBe(401)
    const list = await fetch(`${running.hub.origin}/api/docs?token=${residentToken}`)
    expect(list.status).toBe(403)
  })

  it('lets a viewer watch but applies none of its changes', async () => {
    const viewerToken = tokens.issue({ role: 'viewer', docId: ANY_DOCUMENT })
    const viewer = connectClient(running.wsUrl, 'private-plan', viewerToken)
    await synced(viewer)
    expect(viewer.doc.getMap('meta').get('title')).toBe('Private plan of J.S.')
    const editor = connectClient(running.wsUrl, 'private-plan')
    await synced(editor)
    viewer.doc.getMap('meta').set('title', 'Vandalised')
    await waitUntilHandled(viewer, editor)
    expect(editor.doc.getMap('meta').get('title')).toBe('Private plan of J.S.')
    // Nor is it stored: the hub holds nothing the viewer wrote.
    expect(await hubHasStored(running.hub.origin, 'private-plan', viewer.doc)).toBe(false)
    const stored = await fetch(`${running.hub.origin}/api/docs/private-plan/state-vector?token=${TEST_TOKEN}`)
    const storedClients = Y.decodeStateVector(fromBase64(((await stored.json()) as { stateVector: string }).stateVector))
    expect(storedClients.has(viewer.doc.clientID)).toBe(false)
    viewer.destroy()
    editor.destroy()
  })

  it('serves the app with a strict Content Security Policy and never a file outside it', async () => {
    const page = await fetch(`${running.hub.origin}/`)
    expect(page.status).toBe(200)
    const policy = page.headers.get('content-security-policy') ?? ''
    expect(policy).toContain("script-src 'self'")
    expect(policy).toContain("frame-ancestors 'none'")
    expect(page.headers.get('referrer-policy')).toBe('no-referrer')
    // Sent exactly as written: fetch() would tidy '/../' away before it left this process.
    for (const path of ['/../secret.txt', '/../../secret.txt', '/%2e%2e/secret.txt', '/..%2fsecret.txt', '/assets/../../secret.txt']) {
      const answer = await rawGet(running.hub.port, path)
      expect(answer.body).not.toContain('not for the web')
      expect([400, 403, 404]).toContain(answer.status)
    }
  })

  it('lets only the configured dev-server page read API answers across origins', async () => {
    const devHub = await startTestHub(join(dataDir, 'dev-store'), { tokens, allowedOrigins: ['http://localhost:5173'] })
    try {
      const preflight = await fetch(`${devHub.hub.origin}/api/docs`, {
        method: 'OPTIONS',
        headers: { Origin: 'http://localhost:5173', 'Access-Control-Request-Headers': 'authorization' },
      })
      expect(preflight.status).toBe(204)
      expect(preflight.headers.get('access-control-allow-origin')).toBe('http://localhost:5173')
      expect(preflight.headers.get('access-control-allow-headers')).toBe('Authorization')
      const answer = await fetch(`${devHub.hub.origin}/api/docs`, {
        headers: { Origin: 'http://localhost:5173', Authorization: `Bearer ${TEST_TOKEN}` },
      })
      expect(answer.headers.get('access-control-allow-origin')).toBe('http://localhost:5173')
      // Any other site gets no CORS headers, so its page's script cannot read the answer.
      const foreign = await fetch(`${devHub.hub.origin}/api/docs`, {
        headers: { Origin: 'https://evil.example', Authorization: `Bearer ${TEST_TOKEN}` },
      })
      expect(foreign.headers.get('access-control-allow-origin')).toBeNull()
      const foreignPreflight = await fetch(`${devHub.hub.origin}/api/docs`, { method: 'OPTIONS', headers: { Origin: 'https://evil.example' } })
      expect(foreignPreflight.status).toBe(405)
    } finally {
      await devHub.hub.close()
    }
  })
})
