/**
 * Chromium with the built extension (dist/chrome), driven through Playwright:
 * the ExtensionDriver of the chromium project, and the fixtures of the specs
 * that only Chromium runs (DevTools, chrome:// pages, routes on the context).
 * Each test gets a fresh browser with a fresh install.
 */
import { expect, test as base, type BrowserContext, type Worker } from '@playwright/test';
import { launchChromiumWithExtension, type ChromiumLaunchOptions } from '../../harness/launch.ts';
import { startServer, type FixtureServer } from '../../harness/server.ts';
import { ExtensionDriverBase } from './driver-base.ts';
import { ChromiumPage } from './chromium-page.ts';
import { type Look, type WebPageOptions } from './driver.ts';

export { DEMO_PAGE_HITS, DEMO_SETTINGS } from '../../harness/launch.ts';
export { DEMO_PAGE_TOTAL, highlightRanges, paintedCount } from './driver.ts';
export { ChromiumPage } from './chromium-page.ts';

/** Launch options for a look: its colour scheme and UI language. */
function lookOptions(look: Look): ChromiumLaunchOptions {
  return {
    colorScheme: look.scheme,
    // --lang: Chromium's UI language, the one chrome.i18n answers in (checked 2026-12-01).
    ...(look.lang === 'en' ? {} : { lang: look.lang }),
  };
}

export class ChromiumDriver extends ExtensionDriverBase {
  readonly browserName = 'chromium';
  /** An extension page kept open to send the worker messages from (the worker cannot message itself). */
  private console: ChromiumPage | undefined;

  private constructor(
    server: FixtureServer,
    readonly context: BrowserContext,
    /** The service worker as it started; see currentWorker(). */
    readonly worker: Worker,
    readonly id: string,
  ) {
    super(server);
  }

  /** A fresh browser with dist/chrome, or the build in `extensionDir` (e2e/support/policy.ts), in a look or with launch options. */
  static async launch(
    server: FixtureServer,
    options: ChromiumLaunchOptions | Look = {},
  ): Promise<ChromiumDriver> {
    const { context, worker, extensionId } = await launchChromiumWithExtension(
      'scheme' in options ? lookOptions(options) : options,
    );
    return new ChromiumDriver(server, context, worker, extensionId);
  }

  extensionUrl(path: string): string {
    return `chrome-extension://${this.id}/${path.replace(/^\//, '')}`;
  }

  async openWebPage(url: string, options: WebPageOptions = {}): Promise<ChromiumPage> {
    const page = new ChromiumPage(await this.context.newPage());
    if (options.viewport) await page.setViewport(options.viewport);
    await page.goto(url, options.waitUntil ? { waitUntil: options.waitUntil } : {});
    return page;
  }

  openExtensionPage(path: string): Promise<ChromiumPage> {
    return this.openWebPage(this.extensionUrl(path));
  }

  async welcomePage(): Promise<ChromiumPage> {
    const page =
      this.context.pages().find((p) => p.url().includes('options.html')) ??
      (await this.context.waitForEvent('page'));
    return new ChromiumPage(page);
  }

  /** The running worker (a new one after a stop). */
  currentWorker(): Worker {
    return this.context.serviceWorkers().find((w) => w !== this.worker) ?? this.worker;
  }

  /**
   * Stops the service worker as Chrome does when it is idle, and waits until
   * it has stopped (chrome://serviceworker-internals is the only switch for it).
   * Open the pages you need before: Playwright's newPage can stall right after.
   */
  async stopWorker(): Promise<void> {
    const page = await this.context.newPage();
    await page.goto('chrome://serviceworker-internals/');
    await page.getByRole('button', { name: 'Stop' }).click();
    await expect(page.locator('.serviceworker-running-status .value').first()).toHaveText(
      'STOPPED',
    );
  }

  close(): Promise<void> {
    return this.context.close();
  }

  protected inExtension<R, A>(fn: (arg: A) => R | Promise<R>, arg: A): Promise<R> {
    return this.currentWorker().evaluate(fn as (arg: unknown) => R | Promise<R>, arg);
  }

  protected async inExtensionPage<R, A>(fn: (arg: A) => R | Promise<R>, arg: A): Promise<R> {
    this.console ??= await this.openExtensionPage('log.html');
    return this.console.evaluate(fn, arg);
  }
}

/**
 * The fixtures of Chromium-only specs: `driver` (a fresh browser per test),
 * `context` (its browser context) and `server` (fixture pages).
 */
export const test = base.extend<
  { driver: ChromiumDriver; context: BrowserContext },
  { server: FixtureServer }
>({
  server: [
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const server = await startServer();
      await use(server);
      await server.close();
    },
    { scope: 'worker' },
  ],
  driver: async ({ server }, use) => {
    const driver = await ChromiumDriver.launch(server);
    await use(driver);
    await driver.close();
  },
  context: async ({ driver }, use) => {
    await use(driver.context);
  },
});

export { expect };
