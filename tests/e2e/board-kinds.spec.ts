import { expect, openAs, test } from './fixtures'
import { seedBoard } from './seed'

/**
 * A board of a kind whose screens are not built yet (a workshop, issue 9) is listed and opens to a
 * plain message, and is never shown as a plan: the plan board would offer forms that write plan
 * data into it.
 */
test('a workshop opens to a message that it cannot be shown yet, not as a plan', async ({ browser, hub }) => {
  const title = `Stay well workshop ${Date.now().toString(36)}`
  const workshopId = await seedBoard(hub, 'workshop', title, () => undefined)
  const page = await openAs(browser, hub.url, 'Fay, facilitator')
  await expect(page.getByRole('link', { name: title })).toBeVisible()
  await page.getByRole('link', { name: title }).click()
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible()
  await expect(page.getByText('This board is a workshop. This version of Roundtable keeps it safe but cannot show it yet; nothing in it has been changed.')).toBeVisible()
  await expect(page.getByRole('region', { name: 'About the person' })).toHaveCount(0)
  await expect(page).toHaveURL(new RegExp(`#/board/${workshopId}$`))
})
