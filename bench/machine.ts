import { readFileSync } from 'node:fs'
import os from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import Database from 'better-sqlite3-multiple-ciphers'

export interface MachineInfo {
  cpuModel: string
  cores: number
  ramGiB: number
  os: string
  node: string
  sqlite: string
  /** 1-minute load average when the run started: other work on the machine skews every figure. */
  loadAverageAtStart: number
  /** Versions of the libraries whose speed is being measured. */
  packages: Record<string, string>
}

const REPO_ROOT = dirname(dirname(fileURLToPath(import.meta.url)))
const MEASURED_PACKAGES = ['yjs', 'y-websocket', '@y/websocket-server', 'y-protocols', 'ws', 'better-sqlite3-multiple-ciphers', 'lexical', '@lexical/yjs']

function installedVersion(name: string): string {
  try {
    const manifest = JSON.parse(readFileSync(join(REPO_ROOT, 'node_modules', name, 'package.json'), 'utf8'))
    return String(manifest.version)
  } catch {
    return 'unknown'
  }
}

export function describeMachine(): MachineInfo {
  const cpus = os.cpus()
  const memory = new Database(':memory:')
  const sqlite = (memory.prepare('SELECT sqlite_version() AS version').get() as { version: string }).version
  memory.close()
  const packages: Record<string, string> = {}
  for (const name of MEASURED_PACKAGES) packages[name] = installedVersion(name)
  return {
    cpuModel: cpus[0]?.model.trim() ?? 'unknown',
    cores: cpus.length,
    ramGiB: os.totalmem() / 1024 ** 3,
    os: `${os.type()} ${os.release()} (${os.version()}, ${os.arch()})`,
    node: process.version,
    sqlite,
    loadAverageAtStart: os.loadavg()[0],
    packages,
  }
}
