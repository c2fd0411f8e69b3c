/*
 * Lets a browser open Roundtable while its hub is down, so that a plan's copy kept on this device
 * (renderer/src/deviceCopy.ts) can be shown and edited until the hub is back. Registered by
 * renderer/src/offlineApp.ts.
 *
 * Network first for the page: while the hub answers, everything comes from it as before; only when
 * it cannot be reached is the last page it served used instead. Built files under /assets/ carry a
 * content hash, so they never change and are served from here. This cache holds the app's own code
 * only: never plans, access codes (the page is stored without its ?token=) or API answers.
 */
const CACHE = 'roundtable-app'
const PAGE = '/'

/** The app's page itself, as opposed to anything else a tab may open on the hub (the API, /healthz). */
function isAppPage(url, page) {
  const contentType = page.headers.get('content-type') ?? ''
  return page.ok && (url.pathname === '/' || url.pathname === '/index.html') && contentType.startsWith('text/html')
}

/** Stores the page and the built files it names, and drops files of older builds. */
async function storeApp(page) {
  const cache = await caches.open(CACHE)
  const html = await page.text()
  const assets = [...new Set([...html.matchAll(/["'](?:\.\/|\/)(assets\/[^"'?#\s]+)["']/g)].map((match) => `/${match[1]}`))]
  const wanted = new Set(assets.map((path) => new URL(path, self.location.origin).href))
  await cache.addAll(assets)
  // A new response, because a fetched one remembers its address, and that holds the access code.
  await cache.put(PAGE, new Response(html, { status: page.status, statusText: page.statusText, headers: page.headers }))
  for (const request of await cache.keys()) {
    if (new URL(request.url).pathname.startsWith('/assets/') && !wanted.has(request.url)) await cache.delete(request)
  }
}

self.addEventListener('install', (event) => {
  // The page that registered this worker was loaded before it existed: store the app now.
  event.waitUntil(
    fetch(PAGE, { cache: 'no-cache' })
      .then((page) => (isAppPage(new URL(PAGE, self.location.origin), page) ? storeApp(page) : undefined))
      .catch(() => undefined)
      .then(() => self.skipWaiting()),
  )
})

self.addEventListener('activate', (event) => event.waitUntil(self.clients.claim()))

self.addEventListener('fetch', (event) => {
  const request = event.request
  const url = new URL(request.url)
  if (request.method !== 'GET' || url.origin !== self.location.origin) return
  if (request.mode === 'navigate') {
    event.respondWith(
      fetch(request).then(
        (page) => {
          // Only the app's own page is kept: a tab opened on an API address (plan titles) never is.
          if (isAppPage(url, page)) event.waitUntil(storeApp(page.clone()).catch(() => undefined))
          return page
        },
        async () => (await caches.match(PAGE, { cacheName: CACHE })) ?? Response.error(),
      ),
    )
  } else if (url.pathname.startsWith('/assets/')) {
    event.respondWith(caches.match(url.pathname, { cacheName: CACHE }).then((cached) => cached ?? fetch(request)))
  }
  // Everything else (the API, /healthz, /sync) goes straight to the hub, uncached.
})
