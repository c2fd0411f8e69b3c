import AxeBuilder from '@axe-core/playwright'
import { addGoal, addStrength, createPlan, dateBoxes, entryTexts, expect, openAs, test } from './fixtures'

test('Escape or Cancel on a changed form keeps what was typed and asks first', async ({ browser, hub }) => {
  const page = await openAs(browser, hub.url, 'Kim, coordinator')
  await createPlan(page, 'Unsaved changes plan')
  await addStrength(page, 'Sleeps well')
  const strengthBox = page.getByRole('textbox', { name: 'Strength', exact: true })
  const question = page.getByRole('alertdialog', { name: 'Discard your changes?' })
  const editButton = page.getByRole('button', { name: 'Edit strength: Sleeps well' })

  // Half-way through an edit, Escape keeps the words and asks, with the keyboard on the safe choice.
  await editButton.click()
  await expect(strengthBox).toBeFocused()
  await page.keyboard.press('End')
  await page.keyboard.type(' most nights')
  await page.keyboard.press('Escape')
  await expect(question).toBeVisible()
  await expect(question).toHaveAccessibleDescription('What you typed in this form has not been saved.')
  await expect(question.getByRole('button', { name: 'Keep editing' })).toBeFocused()
  await expect(strengthBox).toHaveValue('Sleeps well most nights')
  const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze()
  expect(axe.violations.map((violation) => violation.id)).toEqual([])

  // Escape again is "keep editing": back in the box, the words still there.
  await page.keyboard.press('Escape')
  await expect(question).toHaveCount(0)
  await expect(strengthBox).toBeFocused()
  await expect(strengthBox).toHaveValue('Sleeps well most nights')

  // So is the Keep editing button.
  await page.keyboard.press('Escape')
  await page.keyboard.press('Enter')
  await expect(question).toHaveCount(0)
  await expect(strengthBox).toBeFocused()
  await expect(strengthBox).toHaveValue('Sleeps well most nights')

  // Discard changes closes the form, stores nothing, and returns to the card's Edit button.
  await page.keyboard.press('Escape')
  await question.getByRole('button', { name: 'Discard changes' }).click()
  await expect(strengthBox).toHaveCount(0)
  await expect(editButton).toBeFocused()
  await expect.poll(() => entryTexts(page, 'Strengths and assets', 'strength')).toEqual(['Sleeps well'])

  // Cancel on a half-filled new entry asks too; Keep editing goes back to the box with the words.
  const section = page.getByRole('region', { name: 'Strengths and assets' })
  await section.getByRole('button', { name: 'Add a strength' }).click()
  await expect(strengthBox).toBeFocused()
  await page.keyboard.type('Loves music')
  await section.getByRole('button', { name: 'Cancel' }).click()
  await question.getByRole('button', { name: 'Keep editing' }).click()
  await expect(strengthBox).toBeFocused()
  await expect(strengthBox).toHaveValue('Loves music')
  await section.getByRole('button', { name: 'Cancel' }).click()
  await question.getByRole('button', { name: 'Discard changes' }).click()
  await expect(strengthBox).toHaveCount(0)
  await expect(section.getByRole('button', { name: 'Add a strength' })).toBeFocused()

  // A form with nothing changed closes at once, as before.
  await section.getByRole('button', { name: 'Add a strength' }).click()
  await expect(strengthBox).toBeFocused()
  await page.keyboard.press('Escape')
  await expect(strengthBox).toHaveCount(0)
  await expect(question).toHaveCount(0)
  await expect.poll(() => entryTexts(page, 'Strengths and assets', 'strength')).toEqual(['Sleeps well'])

  // Part of a date counts as typed, though the form cannot read it as a date yet.
  await addGoal(page, 'Sleep better')
  const goals = page.getByRole('region', { name: 'Goals and actions' })
  await goals.getByRole('button', { name: 'Add an action for Sleep better' }).click()
  const reviewDay = dateBoxes(goals, 'Review date (optional)').day
  await reviewDay.fill('4')
  await reviewDay.press('Escape')
  await expect(question.getByRole('button', { name: 'Keep editing' })).toBeFocused()
  await page.keyboard.press('Escape')
  await expect(reviewDay).toBeFocused()
  await expect(reviewDay).toHaveValue('4')
  await page.keyboard.press('Escape')
  await question.getByRole('button', { name: 'Discard changes' }).click()
  await expect(reviewDay).toHaveCount(0)
  await expect(goals.getByRole('button', { name: 'Add an action for Sleep better' })).toBeFocused()
})
