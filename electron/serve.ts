import { existsSync, statSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { startHub } from './hub'
import { DATABASE_FILE_NAME, storeStateIn } from './hub/store-files'
import { defaultKeyFile, isInsideFolder, parseDataKey, readHexKeyFile, readOrCreateKeyFile, type DataKey } from './hub/store-key'
import { TokenRegistry, generateToken } from './hub/tokens'

/**
 * `npm run serve`: the hub and the built app for browsers, with no Electron. Bound to 127.0.0.1
 * unless --host says otherwise (use --host 0.0.0.0 to let phones on the same network join).
 */

const usage = 'Usage: npm run serve -- [--host 127.0.0.1] [--port 4455] [--data DIR] [--token TOKEN] [--key-file FILE]'

/** A bad command line: what was wrong, then how to call it. */
function fail(message: string): never {
  console.error(`${message}\n${usage}`)
  process.exit(2)
}

/** Anything else that stops it starting (the key, the data file): the message says what to do. */
function refuse(message: string): never {
  console.error(`Roundtable did not start. ${message}`)
  process.exit(1)
}

const { values } = (() => {
  try {
    return parseArgs({
      options: {
        host: { type: 'string', default: '127.0.0.1' },
        port: { type: 'string', default: '4455' },
        data: { type: 'string', default: join(process.cwd(), 'data') },
        token: { type: 'string' },
        'key-file': { type: 'string' },
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

const dataDir = resolve(values.data)

/**
 * The data key, kept outside the data folder: --key-file, else ROUNDTABLE_DATA_KEY, else the user's
 * own key file, made on first run. Never printed; only where it came from is.
 */
function chooseDataKey(): { key: DataKey; source: string } {
  const keyFile = values['key-file']
  if (keyFile !== undefined) {
    const file = resolve(keyFile)
    refuseKeyFileInDataFolder(file, '--key-file FILE with a file elsewhere')
    if (!existsSync(file)) refuse(`The key file ${file} (from --key-file) does not exist.`)
    const key = readHexKeyFile(file)
    if (process.platform !== 'win32' && (statSync(file).mode & 0o077) !== 0) {
      console.warn(`Warning: other users on this computer can read the key file ${file}; run chmod 600 on it.`)
    }
    return { key, source: `key file ${file}` }
  }
  const fromEnvironment = process.env.ROUNDTABLE_DATA_KEY
  if (fromEnvironment) return { key: parseDataKey(fromEnvironment, 'ROUNDTABLE_DATA_KEY'), source: 'ROUNDTABLE_DATA_KEY' }
  const file = defaultKeyFile()
  refuseKeyFileInDataFolder(file, '--key-file FILE or ROUNDTABLE_DATA_KEY')
  if (!existsSync(file) && storeStateIn(dataDir) === 'encrypted') {
    refuse(
      `The data in ${dataDir} is encrypted, but its key file ${file} is missing. Put the key file back from your ` +
        'backup, or give the key with --key-file FILE or ROUNDTABLE_DATA_KEY. A new key would not open this data.',
    )
  }
  const { key, created } = readOrCreateKeyFile(file)
  return { key, source: created ? `new key file ${file} (made just now: back it up, apart from the data folder)` : `key file ${file}` }
}

/** A key file inside the data folder would be in every copy of it, which then reveals everything. */
function refuseKeyFileInDataFolder(file: string, otherKey: string): void {
  if (!isInsideFolder(file, dataDir)) return
  refuse(
    `The key file ${file} is inside the data folder ${dataDir}, so every copy of the folder would carry the key ` +
      `that unlocks it. Keep the two apart: choose another data folder with --data DIR, or give the key with ${otherKey}. ` +
      'Nothing has been read or changed.',
  )
}

const dataKey = (() => {
  try {
    return chooseDataKey()
  } catch (error) {
    return refuse((error as Error).message)
  }
})()

const hub = await startHub({
  dataDir,
  dataKey: dataKey.key,
  host: values.host,
  port,
  tokens: TokenRegistry.withAdminToken(token),
  staticDir,
}).catch((error: Error & { code?: string }) => {
  if (error.code === 'EADDRINUSE') fail(`Port ${port} is already in use. Choose another with --port.`)
  return refuse(error.message)
})

let stopping = false
async function stop(signal: string): Promise<void> {
  if (stopping) return
  stopping = true
  console.log(`\n${signal}: saving and stopping…`)
  try {
    const { problems } = await hub.close()
    if (problems.length === 0) {
      console.log('Roundtable stopped. Everything is saved.')
    } else {
      // A full disk at the last step: every change was committed as it arrived, so nothing is lost.
      console.log(
        `Roundtable stopped. While closing it ${problems.join('; ')}. Every change was saved when it was made ` +
          `(in ${join(dataDir, `${DATABASE_FILE_NAME}-wal`)}), so nothing is lost; it is folded into the data file the next ` +
          'time Roundtable starts. Free some disk space before then.',
      )
    }
    process.exit(0)
  } catch (error) {
    console.error(`Roundtable stopped, but closing did not finish: ${(error as Error).message}. Every change made was already saved.`)
    process.exit(1)
  }
}
// Installed before the address is printed: whoever reads it may stop the hub straight away.
process.on('SIGINT', () => void stop('SIGINT'))
process.on('SIGTERM', () => void stop('SIGTERM'))

console.log(`Roundtable listening on ${hub.origin}/?token=${encodeURIComponent(token)}`)
console.log(`Data folder: ${dataDir} (encrypted). Key: ${dataKey.source}. Press Ctrl-C to stop.`)

