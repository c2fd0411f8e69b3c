// `npm run serve`: build the app if any source is newer than the last build, then run the headless hub.
import { spawnSync } from 'node:child_process'
import { existsSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

const root = fileURLToPath(new URL('..', import.meta.url))
const builtFiles = ['out/main/serve.js', 'out/renderer/index.html'].map((file) => join(root, file))
const sourceFolders = ['electron', 'renderer', 'shared'].map((folder) => join(root, folder))
const configFiles = ['electron.vite.config.ts', 'package.json'].map((file) => join(root, file))

function newestIn(path) {
  const info = statSync(path)
  if (!info.isDirectory()) return info.mtimeMs
  let newest = 0
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestIn(join(path, entry)))
  return newest
}

function buildIsCurrent() {
  if (!builtFiles.every((file) => existsSync(file))) return false
  const built = Math.min(...builtFiles.map((file) => statSync(file).mtimeMs))
  const sources = Math.max(...[...sourceFolders, ...configFiles].filter(existsSync).map(newestIn))
  return built >= sources
}

if (!buildIsCurrent()) {
  console.log('Building Roundtable…')
  const result = spawnSync('npx', ['electron-vite', 'build'], { cwd: root, stdio: 'inherit' })
  if (result.status !== 0) {
    console.error('The build failed; see the messages above.')
    process.exit(result.status ?? 1)
  }
}

await import(pathToFileURL(join(root, 'out/main/serve.js')).href)
