import type { Page } from '@playwright/test'
import { addEntry, addGoal, addStrength, createPlan, dateBoxes, entryTexts, expect, expectDate, fillDate, openAs, said, shareLink, test } from './fixtures'

const strengths = (page: Page) => entryTexts(page, 'Strengths and assets', 'strength')

test('entries move by keyboard alone, with spoken feedback, escape and undo', async ({ browser, hub }) => {
  const page = await openAs(browser, hub.url, 'Kim, coordinator')
  await createPlan(page, 'Keyboard plan')
  for (const text of ['Sleeps well', 'Good with money', 'Loves music']) await addStrength(page, text)
  await expect.poll(() => strengths(page)).toEqual(['Sleeps well', 'Good with money', 'Loves music'])

  // Pick up, one step down, drop — waiting, as a screen-reader user would, to hear each step.
  await page.getByRole('button', { name: 'Move strength: Sleeps well' }).focus()
  await page.keyboard.press('Space')
  await said(page, 'Picked up “Sleeps well”, position 1 of 3 in Strengths, the person’s own words.')
  await page.keyboard.press('ArrowDown')
  await said(page, '“Sleeps well” is now at position 2 of 3 in Strengths, the person’s own words.')
  await page.keyboard.press('Space')
  await said(page, 'Dropped “Sleeps well” at position 2 of 3 in Strengths, the person’s own words.')
  await expect.poll(() => strengths(page)).toEqual(['Good with money', 'Sleeps well', 'Loves music'])

  // Escape puts it back.
  await page.getByRole('button', { name: 'Move strength: Loves music' }).focus()
  await page.keyboard.press('Enter')
  await said(page, 'Picked up “Loves music”, position 3 of 3 in Strengths, the person’s own words.')
  await page.keyboard.press('ArrowUp')
  await said(page, '“Loves music” is now at position 2 of 3 in Strengths, the person’s own words.')
  await page.keyboard.press('ArrowUp')
  await said(page, '“Loves music” is now at position 1 of 3 in Strengths, the person’s own words.')
  await page.keyboard.press('Escape')
  await said(page, 'Cancelled. “Loves music” is back where it was.')
  await expect.poll(() => strengths(page)).toEqual(['Good with money', 'Sleeps well', 'Loves music'])

  // Editing by keyboard: Escape or Save closes the form and focus returns to the card's Edit button.
  const strengthBox = page.getByRole('textbox', { name: 'Strength', exact: true })
  await page.getByRole('button', { name: 'Edit strength: Sleeps well' }).focus()
  await page.keyboard.press('Enter')
  await expect(strengthBox).toBeFocused()
  await expect(strengthBox).toHaveValue('Sleeps well')
  await page.keyboard.press('Escape')
  await expect(strengthBox).toHaveCount(0)
  await expect(page.getByRole('button', { name: 'Edit strength: Sleeps well' })).toBeFocused()
  await page.keyboard.press('Enter')
  await expect(strengthBox).toBeFocused()
  await page.keyboard.press('ControlOrMeta+a')
  await page.keyboard.type('Sleeps well most nights')
  await page.getByRole('button', { name: 'Save' }).focus()
  await page.keyboard.press('Enter')
  // Changed words of the person's own are asked about; the keyboard lands on the question's first answer.
  await expect(page.getByRole('radio', { name: 'Yes, still their own words' })).toBeFocused()
  await page.keyboard.press('Space')
  await page.getByRole('button', { name: 'Save' }).focus()
  await page.keyboard.press('Enter')
  await expect(strengthBox).toHaveCount(0)
  await expect(page.getByRole('button', { name: 'Edit strength: Sleeps well most nights' })).toBeFocused()
  await expect.poll(() => strengths(page)).toEqual(['Good with money', 'Sleeps well most nights', 'Loves music'])
  await page.keyboard.press('Control+z')
  await expect.poll(() => strengths(page)).toEqual(['Good with money', 'Sleeps well', 'Loves music'])

  // Undo (Ctrl+Z outside a text box) takes the move back; Redo does it again.
  await page.getByRole('button', { name: 'Move strength: Loves music' }).focus()
  await page.keyboard.press('Control+z')
  await expect.poll(() => strengths(page)).toEqual(['Sleeps well', 'Good with money', 'Loves music'])
  await page.keyboard.press('Control+y')
  await expect.poll(() => strengths(page)).toEqual(['Good with money', 'Sleeps well', 'Loves music'])

  // A professional's note is shown after the person's own words, and a drag never mixes the two.
  await addEntry(page, 'Strengths and assets', 'Add a strength', { Strength: 'Manages own medicines', 'A professional’s note': { check: true } })
  await expect.poll(() => strengths(page)).toEqual(['Good with money', 'Sleeps well', 'Loves music', 'Manages own medicines'])
  await expect(page.getByRole('list', { name: 'Strengths and assets' }).getByRole('listitem').last()).toContainText('Professional’s note')
  await page.getByRole('button', { name: 'Move strength: Manages own medicines' }).focus()
  await page.keyboard.press('Space')
  await said(page, 'Picked up “Manages own medicines”, position 1 of 1 in Strengths, professionals’ notes.')
  await page.keyboard.press('ArrowUp')
  await page.keyboard.press('Space')
  // Up from the first professional's note does not reach the person's words: it stays in its group.
  await said(page, 'Dropped “Manages own medicines” at position 1 of 1 in Strengths, professionals’ notes.')
  await expect.poll(() => strengths(page)).toEqual(['Good with money', 'Sleeps well', 'Loves music', 'Manages own medicines'])
})

test('bad input gets a clear message and loses nothing typed', async ({ browser, hub }) => {
  const page = await openAs(browser, hub.url, 'Lee, nurse')

  // An empty plan name.
  await page.getByRole('button', { name: 'New plan' }).click()
  await page.getByRole('button', { name: 'Create plan' }).click()
  await expect(page.getByText('Enter a name for the plan, for example the person’s initials.')).toBeVisible()
  await page.getByLabel('Name of the plan').fill('Input plan')
  await page.getByRole('button', { name: 'Create plan' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Input plan' })).toBeVisible()

  // An empty strength, then a pasted 5 MB block: each refused with what to do; the text stays to fix.
  const section = page.getByRole('region', { name: 'Strengths and assets' })
  await section.getByRole('button', { name: 'Add a strength' }).click()
  await section.getByRole('button', { name: 'Add a strength' }).click()
  await expect(section.getByText('Write the strength first.')).toBeVisible()
  const huge = 'x'.repeat(5 * 1024 * 1024)
  await section.getByLabel('Strength', { exact: true }).fill(huge)
  await section.getByRole('button', { name: 'Add a strength' }).click()
  await expect(section.getByText('A strength can be up to 2,000 characters; this is 5,242,880. Shorten it or split it into several entries.')).toBeVisible()
  await expect(section.getByLabel('Strength', { exact: true })).toHaveValue(huge)
  await expect.poll(() => strengths(page)).toEqual([])

  // Deleting is undone with one click.
  await section.getByLabel('Strength', { exact: true }).fill('Keep this one')
  await section.getByRole('radio', { name: 'The person’s own words' }).check()
  await section.getByRole('button', { name: 'Add a strength' }).click()
  await page.getByRole('button', { name: 'Delete strength: Keep this one' }).click()
  await expect.poll(() => strengths(page)).toEqual([])
  await page.getByRole('button', { name: 'Undo' }).click()
  await expect.poll(() => strengths(page)).toEqual(['Keep this one'])

  // A 5 MB paste into an About me box is refused before any of it is stored; what was there stays.
  const aboutMe = page.getByRole('textbox', { name: 'Please do', exact: true })
  await aboutMe.click()
  await page.keyboard.type('Knock before coming in.')
  await aboutMe.focus()
  // Runs in the page (a string, since this file is compiled without the DOM's types): a real paste event.
  await page.evaluate(`(() => {
    const data = new DataTransfer()
    data.setData('text/plain', 'y'.repeat(5 * 1024 * 1024))
    document.activeElement.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }))
  })()`)
  await expect(page.getByRole('alert').filter({ hasText: 'That paste is too long for this box: it has 5,242,880 characters' })).toBeVisible()
  await expect(aboutMe).toHaveText('Knock before coming in.')
  await expect(page.getByText('Connected — all changes saved')).toBeVisible()

  // A wrong NHS number is refused where it was typed, and stays there to correct.
  const person = page.getByRole('region', { name: 'About the person' })
  await person.getByLabel('NHS number (optional)').fill('999 876 5438')
  await person.getByLabel('NHS number (optional)').press('Enter')
  await expect(person.getByText('This is not a valid NHS number: the last digit does not match.')).toBeVisible()
  await expect(person.getByLabel('NHS number (optional)')).toHaveValue('999 876 5438')
  await person.getByLabel('NHS number (optional)').fill('999 876 5439')
  await person.getByLabel('NHS number (optional)').press('Enter')
  await expect(person.getByText('This is not a valid NHS number')).toHaveCount(0)

  // Clearing part of a date (here the month) is refused, not taken as "no date": the stored one stays.
  await fillDate(person, 'Date of birth (optional)', '1950-03-04')
  const dateOfBirth = dateBoxes(person, 'Date of birth (optional)')
  await dateOfBirth.year.press('Enter')
  await dateOfBirth.month.fill('')
  await dateOfBirth.month.press('Tab')
  await dateOfBirth.year.press('Tab')
  await expect(person.getByText('Enter the whole date: day, month and a four-digit year.')).toBeVisible()
  // The message is linked to the date's group, so a screen reader hears it with the legend.
  await expect(dateOfBirth.group).toHaveAccessibleDescription(/Enter the whole date/)
  const elsewhere = await openAs(browser, shareLink(page), 'Second screen')
  await expectDate(elsewhere.getByRole('region', { name: 'About the person' }), 'Date of birth (optional)', '1950-03-04')
  await elsewhere.context().close()

  // An action due before today is refused, with the rest of the form kept.
  await addGoal(page, 'Get out more')
  await addEntry(page, 'Care team', 'Add to the care team', { Name: 'Sam Patel', Role: 'District nurse', Organisation: 'Community nursing' })
  const goals = page.getByRole('region', { name: 'Goals and actions' })
  await goals.getByRole('button', { name: 'Add an action for Get out more' }).click()
  await goals.getByLabel('What will be done', { exact: true }).fill('Walking group referral')
  await goals.getByLabel('Who will do it', { exact: true }).selectOption({ label: 'Sam Patel, District nurse (Community nursing)' })
  await fillDate(goals, 'Due date', '2020-01-01')
  await goals.getByRole('button', { name: 'Add the action' }).click()
  await expect(goals.getByText(/The due date cannot be before today/)).toBeVisible()
  await expect(goals.getByLabel('What will be done', { exact: true })).toHaveValue('Walking group referral')
  await expect(goals.getByLabel('Agency', { exact: true })).toHaveValue('Community nursing')
})

test('a wrong access code is refused with a message that says what to do', async ({ browser, hub }) => {
  const context = await browser.newContext()
  const page = await context.newPage()
  await page.goto(`${hub.origin}/?token=not-the-right-token-at-all`)
  await page.getByLabel('Your name').fill('Mo')
  await page.getByRole('button', { name: 'Continue' }).click()
  await expect(page.getByRole('alert')).toContainText('This link’s access code is missing or wrong. Ask whoever runs Roundtable for a new link.')
  await page.goto(`${hub.origin}/?token=not-the-right-token-at-all#/board/abc123`)
  // The board says the hub's own reason, as Home does.
  await expect(page.getByRole('status').filter({ hasText: 'This link’s access code is missing or wrong. Ask whoever runs Roundtable for a new link.' })).toBeVisible()
  // A tab keeps the code it was opened with (even a wrong one) across reloads; a new tab without it gets none.
  const withoutCode = await context.newPage()
  await withoutCode.goto(`${hub.origin}/`)
  await expect(withoutCode.getByRole('heading', { level: 1, name: 'This page needs its access link' })).toBeVisible()
})
