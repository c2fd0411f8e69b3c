import type { Locator, Page } from '@playwright/test'
import { addStrength, createPlan, entryTexts, expect, test } from './fixtures'

/**
 * Drag with a finger on a card's handle: real touch events through the Chrome DevTools Protocol,
 * since Playwright's own touchscreen API only taps.
 */
async function dragWithFinger(page: Page, from: Locator, to: Locator): Promise<void> {
  const start = await from.boundingBox()
  const end = await to.boundingBox()
  if (!start || !end) throw new Error('Both ends of the drag must be on screen')
  const cdp = await page.context().newCDPSession(page)
  const at = (x: number, y: number) => [{ x: Math.round(x), y: Math.round(y), id: 1 }]
  const x0 = start.x + start.width / 2
  const y0 = start.y + start.height / 2
  const x1 = end.x + end.width / 2
  const y1 = end.y + end.height / 2
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: at(x0, y0) })
  await page.waitForTimeout(50)
  for (let step = 1; step <= 20; step++) {
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: at(x0 + ((x1 - x0) * step) / 20, y0 + ((y1 - y0) * step) / 20) })
    await page.waitForTimeout(16)
  }
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] })
  await cdp.detach()
}

test('an entry is dragged into a new place by touch, as on a tablet', async ({ browser, hub }) => {
  const context = await browser.newContext({ viewport: { width: 1024, height: 900 }, hasTouch: true })
  const page = await context.newPage()
  await page.goto(hub.url)
  await page.getByLabel('Your name').fill('Tablet user')
  await page.getByRole('button', { name: 'Continue' }).click()
  await createPlan(page, 'Touch plan')
  await addStrength(page, 'Knows the neighbours well')
  await addStrength(page, 'Being able to stay at home')

  await dragWithFinger(
    page,
    page.getByRole('button', { name: 'Move strength: Being able to stay at home' }),
    page.getByRole('button', { name: 'Move strength: Knows the neighbours well' }),
  )
  await expect.poll(() => entryTexts(page, 'Strengths and assets', 'strength')).toEqual(['Being able to stay at home', 'Knows the neighbours well'])
  await expect(page.getByText('Connected — all changes saved')).toBeVisible()
})
