import AxeBuilder from '@axe-core/playwright'
import type * as Y from 'yjs'
import { addEntry, setPersonField } from '../../shared/plan/entries'
import { daysFromNow, expect, openAs, test } from './fixtures'
import { seedPlan } from './seed'
import { idOf } from '../../shared/testing/checked'

/**
 * The action tracker as a coordinator uses it on a Monday morning: every action on every plan,
 * overdue first, filtered, and a status changed in the list that shows in the plan itself.
 */

const author = { by: 'Sam Patel', now: new Date() }


function planWith(name: string, actions: { what: string; agency: string; dueIn: number; addedDaysAgo?: number }[]) {
  return (doc: Y.Doc) => {
    setPersonField(doc, 'name', name)
    const nurse = idOf(addEntry(doc, 'professional', { name: 'Jo Brown', role: 'District nurse', organisation: 'NELFT', contact: '', keyWorker: false }, author))
    const goalId = idOf(addEntry(doc, 'goal', { text: 'Stay well at home', importance: 'high', voice: 'professional' }, author))
    for (const action of actions) {
      idOf(
        addEntry(
          doc,
          'action',
          { what: action.what, ownerId: nurse, agency: action.agency, dueDate: daysFromNow(action.dueIn), status: 'not-started', reviewDate: '', outcome: '', voice: 'professional' },
          { ...author, goalId, today: daysFromNow(-(action.addedDaysAgo ?? 0)) },
        ),
      )
    }
  }
}

test('the tracker lists every action overdue first, filters them, and a status changed there shows in the plan', async ({ browser, hub }, testInfo) => {
  await seedPlan(hub, 'Tracker R.W.', planWith('Reg Wilson', [{ what: 'Walking aid assessment', agency: 'NELFT', dueIn: 10 }, { what: 'Inhaler review', agency: 'Dagenham GP', dueIn: -3, addedDaysAgo: 30 }]))
  const annId = await seedPlan(hub, 'Tracker A.K.', planWith('Ann King', [{ what: 'Care Act assessment', agency: 'LBBD adult social care', dueIn: 5 }]))

  const page = await openAs(browser, hub.url, 'Dee, coordinator')
  await page.getByRole('link', { name: 'Action tracker' }).click()
  await expect(page).toHaveTitle(/^Action tracker/)
  await expect(page.getByRole('heading', { level: 1, name: 'Action tracker' })).toBeVisible()
  // The browser tests share one hub, so other tests' plans are here too: the Person filter keeps to this test's two.
  await page.getByLabel('Person', { exact: true }).fill('Tracker')
  const table = page.getByRole('table', { name: 'Actions, overdue first' })
  const firstCells = table.getByRole('row').nth(1).getByRole('cell')
  await expect(firstCells.nth(1)).toContainText('Inhaler review')
  await expect(firstCells.nth(3)).toContainText('Overdue')
  await expect(table.getByRole('row')).toHaveCount(4)
  await expect(page.getByText('3 actions, 1 overdue.')).toBeVisible()
  // A screen a room might see: the plan's name, no NHS number or full name.
  await expect(page.locator('body')).not.toContainText('Reg Wilson')

  await page.getByLabel('Agency').fill('lbbd')
  await expect(table.getByRole('row')).toHaveCount(2)
  await expect(table).toContainText('Care Act assessment')
  await page.getByLabel('Agency').fill('')
  await page.getByLabel('Only overdue actions').check()
  await expect(table.getByRole('row')).toHaveCount(2)
  await expect(table).toContainText('Inhaler review')
  await page.getByLabel('Only overdue actions').uncheck()
  await page.getByLabel('Person', { exact: true }).fill('nobody')
  await expect(page.getByText('No actions match. Clear a filter to see more.')).toBeVisible()
  await page.getByLabel('Person', { exact: true }).fill('Tracker')
  await expect(table.getByRole('row')).toHaveCount(4)
  await page.screenshot({ path: testInfo.outputPath('tracker.png'), fullPage: true })
  expect((await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa', 'best-practice']).analyze()).violations.map((violation) => violation.id)).toEqual([])

  // Someone has A.K.'s plan open while the coordinator marks the assessment in progress.
  const nurse = await openAs(browser, `${hub.url}#/board/${annId}`, 'Jo Brown')
  await expect(nurse.getByRole('heading', { level: 1, name: 'Tracker A.K.' })).toBeVisible()
  await page.getByRole('combobox', { name: 'Status of “Care Act assessment” for Tracker A.K.' }).selectOption('In progress')
  await expect(page.getByText('Saved: “Care Act assessment” is now in progress.')).toBeVisible()
  await expect(page.getByRole('combobox', { name: 'Status of “Care Act assessment” for Tracker A.K.' })).toHaveValue('in-progress')
  await expect(nurse.getByRole('region', { name: 'Goals and actions' })).toContainText('In progress')
  // The plan's History names who changed it.
  await nurse.getByRole('link', { name: 'History', exact: true }).click()
  const changes = nurse.getByRole('list', { name: 'Changes by everyone, newest first' })
  await expect(changes.getByRole('listitem').filter({ hasText: 'Dee, coordinator changed the status of the action ‘Care Act assessment’ from Not started to In progress' })).toHaveCount(1)

  // On a phone the list reflows into blocks: nothing scrolls sideways.
  await page.setViewportSize({ width: 390, height: 800 })
  expect(await page.evaluate(() => (globalThis as unknown as { document: { documentElement: { scrollWidth: number } } }).document.documentElement.scrollWidth)).toBeLessThanOrEqual(390)
  await page.screenshot({ path: testInfo.outputPath('tracker-390.png'), fullPage: true })
})
