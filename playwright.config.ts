import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS } from './harness/launch.ts';

// Specs launch browsers with the built extension (dist/); run `npm run build`
// first (npm test does). Two workers: CI machines have 2 cores.
// Story specs (e2e/stories/) run in both projects; every other spec is
// Chromium's alone (see e2e/README.md).
const STORIES = /[\\/]stories[\\/].*\.spec\.ts$/;

export default defineConfig({
  testDir: 'e2e',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 2,
  retries: process.env.CI ? 1 : 0,
  reporter: process.env.CI ? [['list']] : [['list']],
  use: {
    trace: 'retain-on-failure',
  },
  projects: [
    {
      name: 'chromium',
      use: {
        browserName: 'chromium',
        launchOptions: {
          executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
          args: CHROMIUM_ARGS,
        },
      },
    },
    // Firefox is driven by puppeteer-core (e2e/support/firefox.ts), not by Playwright.
    { name: 'firefox', testMatch: STORIES },
  ],
});
