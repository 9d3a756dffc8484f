/**
 * What the Chromium and the Firefox driver share: everything the extension's
 * own APIs answer (storage, tabs, badge, messages), run in an extension
 * context. A subclass says where that context is: the service worker, an
 * extension page.
 *
 * The functions given to `inExtension` are serialised into the browser: they
 * take the extension API from `browser` (Firefox) or `chrome` (Chromium, whose
 * MV3 APIs return promises too) and may not use anything from this module.
 */
import { expect } from '@playwright/test';
import type WebExtension from 'webextension-polyfill';
import { DEMO_SETTINGS } from '../../harness/launch.ts';
import type { FixtureServer } from '../../harness/server.ts';
import type {
  ContentEnvelope,
  ContentProtocol,
  LogSnapshot,
  PageState,
  Reply,
  WorkerEnvelope,
  WorkerProtocol,
} from '../../src/core/messages.ts';
import {
  DEMO_PAGE_TOTAL,
  paintedCount,
  pollFor,
  unwrap,
  type BrowserName,
  type ContentReply,
  type DemoTab,
  type ExtensionDriver,
  type PageDriver,
  type WebPageOptions,
  type WorkerReply,
} from './driver.ts';
import { sendEachMessage, storedDataInExtension, type StoredData } from './in-page.ts';
import { readWholeLog } from './log-file.ts';

/** The extension API inside an extension context: `browser`, or `chrome` where there is no `browser`. */
export type ExtensionGlobal = { browser?: WebExtension.Browser; chrome?: WebExtension.Browser };

export abstract class ExtensionDriverBase implements ExtensionDriver {
  abstract readonly browserName: BrowserName;

  constructor(readonly server: FixtureServer) {}

  abstract extensionUrl(path: string): string;
  abstract openWebPage(url: string, options?: WebPageOptions): Promise<PageDriver>;
  abstract openExtensionPage(path: string): Promise<PageDriver>;
  abstract welcomePage(): Promise<PageDriver>;

  /** Runs `fn` where the extension's tabs, storage and action APIs are. */
  protected abstract inExtension<R, A>(fn: (arg: A) => R | Promise<R>, arg: A): Promise<R>;
  /** Runs `fn` in an extension page (a sender the worker answers). */
  protected abstract inExtensionPage<R, A>(fn: (arg: A) => R | Promise<R>, arg: A): Promise<R>;

  async writeSettings(settings: unknown): Promise<void> {
    await this.inExtension(async (s) => {
      const g = globalThis as unknown as ExtensionGlobal;
      await (g.browser ?? g.chrome)?.storage.local.set({ settings: s });
    }, settings);
  }

  async readSettings(): Promise<unknown> {
    return this.inExtension(async () => {
      const g = globalThis as unknown as ExtensionGlobal;
      return (await (g.browser ?? g.chrome)?.storage.local.get('settings'))?.settings;
    }, null);
  }

  async readStorage(area: 'local' | 'session' | 'sync'): Promise<Record<string, unknown>> {
    return this.inExtension(async (name) => {
      const g = globalThis as unknown as ExtensionGlobal;
      return (await (g.browser ?? g.chrome)?.storage[name].get(null)) ?? {};
    }, area);
  }

  async writeStorage(area: 'local' | 'sync', items: Record<string, unknown>): Promise<void> {
    await this.inExtension(
      async ({ name, values }) => {
        const g = globalThis as unknown as ExtensionGlobal;
        await (g.browser ?? g.chrome)?.storage[name].set(values);
      },
      { name: area, values: items },
    );
  }

  async openDemoTab(
    options: { viewport?: { width: number; height: number } } = {},
  ): Promise<DemoTab> {
    await this.writeSettings(DEMO_SETTINGS);
    const url = this.server.url('results.html');
    const page = await this.openWebPage(url, options);
    await expect.poll(() => paintedCount(page), { timeout: 15_000 }).toBe(DEMO_PAGE_TOTAL);
    return { page, tabId: await this.tabIdOf(page), url };
  }

  async tabIdOf(page: { url(): string | Promise<string> }): Promise<number> {
    const url = await page.url();
    return pollFor(`a tab with the content script showing ${url}`, async () => {
      const id = await this.inExtension(async (target) => {
        const g = globalThis as unknown as ExtensionGlobal;
        const api = g.browser ?? g.chrome;
        if (!api) return -1;
        const message: ContentEnvelope = { type: 'content/state', args: null };
        for (const tab of await api.tabs.query({})) {
          if (tab.id === undefined) continue;
          try {
            const reply = await api.tabs.sendMessage<ContentEnvelope, Reply<PageState> | undefined>(
              tab.id,
              message,
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
    });
  }

  async askTab<N extends keyof ContentProtocol>(
    tabId: number,
    type: N,
    args: ContentProtocol[N]['args'],
  ): Promise<ContentReply<N>> {
    const reply = await this.inExtension(
      async ({ id, message }) => {
        const g = globalThis as unknown as ExtensionGlobal;
        return (g.browser ?? g.chrome)?.tabs.sendMessage<
          ContentEnvelope,
          Reply<ContentReply<N>> | undefined
        >(id, message, { frameId: 0 });
      },
      { id: tabId, message: { type, args } as ContentEnvelope },
    );
    return unwrap(reply);
  }

  contentState(tabId: number): Promise<PageState> {
    return this.askTab(tabId, 'content/state', null);
  }

  async badgeText(tabId: number): Promise<string> {
    return this.inExtension(async (id) => {
      const g = globalThis as unknown as ExtensionGlobal;
      return (await (g.browser ?? g.chrome)?.action.getBadgeText({ tabId: id })) ?? '';
    }, tabId);
  }

  async askWorker<N extends keyof WorkerProtocol>(
    type: N,
    args: WorkerProtocol[N]['args'],
  ): Promise<WorkerReply<N>> {
    const reply = await this.inExtensionPage(
      async (message) => {
        const g = globalThis as unknown as ExtensionGlobal;
        return (g.browser ?? g.chrome)?.runtime.sendMessage<
          WorkerEnvelope,
          Reply<WorkerReply<N>> | undefined
        >(message);
      },
      { type, args } as WorkerEnvelope,
    );
    return unwrap(reply);
  }

  log(): Promise<LogSnapshot> {
    return readWholeLog(this);
  }

  storedData(): Promise<StoredData> {
    return this.inExtensionPage(storedDataInExtension, null);
  }

  async sendRawMessages(messages: readonly string[], longString: string): Promise<string[]> {
    const outcomes: string[] = [];
    // In parts: one evaluate of 10,000 messages would outlast a protocol timeout (puppeteer's is 180 s).
    for (let at = 0; at < messages.length; at += 500) {
      const part = messages.slice(at, at + 500);
      outcomes.push(
        ...(await this.inExtensionPage(sendEachMessage, { messages: part, lanes: 8, longString })),
      );
    }
    return outcomes;
  }
}
