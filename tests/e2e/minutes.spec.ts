import { execFileSync } from 'node:child_process'
import AxeBuilder from '@axe-core/playwright'
import * as Y from 'yjs'
import { newDocId } from '../../shared/docId'
import { addAgendaItem, addAttendee, caseNotes, endMeeting, goToCase, setAttendance, setInitialsOnly, setMeetingDetails, setMeetingRole } from '../../shared/meeting/meeting'
import { readMeeting } from '../../shared/meeting/read'
import { addEntry, setPersonField } from '../../shared/plan/entries'
import { addDecision } from '../../shared/plan/meetingRecords'
import { idOf } from '../../shared/testing/checked'
import { connectClient, synced } from '../hub/helpers'
import { editBoard } from './editBoard'
import { expect, openAs, test } from './fixtures'
import { seedMeeting, seedPlan } from './seed'

/**
 * The minutes of a huddle that has ended, as the coordinator reads and prints them afterwards:
 * attendance, per person the decisions and actions this meeting wrote into their plan, time per
 * case against its budget, a plan that cannot be found, and the case not reached rolled over to a
 * new meeting in one step. The meeting faces a room (initials only), so no full name or NHS number
 * appears anywhere, printed or on screen.
 */

const MINUTE = 60_000

test('the minutes show who came, what was decided and agreed per person, and the time; they print cleanly and roll the case not reached over', async ({ browser, hub }, testInfo) => {
  // The meeting first, so the plans' records can name it; its agenda and run come once the plans exist.
  const meetingId = await seedMeeting(hub, 'Minutes huddle', (doc) => {
    setMeetingDetails(doc, { date: '2026-12-03', startTime: '09:30', place: 'Valence Library' })
  })
  const meetingRef = { id: meetingId, title: 'Minutes huddle', date: '2026-12-03' }
  const author = { by: 'Jo Brown', now: new Date('2026-12-03T09:40:00Z') }
  const reg = await seedPlan(hub, 'Minutes R.W.', (doc) => {
    setPersonField(doc, 'name', 'Reginald Walker', '2026-12-03')
    setPersonField(doc, 'nhsNumber', '9998765439', '2026-12-03')
    setPersonField(doc, 'dateOfBirth', '1941-04-03', '2026-12-03')
    const gp = idOf(addEntry(doc, 'professional', { name: 'Dr Khan', role: 'GP', organisation: 'Valence Surgery', contact: '', keyWorker: false }, author))
    const daughter = idOf(addEntry(doc, 'personal', { name: 'Ade Walker', relationship: 'Daughter', contact: '' }, author))
    const goal = idOf(addEntry(doc, 'goal', { text: 'Get back to the allotment', importance: 'high', voice: 'person' }, author))
    const action = (what: string, ownerId: string, agency: string, fromMeeting?: typeof meetingRef) =>
      idOf(addEntry(doc, 'action', { what, ownerId, agency, dueDate: '2026-12-17', status: 'not-started', reviewDate: '', outcome: '', voice: 'professional' }, { ...author, goalId: goal, today: '2026-12-03', fromMeeting }))
    action('Inhaler review', gp, 'Valence Surgery', meetingRef)
    action('Lift to the allotment', daughter, '', meetingRef)
    action('Blood test from an earlier meeting', gp, 'Valence Surgery')
    addDecision(doc, 'Refer to the falls service', meetingRef, author)
  })
  const ann = await seedPlan(hub, 'Minutes A.K.', (doc) => {
    addDecision(doc, 'No change this week', meetingRef, author)
  })
  const bob = await seedPlan(hub, 'Minutes B.T.', () => {})
  const neverWritten = newDocId()

  const started = Date.now() - 30 * MINUTE
  await editBoard(hub, meetingId, (doc) => {
    const sam = idOf(addAttendee(doc, { name: 'Sam Patel', role: 'Care coordinator', organisation: 'Dagenham PCN' }))
    const jo = idOf(addAttendee(doc, { name: 'Jo Brown', role: 'District nurse', organisation: 'NELFT' }))
    const kay = idOf(addAttendee(doc, { name: 'Kay Obi', role: 'Pharmacist', organisation: 'Dagenham PCN' }))
    setAttendance(doc, sam, 'present')
    setAttendance(doc, jo, 'remote')
    setAttendance(doc, kay, 'apologies')
    setMeetingRole(doc, 'facilitator', sam)
    setMeetingRole(doc, 'scribe', jo)
    setInitialsOnly(doc, true)
    const first = idOf(addAgendaItem(doc, { planId: reg, label: 'Reginald Walker', budgetMinutes: 6 }))
    const second = idOf(addAgendaItem(doc, { planId: ann, label: 'A.K.', budgetMinutes: 5 }))
    const third = idOf(addAgendaItem(doc, { planId: neverWritten, label: 'D.P.', budgetMinutes: 5 }))
    const fourth = idOf(addAgendaItem(doc, { planId: bob, label: 'B.T.', budgetMinutes: 5 }))
    caseNotes(doc, first).insert(0, 'Breathless on the stairs since the cold snap.')
    caseNotes(doc, fourth).insert(0, 'Waiting for the hospital letter.')
    idOf(goToCase(doc, null, first, started))
    idOf(goToCase(doc, first, second, started + 8 * MINUTE))
    idOf(goToCase(doc, second, third, started + 12 * MINUTE))
    endMeeting(doc, started + 13 * MINUTE)
  })

  await seedMeeting(hub, 'Minutes huddle, last month', (doc) => endMeeting(doc, Date.now() - 30 * 24 * 60 * MINUTE))

  const page = await openAs(browser, `${hub.url}#/board/${meetingId}/minutes`, 'Sam Patel')
  await expect(page.getByRole('heading', { level: 2, name: 'Minutes' })).toBeVisible()
  await expect(page).toHaveTitle(/^Minutes huddle/)
  const facts = page.locator('.rt-minutes__facts')
  await expect(facts).toContainText('Date3 December 2026')
  await expect(facts).toContainText('Time09:30')
  await expect(facts).toContainText('PlaceValence Library')
  await expect(facts).toContainText('FacilitatorSam Patel')
  await expect(facts).toContainText('ScribeJo Brown')

  const attendance = page.getByRole('region', { name: 'Attendance' })
  await expect(attendance.getByRole('heading', { level: 3 })).toHaveText(['Present', 'Joined remotely', 'Apologies'])
  await expect(attendance).toContainText('Sam Patel, Care coordinator (Dagenham PCN)')
  await expect(attendance).toContainText('Kay Obi, Pharmacist (Dagenham PCN)')

  const time = page.getByRole('region', { name: 'Time', exact: true }).getByRole('table')
  await expect(time.getByRole('row', { name: /^R\.W\./ })).toContainText('8:00 (2:00 over)')
  await expect(time.getByRole('row', { name: /^R\.W\./ })).toContainText('Discussed')
  await expect(time.getByRole('row', { name: /^B\.T\./ })).toContainText('Not reached')
  await expect(time.getByRole('row', { name: /^In all/ })).toContainText('13:00')
  await expect(time.getByRole('row', { name: /^In all/ })).toContainText('21:00')

  const people = page.getByRole('region', { name: 'Decisions and actions' })
  const regCase = people.getByRole('region', { name: 'R.W.' })
  await expect(regCase).toContainText('Refer to the falls service')
  await expect(regCase).toContainText('Inhaler review: Dr Khan (Valence Surgery), due 17 December 2026')
  await expect(regCase).toContainText('Lift to the allotment: A.W. (Daughter), due 17 December 2026')
  await expect(regCase).toContainText('Breathless on the stairs since the cold snap.')
  await expect(regCase).not.toContainText('Blood test from an earlier meeting')
  await expect(people.getByRole('region', { name: 'A.K.' })).toContainText('No change this week')
  await expect(people.getByRole('region', { name: 'D.P.' })).toContainText('This person’s plan could not be found: it may have been deleted.')
  await expect(people.getByRole('region', { name: 'B.T.' })).toContainText('Waiting for the hospital letter.')

  // Initials only: no full name, NHS number or date of birth anywhere in the page, attributes included.
  const html = await page.content()
  for (const secret of ['Reginald', 'Ade Walker', '9998765439', '999 876 5439', '1941']) expect(html).not.toContain(secret)

  expect((await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa', 'best-practice']).analyze()).violations.map((violation) => violation.id)).toEqual([])
  await page.screenshot({ path: testInfo.outputPath('minutes.png'), fullPage: true })

  // Printed: the minutes alone, nothing to press or fill in, no tabs, no meeting link.
  await page.emulateMedia({ media: 'print' })
  const pdf = testInfo.outputPath('minutes.pdf')
  await page.pdf({ path: pdf })
  await page.emulateMedia({ media: 'screen' })
  execFileSync('pdftoppm', ['-png', '-r', '60', pdf, testInfo.outputPath('minutes-print')])
  const printed = execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ')
  for (const text of ['Minutes: Minutes huddle', 'Page 1 of', 'Attendance', 'Joined remotely', 'Refer to the falls service', 'Inhaler review', '8:00 (2:00 over)', 'could not be found']) {
    expect(printed).toContain(text)
  }
  for (const text of ['Roll over', 'Print the minutes', 'Meeting link', 'Agenda and people', 'Run the huddle', 'Here now', 'Connected', 'Reginald', '9998765439']) {
    expect(printed).not.toContain(text)
  }

  // On a phone: nothing scrolls sideways.
  await page.setViewportSize({ width: 390, height: 844 })
  expect(await page.evaluate(() => (globalThis as unknown as { document: { documentElement: { scrollWidth: number } } }).document.documentElement.scrollWidth)).toBeLessThanOrEqual(390)
  await page.screenshot({ path: testInfo.outputPath('minutes-390.png'), fullPage: true })
  await page.setViewportSize({ width: 1400, height: 900 })

  // The case not reached goes to a new meeting, in one step, with its notes.
  const rollOver = page.getByRole('form', { name: 'Roll over 1 case to the next meeting' })
  await expect(rollOver).toContainText('Not reached: B.T.')
  // A meeting that has ended is refused, with what to do instead.
  await rollOver.getByLabel('Minutes huddle, last month').check()
  await rollOver.getByRole('button', { name: 'Roll over 1 case' }).click()
  await expect(rollOver.getByText('That meeting has ended too. Choose a meeting still to come, or start a new one.')).toBeFocused()
  await rollOver.getByLabel('A new meeting').check()
  await expect(rollOver.getByLabel('Name of the new meeting')).toHaveValue('Minutes huddle (next)')
  await rollOver.getByLabel('Name of the new meeting').fill('Minutes huddle, 10 December')
  await rollOver.getByRole('button', { name: 'Roll over 1 case' }).click()
  const rolled = page.getByRole('region', { name: 'Rolled over' })
  const nextLink = rolled.getByRole('link', { name: 'Minutes huddle, 10 December' })
  await expect(nextLink).toBeVisible()
  await expect(rolled).toContainText('B.T. to Minutes huddle, 10 December')
  await expect(page.getByRole('form', { name: /^Roll over/ })).toHaveCount(0)
  await expect(time.getByRole('row', { name: /^B\.T\./ })).toContainText('Not reached; rolled over to Minutes huddle, 10 December')

  await page.screenshot({ path: testInfo.outputPath('minutes-rolled-over.png') })
  const nextId = ((await nextLink.getAttribute('href')) ?? '').replace('#/board/', '')
  const next = connectClient(`${hub.origin.replace(/^http/, 'ws')}/sync`, nextId, hub.token, new Y.Doc())
  try {
    await synced(next)
    const agenda = readMeeting(next.doc, Date.now()).agenda
    expect(agenda.map((item) => [item.planId, item.label, item.budgetMinutes, item.notes])).toEqual([[bob, 'B.T.', 5, 'Waiting for the hospital letter.']])
  } finally {
    next.destroy()
  }
  await nextLink.click()
  await expect(page.getByRole('heading', { level: 1, name: 'Minutes huddle, 10 December' })).toBeVisible()
  await page.context().close()
})

