import type { Locator, Page } from '@playwright/test'
import { addNeed, addStrength, createPlan, entryTexts, expect, openAs, test } from './fixtures'

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

  // Entries appear on the other screen without anyone reloading.
  const strengths = (page: typeof ann) => entryTexts(page, 'Strengths and assets', 'strength')
  await addStrength(ann, 'Loves gardening')
  await addStrength(ann, 'Close to her daughter')
  await addNeed(bob, 'Falls at night')
  await expect.poll(() => strengths(bob)).toEqual(['Loves gardening', 'Close to her daughter'])
  await expect.poll(() => entryTexts(ann, 'Needs and concerns', 'need')).toEqual(['Falls at night'])
  await expect(ann.getByRole('list', { name: 'Strengths and assets' })).toContainText('Added by Ann, GP')

  // Ann drags "Close to her daughter" above "Loves gardening"; Bob sees it move.
  await dragWithMouse(
    ann,
    ann.getByRole('button', { name: 'Move strength: Close to her daughter' }),
    ann.getByRole('button', { name: 'Move strength: Loves gardening' }),
  )
  await expect.poll(() => strengths(ann)).toEqual(['Close to her daughter', 'Loves gardening'])
  await expect.poll(() => strengths(bob)).toEqual(['Close to her daughter', 'Loves gardening'])

  // Bob rewords the need; Ann sees the new words.
  await bob.getByRole('button', { name: 'Edit need: Falls at night' }).click()
  await bob.getByRole('textbox', { name: 'Need or concern', exact: true }).fill('Falls at night, twice this month')
  await bob.getByRole('radio', { name: 'Yes, still their own words' }).check()
  await bob.getByRole('button', { name: 'Save' }).click()
  await expect.poll(() => entryTexts(ann, 'Needs and concerns', 'need')).toEqual(['Falls at night, twice this month'])
  await expect(ann.getByText('Connected — all changes saved')).toBeVisible()

  // Ann is rewording a need when Bob deletes it: her words are not lost, and she can add them back.
  await ann.getByRole('button', { name: 'Edit need: Falls at night, twice this month' }).click()
  await ann.getByRole('textbox', { name: 'Need or concern', exact: true }).fill('Falls at night, three times this month')
  await bob.getByRole('button', { name: 'Delete need: Falls at night, twice this month' }).click()
  const orphan = ann.getByRole('alert').filter({ hasText: 'Someone else deleted “Falls at night, twice this month” while you were editing it.' })
  await expect(orphan).toContainText('Falls at night, three times this month')
  await orphan.getByRole('button', { name: 'Add it back as a new entry' }).click()
  await expect.poll(() => entryTexts(bob, 'Needs and concerns', 'need')).toEqual(['Falls at night, three times this month'])

  // Reload keeps everything.
  await ann.reload()
  await expect(ann.getByRole('heading', { level: 1, name: 'J. S. care plan' })).toBeVisible()
  await expect.poll(() => strengths(ann)).toEqual(['Close to her daughter', 'Loves gardening'])
  await expect.poll(() => entryTexts(ann, 'Needs and concerns', 'need')).toEqual(['Falls at night, three times this month'])

  // The hub crashes (kill -9). Both screens say so; what Bob adds meanwhile is kept and saved on return.
  await hub.stop('SIGKILL')
  for (const page of [ann, bob]) await expect(page.getByText(/^Reconnecting — /)).toBeVisible()
  await addStrength(bob, 'Good neighbours')
  await hub.start()
  await expect(bob.getByText('Connected — all changes saved')).toBeVisible({ timeout: 20_000 })
  await expect.poll(() => strengths(ann), { timeout: 20_000 }).toEqual(['Close to her daughter', 'Loves gardening', 'Good neighbours'])

  // A fresh browser after the restart sees the whole plan from the hub's disk.
  const carol = await openAs(browser, boardUrl, 'Carol, nurse')
  await expect.poll(() => strengths(carol)).toEqual(['Close to her daughter', 'Loves gardening', 'Good neighbours'])
  await expect.poll(() => entryTexts(carol, 'Needs and concerns', 'need')).toEqual(['Falls at night, three times this month'])
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
