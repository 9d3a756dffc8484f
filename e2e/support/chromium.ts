/// <reference types="chrome" />
/**
 * Playwright fixtures: a Chromium with the built extension (dist/chrome)
 * loaded, its id and service worker, and a fixture server.
 */
import {
  test as base,
  expect,
  type BrowserContext,
  type Frame,
  type Page,
  type Worker,
} from '@playwright/test';
import { launchChromiumWithExtension } from '../../harness/launch.ts';
import { startServer, type FixtureServer } from '../../harness/server.ts';
import { highlightTextsInPage } from './in-page.ts';

export { DEMO_PAGE_HITS, DEMO_SETTINGS } from '../../harness/launch.ts';

interface Fixtures {
  context: BrowserContext;
  worker: Worker;
  extensionId: string;
  server: FixtureServer;
  ext: Extension;
}

/** Drives the extension the way other programs do: storage, badge, pages by URL. */
export class Extension {
  constructor(
    readonly context: BrowserContext,
    readonly worker: Worker,
    readonly id: string,
  ) {}

  url(page: string): string {
    return `chrome-extension://${this.id}/${page}`;
  }

  /** Writes settings as a team rollout would: straight into storage.local. */
  async writeSettings(settings: unknown): Promise<void> {
    await this.worker.evaluate(async (s) => {
      await chrome.storage.local.set({ settings: s });
    }, settings);
  }

  /** The tab showing `url` (asked through the content script: no "tabs" permission needed). */
  async tabIdOf(page: Page): Promise<number> {
    const url = page.url();
    const id = await this.worker.evaluate(async (target) => {
      for (const tab of await chrome.tabs.query({})) {
        if (tab.id === undefined) continue;
        try {
          const reply = await chrome.tabs.sendMessage<
            unknown,
            { ok: boolean; value?: { url: string } } | undefined
          >(tab.id, { type: 'content/state', args: null }, { frameId: 0 });
          if (reply?.value?.url === target) return tab.id;
        } catch {
          // a tab without our content script
        }
      }
      return -1;
    }, url);
    expect(id, `a tab with the content script showing ${url}`).toBeGreaterThanOrEqual(0);
    return id;
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

  /** The running worker (a new one after a stop). */
  currentWorker(): Worker {
    return this.context.serviceWorkers().find((w) => w !== this.worker) ?? this.worker;
  }

  /** What the top frame's content script reports about its page (as the popup sees it). */
  async contentState(
    tabId: number,
  ): Promise<{ total: number; painter: string; stats: { fullPasses: number; rescans: number } }> {
    type StateReply = {
      ok: boolean;
      value: { total: number; painter: string; stats: { fullPasses: number; rescans: number } };
    };
    const reply = await this.currentWorker().evaluate(
      (id) =>
        chrome.tabs.sendMessage<unknown, StateReply>(
          id,
          { type: 'content/state', args: null },
          { frameId: 0 },
        ),
      tabId,
    );
    return reply.value;
  }

  async badgeText(tabId: number): Promise<string> {
    return this.worker.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId);
  }

  /** Reads the IndexedDB log through the worker's own message. */
  async log(): Promise<{
    mentions: Record<string, unknown>[];
    sightings: Record<string, unknown>[];
  }> {
    const page = await this.context.newPage();
    await page.goto(this.url('log.html'));
    type LogReply = {
      ok: boolean;
      value: { mentions: Record<string, unknown>[]; sightings: Record<string, unknown>[] };
    };
    const reply = await page.evaluate(() =>
      chrome.runtime.sendMessage<unknown, LogReply>({ type: 'log/get', args: {} }),
    );
    await page.close();
    return reply.value;
  }
}

/** How many hits a frame has painted, over all markenlotse highlights. */
export async function paintedCount(frame: Page | Frame): Promise<number> {
  return frame.evaluate(() => {
    let count = 0;
    CSS.highlights.forEach((highlight, name) => {
      if (name.startsWith('markenlotse')) count += highlight.size;
    });
    return count;
  });
}

/** Each registered markenlotse highlight with the text of its ranges (sorted), as the page itself sees it. */
export async function highlightRanges(page: Page | Frame): Promise<Record<string, string[]>> {
  return page.evaluate(highlightTextsInPage);
}

export const test = base.extend<Fixtures>({
  // eslint-disable-next-line no-empty-pattern
  server: async ({}, use) => {
    const server = await startServer();
    await use(server);
    await server.close();
  },
  // eslint-disable-next-line no-empty-pattern
  context: async ({}, use) => {
    const { context } = await launchChromiumWithExtension();
    await use(context);
    await context.close();
  },
  worker: async ({ context }, use) => {
    await use(context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker')));
  },
  extensionId: async ({ worker }, use) => {
    await use(new URL(worker.url()).host);
  },
  ext: async ({ context, worker, extensionId }, use) => {
    await use(new Extension(context, worker, extensionId));
  },
});

export { expect };
