import AxeBuilder from '@axe-core/playwright'
import type { Locator, Page } from '@playwright/test'
import type * as Y from 'yjs'
import { addEntry, setPersonField } from '../../shared/plan/entries'
import { addGoal, daysFromNow, expect, openAs, test } from './fixtures'
import { seedPlan } from './seed'
import { idOf } from '../../shared/testing/checked'

/**
 * The plan at a glance: on a laptop at 1920×1080 shown at 150 % (a 1280×720 page) the plan's heart
 * is on the first screen without scrolling, and the large-type shared-screen mode shows what
 * matters and the first goals across a room. The plan is long (eight goals, twenty-four actions),
 * as a real one for someone with several conditions would be.
 */

const author = { by: 'Sam Patel', now: new Date() }


function buildLongPlan(doc: Y.Doc): void {
  setPersonField(doc, 'name', 'Margaret Reed')
  setPersonField(doc, 'preferredName', 'Peggy')
  setPersonField(doc, 'nhsNumber', '999 876 5439')
  setPersonField(doc, 'dateOfBirth', '1944-05-17')
  const nurse = idOf(addEntry(doc, 'professional', { name: 'Sam Patel', role: 'District nurse', organisation: 'Community nursing', contact: '', keyWorker: true }, author))
  const daughter = idOf(addEntry(doc, 'personal', { name: 'Ade Reed', relationship: 'Daughter', contact: '' }, author))
  for (let need = 1; need <= 6; need += 1) idOf(addEntry(doc, 'need', { text: `Need number ${need}, described at some length so the board grows`, voice: 'professional' }, author))
  const goals = [
    'Get to the shops on my own',
    'Grow tomatoes at the allotment again',
    'See my grandchildren every week',
    'Sleep through the night',
    'Reduce the risk of another fall',
    'Manage breathlessness on the stairs',
    'Keep the flat warm this winter',
    'Feel less alone in the evenings',
  ]
  goals.forEach((text, index) => {
    const goalId = idOf(addEntry(doc, 'goal', { text, importance: index < 3 ? 'high' : 'medium', voice: index < 4 ? 'person' : 'professional' }, author))
    for (let step = 1; step <= 3; step += 1) {
      const fromDaughter = step === 2
      idOf(
        addEntry(
          doc,
          'action',
          {
            what: `${text}: step ${step}`,
            ownerId: fromDaughter ? daughter : nurse,
            agency: fromDaughter ? '' : 'Community nursing',
            dueDate: daysFromNow(10 * step + index),
            status: 'not-started',
            reviewDate: '',
            outcome: '',
            voice: 'professional',
          },
          { ...author, goalId, today: daysFromNow(0) },
        ),
      )
    }
  })
  // Agreed a month ago and due for a grab-rail fitting last week: it has been overdue since.
  const fallsGoal = idOf(addEntry(doc, 'goal', { text: 'Stay safe in the bathroom', importance: 'high', voice: 'person' }, author))
  idOf(
    addEntry(
      doc,
      'action',
      { what: 'Fit grab rails by the bath', ownerId: nurse, agency: 'Community nursing', dueDate: daysFromNow(-7), status: 'not-started', reviewDate: '', outcome: '', voice: 'professional' },
      { ...author, goalId: fallsGoal, today: daysFromNow(-30) },
    ),
  )
}

/** Whether the element is wholly on the first screen of a `height`-tall page that has not scrolled. */
async function onFirstScreen(element: Locator, height: number): Promise<boolean> {
  const box = await element.boundingBox()
  return box !== null && box.y >= 0 && box.y + box.height <= height
}

// These run in the page; this file is compiled without the DOM's types, so they are typed loosely.
function pageWidth(page: Page): Promise<number> {
  return page.evaluate(() => (globalThis as unknown as { document: { documentElement: { scrollWidth: number } } }).document.documentElement.scrollWidth)
}

function fontSize(element: Locator): Promise<number> {
  return element.evaluate((node) => parseFloat((globalThis as unknown as { getComputedStyle(node: unknown): { fontSize: string } }).getComputedStyle(node).fontSize))
}

async function axeViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa', 'best-practice']).analyze()
  return results.violations.map((violation) => `${violation.id}: ${violation.help} at ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`)
}

test('at 1920×1080 shown at 150 % the overview puts the plan’s heart on the first screen, in normal and large type', async ({ browser, hub }, testInfo) => {
  const docId = await seedPlan(hub, 'P.R.', buildLongPlan)
  // 1920×1080 at 150 % lays out as a 1280×720 page.
  const page = await openAs(browser, `${hub.url}#/board/${docId}`, 'Sam Patel', { width: 1280, height: 720 })
  await expect(page.getByRole('heading', { level: 1, name: 'P.R.' })).toBeVisible()

  // What matters and the triggers are rich text, typed on the board as a team would.
  await page.getByRole('textbox', { name: 'What is most important to me' }).fill('My garden, my grandchildren and my independence')
  await page.getByRole('textbox', { name: 'Trigger factors' }).fill('Cold weather and chest infections')
  await expect(page.getByText('Connected — all changes saved')).toBeVisible()

  await page.getByRole('link', { name: 'At a glance' }).click()
  await expect(page).toHaveTitle(/^P\.R\. – At a glance/)
  await expect(page.getByRole('heading', { level: 1, name: 'Peggy: plan at a glance' })).toBeVisible()
  const goals = page.getByRole('region', { name: 'Goals and what happens next' })
  const overdue = page.getByRole('region', { name: 'Overdue (1)' })
  const heart = [
    page.getByRole('region', { name: 'What matters to Peggy' }).getByText('My garden, my grandchildren and my independence'),
    page.getByRole('region', { name: 'If things get worse' }).getByText('Cold weather and chest infections'),
    goals.getByText('“Grow tomatoes at the allotment again”'),
    goals.getByText('Grow tomatoes at the allotment again: step 1'),
    overdue.getByText('Fit grab rails by the bath'),
    // The last goal with its next action, owner and date: the whole list fits.
    goals.getByText('Feel less alone in the evenings: step 1'),
  ]
  await expect(heart[0]).toBeVisible()
  await page.screenshot({ path: testInfo.outputPath('overview-1280x720.png') })
  for (const part of heart) {
    await expect(part).toBeVisible()
    expect(await onFirstScreen(part, 720), `${await part.textContent()} is on the first screen`).toBe(true)
  }
  await expect(overdue).toContainText('Sam Patel (Community nursing)')
  await expect(goals.getByText(/Ade Reed, by /).first()).toBeVisible()
  await expect(goals.getByText('and 1 more on the full plan').first()).toBeVisible()
  // A screen that faces a room shows no identifiers it does not need.
  await expect(page.locator('body')).not.toContainText('999 876 5439')
  await expect(page.locator('body')).not.toContainText('9998765439')
  await expect(page.locator('body')).not.toContainText('Margaret')
  expect(await pageWidth(page)).toBeLessThanOrEqual(1280)
  expect(await axeViolations(page)).toEqual([])

  // Large type for the shared screen: the app's header steps aside; what matters and the first goals still show at once.
  await page.getByRole('link', { name: 'Large type for a shared screen' }).click()
  await expect(page).toHaveTitle(/^P\.R\. – At a glance, large type/)
  await expect(page.getByRole('banner')).toBeHidden()
  const largeHeart = [
    page.getByRole('region', { name: 'What matters to Peggy' }).getByText('My garden, my grandchildren and my independence'),
    goals.getByText('“Grow tomatoes at the allotment again”'),
    goals.getByText('Grow tomatoes at the allotment again: step 1'),
  ]
  for (const part of largeHeart) expect(await onFirstScreen(part, 720), `${await part.textContent()} is on the first screen in large type`).toBe(true)
  expect(await fontSize(goals.getByText('Grow tomatoes at the allotment again: step 1'))).toBeGreaterThanOrEqual(27)
  await page.screenshot({ path: testInfo.outputPath('shared-screen-1280x720.png') })
  expect(await axeViolations(page)).toEqual([])

  // Back to normal type and to the full plan, with the app's header again.
  await page.getByRole('link', { name: 'Normal type' }).click()
  await expect(page.getByRole('banner')).toBeVisible()
  await page.getByRole('link', { name: 'Full plan, to edit' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'P.R.' })).toBeVisible()
  await page.context().close()
})

test('the overview follows the plan as it changes, and reflows on a phone', async ({ browser, hub }) => {
  const docId = await seedPlan(hub, 'J.K.', (doc) => {
    setPersonField(doc, 'name', 'Joan Kaur')
    const nurse = idOf(addEntry(doc, 'professional', { name: 'Sam Patel', role: 'District nurse', organisation: 'Community nursing', contact: '', keyWorker: false }, author))
    const goalId = idOf(addEntry(doc, 'goal', { text: 'Walk to the park', importance: 'high', voice: 'person' }, author))
    idOf(addEntry(doc, 'action', { what: 'Physio referral', ownerId: nurse, agency: 'Community nursing', dueDate: daysFromNow(14), status: 'not-started', reviewDate: '', outcome: '', voice: 'professional' }, { ...author, goalId, today: daysFromNow(0) }))
  })
  const phone = await openAs(browser, `${hub.url}#/board/${docId}/overview`, 'Resident on a phone', { width: 320, height: 700 })
  await expect(phone.getByRole('heading', { level: 1, name: 'Joan Kaur: plan at a glance' })).toBeVisible()
  await expect(phone.getByText('Not agreed yet')).toBeVisible()
  await expect(phone.getByRole('region', { name: 'Overdue (0)' })).toContainText('Nothing is overdue.')
  expect(await pageWidth(phone)).toBeLessThanOrEqual(320)

  // A colleague adds a goal on the full board; the overview shows it without reloading.
  const colleague = await openAs(browser, `${hub.url}#/board/${docId}`, 'Sam Patel')
  await addGoal(colleague, 'Join the Tuesday lunch club')
  await expect(phone.getByRole('region', { name: 'Goals and what happens next' })).toContainText('Join the Tuesday lunch club')
  await expect(phone.getByRole('region', { name: 'Goals and what happens next' })).toContainText('No open actions.')
})
