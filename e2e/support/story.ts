/**
 * The fixtures of story specs (e2e/stories/), which both projects run: the
 * `driver` is Chromium's in the chromium project (a fresh browser per test)
 * and Firefox's in the firefox project (one browser per worker, reset before
 * each test: Firefox takes seconds to start).
 */
import { expect, test as base } from '@playwright/test';
import { startServer, type FixtureServer } from '../../harness/server.ts';
import { ChromiumDriver } from './chromium.ts';
import type { ExtensionDriver } from './driver.ts';
import { FirefoxDriver, FirefoxSession, firefoxMissing } from './firefox.ts';

interface WorkerFixtures {
  server: FixtureServer;
  /** The worker's Firefox; a reason instead where it cannot run; null in other projects. */
  firefox: FirefoxSession | string | null;
}

export const test = base.extend<{ driver: ExtensionDriver }, WorkerFixtures>({
  server: [
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const server = await startServer();
      await use(server);
      await server.close();
    },
    { scope: 'worker' },
  ],
  firefox: [
    // eslint-disable-next-line no-empty-pattern
    async ({}, use, workerInfo) => {
      if (workerInfo.project.name !== 'firefox') {
        await use(null);
        return;
      }
      const missing = firefoxMissing();
      if (missing) {
        await use(missing);
        return;
      }
      const session = await FirefoxSession.launch();
      await use(session);
      await session.close();
    },
    { scope: 'worker' },
  ],
  driver: async ({ firefox, server }, use, testInfo) => {
    if (typeof firefox === 'string') testInfo.skip(true, firefox);
    if (firefox instanceof FirefoxSession) {
      await firefox.reset();
      await use(new FirefoxDriver(server, firefox));
      return;
    }
    const driver = await ChromiumDriver.launch(server);
    await use(driver);
    await driver.close();
  },
});

export { expect };
export { DEMO_PAGE_HITS, DEMO_SETTINGS } from '../../harness/launch.ts';
export { DEMO_PAGE_TOTAL, highlightRanges, paintedCount, type PageDriver } from './driver.ts';
