import AxeBuilder from '@axe-core/playwright'
import type { Locator, Page } from '@playwright/test'
import { createPlan, entryTexts, expect, openAs, shareLink, test } from './fixtures'

/** Whose words: a choice someone makes for every new entry, asked again when the person's words change. */

async function expectNoAxeViolations(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa']).analyze()
  expect(results.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`)).toEqual([])
}

/** The quote marks a card draws around the person's own words (CSS generated content, not text). */
function quoteMark(card: Locator): Promise<string> {
  return card.locator('.rt-card__text').evaluate((text) => {
    // The tests are compiled without the DOM library; this runs in the page, where it exists.
    const page = globalThis as unknown as { getComputedStyle(element: object, pseudo: string): { content: string } }
    return page.getComputedStyle(text, '::before').content
  })
}

async function namePerson(page: Page, name: string): Promise<void> {
  const person = page.getByRole('region', { name: 'About the person' })
  await person.getByLabel('Name', { exact: true }).fill(name)
  await person.getByLabel('Name', { exact: true }).press('Enter')
}

const NOT_CHOSEN = 'Say whether these are the person’s own words or a professional’s note.'

test('a new strength, need or goal is refused until someone says whose words it is, and keeps what was typed', async ({ browser, hub }) => {
  const page = await openAs(browser, hub.url, 'Sam, nurse')
  await createPlan(page, 'Whose words plan')
  await namePerson(page, 'Joan Smith')

  const lists = [
    { section: 'Strengths and assets', button: 'Add a strength', box: 'Strength', list: 'Strengths and assets', kind: 'strength', text: 'Grows the best tomatoes on the street' },
    { section: 'Needs and concerns', button: 'Add a need or concern', box: 'Need or concern', list: 'Needs and concerns', kind: 'need', text: 'I get muddled with my tablets' },
    { section: 'Goals and actions', button: 'Add a goal', box: 'Goal or hope', list: 'Goals', kind: 'goal', text: 'Get back to the allotment' },
  ]
  for (const { section: sectionName, button, box, list, kind, text } of lists) {
    const section = page.getByRole('region', { name: sectionName, exact: true })
    await section.getByRole('button', { name: button, exact: true }).click()
    const whose = section.getByRole('group', { name: 'Whose words' })
    // Nothing is chosen for the person.
    await expect(whose.getByRole('radio', { name: 'The person’s own words' })).not.toBeChecked()
    await expect(whose.getByRole('radio', { name: 'A professional’s note' })).not.toBeChecked()
    await section.getByLabel(box, { exact: true }).fill(text)
    await section.getByRole('button', { name: button, exact: true }).click()

    // Refused, with the message beside the question and the keyboard taken there; the words stay.
    await expect(whose).toContainText(NOT_CHOSEN)
    await expect(whose.getByRole('radio', { name: 'The person’s own words' })).toBeFocused()
    await expect(section.getByLabel(box, { exact: true })).toHaveValue(text)
    await expect.poll(() => entryTexts(page, list, kind)).toEqual([])
    if (kind === 'strength') await expectNoAxeViolations(page)

    await whose.getByRole('radio', { name: 'The person’s own words' }).check()
    await section.getByRole('button', { name: button, exact: true }).click()
    await expect.poll(() => entryTexts(page, list, kind)).toEqual([text])
    const card = page.getByRole('list', { name: list, exact: true }).getByRole('listitem').filter({ hasText: text })
    await expect(card).toContainText('In Joan Smith’s words')
    expect(await quoteMark(card)).toBe('"“"')
  }
})

test('changing the words of an entry in the person’s words asks whether they are still theirs', async ({ browser, hub }) => {
  const page = await openAs(browser, hub.url, 'Sam, nurse')
  await createPlan(page, 'Edited words plan')
  await namePerson(page, 'Joan Smith')
  const section = page.getByRole('region', { name: 'Goals and actions', exact: true })
  await section.getByRole('button', { name: 'Add a goal', exact: true }).click()
  await section.getByLabel('Goal or hope', { exact: true }).fill('Get to the shops on me own')
  await section.getByRole('radio', { name: 'The person’s own words' }).check()
  await section.getByRole('button', { name: 'Add a goal', exact: true }).click()
  const goals = page.getByRole('list', { name: 'Goals', exact: true })

  // Changing only how important it is asks nothing.
  await page.getByRole('button', { name: 'Edit goal: Get to the shops on me own' }).click()
  await section.getByLabel('How important', { exact: true }).selectOption({ label: 'Quite important to me' })
  await expect(section.getByRole('group', { name: 'Are these still Joan Smith’s own words?' })).toHaveCount(0)
  await section.getByRole('button', { name: 'Save' }).click()
  await expect(section.getByRole('button', { name: 'Save' })).toHaveCount(0)

  // Changing the words asks, in place of "Whose words", with nothing chosen; saving unanswered is refused.
  await page.getByRole('button', { name: 'Edit goal: Get to the shops on me own' }).click()
  await section.getByLabel('Goal or hope', { exact: true }).fill('Get to the shops on my own')
  const question = section.getByRole('group', { name: 'Are these still Joan Smith’s own words?' })
  await expect(question).toBeVisible()
  await expect(section.getByRole('group', { name: 'Whose words' })).toHaveCount(0)
  await expect(question.getByRole('radio', { name: 'Yes, still their own words' })).not.toBeChecked()
  await expect(question.getByRole('radio', { name: 'No, it is a professional’s note now' })).not.toBeChecked()
  await section.getByRole('button', { name: 'Save' }).click()
  await expect(question).toContainText('You changed the words. Say whether they are still the person’s own words: choose Yes or No.')
  await expect(question.getByRole('radio', { name: 'Yes, still their own words' })).toBeFocused()
  await expect(section.getByLabel('Goal or hope', { exact: true })).toHaveValue('Get to the shops on my own')
  await expectNoAxeViolations(page)

  // Yes keeps the quotes.
  await question.getByRole('radio', { name: 'Yes, still their own words' }).check()
  await section.getByRole('button', { name: 'Save' }).click()
  const card = goals.getByRole('listitem').filter({ hasText: 'Get to the shops on my own' })
  await expect(card).toContainText('In Joan Smith’s words')
  expect(await quoteMark(card)).toBe('"“"')

  // No makes it a professional's note, without quotes.
  await page.getByRole('button', { name: 'Edit goal: Get to the shops on my own' }).click()
  await section.getByLabel('Goal or hope', { exact: true }).fill('Independent shopping')
  await question.getByRole('radio', { name: 'No, it is a professional’s note now' }).check()
  await section.getByRole('button', { name: 'Save' }).click()
  const note = goals.getByRole('listitem').filter({ hasText: 'Independent shopping' })
  await expect(note).toContainText('Professional’s note')
  await expect(note).not.toContainText('Joan Smith’s words')
  expect(await quoteMark(note)).toBe('none')

  // A professional's note reworded is not asked about.
  await page.getByRole('button', { name: 'Edit goal: Independent shopping' }).click()
  await section.getByLabel('Goal or hope', { exact: true }).fill('Independent shopping, weekly')
  await expect(section.getByRole('group', { name: 'Whose words' })).toBeVisible()
  await expect(question).toHaveCount(0)
  await section.getByRole('button', { name: 'Save' }).click()
  await expect(goals.getByRole('listitem').filter({ hasText: 'Independent shopping, weekly' })).toContainText('Professional’s note')
})

test('each About me field shows how it was written and who typed in it', async ({ browser, hub }) => {
  const ann = await openAs(browser, hub.url, 'Ann, GP')
  await createPlan(ann, 'About me words plan')
  await namePerson(ann, 'Joan Smith')
  const bob = await openAs(browser, shareLink(ann), 'Bob, social worker')
  const aboutMe = (page: Page) => page.getByRole('region', { name: 'About me', exact: true })
  const important = (page: Page) => aboutMe(page).getByRole('textbox', { name: 'What is most important to me' })
  const howImportant = (page: Page) => aboutMe(page).getByRole('combobox', { name: 'How this was written for What is most important to me', exact: true })
  const howPleaseDo = (page: Page) => aboutMe(page).getByRole('combobox', { name: 'How this was written for Please do', exact: true })

  // Nothing is said for anyone: no wording chosen, nobody has typed.
  await expect(howImportant(ann)).toHaveValue('')
  await expect(howImportant(ann).locator('option:checked')).toHaveText('Not said yet')
  await expect(important(ann)).toHaveAccessibleDescription('In the person’s own words.')

  // Ann types, then Bob: each field records who typed in it, and both screens show it.
  await important(ann).click()
  await ann.keyboard.type('My garden and my cat. ')
  await expect(important(bob)).toContainText('My garden and my cat.')
  await important(bob).click()
  await bob.keyboard.press('ControlOrMeta+End')
  await bob.keyboard.type('Seeing my grandchildren.')
  for (const page of [ann, bob]) {
    await expect(important(page)).toHaveAccessibleDescription('In the person’s own words. Typed by Ann, GP and Bob, social worker.')
    await expect(aboutMe(page).getByText('Typed by Ann, GP and Bob, social worker.')).toBeVisible()
  }

  // Bob says it was written with Joan; Ann sees it. Another field stays as it was.
  await howImportant(bob).selectOption({ label: 'Written with Joan Smith' })
  await expect(howImportant(ann).locator('option:checked')).toHaveText('Written with Joan Smith')
  await expect(howPleaseDo(ann).locator('option:checked')).toHaveText('Not said yet')
  await expect(aboutMe(ann).getByRole('textbox', { name: 'Please do', exact: true })).toHaveAccessibleDescription('Things that help.')
  await expectNoAxeViolations(ann)
  await aboutMe(ann).screenshot({ path: test.info().outputPath('about-me-authorship.png') })

  // It can be changed, and the choices name the person as the plan does.
  await howImportant(ann).selectOption({ label: 'In Joan Smith’s own words' })
  await expect(howImportant(bob).locator('option:checked')).toHaveText('In Joan Smith’s own words')

  // The printed plan (the same summary History shows for a version) says it under the field.
  // As the browser does when printing starts (print.spec.ts prints for real, to a PDF).
  await ann.emulateMedia({ media: 'print' })
  await ann.evaluate("window.dispatchEvent(new Event('beforeprint'))")
  const printed = ann.getByRole('region', { name: 'What is most important to me' })
  await expect(printed).toContainText('My garden and my cat. Seeing my grandchildren.')
  await expect(printed).toContainText('In Joan Smith’s own words. Typed by Ann, GP and Bob, social worker.')
  await ann.evaluate("window.dispatchEvent(new Event('afterprint'))")
  await ann.emulateMedia({ media: 'screen' })
})
