import { beforeEach, describe, expect, it, vi } from 'vitest'

// Electron's binary cannot run here, and requiring the 'electron' package in Node would try to
// download it, so the module is replaced by fakes. What is tested is our wiring: which events we
// handle and what we decide in them. That Electron then honours preventDefault, 'deny' or a false
// permission callback is covered only by tests/electron/launch.spec.ts, where Electron can run.
const electron = vi.hoisted(() => ({
  app: { enableSandbox: vi.fn(), on: vi.fn() },
  shell: { openExternal: vi.fn(async (_url: string) => {}) },
  session: { defaultSession: {} },
}))
vi.mock('electron', () => electron)

const { hardenSession, hardenWebContents, enableSandboxForAllRenderers, installSecurity } = await import('./security')
const { contentSecurityPolicy } = await import('../hub/http')

const HUB = 'http://127.0.0.1:40123'

type Listener = (...args: unknown[]) => void

function fakeWebContents() {
  const listeners = new Map<string, Listener>()
  let openHandler: ((details: { url: string }) => { action: string }) | null = null
  const contents = {
    on(name: string, listener: Listener) {
      listeners.set(name, listener)
      return contents
    },
    setWindowOpenHandler(handler: typeof openHandler) {
      openHandler = handler
    },
  }
  const emit = (name: string, event: Record<string, unknown>) => {
    const prevented = { value: false }
    listeners.get(name)?.({ ...event, preventDefault: () => (prevented.value = true) })
    return prevented.value
  }
  return { contents, emit, open: (url: string) => openHandler?.({ url }), listeners }
}

function fakeSession() {
  const handlers: Record<string, (...args: never[]) => unknown> = {}
  const target = {
    setPermissionRequestHandler: (h: (...args: never[]) => unknown) => (handlers.request = h),
    setPermissionCheckHandler: (h: (...args: never[]) => unknown) => (handlers.check = h),
    setDevicePermissionHandler: (h: (...args: never[]) => unknown) => (handlers.device = h),
    webRequest: { onHeadersReceived: (h: (...args: never[]) => unknown) => (handlers.headers = h) },
  }
  return { target, handlers }
}

beforeEach(() => {
  vi.clearAllMocks()
})

describe('per-page rules', () => {
  function setUp() {
    const fake = fakeWebContents()
    const log = vi.fn()
    hardenWebContents(fake.contents as never, { hubOrigin: HUB, log })
    return { ...fake, log }
  }

  it('#13: allows navigation within the hub origin', () => {
    const { emit } = setUp()
    expect(emit('will-navigate', { url: `${HUB}/board/abc` })).toBe(false)
    expect(emit('will-redirect', { url: `${HUB}/` })).toBe(false)
    expect(electron.shell.openExternal).not.toHaveBeenCalled()
  })

  it('#13 and #15: blocks navigation elsewhere, sending safe https links to the browser', () => {
    const { emit, log } = setUp()
    expect(emit('will-navigate', { url: 'https://www.nhs.uk/' })).toBe(true)
    expect(electron.shell.openExternal).toHaveBeenCalledWith('https://www.nhs.uk/')
    expect(log).toHaveBeenCalled()
  })

  it.each(['http://evil.example/', 'file:///etc/passwd', 'http://127.0.0.1:40124/', 'javascript:alert(1)'])(
    '#13: blocks navigation to %s and opens nothing',
    (url) => {
      const { emit } = setUp()
      expect(emit('will-navigate', { url })).toBe(true)
      expect(electron.shell.openExternal).not.toHaveBeenCalled()
    },
  )

  it('#13: blocks redirects and subframe navigations off the hub', () => {
    const { emit } = setUp()
    expect(emit('will-redirect', { url: 'https://evil.example/' })).toBe(true)
    expect(emit('will-frame-navigate', { url: 'https://evil.example/', isMainFrame: false })).toBe(true)
    expect(emit('will-frame-navigate', { url: `${HUB}/frame`, isMainFrame: false })).toBe(false)
    expect(electron.shell.openExternal).not.toHaveBeenCalled()
  })

  it('#14: never opens a new window; safe https links go to the browser', () => {
    const { open } = setUp()
    expect(open('https://www.england.nhs.uk/')).toEqual({ action: 'deny' })
    expect(open(`${HUB}/?token=x`)).toEqual({ action: 'deny' })
    expect(open('http://example.org/')).toEqual({ action: 'deny' })
    expect(electron.shell.openExternal).toHaveBeenCalledTimes(1)
    expect(electron.shell.openExternal).toHaveBeenCalledWith('https://www.england.nhs.uk/')
  })

  it('#11/#12: refuses every <webview>', () => {
    const { emit } = setUp()
    expect(emit('will-attach-webview', {})).toBe(true)
  })
})

describe('session rules', () => {
  it('#5: denies every permission request and check', () => {
    const { target, handlers } = fakeSession()
    hardenSession(target as never, { hubOrigin: HUB })
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal']) {
      const callback = vi.fn()
      ;(handlers.request as (...args: unknown[]) => void)({}, permission, callback)
      expect(callback).toHaveBeenCalledWith(false)
    }
    expect((handlers.check as (...args: unknown[]) => unknown)({}, 'media')).toBe(false)
    expect((handlers.device as (...args: unknown[]) => unknown)({})).toBe(false)
  })

  it('#7: sets the hub policy on hub responses and leaves others alone', () => {
    const { target, handlers } = fakeSession()
    hardenSession(target as never, { hubOrigin: HUB })
    const onHeaders = handlers.headers as (details: unknown, callback: (response: unknown) => void) => void

    const hubCallback = vi.fn()
    onHeaders({ url: `${HUB}/assets/app.js`, responseHeaders: { 'content-security-policy': ['default-src *'] } }, hubCallback)
    expect(hubCallback).toHaveBeenCalledWith({
      responseHeaders: { 'Content-Security-Policy': [contentSecurityPolicy('127.0.0.1:40123')] },
    })

    const off = fakeSession()
    hardenSession(off.target as never, { hubOrigin: HUB, setContentSecurityPolicy: false })
    expect(off.handlers.headers).toBeUndefined()
    expect(off.handlers.request).toBeDefined()

    const otherCallback = vi.fn()
    onHeaders({ url: 'devtools://devtools/bundled/x.js', responseHeaders: {} }, otherCallback)
    expect(otherCallback).toHaveBeenCalledWith({})
  })
})

describe('installation', () => {
  it('#4: enables the sandbox for all renderers', () => {
    enableSandboxForAllRenderers()
    expect(electron.app.enableSandbox).toHaveBeenCalledOnce()
  })

  it('hardens every webContents as it is created', () => {
    const { target } = fakeSession()
    electron.session.defaultSession = target
    installSecurity({ hubOrigin: HUB })
    expect(electron.app.on).toHaveBeenCalledWith('web-contents-created', expect.any(Function))
    const created = electron.app.on.mock.calls[0][1] as (event: unknown, contents: unknown) => void
    const fake = fakeWebContents()
    created({}, fake.contents)
    expect([...fake.listeners.keys()].sort()).toEqual(['will-attach-webview', 'will-frame-navigate', 'will-navigate', 'will-redirect'])
    expect(fake.open('https://www.nhs.uk/')).toEqual({ action: 'deny' })
  })
})
