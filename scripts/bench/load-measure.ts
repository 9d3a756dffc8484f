/// <reference types="chrome" />
// The page-load mode: what a page load costs as the user pays it. Each load
// is a fresh tab: a DevTools CPU profile (Profiler, 100 µs sampling) runs
// from before the navigation until 2.5 s after `load`, and every sample with
// an extension frame on its stack is the extension's (cpu-profile.ts).
// Markenlotse, the floor and mark.js each run in a browser of their own with
// only their extension loaded (load-extensions.ts), on the same pages.
import {
  chromium,
  type BrowserContext,
  type CDPSession,
  type Page,
  type Worker,
} from '@playwright/test';
import { CHROMIUM_ARGS } from '../../harness/launch.ts';
import { loadCost, type CpuProfile, type LoadCost } from './cpu-profile.ts';
import type { BenchExtensions, Variant } from './load-extensions.ts';

/** How long after `load` the profile keeps running. */
export const AFTER_LOAD_MS = Number(process.env.BENCH_LOAD_WAIT_MS ?? 2500);
/** A load whose page is still busy this long after AFTER_LOAD_MS is stopped (mark.js). */
export const LOAD_CAP_MS = Math.max(1, Number(process.env.BENCH_MARKJS_CAP_S ?? 10)) * 1000;
const SAMPLING_INTERVAL_US = 100;

export interface LoadRun {
  cost: LoadCost;
  /** Markenlotse only: hits painted (ranges in markenlotse-* highlights, top frame). */
  hits: number;
  /** The page was still busy at the cap and was stopped: the cost is a lower bound. */
  capped: boolean;
  /** From the navigation to `load`, wall ms. */
  loadMs: number;
}

export interface HeapUse {
  /** V8 heap in use after a full garbage collection (bytes), all worlds of the page. */
  usedBytes: number;
  /** ArrayBuffer backing stores (typed arrays live there), where the protocol reports them. */
  backingBytes: number;
}

const sleep = (ms: number): Promise<void> => new Promise((done) => setTimeout(done, ms));

/** One browser with one extension (or none), loading pages in fresh tabs. */
export class LoadBrowser {
  private constructor(
    readonly variant: Variant,
    private readonly context: BrowserContext,
    private readonly worker: Worker | null,
    private readonly scriptOrigin: string,
    private readonly extensions: BenchExtensions,
  ) {}

  static async launch(variant: Variant, extensions: BenchExtensions): Promise<LoadBrowser> {
    const dir = extensions.dirs[variant];
    const context = await chromium.launchPersistentContext('', {
      executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
      headless: true,
      args: [`--disable-extensions-except=${dir}`, `--load-extension=${dir}`, ...CHROMIUM_ARGS],
    });
    let worker: Worker | null = null;
    if (variant === 'markenlotse')
      worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    // The floor and mark.js extensions have no worker; theirs is the only extension in the browser.
    const origin = worker
      ? `chrome-extension://${new URL(worker.url()).host}/`
      : 'chrome-extension://';
    // Nothing leaves the machine.
    await context.route('**/*', (route) => {
      const url = new URL(route.request().url());
      return url.hostname === '127.0.0.1' ? route.continue() : route.abort();
    });
    for (const page of context.pages()) await page.close();
    return new LoadBrowser(variant, context, worker, origin, extensions);
  }

  /**
   * Saves settings as the options page does (the worker normalises and
   * stores them), from an extension page; waits for the reply.
   */
  async saveSettings(settings: unknown): Promise<void> {
    if (!this.worker) return;
    const page = await this.context.newPage();
    try {
      await page.goto(`${this.scriptOrigin}options.html`);
      const reply = await page.evaluate(
        (s) =>
          chrome.runtime.sendMessage<unknown, { ok?: boolean } | undefined>({
            type: 'settings/save',
            args: { settings: s },
          }),
        settings,
      );
      if (!reply?.ok) throw new Error(`settings/save failed: ${JSON.stringify(reply)}`);
    } finally {
      await page.close();
    }
    // Let the worker finish what a save sets off before the first load.
    await sleep(300);
  }

  /**
   * Loads `url` in a fresh tab under the profiler; with `heap`, also
   * measures the heap afterwards. The tab's first navigation (from its
   * initial about:blank) keeps the renderer the tab started with, so the
   * profiler attached to it sees the page load; nothing of ours ran in that
   * renderer before, so the code is cold as in a tab a user opens.
   */
  async load(url: string, heap = false): Promise<{ run: LoadRun; heap?: HeapUse }> {
    const page = await this.context.newPage();
    try {
      const cdp = await this.context.newCDPSession(page);
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: SAMPLING_INTERVAL_US });
      await cdp.send('Profiler.start');
      const began = Date.now();
      await page.goto(url, { waitUntil: 'load', timeout: 120_000 });
      const loadMs = Date.now() - began;
      await sleep(AFTER_LOAD_MS);
      const capped = !(await idleWithin(page, cdp, LOAD_CAP_MS));
      const { profile } = (await cdp.send('Profiler.stop')) as { profile: CpuProfile };
      const maps = new Map(
        [...this.extensions.maps].map(([file, map]) => [`${this.scriptOrigin}${file}`, map]),
      );
      const cost = loadCost(
        profile,
        this.scriptOrigin,
        this.variant === 'markenlotse' ? maps : undefined,
      );
      const hits = this.variant === 'markenlotse' && !capped ? await paintedHits(page) : 0;
      const result: { run: LoadRun; heap?: HeapUse } = {
        run: { cost, hits, capped, loadMs },
      };
      if (heap && !capped) result.heap = await heapUse(cdp);
      await cdp.detach();
      return result;
    } finally {
      await page.close();
    }
  }

  async close(): Promise<void> {
    await this.context.close();
  }
}

/** Waits until the page's main thread answers; stops what runs there at the cap (mark.js is synchronous). */
async function idleWithin(page: Page, cdp: CDPSession, capMs: number): Promise<boolean> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const cap = new Promise<'cap'>((done) => (timer = setTimeout(() => done('cap'), capMs)));
  const answer = page.evaluate(() => 0).then(() => 'idle' as const);
  const outcome = await Promise.race([answer, cap]);
  clearTimeout(timer);
  if (outcome === 'idle') return true;
  await cdp.send('Runtime.terminateExecution');
  await answer.catch(() => undefined);
  return false;
}

async function paintedHits(page: Page): Promise<number> {
  return page.evaluate(() => {
    let count = 0;
    CSS.highlights.forEach((highlight, name) => {
      if (name.startsWith('markenlotse')) count += highlight.size;
    });
    return count;
  });
}

async function heapUse(cdp: CDPSession): Promise<HeapUse> {
  await cdp.send('HeapProfiler.enable');
  await cdp.send('HeapProfiler.collectGarbage');
  const usage = (await cdp.send('Runtime.getHeapUsage')) as {
    usedSize: number;
    backingStorageSize?: number;
  };
  return { usedBytes: usage.usedSize, backingBytes: usage.backingStorageSize ?? NaN };
}
