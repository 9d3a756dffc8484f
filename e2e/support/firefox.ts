/**
 * Firefox ESR with the built extension (dist/firefox), driven by puppeteer-core
 * over WebDriver BiDi. Playwright is only the test runner here.
 *
 * BiDi refuses to navigate to moz-extension:// URLs, so extension pages are
 * reached through tabs the extension opens itself: the first-run page
 * (options.html?welcome=1) opens on install, and from there `browser.tabs.create`
 * opens any other page. Puppeteer does not follow those navigations either
 * (page.url() stays "about:blank"), so pages are recognised by asking each
 * one for its own `location.href`.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import type WebExtension from 'webextension-polyfill';
import type {
  ContentEnvelope,
  LogSnapshot,
  PageState,
  Reply,
  WorkerEnvelope,
} from '../../src/core/messages.ts';
import { highlightTextsInPage } from './in-page.ts';

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

/** The `browser` global of an extension page, typed (only inside page.evaluate). */
export type ExtensionGlobal = { browser: WebExtension.Browser };

/** Polls `probe` until it returns a value other than undefined, or throws after `timeout` ms. */
export async function pollFor<T>(
  what: string,
  probe: () => Promise<T | undefined>,
  timeout = 10_000,
  interval = 100,
): Promise<T> {
  const deadline = Date.now() + timeout;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value !== undefined) return value;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() > deadline) {
      const reason = lastError instanceof Error ? `: ${lastError.message}` : '';
      throw new Error(`Timed out after ${timeout} ms waiting for ${what}${reason}`);
    }
    await new Promise((done) => setTimeout(done, interval));
  }
}

/** What a page says its address is (undefined while it cannot answer, e.g. mid-navigation). */
async function locationOf(page: Page): Promise<string | undefined> {
  try {
    return await page.evaluate(() => location.href);
  } catch {
    return undefined;
  }
}

export class FirefoxExtension {
  private constructor(
    readonly browser: Browser,
    /** The first-run tab; every extension API call of the tests runs in it. */
    readonly extensionPage: Page,
    /** "moz-extension://<uuid>/" */
    readonly origin: string,
  ) {}

  /** Launches Firefox headless, installs dist/firefox and waits for its first-run tab. */
  static async launch(options: { headless?: boolean } = {}): Promise<FirefoxExtension> {
    if (!existsSync(resolve(FIREFOX_EXTENSION_DIR, 'manifest.json'))) {
      throw new Error('dist/firefox is missing: run `npm run build` first.');
    }
    const browser = await puppeteer.launch({
      browser: 'firefox',
      executablePath: FIREFOX_PATH,
      headless: options.headless ?? true,
      // FIREFOX_DUMPIO=1 prints Firefox's output, with the browser console
      // (background script, content scripts, extension pages) copied to it.
      dumpio: DUMPIO,
      extraPrefsFirefox: {
        // English UI strings in the extension's pages, as the Chromium specs expect.
        'intl.locale.requested': 'en-US',
        'intl.accept_languages': 'en-US, en',
        ...(DUMPIO
          ? { 'devtools.console.stdout.chrome': true, 'devtools.console.stdout.content': true }
          : {}),
      },
    });
    try {
      await browser.installExtension(FIREFOX_EXTENSION_DIR);
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
      return new FirefoxExtension(
        browser,
        page,
        href.slice(0, href.indexOf('/', 'moz-extension://'.length) + 1),
      );
    } catch (error) {
      await browser.close();
      throw error;
    }
  }

  url(path: string): string {
    return this.origin + path.replace(/^\//, '');
  }

  async close(): Promise<void> {
    await this.browser.close();
  }

  /** Writes settings as a team rollout would: straight into storage.local. */
  async writeSettings(settings: unknown): Promise<void> {
    await this.extensionPage.evaluate(async (s) => {
      await (globalThis as unknown as ExtensionGlobal).browser.storage.local.set({ settings: s });
    }, settings);
  }

  /** The id of the tab whose top-frame content script reports `url`; undefined if none (yet). */
  async tabIdOf(url: string): Promise<number | undefined> {
    const id = await this.extensionPage.evaluate(async (target) => {
      const ext = (globalThis as unknown as ExtensionGlobal).browser;
      for (const tab of await ext.tabs.query({})) {
        if (tab.id === undefined) continue;
        try {
          const reply = await ext.tabs.sendMessage<ContentEnvelope, Reply<PageState> | undefined>(
            tab.id,
            { type: 'content/state', args: null },
            { frameId: 0 },
          );
          if (reply?.ok && reply.value.url === target) return tab.id;
        } catch {
          // a tab without our content script
        }
      }
      return -1;
    }, url);
    return id >= 0 ? id : undefined;
  }

  /** What the content script of a tab reports (hits, painter). */
  async contentState(tabId: number): Promise<PageState> {
    const reply = await this.extensionPage.evaluate(
      (id) =>
        (globalThis as unknown as ExtensionGlobal).browser.tabs.sendMessage<
          ContentEnvelope,
          Reply<PageState> | undefined
        >(id, { type: 'content/state', args: null }, { frameId: 0 }),
      tabId,
    );
    return unwrap(reply);
  }

  async badgeText(tabId: number): Promise<string> {
    return this.extensionPage.evaluate(
      (id) => (globalThis as unknown as ExtensionGlobal).browser.action.getBadgeText({ tabId: id }),
      tabId,
    );
  }

  /** Reads the IndexedDB log through the background script's own message. */
  async log(): Promise<LogSnapshot> {
    const reply = await this.extensionPage.evaluate(() =>
      (globalThis as unknown as ExtensionGlobal).browser.runtime.sendMessage<
        WorkerEnvelope,
        Reply<LogSnapshot> | undefined
      >({
        type: 'log/get',
        args: {},
      }),
    );
    return unwrap(reply);
  }

  /**
   * Opens an extension page (e.g. "popup.html?tab=3") in a new tab, from the
   * first-run page, and returns it once its document has loaded.
   */
  async openPage(path: string): Promise<Page> {
    const url = this.url(path);
    const known = new Set(await this.browser.pages());
    await this.extensionPage.evaluate(async (u) => {
      await (globalThis as unknown as ExtensionGlobal).browser.tabs.create({ url: u });
    }, url);
    return pollFor(`a tab showing ${url}`, async () => {
      for (const page of await this.browser.pages()) {
        if (known.has(page)) continue;
        if (
          (await locationOf(page)) === url &&
          (await page.evaluate(() => document.readyState)) === 'complete'
        ) {
          // Fail on a missing control within the test's budget, not after puppeteer's default 30 s.
          page.setDefaultTimeout(10_000);
          return page;
        }
      }
      return undefined;
    });
  }
}

function unwrap<T>(reply: Reply<T> | undefined): T {
  if (!reply) throw new Error('no answer');
  if (!reply.ok) throw new Error(reply.error);
  return reply.value;
}

/**
 * Each registered markenlotse highlight with the text of its ranges (sorted),
 * as the page's main world sees it (puppeteer evaluates there, not in the
 * content script's Xray sandbox, so iterating CSS.highlights works).
 */
export async function highlightRanges(page: Page): Promise<Record<string, string[]>> {
  return page.evaluate(highlightTextsInPage);
}
