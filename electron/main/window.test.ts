import { beforeEach, describe, expect, it, vi } from 'vitest'

// Electron is faked: its binary cannot be downloaded or run on this machine, and requiring the real
// 'electron' package in Node would try to. What is tested is our wiring: that the window answers
// Electron's 'will-prevent-unload' with a question, and lets the page close only when the person
// says so. That Electron then closes the window is covered only where Electron can run.
const electron = vi.hoisted(() => {
  type Listener = (...args: unknown[]) => void
  class BrowserWindow {
    static last: BrowserWindow | null = null
    readonly contentsListeners = new Map<string, Listener>()
    webContents = { on: (name: string, listener: Listener) => this.contentsListeners.set(name, listener) }
    on = vi.fn()
    once = vi.fn()
    loadURL = vi.fn(async () => {})
    isDestroyed = () => false
    constructor(readonly options: Record<string, unknown>) {
      BrowserWindow.last = this
    }
  }
  return { BrowserWindow, dialog: { showMessageBoxSync: vi.fn(() => 0) } }
})
vi.mock('electron', () => electron)

const { createMainWindow, UNSENT_CHANGES_QUESTION } = await import('./window')

function openWindow() {
  createMainWindow({ url: 'http://127.0.0.1:40123/?token=t', preloadFile: '/preload.cjs', channels: [], withDevTools: false, log: vi.fn() })
  const window = electron.BrowserWindow.last
  if (!window) throw new Error('no window was made')
  const closeAttempt = () => {
    const event = { preventDefault: vi.fn() }
    window.contentsListeners.get('will-prevent-unload')?.(event)
    return { closes: event.preventDefault.mock.calls.length > 0 }
  }
  return { window, closeAttempt }
}

beforeEach(() => {
  electron.dialog.showMessageBoxSync.mockReset()
})

describe('closing a window whose page holds unsent changes', () => {
  it('asks, and stays open when the person chooses Stay (or presses Escape)', () => {
    const { window, closeAttempt } = openWindow()
    electron.dialog.showMessageBoxSync.mockReturnValue(0)
    expect(closeAttempt().closes).toBe(false)
    expect(electron.dialog.showMessageBoxSync).toHaveBeenCalledWith(window, UNSENT_CHANGES_QUESTION)
    expect(UNSENT_CHANGES_QUESTION.buttons).toEqual(['Stay', 'Close anyway'])
    expect(UNSENT_CHANGES_QUESTION.cancelId).toBe(0)
    expect(UNSENT_CHANGES_QUESTION.defaultId).toBe(0)
  })

  it('closes when the person chooses Close anyway', () => {
    const { closeAttempt } = openWindow()
    electron.dialog.showMessageBoxSync.mockReturnValue(1)
    expect(closeAttempt().closes).toBe(true)
  })

  it('says what happens to the changes in words a person can act on', () => {
    expect(UNSENT_CHANGES_QUESTION.message).toBe('Some of your changes have not reached the hub yet.')
    expect(UNSENT_CHANGES_QUESTION.detail).toMatch(/kept on this device and sent the next time this plan is opened here/)
  })
})
