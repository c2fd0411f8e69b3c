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
  const openExternal = vi.fn(async (_url: string) => {})
  const openPath = vi.fn(async (_path: string) => '')
  const onRefused = vi.fn()
  const context: HandlerContext = {
    hubOrigin: HUB,
    appName: 'Roundtable',
    appVersion: '0.1.0',
    dataDir: '/home/a/.config/Roundtable/data',
    openExternal,
    openPath,
    onRefused,
    ...overrides,
  }
  return { context, openExternal, openPath, onRefused }
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
      'shell:openExternal',
    ])
  })

  it('gives the renderer a type derived from it', () => {
    expectTypeOf<RoundtableBridge['app']['getInfo']>().toEqualTypeOf<() => Promise<{ name: string; version: string; dataDir: string }>>()
    expectTypeOf<RoundtableBridge['shell']['openExternal']>().toEqualTypeOf<(url: string) => Promise<boolean>>()
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
    const { context, openExternal, onRefused } = makeContext()
    await expect(call(context, 'shell:openExternal', ['https://www.nhs.uk/'], event)).rejects.toBeInstanceOf(UntrustedSenderError)
    expect(openExternal).not.toHaveBeenCalled()
    expect(onRefused).toHaveBeenCalledWith('shell:openExternal', expect.any(String))
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

  it.each([
    ['no argument', []],
    ['a number', [42]],
    ['an object', [{ url: 'https://www.nhs.uk/' }]],
    ['two arguments', ['https://www.nhs.uk/', 'https://example.org/']],
    ['an empty string', ['']],
    ['a huge string', [`https://www.nhs.uk/${'a'.repeat(5000)}`]],
  ])('shell:openExternal rejects %s with a clear message', async (_name, args) => {
    const { context, openExternal } = makeContext()
    const failure = call(context, 'shell:openExternal', args)
    await expect(failure).rejects.toBeInstanceOf(InvalidArgumentsError)
    await expect(failure).rejects.toThrow(/^shell:openExternal: invalid arguments\./)
    expect(openExternal).not.toHaveBeenCalled()
  })

  it('shell:openExternal opens a safe link (normalised) and says so', async () => {
    const { context, openExternal } = makeContext()
    await expect(call(context, 'shell:openExternal', ['https://WWW.nhs.uk/conditions'])).resolves.toBe(true)
    expect(openExternal).toHaveBeenCalledWith('https://www.nhs.uk/conditions')
  })

  it.each(['http://www.nhs.uk/', 'file:///etc/passwd', 'javascript:alert(1)', 'https://a:b@www.nhs.uk/'])(
    'shell:openExternal refuses %s without opening anything',
    async (url) => {
      const { context, openExternal } = makeContext()
      await expect(call(context, 'shell:openExternal', [url])).resolves.toBe(false)
      expect(openExternal).not.toHaveBeenCalled()
    },
  )

  it('shell:openExternal applies the host allow-list when one is set', async () => {
    const { context, openExternal } = makeContext({ externalLinks: { allowedHosts: ['nhs.uk'] } })
    await expect(call(context, 'shell:openExternal', ['https://example.org/'])).resolves.toBe(false)
    await expect(call(context, 'shell:openExternal', ['https://www.nhs.uk/'])).resolves.toBe(true)
    expect(openExternal).toHaveBeenCalledTimes(1)
  })

  it('app:showDataFolder opens the data folder, and reports a failure', async () => {
    const { context, openPath } = makeContext()
    await expect(call(context, 'app:showDataFolder', [])).resolves.toBeUndefined()
    expect(openPath).toHaveBeenCalledWith('/home/a/.config/Roundtable/data')

    const failing = makeContext({ openPath: async () => 'No application is registered' }).context
    await expect(call(failing, 'app:showDataFolder', [])).rejects.toThrow(/Could not open the data folder.*No application/)
  })
})
