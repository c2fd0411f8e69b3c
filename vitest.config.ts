import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    // Playwright specs (*.spec.ts under tests/e2e and tests/electron) are run by Playwright, not vitest.
    include: ['shared/**/*.test.ts', 'electron/**/*.test.ts', 'renderer/**/*.test.{ts,tsx}', 'tests/hub/**/*.test.ts', 'tests/scripts/**/*.test.ts'],
    testTimeout: 20_000,
    hookTimeout: 30_000,
    pool: 'forks',
  },
})
