import { cardTexts, createPlan, expect, openAs, test } from './fixtures'
import type { Page } from '@playwright/test'

/** Adds a card with the keyboard only: type, then Enter. */
async function typeCard(page: Page, sectionName: string, text: string): Promise<void> {
  const box = page.getByRole('region', { name: sectionName }).getByRole('textbox', { name: `Add to ${sectionName}` })
  await box.focus()
  await page.keyboard.type(text)
  await page.keyboard.press('Enter')
  await expect(box).toHaveValue('')
}

test('cards move by keyboard alone, within a section and across sections, with spoken feedback and undo', async ({ browser, hub }) => {
  const page = await openAs(browser, hub.url, 'Kim, coordinator')
  await createPlan(page, 'Keyboard plan')
  for (const text of ['Sleep better', 'Get out to the garden', 'Cook a meal']) await typeCard(page, 'Goals', text)
  await expect.poll(() => cardTexts(page, 'Goals')).toEqual(['Sleep better', 'Get out to the garden', 'Cook a meal'])

  // Pick up, one step down, drop.
  await page.getByRole('button', { name: 'Move card: Sleep better' }).focus()
  await page.keyboard.press('Space')
  await expect(page.getByRole('status').filter({ hasText: 'Picked up “Sleep better”, position 1 of 3 in Goals.' })).toBeAttached()
  await page.keyboard.press('ArrowDown')
  // As with a screen reader, wait to hear where the card is before dropping it.
  await expect(page.getByRole('status').filter({ hasText: '“Sleep better” is now at position 2 of 3 in Goals.' })).toBeAttached()
  await page.keyboard.press('Space')
  await expect(page.getByRole('status').filter({ hasText: 'Dropped “Sleep better” at position 2 of 3 in Goals.' })).toBeAttached()
  await expect.poll(() => cardTexts(page, 'Goals')).toEqual(['Get out to the garden', 'Sleep better', 'Cook a meal'])

  // Across sections: Goals sits left of Actions on a wide screen.
  await page.getByRole('button', { name: 'Move card: Cook a meal' }).focus()
  await page.keyboard.press('Enter')
  await expect(page.getByRole('status').filter({ hasText: 'Picked up “Cook a meal”, position 3 of 3 in Goals.' })).toBeAttached()
  await page.keyboard.press('ArrowRight')
  await expect(page.getByRole('status').filter({ hasText: '“Cook a meal” is now at position 1 of 1 in Actions.' })).toBeAttached()
  await page.keyboard.press('Enter')
  await expect.poll(() => cardTexts(page, 'Actions')).toEqual(['Cook a meal'])
  await expect.poll(() => cardTexts(page, 'Goals')).toEqual(['Get out to the garden', 'Sleep better'])

  // Escape puts a card back where it was.
  await page.getByRole('button', { name: 'Move card: Get out to the garden' }).focus()
  await page.keyboard.press('Space')
  await expect(page.getByRole('status').filter({ hasText: 'Picked up “Get out to the garden”, position 1 of 2 in Goals.' })).toBeAttached()
  await page.keyboard.press('ArrowDown')
  await expect(page.getByRole('status').filter({ hasText: '“Get out to the garden” is now at position 2 of 2 in Goals.' })).toBeAttached()
  await page.keyboard.press('Escape')
  await expect(page.getByRole('status').filter({ hasText: 'Cancelled. “Get out to the garden” is back where it was.' })).toBeAttached()
  await expect.poll(() => cardTexts(page, 'Goals')).toEqual(['Get out to the garden', 'Sleep better'])

  // Undo (Ctrl+Z, outside a text box) takes the last move back; Redo does it again.
  await page.getByRole('button', { name: 'Move card: Sleep better' }).focus()
  await page.keyboard.press('Control+z')
  await expect.poll(() => cardTexts(page, 'Goals')).toEqual(['Get out to the garden', 'Sleep better', 'Cook a meal'])
  await page.keyboard.press('Control+y')
  await expect.poll(() => cardTexts(page, 'Actions')).toEqual(['Cook a meal'])
})

test('bad input gets a clear message and loses nothing typed', async ({ browser, hub }) => {
  const page = await openAs(browser, hub.url, 'Lee, nurse')

  // An empty plan name.
  await page.getByRole('button', { name: 'New plan' }).click()
  await page.getByRole('button', { name: 'Create plan' }).click()
  await expect(page.getByText('Enter a name for the plan, for example the person’s initials.')).toBeVisible()
  await createPlanAfterError(page, 'Input plan')

  // An empty card, then one that is far too long: the text stays in the box to fix.
  const goals = page.getByRole('region', { name: 'Goals' })
  await goals.getByRole('button', { name: 'Add card' }).click()
  await expect(goals.getByText('Write something on the card first.')).toBeVisible()
  const tooLong = 'word '.repeat(500)
  await goals.getByRole('textbox', { name: 'Add to Goals' }).fill(tooLong)
  await goals.getByRole('button', { name: 'Add card' }).click()
  await expect(goals.getByText(/A card can hold up to 2,000 characters\. This one has 2,500; split it into several cards\./)).toBeVisible()
  await expect(goals.getByRole('textbox', { name: 'Add to Goals' })).toHaveValue(tooLong)
  await expect.poll(() => cardTexts(page, 'Goals')).toEqual([])

  // Deleting a card is undone with one click.
  await goals.getByRole('textbox', { name: 'Add to Goals' }).fill('Keep this one')
  await goals.getByRole('button', { name: 'Add card' }).click()
  await page.getByRole('button', { name: 'Delete card: Keep this one' }).click()
  await expect.poll(() => cardTexts(page, 'Goals')).toEqual([])
  await page.getByRole('button', { name: 'Undo' }).click()
  await expect.poll(() => cardTexts(page, 'Goals')).toEqual(['Keep this one'])
})

async function createPlanAfterError(page: Page, title: string): Promise<void> {
  await page.getByLabel('Name of the plan').fill(title)
  await page.getByRole('button', { name: 'Create plan' }).click()
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible()
}

test('a wrong access code is refused with a message that says what to do', async ({ browser, hub }) => {
  const context = await browser.newContext()
  const page = await context.newPage()
  await page.goto(`${hub.origin}/?token=not-the-right-token-at-all`)
  await page.getByLabel('Your name').fill('Mo')
  await page.getByRole('button', { name: 'Continue' }).click()
  await expect(page.getByRole('alert')).toContainText('This link’s access code is missing or wrong. Ask whoever runs Roundtable for a new link.')
  await page.goto(`${hub.origin}/?token=not-the-right-token-at-all#/board/abc123`)
  await expect(page.getByText('The hub refused this link’s access code.')).toBeVisible()
  await page.goto(`${hub.origin}/`)
  await expect(page.getByRole('heading', { level: 1, name: 'This page needs its access link' })).toBeVisible()
})
