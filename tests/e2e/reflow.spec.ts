import type { Page } from '@playwright/test'
import { addEntry, addGoal, addNeed, addStrength, createPlan, expect, openAs, shareLink, test } from './fixtures'

/**
 * WCAG 1.4.10 Reflow: at 320 px (and a common phone's 390 px) nothing scrolls sideways. Each screen
 * is checked twice over: the page as a whole, and every element that shows, so one that pokes out
 * of a box that hides overflow is caught too. Screenshots are kept with the results to look at.
 */
for (const width of [320, 390]) {
  test(`at ${width} px wide the board, an open action form, History and My plan never scroll sideways`, async ({ browser, hub }, testInfo) => {
    const page = await openAs(browser, hub.url, 'Resident on a phone', { width, height: 800 })
    await createPlan(page, 'Plan for Joan Margaret Featherstonehaugh-Smith')
    await addStrength(page, 'Knows everyone at the allotment and the community centre')
    await addNeed(page, 'Lonely since moving to the ground-floor flat on Wellington Road')
    await addGoal(page, 'Get back to the allotment every week, with a lift if need be')
    await addEntry(page, 'Care team', 'Add to the care team', { Name: 'Sam Patel', Role: 'District nurse', Organisation: 'Community nursing' })
    const goals = page.getByRole('region', { name: 'Goals and actions' })
    await goals.getByRole('button', { name: /^Add an action for / }).click()
    await goals.getByLabel('What will be done', { exact: true }).fill('Ask the allotment society about a raised bed near the gate')
    await goals.getByLabel('Who will do it', { exact: true }).selectOption({ label: 'Sam Patel, District nurse (Community nursing)' })
    await goals.getByRole('button', { name: 'Add the action' }).click()
    await expect(goals.getByRole('button', { name: 'Add the action' })).toHaveCount(0)

    // The board with a goal, its action and the Link a need control.
    await expect(goals.getByRole('combobox', { name: /^Link a need to / })).toBeVisible()
    await expectNoSidewaysScroll(page, 'the board')
    await goals.getByRole('combobox', { name: /^Link a need to / }).scrollIntoViewIfNeeded()
    await page.screenshot({ path: testInfo.outputPath(`board-${width}.png`) })

    // An action's form open, and the Move to goal control (needs a second goal).
    await addGoal(page, 'Feel less alone in the evenings')
    await goals.getByRole('button', { name: /^Add an action for Get back/ }).click()
    await expect(goals.getByLabel('What will be done', { exact: true })).toBeVisible()
    await expectNoSidewaysScroll(page, 'the board with an action form open')
    await goals.locator('form').filter({ has: page.getByLabel('What will be done', { exact: true }) }).screenshot({ path: testInfo.outputPath(`action-form-${width}.png`) })
    await goals.getByRole('button', { name: 'Cancel' }).click()
    await goals.getByRole('button', { name: /^Move to goal: / }).click()
    await expect(goals.getByRole('combobox', { name: /^Goal to move / })).toBeVisible()
    await expectNoSidewaysScroll(page, 'the board choosing a goal to move an action to')
    await page.screenshot({ path: testInfo.outputPath(`move-to-goal-${width}.png`) })
    await page.screenshot({ path: testInfo.outputPath(`board-top-${width}.png`), clip: { x: 0, y: 0, width, height: 800 } })

    await page.getByRole('link', { name: 'History', exact: true }).click()
    await expect(page.getByRole('heading', { level: 1, name: /^History: / })).toBeVisible()
    await expectNoSidewaysScroll(page, 'History')
    await page.screenshot({ path: testInfo.outputPath(`history-${width}.png`), fullPage: true })

    await page.goto(shareLink(page).replace(/\/history$/, '/my-plan'))
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
    await expectNoSidewaysScroll(page, 'My plan')
    await page.screenshot({ path: testInfo.outputPath(`my-plan-${width}.png`), fullPage: true })
  })
}

async function expectNoSidewaysScroll(page: Page, screen: string): Promise<void> {
  // Runs in the page; typed loosely because this file is compiled without the DOM's types.
  const found = await page.evaluate(() => {
    interface Box { left: number; right: number; width: number; height: number }
    interface Element { tagName: string; id: string; className: unknown; textContent: string | null; getBoundingClientRect(): Box }
    const scope = globalThis as unknown as {
      innerWidth: number
      document: { documentElement: { scrollWidth: number }; querySelectorAll(selector: string): Iterable<Element> }
    }
    const width = scope.innerWidth
    const wide: string[] = []
    for (const element of Array.from(scope.document.querySelectorAll('body *'))) {
      const box = element.getBoundingClientRect()
      // Screen-reader-only text is clipped to a pixel, and may sit just off the edge on purpose.
      if (box.width <= 1 || box.height <= 1) continue
      if (box.right > width + 0.5 || box.left < -0.5) {
        const name = `${element.tagName.toLowerCase()}${element.id ? `#${element.id}` : ''}.${String(element.className).split(' ').join('.')}`
        wide.push(`${name} (${Math.round(box.left)}–${Math.round(box.right)}): ${(element.textContent ?? '').slice(0, 40)}`)
      }
    }
    return { scrollWidth: scope.document.documentElement.scrollWidth, width, wide }
  })
  // Soft: one run lists every screen's problems.
  expect.soft(found.wide, `elements wider than the ${found.width} px screen on ${screen}`).toEqual([])
  expect.soft(found.scrollWidth, `page width on ${screen}`).toBeLessThanOrEqual(found.width)
}
