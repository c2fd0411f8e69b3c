import { describe, expect, expectTypeOf, it, vi } from 'vitest'
import type { RoundtableBridge } from '../preload/bridge-types'
import {
  createHandlers,
  invokeHandler,
  InvalidArgumentsError,
  listChannels,
  senderProblem,
  UntrustedSenderError,
  type HandlerContext,
  type InvokeEvent,
} from './handlers'

// These call the handler functions directly with fake IPC events. Electron's IPC transport itself
// (ipcMain.handle, ipcRenderer.invoke, contextBridge) is not exercised here, because the Electron
// binary cannot run on this machine; tests/electron/launch.spec.ts covers it where it can.

const HUB = 'http://127.0.0.1:51234'

function makeContext(overrides: Partial<HandlerContext> = {}) {
  const openPath = vi.fn(async (_path: string) => '')
  const onRefused = vi.fn()
  const context: HandlerContext = {
    hubOrigin: HUB,
    appName: 'Roundtable',
    appVersion: '0.1.0',
    dataDir: '/home/a/.config/Roundtable/data',
    openPath,
    onRefused,
    ...overrides,
  }
  return { context, openPath, onRefused }
}

const fromPage: InvokeEvent = { senderFrame: { url: `${HUB}/?token=abc`, parent: null } }

function call(context: HandlerContext, channel: string, args: unknown[], event: InvokeEvent = fromPage) {
  const entry = listChannels(createHandlers(context)).find(([name]) => name === channel)
  if (!entry) throw new Error(`no channel ${channel}`)
  return invokeHandler(channel, entry[1], event, args, context)
}

describe('the handler map', () => {
  it('has exactly these channels', () => {
    const { context } = makeContext()
    expect(listChannels(createHandlers(context)).map(([channel]) => channel)).toEqual([
      'app:getInfo',
      'app:showDataFolder',
    ])
  })

  it('gives the renderer a type derived from it', () => {
    expectTypeOf<RoundtableBridge['app']['getInfo']>().toEqualTypeOf<() => Promise<{ name: string; version: string; dataDir: string }>>()
    expectTypeOf<RoundtableBridge['app']['showDataFolder']>().toEqualTypeOf<() => Promise<void>>()
  })
})

describe('sender checks (Electron security checklist #17)', () => {
  it('accepts the top frame of the hub page', () => {
    expect(senderProblem(fromPage, HUB)).toBeNull()
  })

  it.each<[string, InvokeEvent]>([
    ['a frame that has gone', { senderFrame: null }],
    ['an iframe, even on the hub origin', { senderFrame: { url: `${HUB}/embed`, parent: {} } }],
    ['another origin', { senderFrame: { url: 'https://evil.example/', parent: null } }],
    ['another port on the same host', { senderFrame: { url: 'http://127.0.0.1:51235/', parent: null } }],
    ['a file page', { senderFrame: { url: 'file:///tmp/x.html', parent: null } }],
  ])('refuses %s, without running the handler', async (_name, event) => {
    const { context, openPath, onRefused } = makeContext()
    await expect(call(context, 'app:showDataFolder', [], event)).rejects.toBeInstanceOf(UntrustedSenderError)
    expect(openPath).not.toHaveBeenCalled()
    expect(onRefused).toHaveBeenCalledWith('app:showDataFolder', expect.any(String))
  })

  it('refuses a frame that throws when read (disposed mid-call)', async () => {
    const { context } = makeContext()
    const event = {
      get senderFrame(): InvokeEvent['senderFrame'] {
        throw new Error('Render frame was disposed before WebFrameMain could be accessed')
      },
    }
    await expect(call(context, 'app:getInfo', [], event)).rejects.toBeInstanceOf(UntrustedSenderError)
  })
})

describe('argument validation', () => {
  it('app:getInfo takes nothing and answers name, version and data folder', async () => {
    const { context } = makeContext()
    await expect(call(context, 'app:getInfo', [])).resolves.toEqual({
      name: 'Roundtable',
      version: '0.1.0',
      dataDir: '/home/a/.config/Roundtable/data',
    })
    await expect(call(context, 'app:getInfo', ['extra'])).rejects.toBeInstanceOf(InvalidArgumentsError)
  })

  it('app:showDataFolder takes nothing, and opens nothing when given anything', async () => {
    const { context, openPath } = makeContext()
    const failure = call(context, 'app:showDataFolder', ['/etc'])
    await expect(failure).rejects.toBeInstanceOf(InvalidArgumentsError)
    await expect(failure).rejects.toThrow(/^app:showDataFolder: invalid arguments\./)
    expect(openPath).not.toHaveBeenCalled()
  })

  it('app:showDataFolder opens the data folder, and reports a failure', async () => {
    const { context, openPath } = makeContext()
    await expect(call(context, 'app:showDataFolder', [])).resolves.toBeUndefined()
    expect(openPath).toHaveBeenCalledWith('/home/a/.config/Roundtable/data')

    const failing = makeContext({ openPath: async () => 'No application is registered' }).context
    await expect(call(failing, 'app:showDataFolder', [])).rejects.toThrow(/Could not open the data folder.*No application/)
  })
})
