import AxeBuilder from '@axe-core/playwright'
import type { Page } from '@playwright/test'
import { addEntry, addGoal, addNeed, daysFromNow, entryTexts, expect, fillDate, openAs, said, shareLink, test } from './fixtures'

async function expectNoAxeViolations(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze()
  expect(results.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`)).toEqual([])
}


test('two people fill a plan from a template, agree it, change it, see what changed, and open My plan', async ({ browser, hub }) => {
  const ann = await openAs(browser, hub.url, 'Ann, GP')
  await ann.getByRole('button', { name: 'New plan' }).click()
  await ann.getByLabel('Name of the plan').fill('J.S. plan')
  await ann.getByLabel(/One-page profile/).check()
  await ann.getByRole('button', { name: 'Create plan' }).click()
  await expect(ann.getByRole('heading', { level: 1, name: 'J.S. plan' })).toBeVisible()
  const bob = await openAs(browser, shareLink(ann), 'Bob, social worker')

  // The template's questions fill the plan's own sections.
  const guide = ann.getByRole('region', { name: 'One-page profile: questions to fill the plan' })
  await guide.getByRole('textbox', { name: 'What people appreciate about me' }).fill('Always makes people laugh')
  await guide.getByRole('radio', { name: 'The person’s own words' }).first().check()
  await guide.getByRole('button', { name: 'Add the answer to “What people appreciate about me”' }).click()
  await expect.poll(() => entryTexts(bob, 'Strengths and assets', 'strength')).toEqual(['Always makes people laugh'])

  // Both type into About me at the same time; both texts survive on both screens.
  await bob.getByRole('button', { name: 'Write “What is important to me”' }).click()
  const annBox = ann.getByRole('textbox', { name: 'What is most important to me' })
  const bobBox = bob.getByRole('textbox', { name: 'What is most important to me' })
  await expect(bobBox).toBeFocused()
  await annBox.click()
  await Promise.all([ann.keyboard.type('My garden and my cat. ', { delay: 15 }), bob.keyboard.type('Seeing my grandchildren. ', { delay: 15 })])
  for (const box of [annBox, bobBox]) {
    await expect(box).toContainText('My garden and my cat.')
    await expect(box).toContainText('Seeing my grandchildren.')
  }
  await expect(ann.getByText('Bob, social worker is also writing here')).toBeVisible()

  // The person, the care team, two goals, and two actions with owners (one new to the team).
  const person = ann.getByRole('region', { name: 'About the person' })
  await person.getByLabel('Name', { exact: true }).fill('Joan Smith')
  await person.getByLabel('Name', { exact: true }).press('Enter')
  await addEntry(ann, 'Care team', 'Add to the care team', { Name: 'Sam Patel', Role: 'District nurse', Organisation: 'Community nursing' })
  await addGoal(ann, 'Get to the shops on my own')
  await addGoal(bob, 'Sleep through the night')
  await expect.poll(() => entryTexts(ann, 'Goals', 'goal')).toEqual(['Get to the shops on my own', 'Sleep through the night'])

  const goals = ann.getByRole('region', { name: 'Goals and actions' })
  await goals.getByRole('button', { name: 'Add an action for Get to the shops on my own' }).click()
  await goals.getByLabel('What will be done', { exact: true }).fill('Arrange a walking aid assessment')
  await goals.getByLabel('Who will do it', { exact: true }).selectOption({ label: 'Sam Patel, District nurse (Community nursing)' })
  await expect(goals.getByLabel('Agency', { exact: true })).toHaveValue('Community nursing')
  await fillDate(goals, 'Due date', daysFromNow(14))
  await goals.getByRole('button', { name: 'Add the action' }).click()

  await goals.getByRole('button', { name: 'Add an action for Get to the shops on my own' }).click()
  await goals.getByLabel('What will be done', { exact: true }).fill('Check benefits entitlement')
  await goals.getByLabel('Who will do it', { exact: true }).selectOption({ label: 'Someone new…' })
  await goals.getByLabel('Their name').fill('Pat Lee')
  await goals.getByLabel('Their role').fill('Welfare adviser')
  await goals.getByLabel('Their organisation').fill('Citizens Advice')
  await fillDate(goals, 'Due date', daysFromNow(21))
  await goals.getByRole('button', { name: 'Add the action' }).click()
  await expect.poll(() => entryTexts(bob, 'Actions for Get to the shops on my own', 'action')).toEqual([
    'Arrange a walking aid assessment',
    'Check benefits entitlement',
  ])
  await expect.poll(() => entryTexts(bob, 'Care team', 'care team member')).toEqual(['Sam Patel', 'Pat Lee'])
  // Agency was left empty: someone new brings their organisation as the action's agency.
  const benefitsCheck = bob.getByRole('list', { name: 'Actions for Get to the shops on my own' }).getByRole('listitem').filter({ hasText: 'Check benefits entitlement' })
  await expect(benefitsCheck.getByRole('definition').filter({ hasText: 'Citizens Advice' })).toBeVisible()

  // An action whose due date is moved into the past stands out as overdue, on both screens.
  await bob.getByRole('button', { name: 'Edit action: Arrange a walking aid assessment' }).click()
  await fillDate(bob, 'Due date', daysFromNow(-3))
  await bob.getByRole('button', { name: 'Save' }).click()
  const overdueAction = ann.getByRole('list', { name: 'Actions for Get to the shops on my own' }).getByRole('listitem').filter({ hasText: 'Arrange a walking aid assessment' })
  await expect(overdueAction).toContainText('Overdue')
  await bob.getByRole('button', { name: 'Edit action: Arrange a walking aid assessment' }).click()
  await fillDate(bob, 'Due date', daysFromNow(14))
  await bob.getByRole('button', { name: 'Save' }).click()
  await expect(overdueAction).not.toContainText('Overdue')

  // Move an action to the other goal by keyboard alone.
  await ann.getByRole('button', { name: 'Move action: Check benefits entitlement' }).focus()
  await ann.keyboard.press('Space')
  await said(ann, 'Picked up “Check benefits entitlement”')
  await ann.keyboard.press('ArrowDown')
  await said(ann, '“Check benefits entitlement” is now at position 1 of 1 in the actions for goal “Sleep through the night”.')
  await ann.keyboard.press('Space')
  await expect.poll(() => entryTexts(bob, 'Actions for Sleep through the night', 'action')).toEqual(['Check benefits entitlement'])

  // …and back again with the action's own "Move to goal" list, the other keyboard and screen-reader path.
  await bob.getByRole('button', { name: 'Move to goal: “Check benefits entitlement”' }).click()
  const goalList = bob.getByRole('combobox', { name: 'Goal to move “Check benefits entitlement” to' })
  await expect(goalList).toBeFocused()
  // Arrow keys only choose; nothing moves until "Move".
  await bob.keyboard.press('ArrowDown')
  await expect.poll(() => entryTexts(ann, 'Actions for Sleep through the night', 'action')).toEqual(['Check benefits entitlement'])
  await goalList.selectOption({ label: 'Get to the shops on my own' })
  await bob.getByRole('button', { name: 'Move “Check benefits entitlement” to the chosen goal' }).click()
  await expect.poll(() => entryTexts(ann, 'Actions for Get to the shops on my own', 'action')).toEqual([
    'Check benefits entitlement',
    'Arrange a walking aid assessment',
  ])
  await expect(bob.getByRole('button', { name: 'Move to goal: “Check benefits entitlement”' })).toBeFocused()

  // Mark as agreed.
  const agreement = ann.getByRole('region', { name: 'Agreement and review' })
  await agreement.getByRole('button', { name: 'Mark as agreed' }).click()
  await expect(agreement.getByLabel('Who agreed the plan')).toHaveValue('Joan Smith')
  await fillDate(agreement, 'Planned review date', daysFromNow(90))
  await agreement.getByLabel('Who will review it').fill('Sam Patel')
  await agreement.getByRole('button', { name: 'Mark as agreed' }).click()
  await expect(bob.getByRole('region', { name: 'Agreement and review' })).toContainText('Agreed with Joan Smith (The person)')
  // The check runs a moment after changes pause: wait for its answer, then look for the banner.
  await expect(bob.getByRole('region', { name: 'Agreement and review' })).toContainText('No changes since it was agreed.')
  await expect(bob.getByText('Changed since agreed')).toHaveCount(0)

  // Bob changes a goal after agreement: both see "changed since agreed", and history shows the difference.
  await bob.getByRole('button', { name: 'Edit goal: Get to the shops on my own' }).click()
  await bob.getByRole('textbox', { name: 'Goal or hope' }).fill('Get to the shops on my own, twice a week')
  await bob.getByRole('radio', { name: 'Yes, still their own words' }).check()
  await bob.getByRole('button', { name: 'Save' }).click()
  await expect(ann.getByRole('status').filter({ hasText: 'Changed since agreed' })).toBeVisible()
  await ann.getByRole('status').filter({ hasText: 'Changed since agreed' }).getByRole('link', { name: 'See what changed' }).click()
  await expect(ann.getByRole('heading', { level: 1, name: 'History: J.S. plan' })).toBeVisible()
  const table = ann.getByRole('table')
  await expect(table.getByRole('row').filter({ hasText: 'Get to the shops on my own: wording' })).toContainText('Get to the shops on my own, twice a week')
  await ann.getByRole('button', { name: /^View the plan as it was: Agreed with Joan Smith/ }).click()
  const past = ann.getByRole('region', { name: /^As it was/ })
  await expect(past.getByRole('heading', { name: /^Get to the shops on my own \(/ })).toBeVisible()
  await expect(past).toContainText('Seeing my grandchildren.')
  await expectNoAxeViolations(ann)

  // My plan: easy read, the person's words first, who will do what next.
  await ann.getByRole('link', { name: 'Back to the plan' }).click()
  await ann.getByRole('link', { name: 'My plan (easy read)' }).click()
  await expect(ann.getByRole('heading', { level: 1, name: 'Joan Smith’s plan' })).toBeVisible()
  const walkingAid = ann.getByRole('region', { name: 'Get to the shops on my own, twice a week' }).getByRole('listitem').filter({ hasText: 'Arrange a walking aid assessment' })
  await expect(walkingAid.getByRole('definition')).toHaveText(['Arrange a walking aid assessment', 'Sam Patel (District nurse)', /^By \d{1,2} \w+ \d{4}\.$/])
  await expect(ann.getByRole('button', { name: 'Print my plan' })).toBeVisible()
  await expectNoAxeViolations(ann)
})

test('a need is linked to a goal by dragging it there, and by keyboard from the goal', async ({ browser, hub }) => {
  // A tall screen, so the need and the goal are both in view for the drag (as on a big shared display).
  const page = await openAs(browser, hub.url, 'Dee, coordinator', { width: 1600, height: 2400 })
  await page.getByRole('button', { name: 'New plan' }).click()
  await page.getByLabel('Name of the plan').fill('Links plan')
  await page.getByRole('button', { name: 'Create plan' }).click()
  await addNeed(page, 'Lonely since moving')
  await addNeed(page, 'Falls at night')
  await addGoal(page, 'Join the lunch club')

  // By keyboard: the goal's "Link a need" list.
  await page.getByRole('combobox', { name: 'Link a need to “Join the lunch club”' }).selectOption({ label: 'Lonely since moving' })
  await page.getByRole('button', { name: 'Link the chosen need to “Join the lunch club”' }).click()
  const linked = page.getByRole('list', { name: 'Needs linked to Join the lunch club' })
  await expect(linked.getByRole('listitem')).toHaveText([/Lonely since moving/])

  // By mouse: drag the other need onto the goal.
  await page.getByRole('heading', { name: 'Needs and concerns' }).scrollIntoViewIfNeeded()
  const from = await page.getByRole('button', { name: 'Move need: Falls at night' }).boundingBox()
  const to = await page.getByText('Needs this goal answers:').boundingBox()
  if (!from || !to) throw new Error('both ends must be on screen')
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2)
  await page.mouse.down()
  await page.mouse.move(from.x + 20, from.y + 20, { steps: 5 })
  await page.mouse.move(to.x + to.width / 2, to.y + to.height / 2, { steps: 25 })
  await page.mouse.up()
  await expect(linked.getByRole('listitem')).toHaveCount(2)
  await expect(linked).toContainText('Falls at night')
  // Linking never moves the need out of its own list.
  await expect.poll(() => entryTexts(page, 'Needs and concerns', 'need')).toEqual(['Lonely since moving', 'Falls at night'])
})
