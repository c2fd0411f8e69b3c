import AxeBuilder from '@axe-core/playwright'
import type { Page } from '@playwright/test'
import { addGoal, createPlan, entryTexts, expect, openAs, test } from './fixtures'

// Two browsers and axe-core on a machine shared by several builds: more than the default minute.
test.describe.configure({ timeout: 120_000 })

/** axe-core's WCAG 2.2 AA findings on the page as it is now, one line each. */
async function axeViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa', 'best-practice']).analyze()
  return results.violations.map((violation) => `${violation.id}: ${violation.help} at ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`)
}

/**
 * Two people change the same thing at once. Nobody's words are replaced without them knowing: each
 * sees that the other is editing, a clash is shown to the one who saves second with both versions
 * and a choice, and nothing of the clashing field is written until they choose.
 */

test('two people typing in the same person detail: the second is shown both names and chooses; nothing is lost', async ({ browser, hub }) => {
  const ann = await openAs(browser, hub.url, 'Ann, GP')
  const boardUrl = await createPlan(ann, 'R. P. care plan')
  const bob = await openAs(browser, boardUrl, 'Bob, social worker')
  const name = (page: typeof ann) => page.getByRole('textbox', { name: 'Name', exact: true })

  // Ann starts typing; Bob sees that she is in the box.
  await name(ann).fill('Reginald')
  await expect(bob.getByText('Ann, GP is editing this')).toBeVisible()
  // Bob types too, before Ann has saved.
  await name(bob).fill('Reggie')
  await expect(ann.getByText('Bob, social worker is editing this')).toBeVisible()

  // Ann saves first. Bob is told at once, with both versions, and his words stay in his box.
  await name(ann).press('Enter')
  const clash = bob.getByRole('alert').filter({ hasText: 'Ann, GP changed this to “Reginald” while you were typing' })
  await expect(clash).toBeVisible()
  await expect(name(bob)).toHaveValue('Reggie')
  await expect(bob.getByRole('button', { name: 'Use “Reginald”' })).toBeVisible()
  await expect(bob.getByRole('button', { name: 'Save “Reggie”' })).toBeVisible()
  expect(await axeViolations(bob)).toEqual([])
  await bob.getByRole('region', { name: 'About the person' }).screenshot({ path: test.info().outputPath('person-clash.png') })

  // Bob saves anyway: nothing is written over Ann's name until he chooses.
  await name(bob).press('Enter')
  await expect(clash).toBeVisible()
  await name(bob).press('Tab')
  await expect(clash).toBeVisible()
  await ann.reload()
  await expect(name(ann)).toHaveValue('Reginald')

  // Bob combines the two and saves what is in his box; both see it.
  await name(bob).fill('Reginald (Reggie)')
  await bob.getByRole('button', { name: 'Save “Reginald (Reggie)”' }).click()
  await expect(clash).toBeHidden()
  await expect(name(ann)).toHaveValue('Reginald (Reggie)')
  await expect(name(bob)).toHaveValue('Reginald (Reggie)')

  // Choosing theirs puts their value back in the box and saves nothing of his.
  await name(ann).fill('Reg')
  await name(bob).fill('Mr Reginald P')
  await name(ann).press('Enter')
  const second = bob.getByRole('alert').filter({ hasText: 'Ann, GP changed this to “Reg”' })
  await bob.getByRole('button', { name: 'Use “Reg”' }).click()
  await expect(second).toBeHidden()
  await expect(name(bob)).toHaveValue('Reg')
  await expect(name(ann)).toHaveValue('Reg')
})

test('two people editing one goal: each sees the other on the card; a different field comes in, the same field is a choice', async ({ browser, hub }) => {
  const ann = await openAs(browser, hub.url, 'Ann, GP')
  const boardUrl = await createPlan(ann, 'M. K. care plan')
  const bob = await openAs(browser, boardUrl, 'Bob, social worker')
  await addGoal(ann, 'Walk to the shop')
  const goals = (page: typeof ann) => page.getByRole('region', { name: 'Goals and actions', exact: true })
  const goalText = (page: typeof ann) => goals(page).getByRole('textbox', { name: 'Goal or hope', exact: true })
  await expect.poll(() => entryTexts(bob, 'Goals', 'goal')).toEqual(['Walk to the shop'])

  // Ann opens the goal to edit it: Bob sees that on the card.
  await goals(ann).getByRole('button', { name: 'Edit goal: Walk to the shop' }).click()
  await expect(goals(bob).getByText('Ann, GP is editing this')).toBeVisible()
  await goals(bob).getByRole('button', { name: 'Edit goal: Walk to the shop' }).click()

  // Bob changes how important it is and saves; Ann's open form takes his choice, keeping her typing.
  await goalText(ann).fill('Walk to the corner shop')
  await goals(bob).getByLabel('How important', { exact: true }).selectOption({ label: 'Quite important to me' })
  await goals(bob).getByRole('button', { name: 'Save' }).click()
  await expect(goals(ann).getByLabel('How important', { exact: true })).toHaveValue('medium')
  await expect(goalText(ann)).toHaveValue('Walk to the corner shop')

  // Both change the words. Bob saves first; Ann sees his words and keeps hers in the box.
  await goals(bob).getByRole('button', { name: 'Edit goal: Walk to the shop' }).click()
  await goalText(bob).fill('Walk to the shop with a frame')
  // Changed words of the person's own are asked about (words.spec.ts); both say they still are.
  await goals(bob).getByRole('radio', { name: 'Yes, still their own words' }).check()
  await goals(bob).getByRole('button', { name: 'Save' }).click()
  const clash = goals(ann).getByRole('alert').filter({ hasText: 'Bob, social worker changed this to “Walk to the shop with a frame” while you were editing' })
  await expect(clash).toBeVisible()
  await expect(goalText(ann)).toHaveValue('Walk to the corner shop')
  expect(await axeViolations(ann)).toEqual([])
  await goals(ann).screenshot({ path: test.info().outputPath('goal-clash.png') })

  // Saving without choosing writes nothing over Bob's words.
  await goals(ann).getByRole('button', { name: 'Save' }).click()
  await expect(clash).toBeVisible()
  await expect.poll(() => entryTexts(bob, 'Goals', 'goal')).toEqual(['Walk to the shop with a frame'])

  // Ann combines them, keeps what she typed, and saves: both see the combined words and Bob's importance.
  await goalText(ann).fill('Walk to the corner shop with a frame')
  await goals(ann).getByRole('button', { name: 'Keep what you typed' }).click()
  await expect(clash).toBeHidden()
  await goals(ann).getByRole('radio', { name: 'Yes, still their own words' }).check()
  await goals(ann).getByRole('button', { name: 'Save' }).click()
  for (const page of [ann, bob]) {
    await expect.poll(() => entryTexts(page, 'Goals', 'goal')).toEqual(['Walk to the corner shop with a frame'])
    await expect(goals(page)).toContainText('Quite important to me')
  }
  await expect(goals(bob).getByText('Ann, GP is editing this')).toBeHidden()
})
