import AxeBuilder from '@axe-core/playwright'
import type * as Y from 'yjs'
import { newDocId } from '../../shared/docId'
import { addAgendaItem, addAttendee, goToCase, setMeetingDetails, setMeetingRole } from '../../shared/meeting/meeting'
import { addEntry, setPersonField } from '../../shared/plan/entries'
import { idOf } from '../../shared/testing/checked'
import { writeParagraphs } from '../../shared/testing/richText'
import { daysFromNow, expect, openAs, test } from './fixtures'
import { seedMeeting, seedPlan } from './seed'
import type { Page } from '@playwright/test'

/**
 * Running an MDT huddle on a shared screen: a facilitator and a scribe in their own browsers, the
 * person's plan open in a third, follow mode, the case clock, notes typed at once, decisions and
 * actions written into the plan, initials only, and the room's large screen.
 */

const NHS_NUMBER = '9434765919'
const author = { by: 'Dee, coordinator', now: new Date() }
const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa', 'best-practice']

/** Reg's plan: what matters to him, an overdue action and an open one, and what to do if things get worse. */
function regsPlan(doc: Y.Doc): void {
  setPersonField(doc, 'name', 'Reginald Walker')
  setPersonField(doc, 'preferredName', 'Reg')
  setPersonField(doc, 'dateOfBirth', '1944-03-02')
  setPersonField(doc, 'nhsNumber', NHS_NUMBER)
  writeParagraphs(doc, 'importantToMe', 'Keep growing my tomatoes at the allotment')
  writeParagraphs(doc, 'earlyWarningSigns', 'Breathless at rest')
  writeParagraphs(doc, 'whoToContact', 'His daughter on 07700 900456')
  const nurse = idOf(addEntry(doc, 'professional', { name: 'Jo Brown', role: 'District nurse', organisation: 'NELFT', contact: '07700 900123', keyWorker: true }, author))
  const goalId = idOf(addEntry(doc, 'goal', { text: 'Keep growing my tomatoes', importance: 'high', voice: 'person' }, author))
  const action = (what: string, agency: string, dueIn: number) =>
    idOf(
      addEntry(
        doc,
        'action',
        { what, ownerId: nurse, agency, dueDate: daysFromNow(dueIn), status: 'not-started', reviewDate: '', outcome: '', voice: 'professional' },
        { ...author, goalId, today: daysFromNow(Math.min(dueIn, 0) - 1) },
      ),
    )
  action('Raised beds via Age UK', 'Age UK', 30)
  action('Inhaler review', 'Dagenham GP', -5)
}

function personPlan(name: string) {
  return (doc: Y.Doc) => {
    setPersonField(doc, 'name', name)
    idOf(addEntry(doc, 'goal', { text: 'Stay well at home', importance: 'high', voice: 'person' }, author))
  }
}

async function expectNoIdentifiers(page: Page): Promise<void> {
  // The whole page as HTML: text and every attribute.
  const html = await page.content()
  for (const hidden of [NHS_NUMBER, '943 476 5919', '1944-03-02', '2 March 1944', 'Reginald', 'Walker', '07700 900123', '07700 900456']) expect(html).not.toContain(hidden)
}

async function expectAxeClean(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(WCAG).analyze()
  expect(results.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`)).toEqual([])
}

async function expectNoSidewaysScroll(page: Page): Promise<void> {
  const overflow = await page.evaluate(() => {
    const root = (globalThis as unknown as { document: { documentElement: { scrollWidth: number; clientWidth: number } } }).document.documentElement
    return root.scrollWidth - root.clientWidth
  })
  expect(overflow).toBeLessThanOrEqual(0)
}

test('a facilitator and a scribe run a huddle: follow mode, notes, decisions and actions in the plan, initials only', async ({ browser, hub }, testInfo) => {
  test.slow()
  const regId = await seedPlan(hub, 'Huddle R.W.', regsPlan)
  const annId = await seedPlan(hub, 'Huddle A.K.', personPlan('Ann King'))
  const joId = await seedPlan(hub, 'Huddle J.M.', personPlan('Jo Martin'))
  const meetingId = await seedMeeting(hub, 'Thursday huddle', (doc) => {
    expect(setMeetingDetails(doc, { date: daysFromNow(0), startTime: '09:30', place: 'Dagenham East' }).ok).toBe(true)
    const priya = idOf(addAttendee(doc, { name: 'Priya Shah', role: 'Care coordinator', organisation: 'Dagenham East INT' }))
    const sam = idOf(addAttendee(doc, { name: 'Sam Patel', role: 'Social worker', organisation: 'LBBD' }))
    idOf(setMeetingRole(doc, 'facilitator', priya))
    idOf(setMeetingRole(doc, 'scribe', sam))
    idOf(addAgendaItem(doc, { planId: regId, label: 'Reginald Walker', budgetMinutes: 6 }))
    idOf(addAgendaItem(doc, { planId: annId, label: 'Ann King', budgetMinutes: 5 }))
    idOf(addAgendaItem(doc, { planId: joId, label: 'Jo Martin', budgetMinutes: 8 }))
  })

  const huddle = `${hub.url}#/board/${meetingId}/huddle`
  const facilitator = await openAs(browser, huddle, 'Priya Shah')
  const scribe = await openAs(browser, huddle, 'Sam Patel')
  const agenda = (page: Page) => page.getByRole('region', { name: 'Agenda' })
  const caseName = (page: Page) => page.getByRole('region', { name: 'Case on screen' }).getByRole('heading', { level: 2 })
  await expect(agenda(scribe).getByRole('button')).toHaveCount(3)
  await expect(scribe.getByText('0 of 3 done')).toBeVisible()
  await expect(scribe.getByText('Facilitator: Priya Shah')).toBeVisible()

  // The facilitator starts; the scribe's screen follows.
  await facilitator.getByRole('button', { name: 'Start the huddle with Reginald Walker' }).click()
  await expect(caseName(scribe)).toHaveText('Reginald Walker (Reg)')
  await expect(scribe.getByRole('paragraph').filter({ hasText: 'Following Priya Shah' })).toBeVisible()
  await expect(scribe.getByRole('timer')).toHaveText(/^\d:\d\d of 6:00$/)
  await expect(agenda(scribe).getByRole('button', { name: /^Reginald Walker, now,/ })).toBeVisible()
  // What matters first, in his words; the overdue action before the open one, with its owner.
  await expect(scribe.getByRole('region', { name: 'What matters to Reg' })).toContainText('Keep growing my tomatoes at the allotment')
  const open = scribe.getByRole('region', { name: 'Open actions (2)' })
  await expect(open.getByRole('listitem').first()).toContainText('OverdueInhaler reviewJo Brown, Dagenham GP')
  await expect(scribe.getByRole('region', { name: 'If things get worse' })).toContainText('Early warning signsBreathless at rest')
  await expect(scribe.getByRole('region', { name: 'If things get worse' })).toContainText('07700 900456')
  // Never an NHS number, date of birth or contact detail, even with names shown.
  for (const page of [facilitator, scribe]) {
    const html = await page.content()
    for (const hidden of [NHS_NUMBER, '1944-03-02', '07700 900123']) expect(html).not.toContain(hidden)
  }
  await expectAxeClean(scribe)

  // The scribe looks ahead at Ann, then F brings the screen back to the huddle's case.
  await agenda(scribe).getByRole('button', { name: /^Ann King/ }).click()
  await expect(caseName(scribe)).toHaveText('Ann King')
  await expect(scribe.getByRole('paragraph').filter({ hasText: 'Viewing Ann King (the huddle is on Reginald Walker) —' })).toBeVisible()
  await expect(caseName(facilitator)).toHaveText('Reginald Walker (Reg)')
  await scribe.keyboard.press('f')
  await expect(caseName(scribe)).toHaveText('Reginald Walker (Reg)')
  await expect(scribe.getByRole('paragraph').filter({ hasText: 'Following Priya Shah' })).toBeVisible()

  // Reg's plan, open on someone else's laptop.
  const plan = await openAs(browser, `${hub.url}#/board/${regId}`, 'Jo Brown')
  await expect(plan.getByRole('heading', { level: 1, name: 'Huddle R.W.' })).toBeVisible()

  // A decision and an action from the huddle appear in the plan at once.
  await scribe.getByRole('button', { name: '+ Decision' }).click()
  await scribe.getByLabel('Decision about Reginald Walker').fill('Refer to the falls clinic')
  await scribe.getByRole('button', { name: 'Record the decision' }).click()
  const today = scribe.getByRole('region', { name: 'Decisions and actions today' })
  await expect(today).toContainText('Decision: Refer to the falls clinic')
  await expect(plan.getByRole('region', { name: 'Decisions from meetings' })).toContainText('Refer to the falls clinicThursday huddle')

  await scribe.getByRole('button', { name: '+ Action' }).click()
  await scribe.getByLabel('What will be done').fill('Falls clinic referral')
  await scribe.getByLabel('Who will do it').selectOption({ label: 'Jo Brown, District nurse (NELFT)' })
  await scribe.getByRole('button', { name: 'Add the action to their plan' }).click()
  await expect(today).toContainText('Action: Falls clinic referral — Jo Brown, NELFT')
  const planActions = plan.getByRole('region', { name: 'Goals and actions' })
  await expect(planActions).toContainText('Falls clinic referral')
  await expect(planActions).toContainText('Agreed atThursday huddle')
  await expect(facilitator.getByRole('region', { name: 'Decisions and actions today' })).toContainText('Falls clinic referral')

  // A status changed in the huddle is changed in the plan.
  await scribe.getByRole('combobox', { name: 'Status of “Raised beds via Age UK”' }).selectOption('In progress')
  await expect(plan.getByRole('region', { name: 'Goals and actions' })).toContainText('In progress')
  // The plan's History says who recorded the decision, and at which meeting.
  await plan.getByRole('link', { name: 'History', exact: true }).click()
  await expect(plan.getByRole('list', { name: 'Changes by everyone, newest first' })).toContainText('Sam Patel recorded a decision at Thursday huddle')

  // Both type notes at the same time; both keep their words.
  const notes = (page: Page, who = 'Reginald Walker') => page.getByRole('textbox', { name: `Discussion notes for ${who}` })
  await notes(facilitator).click()
  await notes(scribe).click()
  await Promise.all([notes(facilitator).pressSequentially('Fell on 20 Nov. ', { delay: 40 }), notes(scribe).pressSequentially('Daughter visiting less. ', { delay: 40 })])
  for (const page of [facilitator, scribe]) {
    await expect(notes(page)).toHaveValue(/Fell on 20 Nov\. /)
    await expect(notes(page)).toHaveValue(/Daughter visiting less\. /)
  }
  await expect(notes(scribe)).toHaveValue(await notes(facilitator).inputValue())

  // Initials only: names become initials and no identifier is anywhere on either page.
  await facilitator.getByRole('switch', { name: 'Initials only' }).click()
  await expect(scribe.getByRole('switch', { name: 'Initials only' })).toHaveAttribute('aria-checked', 'true')
  await expect(caseName(scribe)).toHaveText('R.W.')
  await expect(agenda(scribe).getByRole('button', { name: /^A\.K\./ })).toBeVisible()
  await expectNoIdentifiers(scribe)
  await expectNoIdentifiers(facilitator)
  await expectAxeClean(scribe)
  await facilitator.screenshot({ path: testInfo.outputPath('huddle-1280.png'), fullPage: true })

  // The facilitator moves on while the scribe is still typing Reg's notes: the scribe's screen stays
  // with their words until they choose to follow again; then it follows.
  await expect(notes(scribe, 'R.W.')).toBeFocused()
  await facilitator.getByRole('button', { name: 'Next case: A.K.' }).click()
  await expect(caseName(facilitator)).toHaveText('A.K.')
  await expect(scribe.getByRole('paragraph').filter({ hasText: 'Viewing R.W. (the huddle is on A.K.) —' })).toBeVisible()
  await notes(scribe, 'R.W.').pressSequentially('Review in a month.')
  // Their caret stayed after their own words while the facilitator's came in.
  await expect(notes(scribe, 'R.W.')).toHaveValue(/Daughter visiting less\. Review in a month\./)
  await scribe.getByRole('button', { name: 'Back to following (F)' }).click()
  await expect(caseName(scribe)).toHaveText('A.K.')
  await expect(scribe.getByText('1 of 3 done')).toBeVisible()

  // The room's shared screen: large type, one case, nothing else; a way back for the keyboard.
  const room = await openAs(browser, huddle, 'Meeting room', { width: 1920, height: 1080 })
  await room.getByRole('link', { name: 'Open the shared screen' }).click()
  await expect(room.getByRole('heading', { level: 1, name: 'Thursday huddle' })).toBeVisible()
  await expect(caseName(room)).toHaveText('A.K.')
  await expect(room.getByRole('banner')).toBeHidden()
  await expect(room.getByRole('link', { name: 'Leave the shared screen (Esc)' })).toBeVisible()
  await expectNoIdentifiers(room)
  await expectAxeClean(room)
  await room.screenshot({ path: testInfo.outputPath('huddle-shared-screen-1920.png') })
  // Names in full again (still no NHS number on the room's screen).
  await room.getByRole('switch', { name: 'Initials only' }).click()
  await expect(agenda(room).getByRole('button', { name: /^Reginald Walker/ })).toBeVisible()
  await agenda(room).getByRole('button', { name: /^Reginald Walker/ }).click()
  await expect(caseName(room)).toHaveText('Reginald Walker (Reg)')
  expect(await room.content()).not.toContain(NHS_NUMBER)
  await expectAxeClean(room)
  // The room's screen on a phone still reads without scrolling sideways.
  await room.setViewportSize({ width: 390, height: 844 })
  await expectNoSidewaysScroll(room)
  await room.screenshot({ path: testInfo.outputPath('huddle-shared-screen-390.png'), fullPage: true })
  await room.setViewportSize({ width: 1920, height: 1080 })
  // Escape goes back to the ordinary huddle view, with the app's header.
  await room.keyboard.press('Escape')
  await expect(room.getByRole('link', { name: 'Open the shared screen' })).toBeVisible()
  await expect(room.getByRole('banner')).toBeVisible()

  // On a phone: nothing scrolls sideways.
  await scribe.setViewportSize({ width: 390, height: 844 })
  await expectNoSidewaysScroll(scribe)
  await scribe.screenshot({ path: testInfo.outputPath('huddle-390.png'), fullPage: true })

  // Ending asks first, then points at the minutes.
  await facilitator.getByRole('button', { name: 'End the meeting' }).click()
  await facilitator.getByRole('button', { name: 'Yes, end the meeting' }).click()
  await expect(scribe.getByText('This huddle has ended.')).toBeVisible()
  await expect(scribe.getByRole('link', { name: 'Read the minutes' })).toBeVisible()
  await expect(agenda(scribe).getByRole('button', { name: /^Jo Martin, not reached/ })).toBeVisible()
})

test('a case over its budget is shown calmly, and a plan that cannot be found leaves the huddle running', async ({ browser, hub }, testInfo) => {
  const annId = await seedPlan(hub, 'Over A.K.', personPlan('Ann King'))
  const meetingId = await seedMeeting(hub, 'Overrun huddle', (doc) => {
    const ann = idOf(addAgendaItem(doc, { planId: annId, label: 'A.K.', budgetMinutes: 5 }))
    // A plan that is not on this hub (deleted, or never here).
    idOf(addAgendaItem(doc, { planId: newDocId(), label: 'Z.Z.', budgetMinutes: 5 }))
    // Ann's case started 6 minutes 10 seconds ago.
    idOf(goToCase(doc, null, ann, Date.now() - (6 * 60 + 10) * 1000))
  })
  const page = await openAs(browser, `${hub.url}#/board/${meetingId}/huddle`, 'Priya Shah')
  await expect(page.getByRole('timer')).toHaveText(/^6:1\d of 5:00$/)
  await expect(page.getByText(/^1:1\d over$/)).toBeVisible()
  await expect(page.getByText('No facilitator named: anyone here can move the huddle on.')).toBeVisible()

  await page.getByRole('button', { name: 'Next case: Z.Z.' }).click()
  await expect(page.getByText('Their plan was not found: it may have been deleted')).toBeVisible()
  await expect(page.getByRole('timer')).toHaveText(/^0:0\d of 5:00$/)
  await expect(page.getByRole('textbox', { name: 'Discussion notes for Z.Z.' })).toBeVisible()
  await expectAxeClean(page)
  await page.screenshot({ path: testInfo.outputPath('huddle-missing-plan.png'), fullPage: true })

  // With the hub out of reach the clock keeps going on this device, and says so quietly.
  const clock = page.getByRole('timer')
  await hub.stop()
  await expect(page.getByText('Kept on this device while the hub is out of reach')).toBeVisible()
  const before = await clock.textContent()
  await expect.poll(() => clock.textContent()).not.toBe(before)
  await hub.start()
  await expect(page.getByText('Kept on this device while the hub is out of reach')).toBeHidden({ timeout: 20_000 })
})

test('a meeting with nobody on the agenda says what to do', async ({ browser, hub }) => {
  const meetingId = await seedMeeting(hub, 'Empty huddle', () => {})
  const page = await openAs(browser, `${hub.url}#/board/${meetingId}/huddle`, 'Priya Shah')
  await expect(page.getByText('Nobody is on the agenda yet. Add the people to discuss in Agenda and people.')).toBeVisible()
  await expect(page.getByText('Clock not started')).toBeVisible()
  await expect(page.getByRole('button', { name: /^Start the huddle/ })).toHaveCount(0)
  await expectAxeClean(page)
})

test('two people pressing Next at once, with the hub out of reach, move the huddle one step and nobody’s notes are lost', async ({ browser, hub }) => {
  const people = await Promise.all(['Ann King', 'Bob Lee', 'Cy Dunn'].map((name) => seedPlan(hub, `Step ${name}`, personPlan(name))))
  const meetingId = await seedMeeting(hub, 'Step huddle', (doc) => {
    const [first] = ['A.K.', 'B.L.', 'C.D.'].map((label, index) => idOf(addAgendaItem(doc, { planId: people[index], label, budgetMinutes: 5 })))
    idOf(goToCase(doc, null, first, Date.now()))
  })
  const huddle = `${hub.url}#/board/${meetingId}/huddle`
  const facilitator = await openAs(browser, huddle, 'Priya Shah')
  const scribe = await openAs(browser, huddle, 'Sam Patel')
  const caseName = (page: Page) => page.getByRole('region', { name: 'Case on screen' }).getByRole('heading', { level: 2 })
  await expect(caseName(scribe)).toHaveText(/^A\.K\./)
  // With the hub out of reach neither sees the other's move: both press Next and type a note.
  await hub.stop()
  for (const page of [facilitator, scribe]) await expect(page.getByText(/^Reconnecting/)).toBeVisible()
  await facilitator.getByRole('button', { name: 'Next case: B.L.' }).click()
  await facilitator.getByRole('textbox', { name: 'Discussion notes for B.L.' }).fill('From the facilitator.')
  await scribe.getByRole('button', { name: 'Next case: B.L.' }).click()
  await scribe.getByRole('textbox', { name: 'Discussion notes for B.L.' }).fill('From the scribe.')
  await hub.start()
  for (const page of [facilitator, scribe]) await expect(page.getByText('Connected — all changes saved')).toBeVisible({ timeout: 20_000 })
  for (const page of [facilitator, scribe]) {
    await expect(caseName(page)).toHaveText(/^B\.L\./)
    await expect(page.getByRole('button', { name: 'Next case: C.D.' })).toBeVisible()
    await expect(page.getByRole('textbox', { name: 'Discussion notes for B.L.' })).toHaveValue(/From the facilitator\./)
    await expect(page.getByRole('textbox', { name: 'Discussion notes for B.L.' })).toHaveValue(/From the scribe\./)
  }
})
