import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS } from './harness/launch.ts';

// Every spec launches its own browser with the built extension (dist/); run
// `npm run build` first (npm test does). Two workers: CI machines have 2 cores.
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
      testIgnore: /firefox\..*spec\.ts/,
      use: {
        browserName: 'chromium',
        launchOptions: {
          executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
          args: CHROMIUM_ARGS,
        },
      },
    },
    { name: 'firefox', testMatch: /firefox\..*spec\.ts/ },
  ],
});
