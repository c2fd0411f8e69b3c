import AxeBuilder from '@axe-core/playwright'
import type { Locator, Page } from '@playwright/test'
import { formatDay } from '../../shared/plan/dates'
import { addEntry, addGoal, addNeed, addStrength, createPlan, daysFromNow, expect, fillDate, openAs, shareLink, test } from './fixtures'

async function expectNoAxeViolations(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa']).analyze()
  expect(results.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`)).toEqual([])
}

async function markAgreed(page: Page, agreedBy: string, relation: string): Promise<void> {
  const agreement = page.getByRole('region', { name: 'Agreement and review' })
  await agreement.getByRole('button', { name: 'Mark as agreed' }).click()
  await agreement.getByLabel('Who agreed the plan').fill(agreedBy)
  await agreement.getByLabel('Who they are').fill(relation)
  await fillDate(agreement, 'Planned review date', daysFromNow(90))
  await agreement.getByLabel('Who will review it').fill('Sam Patel')
  await agreement.getByRole('button', { name: 'Mark as agreed' }).click()
  await expect(agreement).toContainText(`Agreed with ${agreedBy} (${relation})`)
}

function row(table: Locator, what: string): Locator {
  return table.getByRole('row').filter({ has: table.page().getByRole('cell', { name: what, exact: true }) })
}

test('History shows who changed what and when, compares two versions in plain words, and passes axe', async ({ browser, hub }, testInfo) => {
  // Two people, two agreements and a full History page: about a minute on a busy two-core machine.
  test.slow()
  const asha = await openAs(browser, hub.url, 'Asha Patel')
  await createPlan(asha, 'Plan for Joan')
  const person = asha.getByRole('region', { name: 'About the person' })
  await person.getByLabel('Name', { exact: true }).fill('Joan Smith')
  await person.getByLabel('Name', { exact: true }).press('Enter')
  await addNeed(asha, 'Falls at night')
  await addGoal(asha, 'Walk to the allotment')
  await addEntry(asha, 'Care team', 'Add to the care team', { Name: 'Sam Patel', Role: 'District nurse', Organisation: 'Community nursing' })
  const goals = asha.getByRole('region', { name: 'Goals and actions' })
  await goals.getByRole('button', { name: 'Add an action for Walk to the allotment' }).click()
  await goals.getByLabel('What will be done', { exact: true }).fill('Book a falls assessment')
  await goals.getByLabel('Who will do it', { exact: true }).selectOption({ label: 'Sam Patel, District nurse (Community nursing)' })
  await fillDate(goals, 'Due date', daysFromNow(14))
  await goals.getByRole('button', { name: 'Add the action' }).click()
  await expect(goals.getByRole('button', { name: 'Add the action' })).toHaveCount(0)
  await markAgreed(asha, 'Joan Smith', 'The person')

  // Ben, on his own device, sets a review date, moves the status on and links the need to the goal.
  const ben = await openAs(browser, shareLink(asha), 'Ben Okoro')
  const reviewDate = daysFromNow(30)
  await ben.getByRole('button', { name: 'Edit action: Book a falls assessment' }).click()
  await fillDate(ben, 'Review date (optional)', reviewDate)
  await ben.getByLabel('Status', { exact: true }).selectOption({ label: 'In progress' })
  await ben.getByRole('button', { name: 'Save' }).click()
  await expect(ben.getByRole('button', { name: 'Save' })).toHaveCount(0)
  await ben.getByRole('combobox', { name: 'Link a need to “Walk to the allotment”' }).selectOption({ label: 'Falls at night' })
  await ben.getByRole('button', { name: 'Link the chosen need to “Walk to the allotment”' }).click()
  await expect(ben.getByRole('list', { name: 'Needs linked to Walk to the allotment' })).toContainText('Falls at night')
  await markAgreed(asha, 'Mary Smith', 'Daughter')

  // Asha's History: each person's changes under their name, newest first, in plain words.
  await asha.getByRole('link', { name: 'History', exact: true }).click()
  await expect(asha.getByRole('heading', { level: 1, name: 'History: Plan for Joan' })).toBeVisible()
  const everyone = asha.getByRole('list', { name: 'Changes by everyone, newest first' })
  await expect(everyone.getByRole('listitem').filter({ hasText: 'Ben Okoro linked the need ‘Falls at night’ to the goal ‘Walk to the allotment’' })).toHaveCount(1)
  await expect(everyone.getByRole('listitem').filter({ hasText: `Ben Okoro set the review date of the action ‘Book a falls assessment’ to ${formatDay(reviewDate)}` })).toHaveCount(1)
  await expect(everyone.getByRole('listitem').filter({ hasText: 'Ben Okoro changed the status of the action ‘Book a falls assessment’ from Not started to In progress' })).toHaveCount(1)
  await expect(everyone.getByRole('listitem').filter({ hasText: 'Asha Patel added the action ‘Book a falls assessment’' })).toHaveCount(1)
  await expect(everyone.getByRole('listitem').filter({ hasText: 'Asha Patel marked the plan as agreed (Agreed with Mary Smith (Daughter))' })).toHaveCount(1)
  await expect(everyone.getByRole('listitem').first()).toContainText('Asha Patel marked the plan as agreed (Agreed with Mary Smith (Daughter))')
  await expect(everyone.getByRole('listitem').first().locator('time')).toHaveText(/^\d{1,2} [A-Z][a-z]+ \d{4}(,| at) \d{2}:\d{2}$/)

  await asha.getByLabel('Show changes by').selectOption('Ben Okoro')
  const bens = asha.getByRole('list', { name: 'Changes by Ben Okoro, newest first' })
  await expect(bens.getByRole('listitem')).toHaveCount(3)
  for (const text of await bens.getByRole('listitem').allTextContents()) expect(text).toContain('Ben Okoro')

  // Compare the two agreed versions: the review date, the status and the linked need, in words.
  // The choices: the plan now, then the versions newest first (the heading below checks which were picked).
  await expect(asha.getByLabel('From', { exact: true }).getByRole('option')).toHaveText(['The plan now', /^Agreed with Mary Smith \(Daughter\), /, /^Agreed with Joan Smith \(The person\), /])
  await asha.getByLabel('From', { exact: true }).selectOption({ index: 2 })
  await asha.getByLabel('To', { exact: true }).selectOption({ index: 1 })
  await asha.getByRole('button', { name: 'Compare', exact: true }).click()
  await expect(asha.getByRole('heading', { level: 3, name: /^From Agreed with Joan Smith .* to Agreed with Mary Smith/ })).toBeFocused()
  const comparison = asha.getByRole('table', { name: /^Changes from Agreed with Joan Smith/ })
  await expect(row(comparison, 'Book a falls assessment: review date')).toContainText(formatDay(reviewDate))
  await expect(row(comparison, 'Book a falls assessment: status')).toContainText('Not startedIn progress')
  await expect(row(comparison, 'Walk to the allotment: linked needs')).toContainText('Falls at night')

  // The plan as it was at the second version shows every field of the action and the goal's needs.
  await asha.getByRole('button', { name: /^View the plan as it was: Agreed with Mary Smith/ }).click()
  const past = asha.getByRole('region', { name: /^As it was: Agreed with Mary Smith/ })
  await expect(past.getByRole('listitem').filter({ hasText: 'Book a falls assessment' })).toContainText(
    `Sam Patel, Community nursing, by ${formatDay(daysFromNow(14))} (In progress); review ${formatDay(reviewDate)}`,
  )
  await expect(past.getByRole('region', { name: 'Walk to the allotment' })).toContainText('Needs it answers: Falls at night')

  // Plain words everywhere: no stored key shows on History.
  await expect(asha.locator('main')).not.toContainText(/in-progress|not-started|reviewDate|needIds|ownerId/)
  await expectNoAxeViolations(asha)
  await asha.screenshot({ path: testInfo.outputPath('history.png'), fullPage: true })

  // On a phone (WCAG 1.4.10) the timeline, the choices and the comparison table fit the width.
  await asha.setViewportSize({ width: 320, height: 800 })
  const pageWidth = () => asha.evaluate(() => (globalThis as unknown as { document: { documentElement: { scrollWidth: number } } }).document.documentElement.scrollWidth)
  await expect.poll(pageWidth).toBeLessThanOrEqual(320)
  await comparison.screenshot({ path: testInfo.outputPath('comparison-320.png') })
})

test('typing in About me is one "edited" change, and opening the plan is none', async ({ browser, hub }) => {
  test.slow() // two people typing and binding rich text: close to a minute on a busy two-core machine
  const asha = await openAs(browser, hub.url, 'Asha Patel')
  await createPlan(asha, 'Plan for Reg')
  const box = asha.getByRole('textbox', { name: 'What is most important to me' })
  await box.click()
  await asha.keyboard.type('My garden and my cat.', { delay: 10 })
  await asha.keyboard.press('Enter')
  await asha.keyboard.type('Seeing my grandchildren.', { delay: 10 })

  // Ben only opens the plan (its text boxes bind to the document), then adds one strength.
  const ben = await openAs(browser, shareLink(asha), 'Ben Okoro')
  await expect(ben.getByRole('textbox', { name: 'What is most important to me' })).toContainText('Seeing my grandchildren.')
  await addStrength(ben, 'Good with his hands')

  await asha.getByRole('link', { name: 'History', exact: true }).click()
  const everyone = asha.getByRole('list', { name: 'Changes by everyone, newest first' })
  await expect(everyone.getByRole('listitem').filter({ hasText: 'Ben Okoro' })).toHaveText([/Ben Okoro added the strength ‘Good with his hands’$/])
  await expect(everyone.getByRole('listitem').filter({ hasText: 'edited' })).toHaveText([/Asha Patel edited About me: What is most important to me$/])
  await expect(asha.getByLabel('Show changes by').getByRole('option')).toHaveText(['Everyone', 'Asha Patel', 'Ben Okoro'])
})
