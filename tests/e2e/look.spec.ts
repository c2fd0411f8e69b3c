import AxeBuilder from '@axe-core/playwright'
import type { Page } from '@playwright/test'
import { addEntry, addGoal, addNeed, createPlan, expect, openAs, shareLink, test } from './fixtures'

/** Everything a page reports as going wrong: console errors, uncaught exceptions, failed requests. */
function watchProblems(page: Page): string[] {
  const problems: string[] = []
  page.on('console', (message) => message.type() === 'error' && problems.push(`console: ${message.text()}`))
  page.on('pageerror', (error) => problems.push(`exception: ${error.message}`))
  page.on('response', (response) => response.status() >= 400 && problems.push(`${response.status()}: ${response.url()}`))
  page.on('requestfailed', (request) => problems.push(`failed: ${request.url()}`))
  return problems
}

test('a fresh load is clean, every screen has its own title, the font is the NHS stack, and the access code leaves the address bar', async ({ browser, hub }) => {
  const context = await browser.newContext()
  const page = await context.newPage()
  const problems = watchProblems(page)
  await page.goto(hub.url)
  await expect(page.getByRole('heading', { level: 1, name: 'What should others call you?' })).toBeVisible()
  await expect(page).toHaveTitle('Your name – Roundtable')
  // The code is kept for this tab and taken out of the address, so a shared screen does not show it.
  expect(page.url()).not.toContain('token')
  expect(page.url()).not.toContain(hub.token)

  // Frutiger where the computer has it, else Arial: never the browser's serif default.
  const fonts = await page.evaluate(() => {
    const scope = globalThis as unknown as { document: { body: object; querySelector(selector: string): object }; getComputedStyle(element: object): { fontFamily: string } }
    return [scope.getComputedStyle(scope.document.body).fontFamily, scope.getComputedStyle(scope.document.querySelector('input')).fontFamily]
  })
  for (const font of fonts) expect(font).toMatch(/^"?Frutiger W01"?, Frutiger, Arial, sans-serif$/)

  await page.getByLabel('Your name').fill('Ann, GP')
  await page.getByRole('button', { name: 'Continue' }).click()
  await expect(page).toHaveTitle('All plans – Roundtable')
  await createPlan(page, 'Plan for Joan')
  await expect(page).toHaveTitle('Plan for Joan – Board – Roundtable')
  expect(page.url()).not.toContain('token')

  // A reload finds the code kept for this tab and reopens the same screen.
  await page.reload()
  await expect(page.getByRole('heading', { level: 1, name: 'Plan for Joan' })).toBeVisible()
  await expect(page.getByText('Connected — all changes saved')).toBeVisible()
  await expect(page).toHaveTitle('Plan for Joan – Board – Roundtable')

  await page.getByRole('link', { name: 'History', exact: true }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'History: Plan for Joan' })).toBeVisible()
  await expect(page).toHaveTitle('Plan for Joan – History – Roundtable')
  expect(await axeViolations(page)).toEqual([])
  await page.getByRole('link', { name: 'Back to the plan' }).click()
  await page.getByRole('link', { name: 'My plan (easy read)' }).click()
  await expect(page).toHaveTitle('Plan for Joan – My plan – Roundtable')
  expect(await axeViolations(page)).toEqual([])
  await page.getByRole('link', { name: 'All plans' }).click()
  await expect(page).toHaveTitle('All plans – Roundtable')

  await page.goto(`${hub.origin}/#/nowhere`)
  await expect(page).toHaveTitle('Page not found – Roundtable')
  expect(problems).toEqual([])
  await context.close()
})

test('every button’s name starts with or holds the words on it (WCAG 2.5.3), Move to goal and Link included', async ({ browser, hub }) => {
  const page = await openAs(browser, hub.url, 'Sam, district nurse')
  await createPlan(page, 'Plan for Lin')
  await addNeed(page, 'Lonely since moving')
  await addGoal(page, 'Join the lunch club')
  await addGoal(page, 'Walk to the shops')
  await addEntry(page, 'Care team', 'Add to the care team', { Name: 'Sam Patel', Role: 'District nurse', Organisation: 'Community nursing' })
  const goals = page.getByRole('region', { name: 'Goals and actions' })
  await goals.getByRole('button', { name: 'Add an action for Join the lunch club' }).click()
  await goals.getByLabel('What will be done', { exact: true }).fill('Ask about transport')
  await goals.getByLabel('Who will do it', { exact: true }).selectOption({ label: 'Sam Patel, District nurse (Community nursing)' })
  await goals.getByRole('button', { name: 'Add the action' }).click()

  await expect(goals.getByRole('button', { name: 'Link the chosen need to “Join the lunch club”' })).toHaveText('Link')
  await expect(goals.getByRole('button', { name: 'Move to goal: “Ask about transport”' })).toHaveText('Move to goal')
  await goals.getByRole('button', { name: 'Move to goal: “Ask about transport”' }).click()
  await expect(goals.getByRole('button', { name: 'Move “Ask about transport” to the chosen goal' })).toHaveText('Move')

  const mismatched = await page.evaluate(() => {
    interface Button { getAttribute(name: string): string | null; textContent: string | null }
    const scope = globalThis as unknown as { document: { querySelectorAll(selector: string): Iterable<Button> } }
    const words = (text: string) => text.replace(/\s+/g, ' ').trim().toLowerCase()
    return Array.from(scope.document.querySelectorAll('button[aria-label]'))
      .map((button) => ({ name: words(button.getAttribute('aria-label') ?? ''), shown: words(button.textContent ?? '') }))
      .filter(({ name, shown }) => shown !== '' && !/^[^a-z]*$/.test(shown) && !name.includes(shown))
      .map(({ name, shown }) => `"${shown}" is named "${name}"`)
  })
  expect(mismatched).toEqual([])
})

test('the name over another person’s caret stays inside the text box, at its top and at its right edge', async ({ browser, hub }, testInfo) => {
  const ann = await openAs(browser, hub.url, 'Ann, GP', { width: 800, height: 900 })
  const planLink = await createPlan(ann, 'Plan for Ray')
  const bob = await openAs(browser, planLink, 'Bob Featherstonehaugh, social worker', { width: 800, height: 900 })
  const field = 'What is most important to me'
  // First line, then the far end of a line that fills the box's width.
  await bob.getByRole('textbox', { name: field }).click()
  await bob.keyboard.type('Tea')
  await expectTagInside(ann, field)
  await bob.keyboard.type(' at four with the paper and a biscuit, every day without fail, at the table by the window')
  await expectTagInside(ann, field)
  // The end of the first (wrapped) line: as far right as a caret goes.
  await bob.keyboard.press('Control+Home')
  await bob.keyboard.press('End')
  await expectTagInside(ann, field)
  await ann.getByRole('textbox', { name: field }).screenshot({ path: testInfo.outputPath('caret-name-at-the-right-edge.png') })
})

async function expectTagInside(page: Page, field: string): Promise<void> {
  const box = page.getByRole('textbox', { name: field })
  const tag = page.locator('.richtext__cursor-name', { hasText: 'Bob Featherstonehaugh' })
  await expect(tag).toBeVisible()
  await expect
    .poll(async () => {
      const [outer, inner] = await Promise.all([box.boundingBox(), tag.boundingBox()])
      if (!outer || !inner) return 'not drawn'
      const inside =
        inner.x >= outer.x - 0.5 && inner.y >= outer.y - 0.5 && inner.x + inner.width <= outer.x + outer.width + 0.5 && inner.y + inner.height <= outer.y + outer.height + 0.5
      return inside ? 'inside' : `tag ${JSON.stringify(inner)} outside box ${JSON.stringify(outer)}`
    })
    .toBe('inside')
}

async function axeViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa', 'best-practice']).analyze()
  return results.violations.map((violation) => `${violation.id}: ${violation.help} at ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`)
}
