import { defineConfig } from '@playwright/test'

// The Electron launch test only. `npm test` runs it as
//   playwright test -c tests/electron/playwright.electron.config.ts --reporter=list,json
// with PLAYWRIGHT_JSON_OUTPUT_NAME=test-results/electron.json. It needs `npm run build` first.
export default defineConfig({
  testDir: '.',
  testMatch: '*.spec.ts',
  outputDir: '../../test-results/electron-artifacts',
  timeout: 60_000,
  expect: { timeout: 15_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list']],
})
