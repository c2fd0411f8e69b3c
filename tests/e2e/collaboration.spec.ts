import type { Locator, Page } from '@playwright/test'
import { addCard, cardTexts, createPlan, expect, openAs, test } from './fixtures'

/** Drags with a real mouse, in small steps, as a person would (dnd-kit starts a drag after 6 px). */
async function dragWithMouse(page: Page, from: Locator, to: Locator): Promise<void> {
  const start = await from.boundingBox()
  const end = await to.boundingBox()
  if (!start || !end) throw new Error('Both ends of the drag must be on screen')
  await page.mouse.move(start.x + start.width / 2, start.y + start.height / 2)
  await page.mouse.down()
  await page.mouse.move(start.x + start.width / 2 + 10, start.y + start.height / 2 + 10, { steps: 5 })
  await page.mouse.move(end.x + end.width / 2, end.y + end.height / 2, { steps: 20 })
  await page.mouse.move(end.x + end.width / 2, end.y + end.height / 2 + 2, { steps: 2 })
  await page.mouse.up()
}

test('two people on one plan see each other, their cards and their drags live; reload and a hub crash keep everything', async ({ browser, hub }) => {
  const ann = await openAs(browser, hub.url, 'Ann, GP')
  const boardUrl = await createPlan(ann, 'J. S. care plan')
  const bob = await openAs(browser, boardUrl, 'Bob, social worker')
  await expect(bob.getByRole('heading', { level: 1, name: 'J. S. care plan' })).toBeVisible()

  // Presence: each sees both names.
  for (const page of [ann, bob]) {
    const hereNow = page.getByRole('region', { name: 'Here now' })
    await expect(hereNow.getByRole('listitem')).toHaveCount(2)
    await expect(hereNow).toContainText('Ann, GP')
    await expect(hereNow).toContainText('Bob, social worker')
  }

  // Cards appear on the other screen without anyone reloading.
  await addCard(ann, 'Goals', 'Walk to the shops again')
  await addCard(bob, 'What matters to me', 'Seeing my grandchildren on Sundays')
  await addCard(bob, 'Actions', 'Refer to falls prevention class')
  await expect.poll(() => cardTexts(bob, 'Goals')).toEqual(['Walk to the shops again'])
  await expect.poll(() => cardTexts(ann, 'What matters to me')).toEqual(['Seeing my grandchildren on Sundays'])

  // Ann drags Bob's action into Goals, above her own card; Bob sees it move.
  await dragWithMouse(
    ann,
    ann.getByRole('button', { name: 'Move card: Refer to falls prevention class' }),
    ann.getByRole('region', { name: 'Goals' }).getByRole('button', { name: 'Move card: Walk to the shops again' }),
  )
  await expect.poll(() => cardTexts(ann, 'Goals')).toContain('Refer to falls prevention class')
  const goalsAfterDrag = await cardTexts(ann, 'Goals')
  await expect.poll(() => cardTexts(bob, 'Goals')).toEqual(goalsAfterDrag)
  await expect.poll(() => cardTexts(bob, 'Actions')).toEqual([])

  // Bob edits a card; Ann sees the new words.
  await bob.getByRole('button', { name: 'Edit card: Seeing my grandchildren on Sundays' }).click()
  await bob.getByRole('textbox', { name: 'Edit card' }).fill('Seeing my grandchildren every Sunday')
  await bob.getByRole('button', { name: 'Save' }).click()
  await expect.poll(() => cardTexts(ann, 'What matters to me')).toEqual(['Seeing my grandchildren every Sunday'])
  await expect(ann.getByText('Connected — all changes saved')).toBeVisible()

  // Reload keeps everything.
  await ann.reload()
  await expect(ann.getByRole('heading', { level: 1, name: 'J. S. care plan' })).toBeVisible()
  await expect.poll(() => cardTexts(ann, 'Goals')).toEqual(goalsAfterDrag)
  await expect.poll(() => cardTexts(ann, 'What matters to me')).toEqual(['Seeing my grandchildren every Sunday'])

  // The hub crashes (kill -9). Both screens say so; what Bob types meanwhile is kept and saved on return.
  await hub.stop('SIGKILL')
  await expect(bob.getByText('Reconnecting — your changes are kept here')).toBeVisible()
  await addCard(bob, 'Strengths', 'Close family nearby')
  await hub.start()
  await expect(bob.getByText('Connected — all changes saved')).toBeVisible({ timeout: 20_000 })
  await expect.poll(() => cardTexts(ann, 'Strengths'), { timeout: 20_000 }).toEqual(['Close family nearby'])

  // A fresh browser after the restart sees the whole plan from the hub's disk.
  const carol = await openAs(browser, boardUrl, 'Carol, nurse')
  await expect.poll(() => cardTexts(carol, 'Goals')).toEqual(goalsAfterDrag)
  await expect.poll(() => cardTexts(carol, 'Strengths')).toEqual(['Close family nearby'])
  await expect.poll(() => cardTexts(carol, 'What matters to me')).toEqual(['Seeing my grandchildren every Sunday'])
})

test('the home screen lists plans newest first and opens them', async ({ browser, hub }) => {
  const page = await openAs(browser, hub.url, 'Dee, coordinator')
  await createPlan(page, 'First plan')
  await page.getByRole('link', { name: 'All plans' }).click()
  await createPlan(page, 'Second plan')
  await page.getByRole('link', { name: 'All plans' }).click()
  const links = page.getByRole('list').getByRole('link')
  await expect(links.first()).toHaveText('Second plan')
  await expect(page.getByRole('link', { name: 'First plan' })).toBeVisible()
  await expect(page.getByText(/Plan · last updated/).first()).toBeVisible()
  await page.getByRole('link', { name: 'First plan' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'First plan' })).toBeVisible()
})
