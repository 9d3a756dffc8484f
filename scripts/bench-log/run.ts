// The log at team scale, measured in headless Chromium with the built
// extension: a profile filled with 100,000 mentions and 1,000,000 sightings
// (straight into the worker's IndexedDB from an extension page), then the
// worker's answers the workspace waits for, side by side with the
// alternative (a plain cursor scan), and import and export of 100,000
// mentions. Writes docs/bench-log.md.
//
//   npm run build && npm run bench:log
//
// Environment: BENCH_LOG_MENTIONS (default 100000), BENCH_LOG_SIGHTINGS
// (default 1000000), BENCH_LOG_PROFILE (the profile folder, default
// /tmp/markenlotse-bench-log; kept, so that later runs skip the fill),
// BENCH_LOG_UI_SELECTOR (a CSS selector of the workspace's first row: then
// also the time from opening log.html to it), BENCH_NO_DOCS=1, CHROME_PATH,
// BENCH_LOG_EXTENSION (the built extension, default dist/chrome: a copy
// elsewhere lets you build while the bench runs; its path is the extension's
// id, so keep one path per profile), BENCH_LOG_ONLY (a comma list of
// mentions, sightings, exchange: only those sections).
import { chromium, type BrowserContext, type Page } from '@playwright/test';
import * as esbuild from 'esbuild';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CHROMIUM_ARGS, EXTENSION_DIR } from '../../harness/launch.ts';
import { BRANDS } from './generate.ts';
import type { BenchLogApi } from './page-entry.ts';
import { measure, type Results } from './measure.ts';
import { report } from './report.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
const COUNTS = {
  mentions: Number(process.env.BENCH_LOG_MENTIONS ?? 100_000),
  sightings: Number(process.env.BENCH_LOG_SIGHTINGS ?? 1_000_000),
  visits: 10_000,
};
const EXTENSION = resolve(process.env.BENCH_LOG_EXTENSION ?? EXTENSION_DIR);
const PROFILE = resolve(process.env.BENCH_LOG_PROFILE ?? '/tmp/markenlotse-bench-log');

export const log = (text: string) => process.stderr.write(`${text}\n`);

async function bundle(): Promise<string> {
  const result = await esbuild.build({
    absWorkingDir: root,
    entryPoints: ['scripts/bench-log/page-entry.ts'],
    bundle: true,
    format: 'iife',
    target: ['chrome120'],
    // The same build-time constant as scripts/build.ts: the bench runs in Chromium.
    define: { __BROWSER__: JSON.stringify('chrome') },
    write: false,
    logLevel: 'warning',
  });
  const out = result.outputFiles[0];
  if (!out) throw new Error('esbuild produced nothing');
  return out.text;
}

async function launch(): Promise<{ context: BrowserContext; id: string }> {
  mkdirSync(PROFILE, { recursive: true });
  // Chromium runs the service worker it cached in the profile, not the
  // changed background.js of an unpacked extension whose version stayed the
  // same (seen 2026-12-02, Chromium 156: a kept profile ran the previous
  // build's worker, at the old database version). The log stays; the cached
  // worker goes, so the bench measures the build it is given.
  rmSync(join(PROFILE, 'Default', 'Service Worker'), { recursive: true, force: true });
  const context = await chromium.launchPersistentContext(PROFILE, {
    executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: [
      `--disable-extensions-except=${EXTENSION}`,
      `--load-extension=${EXTENSION}`,
      ...CHROMIUM_ARGS,
    ],
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  return { context, id: new URL(worker.url()).host };
}

/** An extension page with the bench's functions in it (options.html never opens the log itself). */
export async function benchPage(context: BrowserContext, id: string, code: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${id}/options.html`);
  // tsx keeps function names with a helper that the page does not have.
  await page.evaluate('globalThis.__name = (f) => f');
  await page.evaluate(code);
  return page;
}

async function main(): Promise<void> {
  if (!existsSync(join(EXTENSION, 'manifest.json'))) throw new Error('run `npm run build` first');
  const code = await bundle();
  let { context, id } = await launch();
  const worker = context.serviceWorkers()[0]!;
  await worker.evaluate(
    async (brands) => {
      await chrome.storage.local.set({
        settings: { brands: brands.map((b) => ({ name: b.name, role: b.role, terms: [b.name] })) },
      });
    },
    BRANDS.map((b) => ({ ...b })),
  );
  let page = await benchPage(context, id, code);
  page.on('console', (m) => {
    if (m.text().startsWith('bench-log')) log(m.text());
  });
  type Status = { ok: boolean; value: { mentions: number; sightings: number } };
  const status = await page.evaluate(() =>
    chrome.runtime.sendMessage<unknown, Status>({ type: 'log/status', args: null }),
  );
  let fillTimes: Record<string, number> | null = null;
  if (status.value.mentions !== COUNTS.mentions || status.value.sightings !== COUNTS.sightings) {
    log(`filling ${PROFILE}: ${COUNTS.mentions} mentions, ${COUNTS.sightings} sightings …`);
    await page.evaluate(() => chrome.runtime.sendMessage({ type: 'log/clear', args: null }));
    fillTimes = await page.evaluate((counts) => benchLog.fill(counts), COUNTS);
    log(
      `filled in ${Object.entries(fillTimes)
        .map(([k, v]) => `${k} ${(v / 1000).toFixed(1)} s`)
        .join(', ')}`,
    );
  } else log(`profile ${PROFILE} already holds the log`);
  await context.close();

  // A fresh browser: the worker has no index, the caches are cold.
  ({ context, id } = await launch());
  page = await benchPage(context, id, code);
  let results: Results;
  try {
    results = await measure(context, page);
  } finally {
    await context.close();
  }
  const body = report({
    results,
    counts: COUNTS,
    fillTimes,
    chromium: context.browser()?.version() ?? 'Chromium',
    load: loadavg(),
    date: new Date(),
  });
  console.log(body);
  if (process.env.BENCH_NO_DOCS !== '1') {
    writeFileSync(join(root, 'docs', 'bench-log.md'), body);
    log('written to docs/bench-log.md');
  }
}

declare const benchLog: BenchLogApi;

await main();
