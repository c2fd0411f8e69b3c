/**
 * In a browser, lets Roundtable open while its hub is down (renderer/public/sw.js), so that a plan's
 * copy kept on this device can be shown. Browsers allow this only on https or on this computer
 * (127.0.0.1, localhost); elsewhere, reopening waits for the hub, and unsent changes still wait on the
 * device. Not in the desktop app, whose hub runs inside it, nor under `npm run dev`.
 */
export function registerOfflineApp(): void {
  if (!import.meta.env.PROD || window.roundtable || !('serviceWorker' in navigator)) return
  navigator.serviceWorker.register('/sw.js', { scope: '/' }).catch((error: Error) => {
    console.warn(`Roundtable cannot open here while the hub is down: ${error.message}`)
  })
}
