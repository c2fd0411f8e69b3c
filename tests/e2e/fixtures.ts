import { test as base, expect, type Browser, type Page } from '@playwright/test'
import { ServedHub } from './served-hub'

/** `hub`: one real hub per test file (worker), started before its tests and stopped after. */
export const test = base.extend<object, { hub: ServedHub }>({
  hub: [
    async ({}, use) => {
      const hub = new ServedHub()
      await hub.start()
      await use(hub)
      await hub.dispose()
    },
    { scope: 'worker' },
  ],
})

export { expect }

/**
 * A person opening the hub's link in their own browser (a fresh context: own storage, own name).
 * The first visit asks for a name, as it would on a new device.
 */
export async function openAs(browser: Browser, url: string, name: string): Promise<Page> {
  const context = await browser.newContext()
  const page = await context.newPage()
  await page.goto(url)
  await page.getByLabel('Your name').fill(name)
  await page.getByRole('button', { name: 'Continue' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'What should others call you?' })).toBeHidden()
  await expect(page.getByRole('banner')).toContainText(`You are ${name}`)
  return page
}

/** Creates a plan from the home screen and waits until it is open and saved. */
export async function createPlan(page: Page, title: string): Promise<string> {
  await page.getByRole('button', { name: 'New plan' }).click()
  await page.getByLabel('Name of the plan').fill(title)
  await page.getByRole('button', { name: 'Create plan' }).click()
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible()
  await expect(page.getByText('Connected — all changes saved')).toBeVisible()
  return page.url()
}

export async function addCard(page: Page, sectionName: string, text: string): Promise<void> {
  const section = page.getByRole('region', { name: sectionName })
  await section.getByLabel(`Add to ${sectionName}`).fill(text)
  await section.getByRole('button', { name: 'Add card' }).click()
  await expect(section.getByRole('listitem').filter({ hasText: text })).toBeVisible()
}

/** The cards in a section, top to bottom, as a screen reader hears their move buttons. */
export async function cardTexts(page: Page, sectionName: string): Promise<string[]> {
  const list = page.getByRole('region', { name: sectionName }).getByRole('list', { name: `Cards in ${sectionName}` })
  const handles = await list.getByRole('button', { name: /^Move card: / }).all()
  const names = await Promise.all(handles.map((handle) => handle.getAttribute('aria-label')))
  return names.map((name) => (name ?? '').replace(/^Move card: /, ''))
}
