// Measures one corpus page in headless Chromium: loads it, runs each
// measurement through the functions page-entry.ts exposes, and labels every
// run so that the Chrome trace tells afterwards what it cost (results.ts).
import type { Browser, BrowserContext, CDPSession, Page } from '@playwright/test';
import { statSync } from 'node:fs';
import { join, sep } from 'node:path';
import type {
  BenchApi,
  BenchWindow,
  BreakdownResult,
  BreakdownStage,
  IncrementalResult,
  IncrementalSetup,
  MarkjsResult,
  ReplaceSetup,
  SheetVariant,
} from './api.ts';
import { BREAKDOWN_STAGES } from './api.ts';
import {
  BREAKDOWN_TERMS,
  corpusDir,
  EARLY_STYLES,
  INCREMENTAL_TERMS,
  LARGE_BYTES,
  MARKJS_CAP_MS,
  MARKJS_REPEAT_UNDER_MS,
  NOOP_RUNS,
  REPEATS,
  SHEET_TERMS,
  SHEET_VARIANTS,
  TERM_COUNTS,
} from './config.ts';
import { collate, type PageLabels, type PageResult } from './results.ts';
import { TRACE_CATEGORIES, TraceSet } from './trace.ts';

/** Calls one BenchApi function in the page. */
async function call<K extends keyof BenchApi>(
  page: Page,
  fn: K,
  ...args: Parameters<BenchApi[K]>
): Promise<Awaited<ReturnType<BenchApi[K]>>> {
  const result = await page.evaluate(
    ({ fn, args }) => {
      const api = (window as unknown as BenchWindow).__mlBench as unknown as Record<
        string,
        (...a: unknown[]) => unknown
      >;
      return api[fn]?.(...args);
    },
    { fn, args },
  );
  return result as Awaited<ReturnType<BenchApi[K]>>;
}

let labelCounter = 0;
const nextLabel = (what: string): string => `bench:${what}:${labelCounter++}`;

async function withCap<T>(run: Promise<T>, capMs: number, cdp: CDPSession): Promise<T | null> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<'timeout'>((done) => {
    timer = setTimeout(() => done('timeout'), capMs);
  });
  const outcome = await Promise.race([run.then((value) => ({ value })), timeout]);
  clearTimeout(timer);
  if (outcome !== 'timeout') return outcome.value;
  // mark.js is synchronous: stop it from outside (the page stays usable).
  await cdp.send('Runtime.terminateExecution');
  await run.catch(() => undefined);
  return null;
}

export function log(message: string): void {
  process.stderr.write(`${message}\n`);
}

/** (1) Markenlotse and (3) the floor, interleaved, one warm-up each (two for the first term count). */
async function measurePasses(page: Page, labels: PageLabels): Promise<void> {
  for (const n of TERM_COUNTS) {
    const ml: { label: string; wall: number; hits: number }[] = [];
    const fl: { label: string; wall: number; hits: number }[] = [];
    for (let rep = n === TERM_COUNTS[0] ? -1 : 0; rep <= REPEATS; rep++) {
      const floorLabel = nextLabel('floor');
      const f = await call(page, 'floor', n, floorLabel);
      if (rep > 0) fl.push({ label: floorLabel, wall: f.wallMs, hits: f.hits });
      const mlLabel = nextLabel('ml');
      const m = await call(page, 'markenlotse', n, mlLabel);
      if (rep > 0) ml.push({ label: mlLabel, wall: m.wallMs, hits: m.hits });
      await call(page, 'markenlotseCleanup');
      await call(page, 'settleLayout');
    }
    labels.markenlotse.set(n, ml);
    labels.floor.set(n, fl);
    log(
      `  ${n} terms: markenlotse ${ml.map((r) => r.wall.toFixed(0)).join('/')} ms wall, floor ${fl.map((r) => r.wall.toFixed(0)).join('/')} ms wall`,
    );
  }
}

/** The incremental update, the content replacement, the stage breakdown and the stylesheet, on the large pages. */
async function measureLargePage(
  page: Page,
  labels: PageLabels,
  nextPhase: () => Promise<void>,
): Promise<void> {
  await nextPhase();
  for (const n of INCREMENTAL_TERMS) {
    const runs: { label: string; setup: IncrementalSetup; rescan: IncrementalResult }[] = [];
    // Attempt 0 warms up, as for the full pass: an endless feed appends again and again.
    for (let attempt = 0; attempt <= REPEATS; attempt++) {
      const setup = await call(page, 'incrementalSetup', n);
      await call(page, 'settleLayout');
      const label = nextLabel('append');
      await call(page, 'incrementalAppend', label);
      // The scanner's own timer rescans the append (after its coalescing delay).
      const rescan = await call(page, 'incrementalRescan');
      await call(page, 'incrementalCleanup');
      await call(page, 'settleLayout');
      if (attempt > 0) runs.push({ label, setup, rescan });
    }
    labels.incremental.set(n, runs);
  }
  await nextPhase();
  for (const n of INCREMENTAL_TERMS) {
    const runs: { label: string; setup: ReplaceSetup }[] = [];
    for (let attempt = 0; attempt <= REPEATS; attempt++) {
      // Replacing a large part of a page leaves many events in the trace: a trace of its own.
      await nextPhase();
      const setup = await call(page, 'replaceSetup', n);
      if (!setup.element) break;
      await call(page, 'settleLayout');
      const label = nextLabel('replace');
      await call(page, 'replaceContent', label);
      await call(page, 'incrementalRescan');
      await call(page, 'markenlotseCleanup');
      await call(page, 'settleLayout');
      if (attempt > 0) runs.push({ label, setup });
    }
    labels.replace.set(n, runs);
  }
  await nextPhase();
  for (const n of BREAKDOWN_TERMS) {
    const stages = new Map<BreakdownStage, { label: string; result: BreakdownResult }[]>();
    for (let rep = 0; rep <= REPEATS; rep++) {
      for (const stage of BREAKDOWN_STAGES) {
        const label = nextLabel(`stage-${stage}`);
        const r = await call(page, 'breakdown', n, stage, label);
        if (rep > 0) stages.set(stage, [...(stages.get(stage) ?? []), { label, result: r }]);
      }
    }
    labels.breakdown.set(n, stages);
  }
  for (const n of SHEET_TERMS) {
    const runs: { variant: SheetVariant; label: string }[] = [];
    for (let rep = 0; rep < REPEATS; rep++) {
      for (const variant of SHEET_VARIANTS) {
        const label = nextLabel(`sheet-${variant}`);
        await call(page, 'sheetCost', n, variant, label);
        runs.push({ variant, label });
      }
    }
    labels.sheets.set(n, runs);
  }
}

/** (2) mark.js, last: it changes the DOM (unmark() restores it). */
async function measureMarkjs(page: Page, cdp: CDPSession, labels: PageLabels): Promise<void> {
  let cappedBefore = false;
  let markjsError: string | undefined;
  for (const n of TERM_COUNTS) {
    const runs: { label: string; wall: number; marks: number; capped: boolean }[] = [];
    if (cappedBefore || markjsError !== undefined) {
      labels.markjs.set(n, runs);
      continue;
    }
    for (let rep = 0; rep < REPEATS; rep++) {
      const label = nextLabel('markjs');
      const started = Date.now();
      let r: MarkjsResult | null;
      try {
        r = await withCap(call(page, 'markjs', n, label), MARKJS_CAP_MS, cdp);
      } catch (error) {
        markjsError =
          error instanceof Error ? (error.message.split('\n')[0] ?? 'error') : String(error);
        log(`  ${n} terms: mark.js failed: ${markjsError}`);
        break;
      } finally {
        await call(page, 'markjsCleanup');
        await call(page, 'settleLayout');
      }
      runs.push({
        label,
        wall: r?.wallMs ?? Date.now() - started,
        marks: r?.marks ?? -1,
        capped: r === null,
      });
      if (r === null || r.wallMs > MARKJS_REPEAT_UNDER_MS) break;
    }
    cappedBefore = runs.some((r) => r.capped);
    labels.markjs.set(n, runs);
    log(
      `  ${n} terms: mark.js ${runs.map((r) => (r.capped ? `>${MARKJS_CAP_MS / 1000}s` : r.wall.toFixed(0))).join('/')} ms wall`,
    );
  }
  labels.markjsError = markjsError;
}

export async function benchPage(
  browser: Browser,
  origin: string,
  file: string,
  sources: { bundle: string; markjs: string },
  terms: string[],
): Promise<PageResult> {
  const bytes = statSync(join(corpusDir, file)).size;
  const large = bytes >= LARGE_BYTES;
  const context: BrowserContext = await browser.newContext();
  try {
    // Nothing leaves the machine.
    await context.route('**/*', (route) =>
      new URL(route.request().url()).origin === origin ? route.continue() : route.abort(),
    );
    const page = await context.newPage();
    // As the content script (run_at document_start): the bench code, with its
    // highlight styles adopted before the page's first render.
    if (EARLY_STYLES) {
      await page.addInitScript({
        content: `${sources.bundle};window.__mlBench.adoptStylesEarly(${JSON.stringify(terms)});`,
      });
    }
    await page.goto(`${origin}/${file.split(sep).join('/')}`, {
      waitUntil: 'load',
      timeout: 120_000,
    });
    if (!EARLY_STYLES) await page.evaluate(sources.bundle);
    await page.evaluate(sources.markjs);
    const cdp = await context.newCDPSession(page);

    const result: PageResult = {
      file,
      bytes,
      large,
      stats: await call(page, 'stats'),
      prepared: new Map(),
      markenlotse: new Map(),
      floor: new Map(),
      markjs: new Map(),
      incremental: new Map(),
      replace: new Map(),
      breakdown: new Map(),
      overheadMs: NaN,
      sheets: new Map(),
    };
    for (const n of TERM_COUNTS) result.prepared.set(n, await call(page, 'prepare', terms, n));
    await call(page, 'settleLayout');

    await browser.startTracing(page, { categories: TRACE_CATEGORIES });
    const traces = new TraceSet();
    // A new trace for each phase: a large page's phases together can fill the
    // trace buffer, which then silently drops everything after.
    const nextPhase = async (): Promise<void> => {
      traces.add((await browser.stopTracing()).toString('utf8'));
      await browser.startTracing(page, { categories: TRACE_CATEGORIES });
    };
    const labels: PageLabels = {
      noops: [],
      markenlotse: new Map(),
      floor: new Map(),
      markjs: new Map(),
      markjsError: undefined,
      replace: new Map(),
      incremental: new Map(),
      breakdown: new Map(),
      sheets: new Map(),
    };
    for (let i = 0; i < NOOP_RUNS; i++) {
      const label = nextLabel('noop');
      await call(page, 'noop', label);
      labels.noops.push(label);
    }

    await measurePasses(page, labels);
    if (large) await measureLargePage(page, labels, nextPhase);
    await nextPhase();
    await measureMarkjs(page, cdp, labels);

    traces.add((await browser.stopTracing()).toString('utf8'));
    collate(result, labels, traces, log);
    return result;
  } finally {
    await context.close();
  }
}
