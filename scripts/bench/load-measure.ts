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
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CHROMIUM_ARGS } from '../../harness/launch.ts';
import { loadCost, type CpuProfile, type LoadCost } from './cpu-profile.ts';
import type { BenchExtensions, Variant } from './load-extensions.ts';
import { PRE_PAGE, siteHost, SITES } from './serve.ts';

/** How long after `load` the profile keeps running. */
export const AFTER_LOAD_MS = Number(process.env.BENCH_LOAD_WAIT_MS ?? 2500);
/** A load whose page is still busy this long after the navigation started is stopped (mark.js). */
export const LOAD_CAP_MS = Math.max(1, Number(process.env.BENCH_MARKJS_CAP_S ?? 10)) * 1000;

let siteCounter = 0;
/** The next of the server's sites, in turn. */
const nextSite = (): string => siteHost(siteCounter++ % SITES);
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
      return url.hostname.startsWith('127.0.0.') ? route.continue() : route.abort();
    });
    for (const page of context.pages()) await page.close();
    return new LoadBrowser(variant, context, worker, origin, extensions);
  }

  /**
   * Puts these brands in place of the stored ones as the options page does
   * (operations the worker applies, normalises and stores with the compiled
   * profile), from an extension page; waits for the reply.
   */
  async saveSettings(settings: { brands: unknown[] }): Promise<void> {
    if (!this.worker) return;
    const page = await this.context.newPage();
    try {
      await page.goto(`${this.scriptOrigin}options.html`);
      const reply = await page.evaluate(async (s) => {
        const current = await chrome.runtime.sendMessage<
          unknown,
          { value?: { settings: { brands: { id: string }[] } } } | undefined
        >({ type: 'settings/get', args: null });
        const operations = [
          ...(current?.value?.settings.brands ?? []).map((b) => ({ op: 'remove-brand', id: b.id })),
          ...s.brands.map((brand) => ({ op: 'put-brand', brand })),
        ];
        return chrome.runtime.sendMessage<unknown, { ok?: boolean } | undefined>({
          type: 'settings/change',
          args: { operations },
        });
      }, settings);
      if (!reply?.ok) throw new Error(`settings/change failed: ${JSON.stringify(reply)}`);
    } finally {
      await page.close();
    }
    // Let the worker finish what a save sets off before the first load.
    await sleep(300);
  }

  /**
   * Loads `url` in a fresh tab under the profiler; with `heap`, also
   * measures the heap afterwards.
   *
   * Each load goes to a site of its own (127.0.0.2, .3, …: one renderer per
   * site), so nothing of the extension ran in the renderer before and its
   * code is cold, as in a tab a user opens. The tab first opens a blank page
   * of that site (the extensions do not run there), so the measured
   * navigation stays in that renderer and in the profiler attached to it.
   */
  async load(url: string, heap = false): Promise<{ run: LoadRun; heap?: HeapUse }> {
    const page = await this.context.newPage();
    try {
      const target = new URL(url);
      target.hostname = nextSite();
      await page.goto(`${target.origin}/${PRE_PAGE}`);
      const cdp = await this.context.newCDPSession(page);
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: SAMPLING_INTERVAL_US });
      await cdp.send('Profiler.start');
      const began = Date.now();
      // What still runs at the cap is stopped (mark.js, synchronous, may even hold back `load`).
      let capped = false;
      const watchdog = setTimeout(() => {
        capped = true;
        cdp.send('Runtime.terminateExecution').catch(() => undefined);
      }, LOAD_CAP_MS);
      await page.goto(target.href, { waitUntil: 'load', timeout: 0 });
      const loadMs = Date.now() - began;
      await sleep(AFTER_LOAD_MS);
      if (!(await idleWithin(page, cdp, Math.max(1, LOAD_CAP_MS - (Date.now() - began)))))
        capped = true;
      clearTimeout(watchdog);
      const { profile } = (await cdp.send('Profiler.stop')) as { profile: CpuProfile };
      if (process.env.BENCH_SAVE_PROFILES)
        writeFileSync(
          join(process.env.BENCH_SAVE_PROFILES, `${this.variant}-${Date.now()}.cpuprofile`),
          JSON.stringify(profile),
        );
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
