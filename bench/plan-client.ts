/**
 * One person's window on a plan, as far as the network goes: a `new Y.Doc({ gc: false })` and a
 * y-websocket WebsocketProvider over `ws`, with the token in the params and the person's `user`
 * in awareness, as renderer/src/useBoardSession.ts sets them up.
 */
import WebSocket from 'ws'
import * as Y from 'yjs'
import { WebsocketProvider } from 'y-websocket'
import type { PresenceUser } from '../shared/presence'
import { fromBase64, remoteHasEverything } from '../shared/stateVector'
import { BENCH_TOKEN } from './server-ipc'
import type { ServerProcess } from './servers'
import { sleep } from './stats'

export interface PlanClient {
  doc: Y.Doc
  provider: WebsocketProvider
  user: PresenceUser
  destroy(): void
}

export function connectPlanClient(server: ServerProcess, docId: string, user: PresenceUser, doc = new Y.Doc({ gc: false })): PlanClient {
  const provider = new WebsocketProvider(server.wsUrl, docId, doc, {
    params: { token: BENCH_TOKEN },
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    // Node has no BroadcastChannel between windows; every client here talks only through the hub.
    disableBc: true,
  })
  provider.awareness.setLocalStateField('user', { name: user.name, colour: user.colour })
  return {
    doc,
    provider,
    user,
    destroy() {
      provider.destroy()
      doc.destroy()
    },
  }
}

/** `promise`, or a rejection after `timeoutMs`; the timer is cleared as soon as the promise settles. */
function withTimeout<T>(promise: Promise<T>, timeoutMs: number, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined
  const deadline = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`no ${what} within ${timeoutMs} ms`)), timeoutMs)
  })
  return Promise.race([promise, deadline]).finally(() => clearTimeout(timer))
}

/** Resolves when the provider's WebSocket is open and when it has synced (the hub's whole state applied). */
export function connectionMilestones(provider: WebsocketProvider, timeoutMs: number): { connected: Promise<number>; synced: Promise<number> } {
  const connected = new Promise<number>((resolve) => {
    const onStatus = ({ status }: { status: string }) => {
      if (status !== 'connected') return
      provider.off('status', onStatus)
      resolve(performance.now())
    }
    provider.on('status', onStatus)
  })
  const synced = new Promise<number>((resolve) => {
    const onSync = (isSynced: boolean) => {
      if (!isSynced) return
      provider.off('sync', onSync)
      resolve(performance.now())
    }
    provider.on('sync', onSync)
  })
  // The timers live outside this closure and are cleared on time: a pending timer here would keep
  // the provider and its whole plan doc alive for timeoutMs after the client is destroyed.
  return { connected: withTimeout(connected, timeoutMs, 'connection'), synced: withTimeout(synced, timeoutMs, 'sync') }
}

/** What the hub has stored for `docId`, from its own API (the check the app's "Saved" uses). */
export async function storedStateVector(server: ServerProcess, docId: string): Promise<Uint8Array> {
  const response = await fetch(`${server.httpUrl}/api/docs/${docId}/state-vector`, {
    headers: { Authorization: `Bearer ${BENCH_TOKEN}` },
  })
  if (!response.ok) throw new Error(`state-vector request failed: ${response.status}`)
  const body = (await response.json()) as { stateVector: string }
  return fromBase64(body.stateVector)
}

/** Sends a plan built offline to the hub and waits until the hub has stored every change in it. */
export async function uploadPlan(server: ServerProcess, docId: string, doc: Y.Doc, timeoutMs: number): Promise<void> {
  const client = connectPlanClient(server, docId, { name: 'Benchmark uploader', colour: '#425563' }, doc)
  try {
    const started = performance.now()
    while (!remoteHasEverything(Y.encodeStateVector(doc), await storedStateVector(server, docId))) {
      if (performance.now() - started > timeoutMs) throw new Error(`the hub had not stored the plan after ${timeoutMs} ms`)
      await sleep(50)
    }
  } finally {
    // Only the connection goes: the doc is the benchmark's reference copy.
    client.provider.destroy()
  }
}
