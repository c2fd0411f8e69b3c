import { describe, expect, it, vi } from 'vitest'
import { menuTemplate } from './menu'

describe('the app menu', () => {
  const actions = { isMac: false, withDevTools: false, showAbout: vi.fn(), showDataFolder: vi.fn() }

  it('has Help → About Roundtable, which calls showAbout', () => {
    const help = menuTemplate(actions).find((item) => item.role === 'help')
    const about = (help?.submenu as Array<{ label?: string; click?: () => void }>).find((item) => item.label === 'About Roundtable')
    expect(about).toBeDefined()
    about?.click?.()
    expect(actions.showAbout).toHaveBeenCalledOnce()
  })

  it('uses the standard roles, and zoom for large text on a shared screen', () => {
    const template = menuTemplate(actions)
    expect(template.map((item) => item.role ?? item.label)).toEqual(['&File', 'editMenu', '&View', 'windowMenu', 'help'])
    const view = template.find((item) => item.label === '&View')?.submenu as Array<{ role?: string }>
    expect(view.map((item) => item.role).filter(Boolean)).toEqual(['resetZoom', 'zoomIn', 'zoomOut', 'togglefullscreen'])
  })

  it('offers developer tools only in development, and the app menu only on macOS', () => {
    const dev = menuTemplate({ ...actions, withDevTools: true, isMac: true })
    expect(dev[0].role).toBe('appMenu')
    const view = dev.find((item) => item.label === '&View')?.submenu as Array<{ role?: string }>
    expect(view.map((item) => item.role)).toContain('toggleDevTools')
  })
})
