import type { Page } from '@playwright/test'
import { addStrength, createPlan, entryTexts, expect, openAs, test } from './fixtures'

// Edits made while the hub is down are kept on the device (IndexedDB, renderer/src/deviceCopy.ts):
// they survive a closed tab, show when the plan is reopened with the hub still down, reach everyone
// when it is back, and the copy is cleared once the hub has them.

const strengths = (page: Page) => entryTexts(page, 'Strengths and assets', 'strength')
const docIdOf = (planUrl: string) => planUrl.split('#/board/')[1]

/**
 * What this browser keeps on the device for a plan: the text of each stored row (Yjs writes text as
 * UTF-8, so typed words can be found in it). Read as the app reads it; never creates the database.
 * Runs in the page (a string, since this file is compiled without the DOM's types).
 */
async function deviceCopyRows(page: Page, docId: string): Promise<string[]> {
  const name = JSON.stringify(`roundtable-device-copy-${docId}`)
  return page.evaluate(`(async () => {
    if (!(await indexedDB.databases()).some((database) => database.name === ${name})) return []
    const database = await new Promise((resolve, reject) => {
      const opening = indexedDB.open(${name})
      opening.onsuccess = () => resolve(opening.result)
      opening.onerror = () => reject(opening.error)
    })
    try {
      const reading = database.transaction('updates', 'readonly').objectStore('updates').getAll()
      const rows = await new Promise((resolve, reject) => {
        reading.onsuccess = () => resolve(reading.result)
        reading.onerror = () => reject(reading.error)
      })
      return rows.map((row) => new TextDecoder().decode(row))
    } finally {
      database.close()
    }
  })()`)
}

const deviceCopyHolds = async (page: Page, docId: string, text: string) => (await deviceCopyRows(page, docId)).some((row) => row.includes(text))

// The tests in this file share one hub; each leaves it running for the next.
test.afterEach(async ({ hub }) => {
  await hub.stop()
  await hub.start()
})

test('an entry added while the hub is down survives a closed tab and reaches a second screen when the hub is back', async ({ browser, hub }) => {
  const ann = await openAs(browser, hub.url, 'Ann, care coordinator')
  const planUrl = await createPlan(ann, 'Plan for Joan')
  const docId = docIdOf(planUrl)
  const bob = await openAs(browser, planUrl, 'Bob, GP')
  await expect(bob.getByRole('heading', { level: 1, name: 'Plan for Joan' })).toBeVisible()
  // Nothing is kept on the device once the hub has everything.
  await expect.poll(() => deviceCopyRows(ann, docId)).toEqual([])

  await hub.stop()
  await expect(ann.getByText('Reconnecting — your changes are kept here, on this device, and will be sent when the hub is back')).toBeVisible()
  await addStrength(ann, 'Walks the dog every morning')
  await expect.poll(() => deviceCopyHolds(ann, docId, 'Walks the dog every morning')).toBe(true)
  const device = ann.context()
  await ann.close()

  await hub.start()
  const reopened = await device.newPage()
  await reopened.goto(planUrl)
  await expect.poll(() => strengths(reopened)).toEqual(['Walks the dog every morning'])
  await expect(reopened.getByText('Connected — all changes saved')).toBeVisible({ timeout: 20_000 })
  await expect.poll(() => strengths(bob), { timeout: 20_000 }).toEqual(['Walks the dog every morning'])
  // The hub has it: the copy on the device is cleared.
  await expect.poll(() => deviceCopyRows(reopened, docId)).toEqual([])
})

test('a deletion made while the hub is down survives a closed tab, though it moves no clock', async ({ browser, hub }) => {
  const ann = await openAs(browser, hub.url, 'Ann, care coordinator')
  const planUrl = await createPlan(ann, 'Plan for Lin')
  const docId = docIdOf(planUrl)
  await addStrength(ann, 'Keeps a diary')
  await addStrength(ann, 'Sings in a choir')
  await expect(ann.getByText('Connected — all changes saved')).toBeVisible()

  await hub.stop()
  await ann.getByRole('button', { name: 'Delete strength: Keeps a diary' }).click()
  await expect.poll(() => strengths(ann)).toEqual(['Sings in a choir'])
  // Only a deletion is unsent, yet the window knows the hub lacks it, and keeps it on the device.
  await expect(ann.getByText(/^Reconnecting — your changes are kept here, on this device/)).toBeVisible()
  await expect.poll(async () => (await deviceCopyRows(ann, docId)).length).toBeGreaterThan(0)
  const device = ann.context()
  await ann.close()

  await hub.start()
  const reopened = await device.newPage()
  await reopened.goto(planUrl)
  await expect(reopened.getByText('Connected — all changes saved')).toBeVisible({ timeout: 20_000 })
  // As long as the wait for the hub above: the device copy and the hub's answer can arrive in either order.
  await expect.poll(() => strengths(reopened), { timeout: 20_000 }).toEqual(['Sings in a choir'])
  await expect.poll(() => deviceCopyRows(reopened, docId), { timeout: 20_000 }).toEqual([])
  const bob = await openAs(browser, planUrl, 'Bob, GP')
  await expect.poll(() => strengths(bob)).toEqual(['Sings in a choir'])
})

test('reopening the plan while the hub is still down shows what was typed, About me included', async ({ browser, hub }) => {
  const ann = await openAs(browser, hub.url, 'Ann, care coordinator')
  const planUrl = await createPlan(ann, 'Plan for Ray')
  const docId = docIdOf(planUrl)
  // The browser has stored the app itself (renderer/public/sw.js), so it can open without the hub.
  expect(await ann.evaluate('navigator.serviceWorker.ready.then((registration) => registration.active !== null)')).toBe(true)

  await hub.stop()
  await expect(ann.getByText('Reconnecting — your changes are kept here, on this device')).toBeVisible()
  await addStrength(ann, 'Plays the piano')
  const aboutMe = ann.getByRole('textbox', { name: 'What is most important to me' })
  // One insertion, so the words sit together in one stored row.
  await aboutMe.fill('Music every day')
  await expect.poll(() => deviceCopyHolds(ann, docId, 'Plays the piano')).toBe(true)
  await expect.poll(() => deviceCopyHolds(ann, docId, 'Music every day')).toBe(true)
  const device = ann.context()
  await ann.close()

  const reopened = await device.newPage()
  await reopened.goto(planUrl)
  await expect(reopened.getByRole('heading', { level: 1, name: 'Plan for Ray' })).toBeVisible()
  await expect(
    reopened.getByText('Connecting to the hub — showing the copy kept on this device; your changes will be sent when the hub answers'),
  ).toBeVisible()
  await expect.poll(() => strengths(reopened)).toEqual(['Plays the piano'])
  await expect(reopened.getByRole('textbox', { name: 'What is most important to me' })).toHaveText('Music every day')

  // Still down: a further change is kept too. Then the hub is back and everyone has both.
  await addStrength(reopened, 'Knows every bus route')
  await hub.start()
  await expect(reopened.getByText('Connected — all changes saved')).toBeVisible({ timeout: 20_000 })
  const bob = await openAs(browser, planUrl, 'Bob, GP')
  await expect.poll(() => strengths(bob)).toEqual(['Plays the piano', 'Knows every bus route'])
  await expect(bob.getByRole('textbox', { name: 'What is most important to me' })).toHaveText('Music every day')
  await expect.poll(() => deviceCopyRows(reopened, docId)).toEqual([])
})

test('the app kept for offline use holds no plan data, even after a tab opens the hub’s API', async ({ browser, hub }) => {
  const ann = await openAs(browser, hub.url, 'Ann, care coordinator')
  await createPlan(ann, 'Plan for Mo Farrant')
  expect(await ann.evaluate('navigator.serviceWorker.ready.then((registration) => registration.active !== null)')).toBe(true)
  // A tab on the same device opens the list of boards (JSON holding plan titles) as a page.
  const apiTab = await ann.context().newPage()
  await apiTab.goto(`${hub.origin}/api/docs?token=${encodeURIComponent(hub.token)}`)
  await expect(apiTab.getByText('Plan for Mo Farrant')).toBeVisible()
  await apiTab.close()
  const kept = (await ann.evaluate(`(async () => {
    const cache = await caches.open('roundtable-app')
    const entries = []
    for (const request of await cache.keys()) {
      const response = await cache.match(request)
      entries.push({ path: new URL(request.url).pathname, body: await response.text() })
    }
    return entries
  })()`)) as { path: string; body: string }[]
  expect(kept.find((entry) => entry.path === '/')?.body).toMatch(/^<!doctype html>/i)
  for (const entry of kept) {
    expect(entry.body).not.toContain('Plan for Mo Farrant')
    expect(entry.body).not.toContain(hub.token)
  }
})

test('closing a window asks first only while it holds changes the hub has not stored', async ({ browser, hub }) => {
  const ann = await openAs(browser, hub.url, 'Ann, care coordinator')
  const planUrl = await createPlan(ann, 'Plan for Sue')
  const device = ann.context()
  const dialogs: string[] = []
  device.on('dialog', (dialog) => {
    dialogs.push(dialog.type())
    void dialog.dismiss()
  })

  // Everything saved: the window closes without a question.
  await addStrength(ann, 'Good with numbers')
  await expect(ann.getByText('Connected — all changes saved')).toBeVisible()
  const closed = ann.waitForEvent('close')
  await ann.close({ runBeforeUnload: true })
  await closed
  expect(dialogs).toEqual([])

  // With the hub down and a change unsent, closing asks; staying keeps the window and the change.
  const sue = await device.newPage()
  await sue.goto(planUrl)
  await expect(sue.getByText('Connected — all changes saved')).toBeVisible()
  await hub.stop()
  await expect(sue.getByText('Reconnecting — your changes are kept here, on this device')).toBeVisible()
  await addStrength(sue, 'Likes crosswords')
  const asked = sue.waitForEvent('dialog')
  await sue.close({ runBeforeUnload: true })
  expect((await asked).type()).toBe('beforeunload')
  expect(dialogs).toEqual(['beforeunload'])
  expect(sue.isClosed()).toBe(false)
  await expect.poll(() => strengths(sue)).toEqual(['Good with numbers', 'Likes crosswords'])
})

test('two windows of one plan on the same device share the copy: both windows’ offline entries arrive', async ({ browser, hub }) => {
  const first = await openAs(browser, hub.url, 'Ann, care coordinator')
  const planUrl = await createPlan(first, 'Plan for Lee')
  const docId = docIdOf(planUrl)
  const device = first.context()
  const second = await device.newPage()
  await second.goto(planUrl)
  await expect(second.getByText('Connected — all changes saved')).toBeVisible()

  await hub.stop()
  await addStrength(first, 'Cooks for the neighbours')
  await addStrength(second, 'Remembers everyone’s birthday')
  await expect.poll(() => deviceCopyHolds(first, docId, 'Cooks for the neighbours')).toBe(true)
  await expect.poll(() => deviceCopyHolds(first, docId, 'Remembers everyone’s birthday')).toBe(true)
  await first.close()
  await second.close()

  await hub.start()
  const reopened = await device.newPage()
  await reopened.goto(planUrl)
  await expect(reopened.getByText('Connected — all changes saved')).toBeVisible({ timeout: 20_000 })
  const bob = await openAs(browser, planUrl, 'Bob, GP')
  await expect.poll(() => strengths(bob)).toEqual(expect.arrayContaining(['Cooks for the neighbours', 'Remembers everyone’s birthday']))
  await expect.poll(() => deviceCopyRows(reopened, docId)).toEqual([])
})
