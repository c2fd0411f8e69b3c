import AxeBuilder from '@axe-core/playwright'
import type { Page } from '@playwright/test'
import { addGoal, addStrength, createPlan, expect, openAs, test } from './fixtures'

const WCAG_22_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa', 'best-practice']

/** axe-core's findings, one line each, so a failure says what is wrong and where. */
async function axeViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(WCAG_22_AA).analyze()
  return results.violations.map(
    (violation) => `${violation.id} (${violation.impact}): ${violation.help} at ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`,
  )
}

test('axe-core finds no WCAG 2.2 AA problems on the name prompt, home and board', async ({ browser, hub }) => {
  const context = await browser.newContext()
  const page = await context.newPage()
  await page.goto(hub.url)
  await expect(page.getByRole('heading', { level: 1, name: 'What should others call you?' })).toBeVisible()
  expect(await axeViolations(page)).toEqual([])

  // The name prompt with an error showing.
  await page.getByRole('button', { name: 'Continue' }).click()
  await expect(page.getByText('Enter the name others will see')).toBeVisible()
  expect(await axeViolations(page)).toEqual([])
  await context.close()

  const person = await openAs(browser, hub.url, 'Axe tester')
  // Anything the page logs as an error (a CSP refusal, a React warning, an exception) fails the test.
  const problems: string[] = []
  person.on('console', (message) => message.type() === 'error' && problems.push(message.text()))
  person.on('pageerror', (error) => problems.push(error.message))
  // Home, empty.
  await expect(person.getByText('There are no plans or meetings here yet.')).toBeVisible()
  expect(await axeViolations(person)).toEqual([])

  // The board, empty and then with cards.
  await createPlan(person, 'Accessible plan')
  expect(await axeViolations(person)).toEqual([])
  await addStrength(person, 'My cat, Biscuit')
  await addGoal(person, 'Get back to the allotment')
  expect(await axeViolations(person)).toEqual([])

  // An entry being edited, and a form showing an error.
  await person.getByRole('button', { name: 'Edit strength: My cat, Biscuit' }).click()
  const needs = person.getByRole('region', { name: 'Needs and concerns' })
  await needs.getByRole('button', { name: 'Add a need or concern' }).click()
  await needs.getByRole('button', { name: 'Add a need or concern' }).click()
  await expect(needs.getByText('Write the need or concern first.')).toBeVisible()
  expect(await axeViolations(person)).toEqual([])

  // Home with a plan in the list.
  await person.getByRole('link', { name: 'All plans' }).click()
  await expect(person.getByRole('link', { name: 'Accessible plan' })).toBeVisible()
  expect(await axeViolations(person)).toEqual([])
  expect(problems).toEqual([])
})

test('the board works on a phone-sized screen: sections stack and nothing scrolls sideways', async ({ browser, hub }) => {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 }, hasTouch: true, isMobile: true })
  const page = await context.newPage()
  await page.goto(hub.url)
  await page.getByLabel('Your name').fill('Resident on a phone')
  await page.getByRole('button', { name: 'Continue' }).click()
  await createPlan(page, 'Phone plan')
  await addStrength(page, 'Good neighbours')
  // Runs in the page; typed loosely because this file is compiled without the DOM's types.
  const overflow = await page.evaluate(() => {
    const root = (globalThis as unknown as { document: { documentElement: { scrollWidth: number; clientWidth: number } } }).document
      .documentElement
    return root.scrollWidth - root.clientWidth
  })
  expect(overflow).toBeLessThanOrEqual(0)
  expect(await axeViolations(page)).toEqual([])
})
