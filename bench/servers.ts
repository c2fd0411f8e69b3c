import { fork, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { isChildMessage, type ChildMessage, type CpuTime, type ServerKind } from './server-ipc'

const BENCH_DIR = dirname(fileURLToPath(import.meta.url))
const REPO_ROOT = dirname(BENCH_DIR)
const START_TIMEOUT_MS = 30_000

/** Runs bench/<fileName> in a child Node process with tsx, from the repository root, with an IPC channel. */
export function forkBenchScript(fileName: string, args: string[]): ChildProcess {
  return fork(join(BENCH_DIR, fileName), args, {
    cwd: REPO_ROOT,
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  })
}

/** A sync server running in a child process (see bench/server-process.ts). */
export interface ServerProcess {
  kind: ServerKind
  /** Base URL for WebsocketProvider: the room name is appended as /<docId>. */
  wsUrl: string
  /** Base URL of the server's HTTP API (the Roundtable hub's /api/...). */
  httpUrl: string
  /** CPU time the server process has used so far. */
  cpuTime(): Promise<CpuTime>
  /** Stops the server, waits for the process to exit and removes its temp folder. */
  stop(): Promise<void>
}

/** Resolves with the child's next message of `type`; rejects if it exits first or takes too long. */
export function nextMessage(child: ChildProcess, type: ChildMessage['type'], timeoutMs: number): Promise<ChildMessage> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => finish(new Error(`the ${type} message did not arrive within ${timeoutMs} ms`)),
      timeoutMs,
    )
    const onMessage = (message: unknown): void => {
      if (isChildMessage(message) && message.type === type) finish(null, message)
    }
    const onExit = (code: number | null): void => finish(new Error(`the child process exited (code ${code})`))
    function finish(error: Error | null, message?: ChildMessage): void {
      clearTimeout(timer)
      child.off('message', onMessage)
      child.off('exit', onExit)
      if (error) reject(error)
      else resolve(message as ChildMessage)
    }
    child.on('message', onMessage)
    child.on('exit', onExit)
  })
}

/**
 * Starts a server in a child process. The Roundtable hub gets a fresh, empty store that is removed
 * when it stops, unless `keepDataDir` names a folder: then it uses that one and leaves it, so the
 * next hub started on it is the same hub restarted. The reference server keeps documents in memory only.
 */
export async function startServerProcess(kind: ServerKind, keepDataDir?: string): Promise<ServerProcess> {
  const ownDataDir = kind === 'roundtable' && !keepDataDir ? mkdtempSync(join(tmpdir(), 'roundtable-bench-hub-')) : null
  const dataDir = kind === 'roundtable' ? (keepDataDir ?? ownDataDir) : null
  const child = forkBenchScript('server-process.ts', dataDir ? [kind, dataDir] : [kind])
  const removeDataDir = (): void => {
    if (ownDataDir) rmSync(ownDataDir, { recursive: true, force: true })
  }

  let port: number
  try {
    const ready = await nextMessage(child, 'ready', START_TIMEOUT_MS)
    if (ready.type !== 'ready') throw new Error('unexpected message')
    port = ready.port
  } catch (error) {
    child.kill('SIGKILL')
    removeDataDir()
    throw new Error(`Could not start the ${kind} server: ${(error as Error).message}`)
  }

  const exited = new Promise<void>((resolve) => {
    if (child.exitCode !== null) resolve()
    else child.once('exit', () => resolve())
  })

  return {
    kind,
    wsUrl: `ws://127.0.0.1:${port}/sync`,
    httpUrl: `http://127.0.0.1:${port}`,
    async cpuTime() {
      const reply = nextMessage(child, 'cpu', 10_000)
      child.send({ type: 'cpu' })
      const message = await reply
      if (message.type !== 'cpu') throw new Error('unexpected message')
      return message.cpu
    },
    async stop() {
      if (child.connected) child.send({ type: 'stop' })
      const timeout = setTimeout(() => child.kill('SIGKILL'), 10_000)
      await exited
      clearTimeout(timeout)
      removeDataDir()
    },
  }
}
