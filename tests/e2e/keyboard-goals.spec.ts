import type { Page } from '@playwright/test'
import { addEntry, addGoal, createPlan, entryTexts, expect, openAs, said, test } from './fixtures'

const actionsOf = (page: Page, goal: string) => entryTexts(page, `Actions for ${goal}`, 'action')

async function addAction(page: Page, goal: string, what: string): Promise<void> {
  const goals = page.getByRole('region', { name: 'Goals and actions' })
  await goals.getByRole('button', { name: `Add an action for ${goal}` }).click()
  await goals.getByLabel('What will be done', { exact: true }).fill(what)
  await goals.getByLabel('Who will do it', { exact: true }).selectOption({ label: 'Sam Patel, District nurse (Community nursing)' })
  await goals.getByRole('button', { name: 'Add the action' }).click()
  await expect(goals.getByRole('button', { name: 'Add the action' })).toHaveCount(0)
}

test('arrow keys carry an action between goals to the one place announced', async ({ browser, hub }) => {
  const page = await openAs(browser, hub.url, 'Kim, coordinator')
  const link = await createPlan(page, 'Goals by keyboard')
  await addEntry(page, 'Care team', 'Add to the care team', { Name: 'Sam Patel', Role: 'District nurse', Organisation: 'Community nursing' })
  for (const goal of ['Walk to the shops', 'Sleep better', 'See friends']) await addGoal(page, goal)
  await addAction(page, 'Walk to the shops', 'Walking frame')
  await addAction(page, 'Walk to the shops', 'Bus times')
  await addAction(page, 'Sleep better', 'Sleep clinic')
  await addAction(page, 'Sleep better', 'Night light')
  // Another screen, to check what was written to the plan rather than what this one draws.
  const other = await openAs(browser, link, 'Second screen')
  await expect.poll(() => actionsOf(other, 'Sleep better')).toEqual(['Sleep clinic', 'Night light'])

  // Up from the top action of a goal: the end of the goal above.
  await page.getByRole('button', { name: 'Move action: Sleep clinic' }).focus()
  await page.keyboard.press('Space')
  await said(page, 'Picked up “Sleep clinic”, position 1 of 2 in the actions for goal “Sleep better”.')
  await page.keyboard.press('ArrowUp')
  await said(page, '“Sleep clinic” is now at position 3 of 3 in the actions for goal “Walk to the shops”.')
  await page.keyboard.press('Space')
  await said(page, 'Dropped “Sleep clinic” at position 3 of 3 in the actions for goal “Walk to the shops”.')
  await expect.poll(() => actionsOf(other, 'Walk to the shops')).toEqual(['Walking frame', 'Bus times', 'Sleep clinic'])
  await expect.poll(() => actionsOf(other, 'Sleep better')).toEqual(['Night light'])
  await expect(page.getByRole('button', { name: 'Move action: Sleep clinic' })).toBeFocused()

  // Down from the last action of a goal: the start of the next; on into an empty goal; no further.
  await page.keyboard.press('Space')
  await said(page, 'Picked up “Sleep clinic”, position 3 of 3 in the actions for goal “Walk to the shops”.')
  await page.keyboard.press('ArrowDown')
  await said(page, '“Sleep clinic” is now at position 1 of 2 in the actions for goal “Sleep better”.')
  await page.keyboard.press('ArrowDown')
  await said(page, '“Sleep clinic” is now at position 2 of 2 in the actions for goal “Sleep better”.')
  await page.keyboard.press('ArrowDown')
  await said(page, '“Sleep clinic” is now at position 1 of 1 in the actions for goal “See friends”.')
  await page.keyboard.press('ArrowDown')
  await said(page, '“Sleep clinic” stays at position 1 of 1 in the actions for goal “See friends”: it is as far down as it can go.')
  await page.keyboard.press('Enter')
  await said(page, 'Dropped “Sleep clinic” at position 1 of 1 in the actions for goal “See friends”.')
  await expect.poll(() => actionsOf(other, 'See friends')).toEqual(['Sleep clinic'])
  await expect.poll(() => actionsOf(other, 'Sleep better')).toEqual(['Night light'])
  await expect.poll(() => actionsOf(other, 'Walk to the shops')).toEqual(['Walking frame', 'Bus times'])

  // The first goal's top action goes no higher; Escape leaves everything as it was.
  await page.getByRole('button', { name: 'Move action: Walking frame' }).focus()
  await page.keyboard.press('Space')
  await said(page, 'Picked up “Walking frame”, position 1 of 2 in the actions for goal “Walk to the shops”.')
  await page.keyboard.press('ArrowUp')
  await said(page, '“Walking frame” stays at position 1 of 2 in the actions for goal “Walk to the shops”: it is as far up as it can go.')
  await page.keyboard.press('Escape')
  await said(page, 'Cancelled. “Walking frame” is back where it was.')
  await expect.poll(() => actionsOf(page, 'Walk to the shops')).toEqual(['Walking frame', 'Bus times'])
  await other.context().close()
})
