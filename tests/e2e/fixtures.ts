import { test as base, expect, type Browser, type Locator, type Page } from '@playwright/test'
import { ServedHub } from './served-hub'

/** This worker's hub, for building links as a person shares them (see `shareLink`). */
let workerHub: ServedHub | null = null

/** `hub`: one real hub per test file (worker), started before its tests and stopped after. */
export const test = base.extend<{ hubStaysUp: void }, { hub: ServedHub }>({
  // Runs around every test: a hub that crashed (rather than being stopped by the test) fails the test
  // that was running, with what the hub printed, instead of the next test failing to connect.
  hubStaysUp: [
    async ({ hub }, use) => {
      if (hub.unexpectedExit) throw new Error(hub.unexpectedExit)
      await use()
      if (hub.unexpectedExit) throw new Error(hub.unexpectedExit)
    },
    { auto: true },
  ],
  hub: [
    async ({}, use) => {
      const hub = new ServedHub()
      await hub.start()
      workerHub = hub
      await use(hub)
      workerHub = null
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
export async function openAs(browser: Browser, url: string, name: string, viewport?: { width: number; height: number }): Promise<Page> {
  const context = await browser.newContext(viewport ? { viewport } : {})
  const page = await context.newPage()
  await page.goto(url)
  await page.getByLabel('Your name').fill(name)
  await page.getByRole('button', { name: 'Continue' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'What should others call you?' })).toBeHidden()
  await expect(page.getByRole('banner')).toContainText(`You are ${name}`)
  return page
}

/**
 * The link to the screen `page` shows, as a person shares it: the address the hub printed (with its
 * access code) and the screen's part after `#`. The page's own address no longer holds the code
 * once it has loaded, so `page.url()` is not a link anyone else can open.
 */
export function shareLink(page: Page): string {
  if (!workerHub) throw new Error('shareLink needs the hub fixture: add { hub } to the test.')
  return `${workerHub.url}${new URL(page.url()).hash}`
}

/** Creates a plan from the home screen, waits until it is open and saved, and gives its link to share. */
export async function createPlan(page: Page, title: string): Promise<string> {
  await page.getByRole('button', { name: 'New plan' }).click()
  await page.getByLabel('Name of the plan').fill(title)
  await page.getByRole('button', { name: 'Create plan' }).click()
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible()
  await expect(page.getByText('Connected — all changes saved')).toBeVisible()
  return shareLink(page)
}

/** What to put in a form field: text to type, `{ option }` to pick, `{ check }` to tick. */
type FieldValue = string | { option: string } | { check: boolean }

/**
 * Adds an entry through a section's own form: the "Add …" button opens it, the same words submit
 * it. Fields are found by their exact label, so "Strength" never matches "Whose strength".
 */
export async function addEntry(page: Page, sectionName: string, buttonName: string, fields: Record<string, FieldValue>): Promise<void> {
  const section = page.getByRole('region', { name: sectionName, exact: true })
  await section.getByRole('button', { name: buttonName, exact: true }).click()
  for (const [label, value] of Object.entries(fields)) {
    const field = section.getByLabel(label, { exact: true })
    if (typeof value === 'string') await field.fill(value)
    else if ('option' in value) await field.selectOption({ label: value.option })
    else await field.setChecked(value.check)
  }
  await section.getByRole('button', { name: buttonName, exact: true }).click()
  await expect(section.getByRole('button', { name: 'Cancel' })).toHaveCount(0)
}

/** Whose words is asked for every new strength, need and goal; these helpers answer "the person's own". */
export const PERSONS_WORDS = { 'The person’s own words': { check: true } } as const
export const addStrength = (page: Page, text: string) => addEntry(page, 'Strengths and assets', 'Add a strength', { Strength: text, ...PERSONS_WORDS })
export const addNeed = (page: Page, text: string) => addEntry(page, 'Needs and concerns', 'Add a need or concern', { 'Need or concern': text, ...PERSONS_WORDS })
export const addGoal = (page: Page, text: string) => addEntry(page, 'Goals and actions', 'Add a goal', { 'Goal or hope': text, ...PERSONS_WORDS })

/**
 * The entries in a list, top to bottom, as a screen reader hears their move buttons
 * ("Move strength: Loves gardening" gives "Loves gardening").
 */
export async function entryTexts(page: Page, listName: string, kind: string): Promise<string[]> {
  const list = page.getByRole('list', { name: listName, exact: true })
  const handles = await list.getByRole('button', { name: new RegExp(`^Move ${kind}: `) }).all()
  const names = await Promise.all(handles.map((handle) => handle.getAttribute('aria-label')))
  return names.map((name) => (name ?? '').replace(`Move ${kind}: `, ''))
}

/** Waits until a live region has said `text`, as a screen-reader user would wait to hear it. */
export function said(page: Page, text: string): Promise<void> {
  return expect(page.getByRole('status').filter({ hasText: text })).toBeAttached()
}

/** The Day, Month and Year boxes of the date whose legend is `legend`, found as a screen reader finds them. */
export function dateBoxes(scope: Page | Locator, legend: string): { group: Locator; day: Locator; month: Locator; year: Locator } {
  const group = scope.getByRole('group', { name: legend, exact: true })
  const box = (name: string) => group.getByRole('textbox', { name, exact: true })
  return { group, day: box('Day'), month: box('Month'), year: box('Year') }
}

/** Types a YYYY-MM-DD day into a date's three boxes, day first as the NHS pattern asks. */
export async function fillDate(scope: Page | Locator, legend: string, isoDay: string): Promise<void> {
  const [year, month, day] = isoDay.split('-')
  const boxes = dateBoxes(scope, legend)
  await boxes.day.fill(String(Number(day)))
  await boxes.month.fill(String(Number(month)))
  await boxes.year.fill(year)
}

/** Checks a date's three boxes show the YYYY-MM-DD day `isoDay`. */
export async function expectDate(scope: Page | Locator, legend: string, isoDay: string): Promise<void> {
  const [year, month, day] = isoDay.split('-')
  const boxes = dateBoxes(scope, legend)
  await expect(boxes.day).toHaveValue(String(Number(day)))
  await expect(boxes.month).toHaveValue(String(Number(month)))
  await expect(boxes.year).toHaveValue(year)
}

/** A date `days` from today where the browser is (YYYY-MM-DD, local). */
export function daysFromNow(days: number): string {
  const date = new Date()
  date.setDate(date.getDate() + days)
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`
}
