/**
 * Firefox ESR with the built extension (dist/firefox), driven by puppeteer-core
 * over WebDriver BiDi: the ExtensionDriver of the firefox project. Playwright
 * is only the test runner here.
 *
 * Firefox is slow to start, so one FirefoxSession serves every test of a
 * Playwright worker, and each test starts from a reset: only the first-run
 * tab open, no settings, an empty log.
 *
 * BiDi refuses to navigate to moz-extension:// URLs, so extension pages are
 * reached through tabs the extension opens itself: the first-run page
 * (options.html?welcome=1) opens on install, and from there `browser.tabs.create`
 * opens any other page. Puppeteer does not follow those navigations either
 * (page.url() stays "about:blank"), so pages are recognised by asking each
 * one for its own `location.href`.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import type { FixtureServer } from '../../harness/server.ts';
import type { WorkerEnvelope } from '../../src/core/messages.ts';
import { ExtensionDriverBase, type ExtensionGlobal } from './driver-base.ts';
import { pollFor, type Look, type WebPageOptions } from './driver.ts';
import { FirefoxPage } from './firefox-page.ts';

export const FIREFOX_PATH = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
const DUMPIO = process.env.FIREFOX_DUMPIO === '1';
export const FIREFOX_EXTENSION_DIR = resolve(
  fileURLToPath(import.meta.url),
  '../../../dist/firefox',
);

/** Why the Firefox specs cannot run here, or null when they can. */
export function firefoxMissing(): string | null {
  if (!existsSync(FIREFOX_PATH)) {
    return `Firefox is not installed at ${FIREFOX_PATH} (apt-get install -y firefox-esr, or set FIREFOX_PATH)`;
  }
  return null;
}

/** What a page says its address is (undefined while it cannot answer, e.g. mid-navigation). */
async function locationOf(page: Page): Promise<string | undefined> {
  try {
    return await page.evaluate(() => location.href);
  } catch {
    return undefined;
  }
}

/** One Firefox with the extension installed, shared by the tests of a worker. */
export class FirefoxSession {
  private constructor(
    readonly browser: Browser,
    /** The first-run tab; every extension API call of the tests runs in it. */
    readonly console: Page,
    /** "moz-extension://<uuid>/" */
    readonly origin: string,
    /** Where Firefox saves downloads. */
    readonly downloads: string,
  ) {}

  /**
   * Launches Firefox headless, installs dist/firefox (or the build in
   * `extensionDir`) and waits for its first-run tab. `started` runs as soon
   * as the browser answers, before the extension is installed.
   */
  static async launch(
    options: {
      headless?: boolean;
      scheme?: Look['scheme'];
      extensionDir?: string;
      started?: () => void;
      /** More preferences (a test's small storage quota). */
      prefs?: Record<string, unknown>;
    } = {},
  ): Promise<FirefoxSession> {
    const extensionDir = options.extensionDir ?? FIREFOX_EXTENSION_DIR;
    if (!existsSync(resolve(extensionDir, 'manifest.json'))) {
      throw new Error(`${extensionDir} is missing: run \`npm run build\` first.`);
    }
    const downloads = await mkdtemp(join(tmpdir(), 'markenlotse-downloads-'));
    const browser = await puppeteer.launch({
      browser: 'firefox',
      executablePath: FIREFOX_PATH,
      headless: options.headless ?? true,
      // FIREFOX_DUMPIO=1 prints Firefox's output, with the browser console
      // (background script, content scripts, extension pages) copied to it.
      dumpio: DUMPIO,
      extraPrefsFirefox: {
        // English UI strings in the extension's pages, as in Chromium.
        'intl.locale.requested': 'en-US',
        'intl.accept_languages': 'en-US, en',
        // prefers-color-scheme of web and extension pages: 0 dark, 1 light
        // (https://searchfox.org/mozilla-esr140/source/modules/libpref/init/StaticPrefList.yaml,
        // layout.css.prefers-color-scheme.content-override; checked 2026-12-01).
        'layout.css.prefers-color-scheme.content-override': options.scheme === 'dark' ? 0 : 1,
        // Downloads go straight to a folder the driver reads, without asking.
        'browser.download.dir': downloads,
        'browser.download.folderList': 2,
        'browser.download.useDownloadDir': true,
        'browser.download.always_ask_before_handling_new_types': false,
        'browser.download.start_downloads_in_tmp_dir': false,
        // The popup runs in a tab here; a real popup closes itself with
        // window.close(), which Firefox refuses to a tab no script opened.
        'dom.allow_scripts_to_close_windows': true,
        ...(DUMPIO
          ? { 'devtools.console.stdout.chrome': true, 'devtools.console.stdout.content': true }
          : {}),
        ...options.prefs,
      },
    });
    try {
      options.started?.();
      await browser.installExtension(extensionDir);
      const { page, href } = await pollFor(
        'the first-run tab (options.html?welcome=1) the extension opens on install',
        async () => {
          for (const page of await browser.pages()) {
            const href = await locationOf(page);
            if (href?.startsWith('moz-extension://') && href.includes('/options.html?welcome=1'))
              return { page, href };
          }
          return undefined;
        },
        15_000,
      );
      // Node's URL gives "null" as the origin of a moz-extension: URL; cut it by hand.
      const origin = href.slice(0, href.indexOf('/', 'moz-extension://'.length) + 1);
      return new FirefoxSession(browser, page, origin, downloads);
    } catch (error) {
      await browser.close();
      await rm(downloads, { recursive: true, force: true });
      throw error;
    }
  }

  /** Back to a fresh install's state: only the first-run tab open, no settings, an empty log. */
  async reset(): Promise<void> {
    for (const page of await this.browser.pages()) {
      // Puppeteer still lists tabs the extension opened and closed (see FirefoxPage.closed).
      if (page !== this.console) await page.close().catch(() => undefined);
    }
    const clear: WorkerEnvelope = { type: 'log/clear', args: null };
    const cleared = await this.console.evaluate(async (message: WorkerEnvelope) => {
      const { browser } = globalThis as unknown as Required<ExtensionGlobal>;
      await browser.storage.local.clear();
      return browser.runtime.sendMessage(message);
    }, clear);
    if (!(cleared as { ok?: boolean } | undefined)?.ok)
      throw new Error(`the log was not cleared: ${JSON.stringify(cleared)}`);
  }

  async close(): Promise<void> {
    await this.browser.close();
    await rm(this.downloads, { recursive: true, force: true });
  }
}

export class FirefoxDriver extends ExtensionDriverBase {
  readonly browserName = 'firefox';

  constructor(
    server: FixtureServer,
    readonly session: FirefoxSession,
  ) {
    super(server);
  }

  extensionUrl(path: string): string {
    return this.session.origin + path.replace(/^\//, '');
  }

  async openWebPage(url: string, options: WebPageOptions = {}): Promise<FirefoxPage> {
    const page = new FirefoxPage(await this.session.browser.newPage(), this.session.downloads);
    if (options.viewport) await page.setViewport(options.viewport);
    await page.goto(url, options.waitUntil ? { waitUntil: options.waitUntil } : {});
    return page;
  }

  /**
   * Opens an extension page in a window of its own, from the first-run page,
   * once its document has loaded. A window, not a tab: Firefox does not
   * paint background tabs (a smooth scroll there never moves), and the page
   * a popup acts on stays in view behind a real popup too.
   */
  async openExtensionPage(path: string): Promise<FirefoxPage> {
    const url = this.extensionUrl(path);
    const known = new Set(await this.session.browser.pages());
    await this.inExtension(async (u) => {
      const { browser } = globalThis as unknown as Required<ExtensionGlobal>;
      await browser.windows.create({ url: u, type: 'popup', width: 500, height: 700 });
    }, url);
    const page = await pollFor(`a tab showing ${url}`, async () => {
      for (const page of await this.session.browser.pages()) {
        if (known.has(page)) continue;
        if (
          (await locationOf(page)) === url &&
          (await page.evaluate(() => document.readyState)) === 'complete'
        )
          return page;
      }
      return undefined;
    });
    return new FirefoxPage(page, this.session.downloads);
  }

  /**
   * The first-run tab itself serves the driver (see FirefoxSession), and
   * tests before this one have used the browser: the story gets the same page
   * in a tab of its own. That it opened on install, the launch has checked.
   */
  welcomePage(): Promise<FirefoxPage> {
    return this.openExtensionPage('options.html?welcome=1');
  }

  protected async inExtension<R, A>(fn: (arg: A) => R | Promise<R>, arg: A): Promise<R> {
    return (await this.session.console.evaluate(fn as (arg: unknown) => unknown, arg)) as R;
  }

  protected inExtensionPage<R, A>(fn: (arg: A) => R | Promise<R>, arg: A): Promise<R> {
    return this.inExtension(fn, arg);
  }
}
