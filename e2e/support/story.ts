/**
 * The fixtures of story specs (e2e/stories/), which both projects run: the
 * `driver` is Chromium's in the chromium project (a fresh browser per test)
 * and Firefox's in the firefox project (one browser per worker, reset before
 * each test: Firefox takes seconds to start).
 */
import { expect, test as base } from '@playwright/test';
import { startServer, type FixtureServer } from '../../harness/server.ts';
import { ChromiumDriver } from './chromium.ts';
import { DEFAULT_LOOK, type ExtensionDriver, type Look } from './driver.ts';
import { FirefoxDriver, FirefoxSession, firefoxMissing } from './firefox.ts';

interface TestFixtures {
  driver: ExtensionDriver;
  /**
   * The colour scheme and UI language of the browser: `test.use({ look: {
   * scheme: 'dark', lang: 'de' } })` in a describe block. In Firefox a look
   * other than the default gets a browser of its own for the test (the
   * scheme is a preference read at start). Firefox ESR here has no German
   * language pack, so its extension pages stay English: a German look is
   * skipped there.
   */
  look: Look;
}

interface WorkerFixtures {
  server: FixtureServer;
  /** The worker's Firefox; a reason instead where it cannot run; null in other projects. */
  firefox: FirefoxSession | string | null;
}

export const test = base.extend<TestFixtures, WorkerFixtures>({
  server: [
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const server = await startServer();
      await use(server);
      await server.close();
    },
    { scope: 'worker' },
  ],
  look: [DEFAULT_LOOK, { option: true }],
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
  driver: async ({ firefox, server, look }, use, testInfo) => {
    if (typeof firefox === 'string') testInfo.skip(true, firefox);
    if (firefox instanceof FirefoxSession) {
      testInfo.skip(
        look.lang !== DEFAULT_LOOK.lang,
        'Firefox ESR here has no language pack but en-US: its extension pages cannot be German',
      );
      if (look.scheme !== DEFAULT_LOOK.scheme) {
        const own = await FirefoxSession.launch({ scheme: look.scheme });
        try {
          await use(new FirefoxDriver(server, own));
        } finally {
          await own.close();
        }
        return;
      }
      await firefox.reset();
      await use(new FirefoxDriver(server, firefox));
      return;
    }
    const driver = await ChromiumDriver.launch(server, look);
    await use(driver);
    await driver.close();
  },
});

export { expect };
export { DEMO_PAGE_HITS, DEMO_SETTINGS } from '../../harness/launch.ts';
export {
  DEMO_PAGE_TOTAL,
  highlightRanges,
  paintedCount,
  type Look,
  type PageDriver,
} from './driver.ts';
