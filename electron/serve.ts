import { existsSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { startHub } from './hub'
import { TokenRegistry, generateToken } from './hub/tokens'

/**
 * `npm run serve`: the hub and the built app for browsers, with no Electron. Bound to 127.0.0.1
 * unless --host says otherwise (use --host 0.0.0.0 to let phones on the same network join).
 */

const usage = 'Usage: npm run serve -- [--host 127.0.0.1] [--port 4455] [--data DIR] [--token TOKEN]'

function fail(message: string): never {
  console.error(`${message}\n${usage}`)
  process.exit(2)
}

const { values } = (() => {
  try {
    return parseArgs({
      options: {
        host: { type: 'string', default: '127.0.0.1' },
        port: { type: 'string', default: '4455' },
        data: { type: 'string', default: join(process.cwd(), 'data') },
        token: { type: 'string' },
        help: { type: 'boolean', default: false },
      },
    })
  } catch (error) {
    return fail((error as Error).message)
  }
})()

if (values.help) {
  console.log(usage)
  process.exit(0)
}

const port = Number(values.port)
if (!Number.isInteger(port) || port < 0 || port > 65535) fail(`--port must be a number from 0 to 65535, not “${values.port}”.`)
const token = values.token ?? (process.env.ROUNDTABLE_TOKEN || generateToken())
if (token.length < 16) fail('A token must be at least 16 characters long.')

const here = dirname(fileURLToPath(import.meta.url))
const staticDir = resolve(here, '../renderer')
if (!existsSync(join(staticDir, 'index.html'))) fail(`The app has not been built (${staticDir} is missing). Run npm run build.`)

const hub = await startHub({
  dataDir: resolve(values.data),
  host: values.host,
  port,
  tokens: TokenRegistry.withAdminToken(token),
  staticDir,
}).catch((error: Error & { code?: string }) => {
  if (error.code === 'EADDRINUSE') fail(`Port ${port} is already in use. Choose another with --port.`)
  return fail(error.message)
})

let stopping = false
async function stop(signal: string): Promise<void> {
  if (stopping) return
  stopping = true
  console.log(`\n${signal}: saving and stopping…`)
  await hub.close()
  console.log('Roundtable stopped. Everything is saved.')
  process.exit(0)
}
// Installed before the address is printed: whoever reads it may stop the hub straight away.
process.on('SIGINT', () => void stop('SIGINT'))
process.on('SIGTERM', () => void stop('SIGTERM'))

console.log(`Roundtable listening on ${hub.origin}/?token=${encodeURIComponent(token)}`)
console.log(`Data folder: ${resolve(values.data)}. Press Ctrl-C to stop.`)

