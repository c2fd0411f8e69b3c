import { execFileSync } from 'node:child_process'
import type { Page, TestInfo } from '@playwright/test'
import { addEntry, addGoal, createPlan, daysFromNow, expect, fillDate, openAs, test } from './fixtures'

/**
 * Printing, as a coordinator prints a plan for the records and My plan for the person: the page is
 * printed to PDF by Chromium (as "Save as PDF" does), and the PDF's text is read back with
 * pdftotext (poppler-utils). Each page is also rendered to PNG beside the test's results, for a
 * person to look at the layout.
 */

/** The PDF's text, one string per page, with runs of white space as one space. */
function pdfPages(pdf: string): string[] {
  let text: string
  try {
    text = execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' })
  } catch (error) {
    throw new Error(`pdftotext could not read the printed PDF; install poppler-utils (apt-get install poppler-utils). ${String(error)}`)
  }
  return text
    .split('\f')
    .map((page) => page.replace(/\s+/g, ' ').trim())
    .filter((page) => page !== '')
}

async function printToPdf(page: Page, testInfo: TestInfo, name: string): Promise<string[]> {
  await page.emulateMedia({ media: 'print' })
  const pdf = testInfo.outputPath(`${name}.pdf`)
  await page.pdf({ path: pdf })
  await page.emulateMedia({ media: 'screen' })
  execFileSync('pdftoppm', ['-png', '-r', '60', pdf, testInfo.outputPath(name)])
  return pdfPages(pdf)
}

const today = new Date().toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric' })

/** Every page says "Page i of N", counted right. */
function expectPageNumbers(pages: string[]): void {
  expect(pages.length).toBeGreaterThan(0)
  pages.forEach((text, index) => expect(text).toContain(`Page ${index + 1} of ${pages.length}`))
}

/** Words that belong to the screen, not to a printed plan: buttons, toolbars, form labels, the app's own frame. */
const SCREEN_ONLY = [
  /\bUndo\b/, /\bRedo\b/, /Print the plan/, /Print my plan/, /My plan \(easy read\)/, /\bHistory\b/, /All plans/, /Skip to main content/,
  /\bAdd (a|an|to)\b/, /\bEdit\b/, /\bDelete\b/, /\bMove\b/, /\bCancel\b/, /\(optional\)/, /Connected/, /Here now/, /You are Dee/, /Change name/,
  /Back to the team/, /Mark as agreed/, /Link a need/,
]

test('the full plan and My plan print as clean documents: who, NHS number (plan only), date, version agreed and page numbers on every page', async ({ browser, hub }, testInfo) => {
  const page = await openAs(browser, hub.url, 'Dee, coordinator')
  await createPlan(page, 'Plan for Joan')

  const person = page.getByRole('region', { name: 'About the person' })
  await person.getByLabel('Name', { exact: true }).fill('Joan Smith')
  await person.getByLabel('Name', { exact: true }).press('Enter')
  await person.getByLabel('NHS number (optional)').fill('999 876 5439')
  await person.getByLabel('NHS number (optional)').press('Enter')
  await addEntry(page, 'Care team', 'Add to the care team', { Name: 'Marcus Green', Role: 'Social worker', Organisation: 'Adult social care' })
  await addEntry(page, 'Personal contacts', 'Add a personal contact', { Name: 'Ade', Relationship: 'Daughter' })
  await addGoal(page, 'Grow my own vegetables again')

  // Actions typed as a team types them: a noun phrase, not a sentence that follows "Ade will".
  const goals = page.getByRole('region', { name: 'Goals and actions' })
  for (const [what, who] of [
    ['Raised beds at the allotment', 'Ade (Daughter)'],
    ['Care Act assessment', 'Marcus Green, Social worker (Adult social care)'],
  ]) {
    await goals.getByRole('button', { name: 'Add an action for Grow my own vegetables again' }).click()
    await goals.getByLabel('What will be done', { exact: true }).fill(what)
    await goals.getByLabel('Who will do it', { exact: true }).selectOption({ label: who })
    await fillDate(goals, 'Due date', daysFromNow(30))
    await goals.getByRole('button', { name: 'Add the action' }).click()
    await expect(goals.getByRole('button', { name: 'Add the action' })).toHaveCount(0)
  }

  await page.getByRole('textbox', { name: 'What is most important to me' }).click()
  await page.keyboard.type('My garden and my cat.')
  await page.getByRole('textbox', { name: 'Early warning signs' }).click()
  await page.keyboard.type('I stop eating.')

  const agreement = page.getByRole('region', { name: 'Agreement and review' })
  await agreement.getByRole('button', { name: 'Mark as agreed' }).click()
  await fillDate(agreement, 'Planned review date', daysFromNow(90))
  await agreement.getByLabel('Who will review it').fill('Marcus Green')
  await agreement.getByRole('button', { name: 'Mark as agreed' }).click()
  await expect(agreement).toContainText('No changes since it was agreed.')

  // The full plan: a read-only document, not the board with its buttons and boxes.
  const planPages = await printToPdf(page, testInfo, 'plan')
  expectPageNumbers(planPages)
  for (const text of planPages) {
    expect(text).toContain('Joan Smith · NHS number 999 876 5439')
    expect(text).toContain(`Printed ${today}`)
    expect(text).toContain(`Agreed with Joan Smith (The person) on ${today}`)
  }
  const plan = planPages.join(' ')
  for (const shown of ['Care and support plan', 'Plan for Joan', 'Raised beds at the allotment', 'Care Act assessment', 'Marcus Green', 'My garden and my cat.', 'I stop eating.']) {
    expect(plan).toContain(shown)
  }
  for (const word of SCREEN_ONLY) expect(plan).not.toMatch(word)
  // Nothing printed empty: a field nobody wrote is left out, not a heading over "Nothing written yet."
  for (const empty of [/Nothing written yet/, /People who are important to me/, /Trigger factors/, /\bStrengths\b/]) expect(plan).not.toMatch(empty)
  // The board is untouched once printed.
  await expect(page.getByRole('button', { name: 'Print the plan' })).toBeVisible()

  // My plan: easy read, one idea a line, no NHS number, no clinical headings.
  await page.getByRole('link', { name: 'My plan (easy read)' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Joan Smith’s plan' })).toBeVisible()
  const goal = page.getByRole('region', { name: 'Grow my own vegetables again' })
  const beds = goal.getByRole('listitem').first()
  await expect(beds.getByRole('term')).toHaveText(['What will happen:', 'Who will do it:', 'When:'])
  await expect(beds.getByRole('definition')).toHaveText(['Raised beds at the allotment', 'Ade (Daughter)', `By ${formatIn(30)}.`])

  const myPlanPages = await printToPdf(page, testInfo, 'my-plan')
  expectPageNumbers(myPlanPages)
  for (const text of myPlanPages) {
    expect(text).toContain('Joan Smith’s plan')
    expect(text).toContain(today)
    expect(text).toContain(`Plan agreed: ${today}, with Joan Smith.`)
  }
  const myPlan = myPlanPages.join(' ')
  for (const shown of [
    'My name: Joan Smith',
    'What will happen: Raised beds at the allotment',
    'Who will do it: Ade (Daughter)',
    'What will happen: Care Act assessment',
    'Who will do it: Marcus Green (Social worker)',
    'Signs that I am not well',
    'I stop eating.',
    `When we will look at this plan again ${formatIn(90)}, with Marcus Green.`,
  ]) {
    expect(myPlan).toContain(shown)
  }
  for (const hidden of [/ will raised/i, / will care act/i, /999 876 5439/, /NHS number/, /Trigger factors/, /Early warning signs/, /not-started/, /Nothing written yet/]) {
    expect(myPlan).not.toMatch(hidden)
  }
  for (const word of SCREEN_ONLY) expect(myPlan).not.toMatch(word)
})

/** "2 January 2027" for the day `days` from today. */
function formatIn(days: number): string {
  const [year, month, day] = daysFromNow(days).split('-').map(Number)
  return new Date(year, month - 1, day).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric' })
}
