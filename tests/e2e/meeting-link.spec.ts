import { networkInterfaces } from 'node:os'
import WebSocket from 'ws'
import AxeBuilder from '@axe-core/playwright'
import type { Page } from '@playwright/test'
import { addAgendaItem, agendaItemForPlan, endMeeting, removeAgendaItem } from '../../shared/meeting/meeting'
import { addStrength, expect, openAs, test } from './fixtures'
import { editBoard } from './editBoard'
import { seedMeeting, seedPlan } from './seed'
import { ServedHub } from './served-hub'

/**
 * A colleague joins a meeting from their own laptop: the facilitator opens the meeting to the
 * network, the colleague types the code on #/join, edits a plan on the agenda, and is refused
 * everything else, by browser, by raw WebSocket and by API call; closing the link ends it. The hub
 * listens on every interface (`--host 0.0.0.0`) and the colleague's browser comes from this
 * machine's LAN address, so the hub sees a peer on the network, as it would see another laptop.
 */

const lanAddress = Object.values(networkInterfaces())
  .flat()
  .find((address) => address && address.family === 'IPv4' && !address.internal)?.address

let lanHub: ServedHub

test.describe('meeting link over the network', () => {
  test.skip(!lanAddress, 'this machine has no non-loopback IPv4 address for a colleague’s browser to come from')

  test.beforeAll(async () => {
    lanHub = new ServedHub('0.0.0.0')
    await lanHub.start()
  })
  test.afterAll(async () => {
    await lanHub.dispose()
  })

  test('a colleague joins with the code, edits a plan on the agenda, is refused everything else, and closing the link ends it', async ({ browser }, testInfo) => {
    const onAgenda = await seedPlan(lanHub, 'Link R.W.', () => {})
    const notOnAgenda = await seedPlan(lanHub, 'Link Z.Z.', () => {})
    const meetingId = await seedMeeting(lanHub, 'Link huddle', (doc) => {
      addAgendaItem(doc, { planId: onAgenda, label: 'R.W.', budgetMinutes: 6 })
    })
    const lanOrigin = `http://${lanAddress}:${new URL(lanHub.origin).port}`

    // The facilitator, on the hub's own computer, opens the meeting to the network.
    const facilitator = await openAs(browser, `${lanHub.url}#/board/${meetingId}`, 'Fiona, facilitator')
    const panel = facilitator.getByRole('region', { name: 'Meeting link' })
    await panel.getByRole('button', { name: 'Open to colleagues on this network' }).click()
    await expect(panel).toContainText(`Go to ${lanOrigin}/#/join`)
    const code = ((await panel.getByText(/^Meeting code/).textContent()) ?? '').replace(/\D/g, '')
    expect(code).toMatch(/^\d{6}$/)
    const fullLink = await panel.getByLabel('Full link, to send by email or chat').inputValue()
    expect(fullLink).toMatch(new RegExp(`^${lanOrigin}/\\?token=[^#]+#/board/${meetingId}/huddle$`))
    const token = decodeURIComponent(/token=([^#]+)/.exec(fullLink)![1])
    await facilitator.screenshot({ path: testInfo.outputPath('facilitator-link-open.png'), fullPage: true })
    await expectAccessible(facilitator)
    await expectNoSidewaysScroll(facilitator, testInfo.outputPath('facilitator-link-open-390.png'))
    // The room's shared screen, on the same computer, shows the join address and the code too.
    const room = await openAs(browser, `${lanHub.url}#/board/${meetingId}/huddle`, 'Meeting room', { width: 1920, height: 1080 })
    await room.getByRole('link', { name: 'Open the shared screen' }).click()
    await expect(room.getByText(`Join from your laptop: ${lanOrigin}/#/join · code ${code.slice(0, 3)} ${code.slice(3)}`)).toBeVisible()
    await expectAccessible(room)
    await room.screenshot({ path: testInfo.outputPath('shared-screen-join-line.png') })
    await room.context().close()

    // A colleague's laptop: no access code, only the join address and the code from the screen.
    const colleagueContext = await browser.newContext()
    const colleague = await colleagueContext.newPage()
    await colleague.goto(`${lanOrigin}/#/join`)
    await expect(colleague.getByRole('heading', { level: 1, name: 'Join a meeting' })).toBeVisible()
    await expect(colleague.getByLabel('Meeting code')).toHaveAttribute('inputmode', 'numeric')
    await expectAccessible(colleague)
    await expectNoSidewaysScroll(colleague, testInfo.outputPath('join-390.png'))
    await colleague.getByLabel('Meeting code').fill(`${code.slice(0, 3)} ${code.slice(3)}`)
    await colleague.getByRole('button', { name: 'Join the meeting' }).click()
    await colleague.getByLabel('Your name').fill('Colin, district nurse')
    await colleague.getByRole('button', { name: 'Continue' }).click()
    await expect(colleague).toHaveURL(new RegExp(`#/board/${meetingId}/huddle$`))
    await expect(colleague.getByRole('heading', { level: 1, name: 'Link huddle' })).toBeVisible()
    expect(await colleague.evaluate(() => (globalThis as unknown as { sessionStorage: { getItem(key: string): string | null } }).sessionStorage.getItem('roundtable-access-code'))).toBe(token)
    // Only the hub's own computer opens and closes the link.
    await expect(colleague.getByRole('region', { name: 'Meeting link' })).toHaveCount(0)
    await expect(colleague.getByRole('button', { name: /meeting link|colleagues on this network/ })).toHaveCount(0)

    // The plan on the agenda opens and takes an edit, which the facilitator sees.
    await colleague.goto(`${lanOrigin}/#/board/${onAgenda}`)
    await expect(colleague.getByRole('heading', { level: 1, name: 'Link R.W.' })).toBeVisible()
    await addStrength(colleague, 'Walks to the shop every morning')
    await expect(colleague.getByText('Connected — all changes saved')).toBeVisible()
    await facilitator.goto(`${lanHub.url}#/board/${onAgenda}`)
    await expect(facilitator.getByText('Walks to the shop every morning')).toBeVisible()

    // Home's list of boards: a clear message and the way back, not the hub's refusal.
    await colleague.goto(`${lanOrigin}/#/`)
    await expect(colleague.getByRole('heading', { level: 1, name: 'This link opens one meeting' })).toBeVisible()
    await expect(colleague.getByText('This link opens one meeting and the plans on its agenda')).toBeVisible()
    await expect(colleague.getByRole('link', { name: 'Go back to the meeting' })).toHaveAttribute('href', `#/board/${meetingId}/huddle`)
    await expect(colleague.getByText('Link Z.Z.')).toHaveCount(0)
    // Another plan, by its address: refused.
    await colleague.goto(`${lanOrigin}/#/board/${notOnAgenda}`)
    await expect(colleague.getByText('This meeting link opens the meeting and the plans on its agenda, and this board is not on the agenda now.')).toBeVisible()
    await expect(colleague.getByRole('heading', { name: 'Link Z.Z.' })).toHaveCount(0)

    // The same token outside the app: the API and raw WebSockets keep to the meeting and its agenda.
    const api = async (path: string) => (await fetch(`${lanOrigin}${path}`, { headers: { Authorization: `Bearer ${token}` } })).status
    expect(await api('/api/docs')).toBe(403)
    expect(await api('/api/tracker')).toBe(403)
    expect(await api(`/api/docs/${notOnAgenda}/state-vector`)).toBe(403)
    expect(await api(`/api/docs/${onAgenda}/state-vector`)).toBe(200)
    expect(await api(`/api/meetings/${meetingId}/invitation`)).toBe(403)
    const fromPage = await colleague.evaluate(async (bearer) => (await fetch('/api/docs', { headers: { Authorization: `Bearer ${bearer}` } })).status, token)
    expect(fromPage).toBe(403)
    expect(await rawSocket(lanOrigin, notOnAgenda, token)).toBe('refused 401')
    expect(await rawSocket(lanOrigin, onAgenda, token)).toBe('open')

    // Closing the link: the colleague's open plan says why, and the code no longer works.
    await colleague.goto(`${lanOrigin}/#/board/${onAgenda}`)
    await expect(colleague.getByText('Connected — all changes saved')).toBeVisible()
    await facilitator.goto(`${lanHub.url}#/board/${meetingId}`)
    await facilitator.getByRole('region', { name: 'Meeting link' }).getByRole('button', { name: 'Close the meeting link' }).click()
    await expect(facilitator.getByRole('region', { name: 'Meeting link' }).getByRole('button', { name: 'Open to colleagues on this network' })).toBeVisible()
    await expect(colleague.getByRole('status').filter({ hasText: 'The facilitator closed this meeting to the network, so its link no longer works' })).toBeVisible()
    await colleague.screenshot({ path: testInfo.outputPath('colleague-link-closed.png'), fullPage: true })
    expect(await api(`/api/docs/${onAgenda}/state-vector`)).toBe(401)
    expect(await rawSocket(lanOrigin, onAgenda, token)).toBe('refused 401')
    await colleagueContext.close()

    // The old code, typed again: the hub's own words.
    const late = await (await browser.newContext()).newPage()
    await late.goto(`${lanOrigin}/#/join`)
    await late.getByLabel('Meeting code').fill(code)
    await late.getByRole('button', { name: 'Join the meeting' }).click()
    await expect(late.getByText('That code does not open anything now. Check it on the shared screen; it may have been closed.')).toBeVisible()
    await late.context().close()
    await facilitator.context().close()
  })

  test('a plan taken off the agenda, then the meeting ending, each end a colleague’s access saying why', async ({ browser }) => {
    const stays = await seedPlan(lanHub, 'Ending R.W.', () => {})
    const leaves = await seedPlan(lanHub, 'Ending A.K.', () => {})
    const meetingId = await seedMeeting(lanHub, 'Ending huddle', (doc) => {
      addAgendaItem(doc, { planId: stays, label: 'R.W.', budgetMinutes: 6 })
      addAgendaItem(doc, { planId: leaves, label: 'A.K.', budgetMinutes: 6 })
    })
    const lanOrigin = `http://${lanAddress}:${new URL(lanHub.origin).port}`
    // Opened from the hub's own computer, as the panel does.
    const opened = await fetch(`${lanHub.origin}/api/meetings/${meetingId}/invitation`, { method: 'POST', headers: { Authorization: `Bearer ${lanHub.token}` } })
    const { code } = (await opened.json()) as { code: string }

    const colleague = await (await browser.newContext()).newPage()
    await colleague.goto(`${lanOrigin}/#/join`)
    await colleague.getByLabel('Meeting code').fill(code)
    await colleague.getByRole('button', { name: 'Join the meeting' }).click()
    await colleague.getByLabel('Your name').fill('Colin, district nurse')
    await colleague.getByRole('button', { name: 'Continue' }).click()
    await expect(colleague.getByRole('heading', { level: 1, name: 'Ending huddle' })).toBeVisible()

    await colleague.goto(`${lanOrigin}/#/board/${leaves}`)
    await expect(colleague.getByText('Connected — all changes saved')).toBeVisible()
    await editBoard(lanHub, meetingId, (doc) => removeAgendaItem(doc, agendaItemForPlan(doc, leaves)!))
    await expect(colleague.getByRole('status').filter({ hasText: 'This plan was taken off the meeting’s agenda, so the meeting link no longer opens it' })).toBeVisible()

    await colleague.goto(`${lanOrigin}/#/board/${stays}`)
    await expect(colleague.getByText('Connected — all changes saved')).toBeVisible()
    await editBoard(lanHub, meetingId, (doc) => endMeeting(doc, Date.now()))
    await expect(colleague.getByRole('status').filter({ hasText: 'The meeting has ended, so its link no longer works' })).toBeVisible()
    await colleague.context().close()
  })
})

async function expectAccessible(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa', 'best-practice']).analyze()
  expect(results.violations.map((violation) => violation.id)).toEqual([])
}

/** At a phone's 390 px nothing scrolls sideways; the screenshot is for a person to look at. */
async function expectNoSidewaysScroll(page: Page, screenshot: string): Promise<void> {
  const size = page.viewportSize()
  await page.setViewportSize({ width: 390, height: 844 })
  expect(await page.evaluate(() => (globalThis as unknown as { document: { documentElement: { scrollWidth: number } } }).document.documentElement.scrollWidth)).toBeLessThanOrEqual(390)
  await page.screenshot({ path: screenshot, fullPage: true })
  if (size) await page.setViewportSize(size)
}

test('a wrong or mistyped code shows what to do, and a hub only on this computer says how to let colleagues join', async ({ browser, hub }, testInfo) => {
  const meetingId = await seedMeeting(hub, 'Local-only huddle', () => {})
  const facilitator = await openAs(browser, `${hub.url}#/board/${meetingId}`, 'Fiona, facilitator')
  const panel = facilitator.getByRole('region', { name: 'Meeting link' })
  await expect(panel).toContainText('npm run serve -- --host 0.0.0.0')
  await expect(panel.getByRole('button')).toHaveCount(0)
  await facilitator.context().close()

  const page = await (await browser.newContext()).newPage()
  await page.goto(`${hub.origin}/#/join`)
  await page.getByLabel('Meeting code').fill('12ab')
  await page.getByRole('button', { name: 'Join the meeting' }).click()
  await expect(page.getByText('Enter the 6-digit code shown on the meeting’s shared screen.')).toBeFocused()
  await page.getByLabel('Meeting code').fill('000000')
  await page.getByRole('button', { name: 'Join the meeting' }).click()
  await expect(page.getByText('That code does not open anything now.')).toBeVisible()
  await expect(page.getByLabel('Meeting code')).toHaveAttribute('aria-invalid', 'true')
  await page.screenshot({ path: testInfo.outputPath('join-wrong-code.png'), fullPage: true })
  await page.context().close()
})

/** A WebSocket from Node (no browser, no Origin) to a board: 'open', or how the hub refused the upgrade. */
function rawSocket(origin: string, docId: string, token: string): Promise<string> {
  return new Promise((resolve) => {
    const socket = new WebSocket(`${origin.replace(/^http/, 'ws')}/sync/${docId}?token=${encodeURIComponent(token)}`)
    socket.once('open', () => {
      socket.terminate()
      resolve('open')
    })
    socket.once('unexpected-response', (_request, response) => {
      resolve(`refused ${response.statusCode}`)
      socket.terminate()
    })
    socket.once('error', (error) => resolve(`error ${error.message}`))
  })
}
