import AxeBuilder from '@axe-core/playwright'
import type { Locator, Page } from '@playwright/test'
import * as Y from 'yjs'
import { initialiseBoard } from '../../shared/board'
import { newDocId } from '../../shared/docId'
import { addAgendaItem, endMeeting, goToCase, orderedAgendaIds, setInitialsOnly, setMeetingDetails } from '../../shared/meeting/meeting'
import { connectClient, synced, waitUntilStored } from '../hub/helpers'
import { expect, openAs, said, shareLink, test } from './fixtures'
import { seedPlan } from './seed'

/**
 * A meeting's "Agenda and people" screen: a coordinator sets the date, takes attendance, names the
 * facilitator and scribe, and builds the agenda from existing plans and a new one, reordering it by
 * keyboard and by drag, while a colleague's window follows live.
 */

const WCAG_22_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa', 'best-practice']

async function axeViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(WCAG_22_AA).analyze()
  return results.violations.map((violation) => `${violation.id} (${violation.impact}): ${violation.help} at ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`)
}

async function createMeeting(page: Page, title: string): Promise<void> {
  await page.getByRole('button', { name: 'New meeting' }).click()
  await page.getByLabel('Name of the meeting').fill(title)
  await page.getByRole('button', { name: 'Create meeting' }).click()
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible()
  await expect(page.getByText('Connected — all changes saved')).toBeVisible()
}

const agendaOf = (page: Page): Locator => page.getByRole('region', { name: 'Agenda', exact: true })

/** The people on the agenda, top to bottom, as their plan links read. */
async function agendaLabels(page: Page): Promise<string[]> {
  const links = await agendaOf(page).getByRole('list', { name: 'Agenda' }).getByRole('link').allTextContents()
  return links.map((text) => text.replace(/\s*\(their plan\)$/, ''))
}

/** What pokes out sideways: the page's own overflow, and any element reaching past the screen's edges. */
function sidewaysOverflow(page: Page): Promise<{ page: number; elements: string[] }> {
  // Runs in the page; typed loosely because this file is compiled without the DOM's types.
  return page.evaluate(() => {
    interface Element { tagName: string; className: unknown; getBoundingClientRect(): { left: number; right: number; width: number; height: number } }
    const scope = globalThis as unknown as { innerWidth: number; document: { documentElement: { scrollWidth: number; clientWidth: number }; querySelectorAll(selector: string): Iterable<Element> } }
    const elements: string[] = []
    for (const element of Array.from(scope.document.querySelectorAll('body *'))) {
      const box = element.getBoundingClientRect()
      // Screen-reader-only text is clipped to a pixel, and may sit just off the edge on purpose.
      if (box.width <= 1 || box.height <= 1) continue
      if (box.right > scope.innerWidth + 0.5 || box.left < -0.5) elements.push(`${element.tagName.toLowerCase()}.${String(element.className)}`)
    }
    const root = scope.document.documentElement
    return { page: root.scrollWidth - root.clientWidth, elements }
  })
}

test('a coordinator prepares a huddle: details, attendance, roles, and an agenda of people built, reordered and seen live', async ({ browser, hub }) => {
  test.slow()
  const stamp = Date.now().toString(36)
  const first = `Setup Ruth ${stamp}`
  const second = `Setup Wes ${stamp}`
  await seedPlan(hub, first, () => undefined)
  await seedPlan(hub, second, () => undefined)

  const coordinator = await openAs(browser, hub.url, 'Cora Coordinator')
  const problems: string[] = []
  coordinator.on('pageerror', (error) => problems.push(error.message))
  await createMeeting(coordinator, `Thursday huddle ${stamp}`)

  // Details: a suggestion is shown but not saved until Save; a wrong time is refused inline.
  const details = coordinator.getByRole('region', { name: 'Date, time and place' })
  await expect(details.getByText('Not saved yet')).toBeVisible()
  await details.getByRole('textbox', { name: 'Day' }).fill('3')
  await details.getByRole('textbox', { name: 'Month' }).fill('12')
  await details.getByRole('textbox', { name: 'Year' }).fill('2026')
  await details.getByLabel('Start time').fill('9.30')
  await details.getByRole('button', { name: 'Save date, time and place' }).click()
  await expect(details.getByText('Enter the time as hours and minutes on the 24-hour clock')).toBeVisible()
  expect(await axeViolations(coordinator)).toEqual([])
  await details.getByLabel('Start time').fill('10:00')
  await details.getByLabel('Place (optional)').fill('Dagenham Health Centre')
  await details.getByRole('button', { name: 'Save date, time and place' }).click()
  await said(coordinator, 'Date, time and place saved.')
  await expect(details.getByText('Not saved yet')).toHaveCount(0)
  await expect(details.getByLabel('Start time')).toHaveValue('10:00')

  // Attendees: an empty name is refused inline; three are added and their attendance marked.
  const attendees = coordinator.getByRole('region', { name: 'Attendees' })
  await expect(attendees.getByText('No attendees yet.')).toBeVisible()
  await attendees.getByRole('button', { name: 'Add attendee' }).click()
  await expect(attendees.getByText('Enter their name.')).toBeVisible()
  for (const [name, role, organisation] of [
    ['Ann Lee', 'District nurse', 'NELFT'],
    ['Bo Patel', 'Social worker', 'Barking, Havering and Redbridge University Hospitals NHS Trust'],
    ['Cy Okafor', 'Link worker', 'Age UK'],
  ]) {
    await attendees.getByLabel('Name', { exact: true }).fill(name)
    await attendees.getByLabel('Role', { exact: true }).fill(role)
    await attendees.getByLabel('Organisation', { exact: true }).fill(organisation)
    await attendees.getByRole('button', { name: 'Add attendee' }).click()
    await expect(attendees.getByRole('group', { name: `Attendance of ${name}` })).toBeVisible()
  }
  await attendees.getByRole('group', { name: 'Attendance of Ann Lee' }).getByRole('radio', { name: 'Present' }).check()
  await attendees.getByRole('group', { name: 'Attendance of Bo Patel' }).getByRole('radio', { name: 'Apologies' }).check()
  await attendees.getByRole('group', { name: 'Attendance of Cy Okafor' }).getByRole('radio', { name: 'Joined remotely' }).check()
  await attendees.getByLabel('Facilitator').selectOption({ label: 'Ann Lee' })
  await attendees.getByLabel('Scribe').selectOption({ label: 'Cy Okafor' })

  // A colleague opens the same meeting and sees it all.
  const colleague = await openAs(browser, shareLink(coordinator), 'Col League')
  const theirAttendees = colleague.getByRole('region', { name: 'Attendees' })
  await expect(theirAttendees.getByRole('group', { name: 'Attendance of Bo Patel' }).getByRole('radio', { name: 'Apologies' })).toBeChecked()
  await expect(theirAttendees.getByLabel('Scribe')).toHaveValue(/.+/)
  await expect(theirAttendees.getByLabel('Scribe').locator('option:checked')).toHaveText('Cy Okafor')
  // The colleague moves the meeting room; the coordinator's form shows it (nothing of theirs was being typed).
  const theirDetails = colleague.getByRole('region', { name: 'Date, time and place' })
  await expect(theirDetails.getByLabel('Place (optional)')).toHaveValue('Dagenham Health Centre')
  await theirDetails.getByLabel('Place (optional)').fill('Becontree Centre, room 2')
  await theirDetails.getByRole('button', { name: 'Save date, time and place' }).click()
  await expect(details.getByLabel('Place (optional)')).toHaveValue('Becontree Centre, room 2')
  await expect(details.getByLabel('Start time')).toHaveValue('10:00')

  // The agenda: two existing plans and one started here.
  const agenda = agendaOf(coordinator)
  await expect(agenda.getByText('Nobody is on the agenda yet.')).toBeVisible()
  await agenda.getByLabel('Their plan').selectOption({ label: first })
  await agenda.getByRole('button', { name: 'Add to the agenda' }).click()
  await said(coordinator, `${first} added to the agenda`)
  await expect(agenda.getByLabel('Their plan').locator('option', { hasText: first })).toHaveCount(0)
  await agenda.getByLabel('Their plan').selectOption({ label: second })
  await agenda.getByLabel('Shown on the agenda as (optional)').fill('W.S.')
  await agenda.getByRole('button', { name: 'Add to the agenda' }).click()
  await said(coordinator, 'W.S. added to the agenda')
  await agenda.getByLabel('Name of the new plan').fill(`Setup New ${stamp}`)
  await agenda.getByRole('button', { name: 'Start the plan and add them' }).click()
  await said(coordinator, `Setup New ${stamp} added to the agenda`)
  expect(await agendaLabels(coordinator)).toEqual([first, 'W.S.', `Setup New ${stamp}`])
  await expect(agenda.getByText('3 people, 18 minutes planned. Starts 10:00, ends about 10:18.')).toBeVisible()

  // Minutes per person: a wrong number is refused inline, a right one changes the end time.
  const minutes = agenda.getByLabel('Minutes for W.S.')
  await minutes.fill('0')
  await minutes.press('Enter')
  await expect(agenda.getByText('Give each person at least 1 minute.')).toBeVisible()
  await minutes.fill('10')
  await minutes.press('Enter')
  await expect(agenda.getByText('3 people, 22 minutes planned. Starts 10:00, ends about 10:22.')).toBeVisible()

  // The colleague's window has the agenda live.
  await expect.poll(() => agendaLabels(colleague)).toEqual([first, 'W.S.', `Setup New ${stamp}`])
  await expect(agendaOf(colleague).getByText('ends about 10:22')).toBeVisible()

  // The same plan twice: both windows choose a new plan, the colleague adds it first, and the
  // coordinator's add is refused with the reason (the choice stays in the list rather than vanish).
  const third = `Setup Thea ${stamp}`
  await seedPlan(hub, third, () => undefined)
  await colleague.reload()
  await coordinator.reload()
  await agendaOf(colleague).getByLabel('Their plan').selectOption({ label: third })
  await agendaOf(coordinator).getByLabel('Their plan').selectOption({ label: third })
  await agendaOf(colleague).getByRole('button', { name: 'Add to the agenda' }).click()
  await expect.poll(() => agendaLabels(coordinator)).toContain(third)
  await agendaOf(coordinator).getByRole('button', { name: 'Add to the agenda' }).click()
  await expect(agendaOf(coordinator).getByText(`${third} is already on this agenda.`)).toBeVisible()
  expect(await agendaLabels(coordinator)).toEqual([first, 'W.S.', `Setup New ${stamp}`, third])

  // Reorder by keyboard: the Move buttons, with focus staying on the person moved.
  const moveUp = agendaOf(coordinator).getByRole('button', { name: `Move ${third} up` })
  await moveUp.focus()
  await coordinator.keyboard.press('Enter')
  await said(coordinator, `${third} is now 3 of 4 on the agenda.`)
  await coordinator.keyboard.press('Enter')
  await said(coordinator, `${third} is now 2 of 4 on the agenda.`)
  expect(await agendaLabels(coordinator)).toEqual([first, third, 'W.S.', `Setup New ${stamp}`])
  await expect(moveUp).toBeFocused()
  await agendaOf(coordinator).getByRole('button', { name: `Move ${first} down` }).click()
  expect(await agendaLabels(coordinator)).toEqual([third, first, 'W.S.', `Setup New ${stamp}`])

  // Reorder by drag: the last person's handle dragged to the top.
  const rows = agendaOf(coordinator).getByRole('list', { name: 'Agenda' }).getByRole('listitem')
  const handle = rows.nth(3).locator('.rt-agenda__handle')
  const from = await handle.boundingBox()
  const to = await rows.nth(0).boundingBox()
  if (!from || !to) throw new Error('The agenda rows are not on screen.')
  await coordinator.mouse.move(from.x + from.width / 2, from.y + from.height / 2)
  await coordinator.mouse.down()
  await coordinator.mouse.move(from.x + from.width / 2, from.y + 20, { steps: 5 })
  await coordinator.mouse.move(to.x + 20, to.y + 5, { steps: 20 })
  await coordinator.mouse.up()
  await expect.poll(() => agendaLabels(coordinator)).toEqual([`Setup New ${stamp}`, third, first, 'W.S.'])
  await expect.poll(() => agendaLabels(colleague)).toEqual([`Setup New ${stamp}`, third, first, 'W.S.'])

  // Remove, and put back with Ctrl+Z.
  await agendaOf(coordinator).getByRole('button', { name: `Remove ${third} from the agenda` }).click()
  await said(coordinator, `${third} taken off the agenda.`)
  expect(await agendaLabels(coordinator)).toEqual([`Setup New ${stamp}`, first, 'W.S.'])
  await coordinator.keyboard.press('Control+z')
  await expect.poll(() => agendaLabels(coordinator)).toEqual([`Setup New ${stamp}`, third, first, 'W.S.'])

  // The new plan opens from the agenda, a real plan on the hub.
  expect(await axeViolations(coordinator)).toEqual([])
  await agendaOf(colleague).getByRole('link', { name: `Setup New ${stamp} (their plan)` }).click()
  await expect(colleague.getByRole('heading', { level: 1, name: `Setup New ${stamp}` })).toBeVisible()
  await expect(colleague.getByRole('region', { name: 'Goals and actions' })).toBeVisible()

  // A phone: nothing scrolls sideways, and the page is still axe-clean. Screenshots at three widths to look at.
  for (const width of [1920, 1280, 390, 320]) {
    await coordinator.setViewportSize({ width, height: width < 400 ? 844 : 1080 })
    await expect(agendaOf(coordinator)).toBeVisible()
    expect(await sidewaysOverflow(coordinator)).toEqual({ page: 0, elements: [] })
    await coordinator.screenshot({ path: test.info().outputPath(`agenda-and-people-${width}.png`), fullPage: true })
  }
  expect(await axeViolations(coordinator)).toEqual([])
  expect(problems).toEqual([])
})

test('a meeting link cannot list the hub’s plans, so it says where people are added', async ({ browser, hub }) => {
  const coordinator = await openAs(browser, hub.url, 'Cora Coordinator')
  await createMeeting(coordinator, `Linked huddle ${Date.now().toString(36)}`)
  const meetingId = new URL(coordinator.url()).hash.split('/')[2]
  const response = await fetch(`${hub.origin}/api/meetings/${meetingId}/invitation`, { method: 'POST', headers: { Authorization: `Bearer ${hub.token}` } })
  expect(response.status).toBe(200)
  const { token } = (await response.json()) as { token: string }

  const colleague = await openAs(browser, `${hub.origin}/?token=${encodeURIComponent(token)}#/board/${meetingId}`, 'Col League')
  const agenda = agendaOf(colleague)
  await expect(agenda.getByText('Adding people to the agenda needs the computer running Roundtable')).toBeVisible()
  await expect(agenda.getByLabel('Their plan')).toHaveCount(0)
  await expect(agenda.getByLabel('Name of the new plan')).toHaveCount(0)
})

test('a meeting facing the room names people by initials, and once ended its agenda is read-only and points at the minutes', async ({ browser, hub }) => {
  // The meeting is written by another device: two people on the agenda, initials only on, then ended.
  const planId = await seedPlan(hub, 'Reginald Walker', () => undefined)
  const meetingId = newDocId()
  const client = connectClient(hub.origin.replace(/^http/, 'ws') + '/sync', meetingId, hub.token, new Y.Doc({ gc: false }))
  try {
    await synced(client)
    initialiseBoard(client.doc, { kind: 'meeting', title: 'Ended huddle', now: new Date() })
    setMeetingDetails(client.doc, { date: '2026-12-03', startTime: '09:30', place: '' })
    addAgendaItem(client.doc, { planId, label: 'Reginald Walker', budgetMinutes: 8 })
    addAgendaItem(client.doc, { planId: await seedPlan(hub, 'Ann Smith', () => undefined), label: 'Ann Smith', budgetMinutes: 5 })
    setInitialsOnly(client.doc, true)
    await waitUntilStored(hub.origin, meetingId, client.doc, hub.token)

    const page = await openAs(browser, `${hub.url}#/board/${meetingId}`, 'Cora Coordinator')
    const agenda = agendaOf(page)
    await expect.poll(() => agendaLabels(page)).toEqual(['R.W.', 'A.S.'])
    await expect(agenda.getByRole('button', { name: 'Move A.S. up' })).toBeVisible()
    // A plan not on the agenda is offered by its initials too.
    await seedPlan(hub, 'Zed Quinn', () => undefined)
    await page.reload()
    await expect(agenda.getByLabel('Their plan').locator('option', { hasText: 'Z.Q.' })).toHaveCount(1)
    for (const name of ['Reginald', 'Walker', 'Zed', 'Quinn']) expect(await page.content()).not.toContain(name)
    await expect(agenda.getByText('2 people, 13 minutes planned. Starts 09:30, ends about 09:43.')).toBeVisible()

    // The huddle reaches the first person, then ends before the second.
    const firstCase = orderedAgendaIds(client.doc)[0]
    goToCase(client.doc, null, firstCase, Date.now())
    await expect(agenda.getByRole('listitem').filter({ hasText: 'R.W.' })).toContainText('Now')
    endMeeting(client.doc, Date.now())
    await expect(agenda.getByRole('listitem').filter({ hasText: 'R.W.' })).toContainText('Done')
    await expect(agenda.getByRole('listitem').filter({ hasText: 'A.S.' })).toContainText('Not reached')
    await expect(agenda.getByText('This meeting has ended, so its agenda can no longer change.')).toBeVisible()
    await expect(agenda.getByRole('button', { name: /^Move / })).toHaveCount(0)
    await expect(agenda.getByRole('button', { name: /^Remove / })).toHaveCount(0)
    await expect(agenda.getByLabel('Their plan')).toHaveCount(0)
    await expect(agenda.getByText('8 minutes')).toBeVisible()
    expect(await axeViolations(page)).toEqual([])
    await agenda.screenshot({ path: test.info().outputPath('agenda-ended.png') })
    await agenda.getByRole('link', { name: 'Read the minutes' }).click()
    await expect(page.getByRole('link', { name: 'Minutes', exact: true })).toHaveAttribute('aria-current', 'page')
  } finally {
    client.destroy()
  }
})
