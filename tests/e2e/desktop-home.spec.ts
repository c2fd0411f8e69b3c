import { expect, openAs, test } from './fixtures'

/**
 * The desktop app's home screen says where the plans are kept and opens the folder, through the
 * preload's bridge. The Electron binary cannot run here, so the bridge is played by a stand-in
 * with the same two calls (the real one is checked in tests/electron/launch.spec.ts where Electron
 * runs); everything else is the real app on the real hub in Chromium.
 */

test('in a browser tab there is no bridge, so nothing is said about a data folder', async ({ browser, hub }) => {
  const page = await openAs(browser, hub.url, 'Dee, coordinator')
  await expect(page.getByRole('heading', { level: 1, name: 'Plans' })).toBeVisible()
  await expect(page.getByRole('heading', { name: 'On this computer' })).toHaveCount(0)
})

test('in the desktop app the home screen shows where plans are kept, and a folder that will not open says why', async ({ browser, hub }) => {
  const context = await browser.newContext()
  await context.addInitScript(() => {
    const calls: string[] = []
    Object.assign(globalThis, {
      roundtableCalls: calls,
      roundtable: Object.freeze({
        app: Object.freeze({
          getInfo: async () => ({ name: 'Roundtable', version: '0.1.0', dataDir: '/home/dee/.config/Roundtable/data' }),
          showDataFolder: async () => {
            calls.push('showDataFolder')
            throw new Error('Could not open the data folder /home/dee/.config/Roundtable/data: No application is registered')
          },
        }),
      }),
    })
  })
  const page = await context.newPage()
  await page.goto(hub.url)
  await page.getByLabel('Your name').fill('Dee, coordinator')
  await page.getByRole('button', { name: 'Continue' }).click()
  const section = page.getByRole('region', { name: 'On this computer' })
  await expect(section).toContainText('Plans are kept on this computer, encrypted, in /home/dee/.config/Roundtable/data.')
  await section.getByRole('button', { name: 'Show the data folder' }).click()
  await expect(section.getByRole('alert')).toHaveText('Could not open the data folder /home/dee/.config/Roundtable/data: No application is registered')
  expect(await page.evaluate(() => (globalThis as unknown as { roundtableCalls: string[] }).roundtableCalls)).toEqual(['showDataFolder'])
  await context.close()
})
