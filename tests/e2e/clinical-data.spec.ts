import AxeBuilder from '@axe-core/playwright'
import { addEntry, addGoal, createPlan, dateBoxes, daysFromNow, entryTexts, expect, fillDate, openAs, shareLink, test } from './fixtures'

test('dates and NHS numbers a clinician would question are refused or asked about, with what to do', async ({ browser, hub }) => {
  const page = await openAs(browser, hub.url, 'Dee, coordinator')
  await createPlan(page, 'R.B. plan')
  const person = page.getByRole('region', { name: 'About the person' })

  // A date of birth more than 130 years ago is refused; one the NHS pattern way (day first) is kept.
  await fillDate(person, 'Date of birth (optional)', '1890-03-04')
  await dateBoxes(person, 'Date of birth (optional)').year.press('Enter')
  await expect(person.getByText(/makes the person more than 130 years old. Check the year/)).toBeVisible()
  await fillDate(person, 'Date of birth (optional)', '1944-03-04')
  await dateBoxes(person, 'Date of birth (optional)').year.press('Enter')
  await expect(person.getByText(/more than 130 years old/)).toHaveCount(0)

  // A number no one can hold is refused, saying why, though it passes modulus 11.
  const nhsNumber = person.getByRole('textbox', { name: 'NHS number (optional)' })
  await expect(nhsNumber).toHaveAccessibleDescription(/999 are NHS England’s test range/)
  await nhsNumber.fill('000 000 0000')
  await nhsNumber.press('Enter')
  await expect(person.getByText(/never one digit ten times/)).toBeVisible()
  await nhsNumber.fill('943 476 5919')
  await nhsNumber.press('Enter')
  await expect(person.getByText(/No one holds an NHS number starting with these digits/)).toBeVisible()

  await addGoal(page, 'Get back to the allotment')
  await addEntry(page, 'Care team', 'Add to the care team', { Name: 'Sam Patel', Role: 'District nurse', Organisation: 'Community nursing' })
  await addEntry(page, 'Personal contacts', 'Add a personal contact', { Name: 'Ade Smith', Relationship: 'Daughter' })
  const goals = page.getByRole('region', { name: 'Goals and actions' })

  // An action owned by family needs no agency; the card shows who they are instead.
  await goals.getByRole('button', { name: 'Add an action for Get back to the allotment' }).click()
  await goals.getByRole('textbox', { name: 'What will be done' }).fill('Drive Reg to the allotment on Saturdays')
  await goals.getByRole('combobox', { name: 'Who will do it' }).selectOption({ label: 'Ade Smith (Daughter)' })
  await fillDate(goals, 'Due date', daysFromNow(7))
  // The review date cannot come before the due date.
  await fillDate(goals, 'Review date (optional)', daysFromNow(6))
  const axe = await new AxeBuilder({ page }).include('.rt-entry-form').withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze()
  expect(axe.violations.map((violation) => violation.id)).toEqual([])
  await goals.getByRole('button', { name: 'Add the action' }).click()
  const review = dateBoxes(goals, 'Review date (optional)')
  await expect(review.group).toHaveAccessibleDescription(/The review date is before the due date/)
  await expect(review.day).toBeFocused()
  await fillDate(goals, 'Review date (optional)', daysFromNow(8))
  await goals.getByRole('button', { name: 'Add the action' }).click()
  const lift = goals.getByRole('listitem').filter({ hasText: 'Drive Reg to the allotment on Saturdays' })
  await expect(lift.getByRole('term').filter({ hasText: 'Relationship' })).toBeVisible()
  await expect(lift.getByRole('definition').filter({ hasText: 'Daughter' })).toBeVisible()

  // A due date more than five years ahead is asked about; saving it again keeps it.
  await goals.getByRole('button', { name: 'Add an action for Get back to the allotment' }).click()
  await goals.getByRole('textbox', { name: 'What will be done' }).fill('Renew the allotment lease')
  await goals.getByRole('combobox', { name: 'Who will do it' }).selectOption({ label: 'Sam Patel, District nurse (Community nursing)' })
  await fillDate(goals, 'Due date', daysFromNow(6 * 366))
  await goals.getByRole('button', { name: 'Add the action' }).click()
  await expect(goals.getByText(/This due date is more than five years away .* if it is right, save again to keep it/)).toBeVisible()
  await goals.getByRole('button', { name: 'Add the action' }).click()
  await expect.poll(() => entryTexts(page, 'Actions for Get back to the allotment', 'action')).toEqual(['Drive Reg to the allotment on Saturdays', 'Renew the allotment lease'])

  // The plan cannot be agreed with a review date already passed.
  const agreement = page.getByRole('region', { name: 'Agreement and review' })
  await agreement.getByRole('button', { name: 'Mark as agreed' }).click()
  await agreement.getByRole('textbox', { name: 'Who agreed the plan' }).fill('Reg Brown')
  await fillDate(agreement, 'Planned review date', daysFromNow(-1))
  await agreement.getByRole('textbox', { name: 'Who will review it' }).fill('Sam Patel')
  await agreement.getByRole('button', { name: 'Mark as agreed' }).click()
  await expect(agreement.getByText(/The review date has passed. Choose today/)).toBeVisible()
  await fillDate(agreement, 'Planned review date', daysFromNow(2))
  await agreement.getByRole('button', { name: 'Mark as agreed' }).click()
  await expect(agreement).toContainText('Agreed with Reg Brown')
  await expect(agreement.getByText('Review overdue')).toHaveCount(0)

  // Three days on, the agreed plan says its review is overdue.
  const threeDaysOn = new Date()
  threeDaysOn.setDate(threeDaysOn.getDate() + 3)
  const reviewer = await openAs(browser, shareLink(page), 'Sam, nurse')
  await expect(reviewer.getByRole('region', { name: 'Agreement and review' })).toContainText('Agreed with')
  await expect(reviewer.getByRole('region', { name: 'Agreement and review' }).getByText('Review overdue')).toHaveCount(0)
  await reviewer.clock.setFixedTime(threeDaysOn)
  await reviewer.reload()
  await expect(reviewer.getByRole('region', { name: 'Agreement and review' }).getByText('Review overdue')).toBeVisible()
  await reviewer.context().close()
})
