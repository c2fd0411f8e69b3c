import type { MenuItemConstructorOptions } from 'electron'

export interface MenuActions {
  isMac: boolean
  /** Developer tools only in development, never in the packaged app on a shared screen. */
  withDevTools: boolean
  showAbout(): void
  showDataFolder(): void
}

/**
 * The app menu: standard roles (so copy, paste, undo, zoom and full screen work as people expect,
 * with their usual shortcuts), and Help → About Roundtable. Zoom matters here: a huddle's shared
 * screen needs large text. Pure data (type-only Electron import), so it is unit-tested.
 */
export function menuTemplate(actions: MenuActions): MenuItemConstructorOptions[] {
  const view: MenuItemConstructorOptions[] = [
    { role: 'resetZoom' },
    { role: 'zoomIn' },
    { role: 'zoomOut' },
    { type: 'separator' },
    { role: 'togglefullscreen' },
  ]
  if (actions.withDevTools) view.unshift({ role: 'reload' }, { role: 'toggleDevTools' }, { type: 'separator' })

  const template: MenuItemConstructorOptions[] = []
  if (actions.isMac) template.push({ role: 'appMenu' })
  template.push(
    {
      label: '&File',
      submenu: [
        { label: 'Show Data Folder', click: () => actions.showDataFolder() },
        { type: 'separator' },
        actions.isMac ? { role: 'close' } : { role: 'quit' },
      ],
    },
    { role: 'editMenu' },
    { label: '&View', submenu: view },
    { role: 'windowMenu' },
    {
      role: 'help',
      label: '&Help',
      submenu: [{ label: 'About Roundtable', click: () => actions.showAbout() }],
    },
  )
  return template
}
