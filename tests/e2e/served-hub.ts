import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = resolve(fileURLToPath(new URL('.', import.meta.url)), '../..')
const serveScript = join(root, 'out', 'main', 'serve.js')

/**
 * The real `npm run serve` hub (the built out/main/serve.js) in its own process, with its own data
 * folder, that a test can stop (Ctrl-C or kill -9) and start again on the same port.
 */
export class ServedHub {
  readonly token = `e2e-token-${Math.random().toString(36).slice(2)}-0123456789`
  /** A home of its own: the data folder, and beside it the config folder where serve keeps its data key. */
  private readonly home = mkdtempSync(join(tmpdir(), 'roundtable-e2e-'))
  readonly dataDir = join(this.home, 'data')
  private child: ChildProcess | null = null
  private stopping = false
  /** Set when the hub exits without being asked to: why, and everything it printed (also sent to stderr at once). */
  unexpectedExit: string | null = null
  private port = 0
  private output = ''

  /** `host` is what `--host` is given: 0.0.0.0 listens on the network too, as for colleagues' laptops. */
  constructor(private readonly host = '127.0.0.1') {}

  /** The address the CLI prints: open it and you are in. */
  get url(): string {
    return `http://127.0.0.1:${this.port}/?token=${encodeURIComponent(this.token)}`
  }

  get origin(): string {
    return `http://127.0.0.1:${this.port}`
  }

  async start(): Promise<void> {
    if (!existsSync(serveScript)) throw new Error(`${serveScript} is missing: run npm run build before the browser tests.`)
    this.output = ''
    const child = spawn(process.execPath, [serveScript, '--host', this.host, '--port', String(this.port), '--data', this.dataDir, '--token', this.token], {
      cwd: root,
      // Its own config folder, so the key made on first start never lands in the tester's ~/.config.
      env: { ...process.env, ROUNDTABLE_TOKEN: '', ROUNDTABLE_DATA_KEY: '', XDG_CONFIG_HOME: join(this.home, 'config') },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    this.child = child
    const listening = new Promise<number>((resolvePort, reject) => {
      const onData = (chunk: Buffer) => {
        this.output += chunk.toString()
        const match = /Roundtable listening on http:\/\/127\.0\.0\.1:(\d+)\//.exec(this.output)
        if (match) resolvePort(Number(match[1]))
      }
      child.stdout?.on('data', onData)
      child.stderr?.on('data', onData)
      child.once('exit', (code) => reject(new Error(`The hub exited (${code}) before listening:\n${this.output}`)))
    })
    child.once('exit', (code, signal) => {
      if (this.stopping) return
      // A crash must not pass for a refused connection in whichever test runs next.
      this.unexpectedExit = `The hub exited by itself (exit code ${code}, signal ${signal}). It printed:\n${this.output}`
      console.error(this.unexpectedExit)
    })
    this.port = await listening
  }

  /** Stops the hub: 'SIGINT' as Ctrl-C does (it saves and closes), 'SIGKILL' as a crash. */
  async stop(signal: 'SIGINT' | 'SIGKILL' = 'SIGINT'): Promise<void> {
    const child = this.child
    if (!child || child.exitCode !== null) return
    const exited = new Promise<void>((resolveExit) => child.once('exit', () => resolveExit()))
    this.stopping = true
    child.kill(signal)
    await exited
    this.stopping = false
    this.child = null
  }

  async dispose(): Promise<void> {
    await this.stop()
    rmSync(this.home, { recursive: true, force: true })
  }

  /** Everything the hub printed, for failure messages. */
  get log(): string {
    return this.output
  }
}
