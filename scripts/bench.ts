// Benchmarks Markenlotse's full pass on real pages in headless Chromium
// against mark.js 8 and against a floor (one TreeWalker pass, one combined
// regex), plus the longest main-thread task of the pass and the cost of an
// incremental update. Method and results: docs/bench.md.
//
//   npm run bench
//
// Environment: CORPUS_DIR (default ../shared/corpus from the repository root),
// CHROME_PATH (default /usr/bin/chromium), BENCH_REPEATS (timed runs per
// measurement, default 3, after one warm-up), BENCH_MARKJS_CAP_S (a mark.js
// run is stopped after this many seconds, default 10), BENCH_PAGES (comma
// separated parts of file names: only those pages), BENCH_NO_DOCS=1 (do not
// rewrite docs/bench.md).
import {
  chromium,
  type Browser,
  type BrowserContext,
  type CDPSession,
  type Page,
} from '@playwright/test';
import { CHROMIUM_ARGS } from '../harness/launch.ts';
import * as esbuild from 'esbuild';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { cpus, loadavg, availableParallelism } from 'node:os';
import { join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type {
  BenchApi,
  BenchWindow,
  BreakdownResult,
  BreakdownStage,
  IncrementalResult,
  IncrementalSetup,
  ReplaceSetup,
  MarkjsResult,
  PageStats,
  Prepared,
  SheetVariant,
} from './bench/api.ts';
import { BREAKDOWN_STAGES } from './bench/api.ts';
import { benchTerms } from './bench/terms.ts';
import { TRACE_CATEGORIES, TraceSet, type RunCost } from './bench/trace.ts';

/**
 * Styles adopted at document_start, as the extension does (default). With
 * BENCH_LATE_STYLES=1 the pass also adopts them, as when settings change on an
 * open page: then the browser restyles the page inside the first slice.
 */
const EARLY_STYLES = process.env.BENCH_LATE_STYLES !== '1';
const root = fileURLToPath(new URL('..', import.meta.url));
const corpusDir = resolve(root, process.env.CORPUS_DIR ?? '../shared/corpus');
const docsFile = join(root, 'docs', 'bench.md');

const TERM_COUNTS = [10, 100, 1000] as const;
const REPEATS = Math.max(1, Number(process.env.BENCH_REPEATS ?? 3));
const MARKJS_CAP_MS = Math.max(1, Number(process.env.BENCH_MARKJS_CAP_S ?? 10)) * 1000;
/** mark.js runs are repeated (up to REPEATS) only while they are this quick. */
const MARKJS_REPEAT_UNDER_MS = 1500;
/** Pages with at least this much HTML count as large (the goals name them). */
const LARGE_BYTES = 500_000;
/** Term counts for the incremental update and the stage breakdown (large pages only). */
const INCREMENTAL_TERMS = [100, 1000] as const;
const BREAKDOWN_TERMS = [1000] as const;
/** Term counts for the stylesheet experiment (large pages only). */
const SHEET_TERMS = [10, 1000] as const;
const SHEET_VARIANTS: SheetVariant[] = ['none', 'painter', 'universal'];
const NOOP_RUNS = 7;

const GOALS = { markjsSpeedup: 20, floorFactor: 2, longestTaskMs: 50, appendShare: 0.05 };
/** The append goal applies where the 10 blocks are a small part of the page's text. */
const APPEND_GOAL_MAX_TEXT_SHARE = 0.01;

// ---------------------------------------------------------------------------
// Results

interface PassCell {
  runs: number;
  /** Medians over the timed runs (thread CPU ms). */
  scriptCpuMs: number;
  styleLayoutCpuMs: number;
  ownCpuMs: number;
  otherCpuMs: number;
  /** In-page wall time of the median run (yields included). */
  wallMs: number;
  /** Worst over all runs. */
  longestCpuMs: number;
  longestWallMs: number;
  longestIsScript: boolean;
  /** Worst over all runs: our longest task minus the style/layout it forced. */
  longestScriptCpuMs: number;
  tasks: number;
  hits: number;
}

interface MarkjsCell {
  runs: number;
  /** Stopped at the cap: cpu is what it used until then (a lower bound). */
  capped: boolean;
  /** Not run: a smaller term set already hit the cap. */
  skipped: boolean;
  /** mark.js threw (this or a smaller term set). */
  error?: string;
  cpuMs: number;
  wallMs: number;
  marks: number;
}

interface IncrementalCell {
  runs: number;
  setup: IncrementalSetup;
  added: number;
  /** The scanner's MutationObserver callback, at the end of the appending task (CPU ms). */
  observerMs: number;
  /** The scanner's rescan task (its own timer): CPU ms without style/layout, and the style/layout it forced. */
  rescanCpuMs: number;
  rescanStyleLayoutMs: number;
  /** observer + rescan (median of the per-run sums). */
  cpuMs: number;
}

/** The main content replaced by a fresh copy, as a single-page app swaps it. */
interface ReplaceCell {
  setup: ReplaceSetup;
  observerMs: number;
  /** All the rescan's slices (median of runs), their number, and the longest slice of all runs. */
  rescanCpuMs: number;
  tasks: number;
  longestCpuMs: number;
}

interface BreakdownCell {
  result: BreakdownResult;
  /** Cumulative CPU ms per stage (median). */
  cpuMs: Record<BreakdownStage, number>;
}

interface PageResult {
  file: string;
  bytes: number;
  large: boolean;
  stats: PageStats;
  prepared: Map<number, Prepared>;
  markenlotse: Map<number, PassCell>;
  floor: Map<number, PassCell>;
  markjs: Map<number, MarkjsCell>;
  incremental: Map<number, IncrementalCell>;
  replace: Map<number, ReplaceCell>;
  breakdown: Map<number, BreakdownCell>;
  /** CPU ms of a DevTools evaluate task that does nothing (median): included once in every measured run. */
  overheadMs: number;
  sheets: Map<number, SheetCell>;
}

/** Style recalculation (CPU ms, median) caused by adopting the highlight sheet, and a later page-triggered one. */
interface SheetCell {
  adopt: Record<SheetVariant, number>;
  pageRecalc: Record<SheetVariant, number>;
}

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return NaN;
  const mid = sorted.length >> 1;
  return sorted.length % 2
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
};

function passCell(costs: RunCost[], walls: number[], hits: number): PassCell {
  const found = costs.filter((c) => c.found);
  return {
    runs: found.length,
    scriptCpuMs: median(found.map((c) => c.scriptCpuMs)),
    styleLayoutCpuMs: median(found.map((c) => c.styleLayoutCpuMs)),
    ownCpuMs: median(found.map((c) => c.ownCpuMs)),
    otherCpuMs: median(found.map((c) => c.otherCpuMs)),
    wallMs: median(walls),
    longestCpuMs: Math.max(0, ...found.map((c) => c.longestCpuMs)),
    longestWallMs: Math.max(0, ...found.map((c) => c.longestWallMs)),
    longestIsScript: found.reduce(
      (worst, c) => (c.longestCpuMs > worst.longestCpuMs ? c : worst),
      found[0] ?? costs[0]!,
    ).longestIsScript,
    longestScriptCpuMs: Math.max(0, ...found.map((c) => c.longestScriptCpuMs)),
    tasks: median(found.map((c) => c.tasks)),
    hits,
  };
}

// ---------------------------------------------------------------------------
// The page side

async function bundlePageEntry(): Promise<string> {
  const result = await esbuild.build({
    absWorkingDir: root,
    entryPoints: ['scripts/bench/page-entry.ts'],
    bundle: true,
    format: 'iife',
    target: ['chrome120'],
    define: { __BROWSER__: JSON.stringify('chrome') },
    write: false,
    logLevel: 'warning',
  });
  const out = result.outputFiles[0];
  if (!out) throw new Error('esbuild produced nothing');
  return out.text;
}

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

/** Serves the corpus read-only on 127.0.0.1, with a CSP that keeps the pages' own scripts from running. */
async function serveCorpus(): Promise<{ server: Server; origin: string }> {
  const server = createServer((req, res) => {
    const path = resolve(
      corpusDir,
      `.${decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)}`,
    );
    if (!path.startsWith(corpusDir + sep) || !path.endsWith('.html') || !existsSync(path)) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, {
      'content-type': 'text/html; charset=utf-8',
      'content-security-policy': "script-src 'none'; frame-src 'none'; object-src 'none'",
      'cache-control': 'no-store',
    });
    res.end(readFileSync(path));
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('no server address');
  return { server, origin: `http://127.0.0.1:${address.port}` };
}

// ---------------------------------------------------------------------------
// One page

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

function log(message: string): void {
  process.stderr.write(`${message}\n`);
}

async function benchPage(
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
    const labels = {
      markenlotse: new Map<number, { label: string; wall: number; hits: number }[]>(),
      floor: new Map<number, { label: string; wall: number; hits: number }[]>(),
      markjs: new Map<number, { label: string; wall: number; marks: number; capped: boolean }[]>(),
      replace: new Map<number, { label: string; setup: ReplaceSetup }[]>(),
      incremental: new Map<
        number,
        { label: string; setup: IncrementalSetup; rescan: IncrementalResult }[]
      >(),
      breakdown: new Map<
        number,
        Map<BreakdownStage, { label: string; result: BreakdownResult }[]>
      >(),
      sheets: new Map<number, { variant: SheetVariant; label: string }[]>(),
    };

    const noops: string[] = [];
    for (let i = 0; i < NOOP_RUNS; i++) {
      const label = nextLabel('noop');
      await call(page, 'noop', label);
      noops.push(label);
    }

    // (1) Markenlotse and (3) the floor, interleaved, one warm-up each (two for the first term count).
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

    // The incremental update and the stage breakdown, on the large pages.
    if (large) {
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

    await nextPhase();
    // (2) mark.js last: it changes the DOM (unmark() restores it).
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

    traces.add((await browser.stopTracing()).toString('utf8'));
    const trace = traces;
    result.overheadMs = median(noops.map((label) => trace.run(label).ownCpuMs));
    for (const [n, runs] of labels.sheets) {
      const pick = (variant: SheetVariant, suffix: string): number =>
        median(
          runs
            .filter((r) => r.variant === variant)
            .map((r) => trace.styleLayoutBetween(r.label + suffix)),
        );
      const cell: SheetCell = {
        adopt: { none: 0, painter: 0, universal: 0 },
        pageRecalc: { none: 0, painter: 0, universal: 0 },
      };
      for (const variant of SHEET_VARIANTS) {
        cell.adopt[variant] = pick(variant, '');
        cell.pageRecalc[variant] = pick(variant, '-page');
      }
      result.sheets.set(n, cell);
    }
    for (const [n, runs] of labels.markenlotse) {
      result.markenlotse.set(
        n,
        passCell(
          runs.map((r) => trace.run(r.label)),
          runs.map((r) => r.wall),
          runs[0]?.hits ?? 0,
        ),
      );
    }
    for (const [n, runs] of labels.floor) {
      result.floor.set(
        n,
        passCell(
          runs.map((r) => trace.run(r.label)),
          runs.map((r) => r.wall),
          runs[0]?.hits ?? 0,
        ),
      );
    }
    for (const n of TERM_COUNTS) {
      const runs = labels.markjs.get(n) ?? [];
      const costs = runs.map((r) => trace.run(r.label));
      const capped = runs.some((r) => r.capped);
      result.markjs.set(n, {
        runs: runs.length,
        capped,
        skipped: runs.length === 0 && markjsError === undefined,
        ...(runs.length === 0 && markjsError !== undefined ? { error: markjsError } : {}),
        cpuMs: capped
          ? Math.max(...costs.map((c) => c.ownCpuMs))
          : median(costs.map((c) => c.ownCpuMs)),
        wallMs: median(runs.map((r) => r.wall)),
        marks: runs.find((r) => !r.capped)?.marks ?? -1,
      });
    }
    for (const [n, runs] of labels.incremental) {
      const first = runs[0];
      if (!first) continue;
      const costs = runs.map((r) => {
        const cost = trace.afterChange(r.label);
        if (!cost.rescan) log(`  ${file}: the rescan task of ${r.label} is not in the trace`);
        return {
          observer: cost.observerCpuMs,
          rescan: cost.rescan?.scriptCpuMs ?? NaN,
          style: cost.rescan?.styleLayoutCpuMs ?? NaN,
        };
      });
      result.incremental.set(n, {
        runs: runs.length,
        setup: first.setup,
        added: first.rescan.after - first.setup.before,
        observerMs: median(costs.map((c) => c.observer)),
        rescanCpuMs: median(costs.map((c) => c.rescan)),
        rescanStyleLayoutMs: median(costs.map((c) => c.style)),
        cpuMs: median(costs.map((c) => c.observer + c.rescan)),
      });
    }
    for (const [n, runs] of labels.replace) {
      const first = runs[0];
      if (!first) continue;
      const costs = runs.map((r) => trace.afterChange(r.label));
      costs.forEach((c, i) => {
        if (!c.rescan) log(`  ${file}: the rescan of ${runs[i]?.label ?? '?'} is not in the trace`);
      });
      result.replace.set(n, {
        setup: first.setup,
        observerMs: median(costs.map((c) => c.observerCpuMs)),
        rescanCpuMs: median(costs.map((c) => c.rescan?.scriptCpuMs ?? NaN)),
        tasks: median(costs.map((c) => c.rescan?.tasks ?? NaN)),
        longestCpuMs: Math.max(...costs.map((c) => c.rescan?.longestCpuMs ?? NaN)),
      });
    }
    for (const [n, stages] of labels.breakdown) {
      const cpuMs = {} as Record<BreakdownStage, number>;
      for (const stage of BREAKDOWN_STAGES)
        cpuMs[stage] = median((stages.get(stage) ?? []).map((r) => trace.run(r.label).ownCpuMs));
      const visibility = stages.get('visibility')?.[0]?.result;
      if (visibility) result.breakdown.set(n, { result: visibility, cpuMs });
    }
    return result;
  } finally {
    await context.close();
  }
}

// ---------------------------------------------------------------------------
// Output

const ms = (value: number): string =>
  !Number.isFinite(value)
    ? '–'
    : value >= 100
      ? value.toFixed(0)
      : value >= 10
        ? value.toFixed(1)
        : value.toFixed(2);
const ratio = (value: number): string =>
  !Number.isFinite(value) ? '–' : value >= 10 ? value.toFixed(0) : value.toFixed(1);
const thousands = (n: number): string => n.toLocaleString('en-US');
const percent = (share: number): string =>
  !Number.isFinite(share) ? '–' : `${(share * 100).toFixed(1)} %`;
const pageName = (file: string): string => file.replace(/\.html$/, '');

function markjsText(cell: MarkjsCell | undefined): string {
  if (!cell) return '–';
  if (cell.error !== undefined) return `failed: ${cell.error.slice(0, 60)}`;
  if (cell.skipped) return `> ${MARKJS_CAP_MS / 1000} s (not run)`;
  if (cell.capped) return `> ${MARKJS_CAP_MS / 1000} s (stopped; ${ms(cell.cpuMs)} CPU ms used)`;
  return ms(cell.cpuMs);
}

/** mark.js CPU ÷ Markenlotse script CPU; for a capped run a lower bound ("≥"). */
function speedup(result: PageResult, n: number): { value: number; lowerBound: boolean } | null {
  const mj = result.markjs.get(n);
  const ml = result.markenlotse.get(n);
  if (!mj || !ml || mj.error !== undefined) return null;
  if (mj.skipped) {
    // A larger term set costs mark.js at least what the capped smaller one did.
    const smaller = [...result.markjs.entries()]
      .filter(([k, c]) => k < n && c.capped)
      .map(([, c]) => c.cpuMs);
    return smaller.length
      ? { value: Math.max(...smaller) / ml.scriptCpuMs, lowerBound: true }
      : null;
  }
  return { value: mj.cpuMs / ml.scriptCpuMs, lowerBound: mj.capped };
}

function fullPassTable(results: PageResult[]): string {
  const rows = [
    '| page | HTML KB | text nodes | terms | Markenlotse script | + forced style/layout | hits | floor | hits | ML ÷ floor | mark.js | marks | mark.js ÷ ML |',
    '|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|',
  ];
  for (const r of results) {
    for (const n of TERM_COUNTS) {
      const ml = r.markenlotse.get(n);
      const fl = r.floor.get(n);
      const mj = r.markjs.get(n);
      if (!ml || !fl) continue;
      const s = speedup(r, n);
      rows.push(
        `| ${pageName(r.file)}${r.large ? ' (L)' : ''} | ${Math.round(r.bytes / 1024)} | ${thousands(r.stats.textNodes)} | ${n} | ` +
          `${ms(ml.scriptCpuMs)} | ${ms(ml.styleLayoutCpuMs)} | ${ml.hits} | ${ms(fl.scriptCpuMs)} | ${fl.hits} | ` +
          `${ratio(ml.scriptCpuMs / fl.scriptCpuMs)} | ${markjsText(mj)} | ${mj && mj.marks >= 0 ? mj.marks : '–'} | ` +
          `${s ? `${s.lowerBound ? '> ' : ''}${ratio(s.value)}` : '–'} |`,
      );
    }
  }
  return rows.join('\n');
}

function taskTable(results: PageResult[]): string {
  const rows = [
    '| page | terms | longest task CPU ms | its wall ms | whose | longest of ours without forced style/layout | tasks of ours | pass CPU (script + style/layout) | other main-thread CPU during pass | start() wall ms |',
    '|---|--:|--:|--:|:-:|--:|--:|--:|--:|--:|',
  ];
  for (const r of results) {
    for (const n of TERM_COUNTS) {
      const ml = r.markenlotse.get(n);
      if (!ml) continue;
      rows.push(
        `| ${pageName(r.file)} | ${n} | ${ms(ml.longestCpuMs)} | ${ms(ml.longestWallMs)} | ${ml.longestIsScript ? 'ours' : 'rendering'} | ` +
          `${ms(ml.longestScriptCpuMs)} | ${Math.round(ml.tasks)} | ${ms(ml.ownCpuMs)} | ${ms(ml.otherCpuMs)} | ${ms(ml.wallMs)} |`,
      );
    }
  }
  return rows.join('\n');
}

/** The full pass as the content script runs it: without the DevTools evaluate task that starts it here. */
const passWithoutOverhead = (r: PageResult, n: number): number =>
  (r.markenlotse.get(n)?.scriptCpuMs ?? NaN) - r.overheadMs;

function incrementalTable(results: PageResult[]): string {
  const rows = [
    '| page | terms | page text chars | appended chars (share of page text) | full pass script CPU ms, without the evaluate | observer callback ms | rescan CPU ms | update in all | share of the full pass | style/layout the rescan forced | hits added (expected) |',
    '|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|',
  ];
  for (const r of results) {
    for (const [n, cell] of r.incremental) {
      const full = passWithoutOverhead(r, n);
      rows.push(
        `| ${pageName(r.file)} | ${n} | ${thousands(r.stats.textChars)} | ${thousands(cell.setup.appendedChars)} (${percent(cell.setup.appendedChars / r.stats.textChars)}) | ` +
          `${ms(full)} | ${ms(cell.observerMs)} | ${ms(cell.rescanCpuMs)} | ${ms(cell.cpuMs)} | ${percent(cell.cpuMs / full)} | ${ms(cell.rescanStyleLayoutMs)} | ` +
          `${cell.added} (${cell.setup.expectedAdded}) |`,
      );
    }
  }
  return rows.join('\n');
}

function replaceTable(results: PageResult[]): string {
  const rows = [
    '| page | terms | element | its text chars | full pass script CPU ms | observer callback ms | rescan CPU ms in all | rescan tasks | longest rescan task CPU ms (worst run) |',
    '|---|--:|---|--:|--:|--:|--:|--:|--:|',
  ];
  for (const r of results) {
    for (const [n, cell] of r.replace) {
      rows.push(
        `| ${pageName(r.file)} | ${n} | \`${cell.setup.element}\` | ${thousands(cell.setup.replacedChars)} | ${ms(passWithoutOverhead(r, n))} | ` +
          `${ms(cell.observerMs)} | ${ms(cell.rescanCpuMs)} | ${cell.tasks} | ${ms(cell.longestCpuMs)} |`,
      );
    }
  }
  return rows.join('\n');
}

function sheetTable(results: PageResult[]): string {
  const rows = [
    '| page | terms (brands) | adopt highlightCss() (`:root::highlight()` rules): recalc CPU ms | the same as bare `::highlight()` rules | later full recalc by the page: no sheet | with highlightCss() | with bare `::highlight()` rules |',
    '|---|--:|--:|--:|--:|--:|--:|',
  ];
  for (const r of results) {
    for (const [n, c] of r.sheets) {
      rows.push(
        `| ${pageName(r.file)} | ${n} (${r.prepared.get(n)?.brands ?? '?'}) | ${ms(c.adopt.painter)} | ${ms(c.adopt.universal)} | ` +
          `${ms(c.pageRecalc.none)} | ${ms(c.pageRecalc.painter)} | ${ms(c.pageRecalc.universal)} |`,
      );
    }
  }
  return rows.join('\n');
}

function breakdownTable(results: PageResult[]): string {
  const rows = [
    '| page | terms | blocks | block chars | walk (collect) | match | positions | visibility | paint (ranges + Highlight.add) | sum | visibility checks | hits |',
    '|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|',
  ];
  for (const r of results) {
    for (const [n, cell] of r.breakdown) {
      const c = cell.cpuMs;
      // Each stage runs everything before it too; the differences are the stages' own costs.
      const own = (stage: BreakdownStage, before: BreakdownStage | null): string =>
        ms(Math.max(0, c[stage] - (before ? c[before] : 0)));
      rows.push(
        `| ${pageName(r.file)} | ${n} | ${thousands(cell.result.blocks)} | ${thousands(cell.result.blockChars)} | ${own('walk', null)} | ` +
          `${own('match', 'walk')} | ${own('positions', 'match')} | ${own('visibility', 'positions')} | ${own('paint', 'visibility')} | ` +
          `${ms(c.paint)} | ${thousands(cell.result.visibilityChecks)} | ${cell.result.hits} |`,
      );
    }
  }
  return rows.join('\n');
}

function goals(results: PageResult[]): string {
  const large = results.filter((r) => r.large);
  const lines: string[] = [];
  const verdict = (ok: boolean): string => (ok ? '**met**' : '**not met**');

  const speedups = large.map((r) => ({ page: pageName(r.file), s: speedup(r, 100) }));
  const worstSpeed = speedups.filter((x) => x.s).sort((a, b) => a.s!.value - b.s!.value)[0];
  const speedOk = speedups.every((x) => x.s && x.s.value >= GOALS.markjsSpeedup);
  lines.push(
    `- ≥ ${GOALS.markjsSpeedup}× faster than mark.js at 100 terms on the large pages (script CPU): ` +
      (large.length ? verdict(speedOk) : 'not measured (no large page in this run)') +
      (worstSpeed?.s
        ? ` — lowest ${worstSpeed.s.lowerBound ? '> ' : ''}${ratio(worstSpeed.s.value)}× (${worstSpeed.page})`
        : ''),
  );
  const withStyle = large
    .map((r) => {
      const s = speedup(r, 100);
      const ml = r.markenlotse.get(100);
      return s && ml
        ? {
            page: pageName(r.file),
            lowerBound: s.lowerBound,
            value: (s.value * ml.scriptCpuMs) / ml.ownCpuMs,
          }
        : null;
    })
    .filter((x): x is { page: string; lowerBound: boolean; value: number } => x !== null)
    .sort((a, b) => a.value - b.value);
  const lowestWithStyle = withStyle[0];
  if (lowestWithStyle) {
    const misses = withStyle.filter((x) => x.value < GOALS.markjsSpeedup).length;
    lines.push(
      `  - counting the style recalculation the pass forces as well: lowest ${lowestWithStyle.lowerBound ? '> ' : ''}${ratio(lowestWithStyle.value)}× ` +
        `(${lowestWithStyle.page}); ${misses} of ${withStyle.length} large pages under ${GOALS.markjsSpeedup}×`,
    );
  }

  const floorMisses: string[] = [];
  let worstFloor = 0;
  for (const r of results) {
    for (const n of [100, 1000]) {
      const f = (r.markenlotse.get(n)?.scriptCpuMs ?? NaN) / (r.floor.get(n)?.scriptCpuMs ?? NaN);
      worstFloor = Math.max(worstFloor, Number.isFinite(f) ? f : 0);
      if (!(f <= GOALS.floorFactor)) floorMisses.push(`${pageName(r.file)} @${n}: ${ratio(f)}×`);
    }
  }
  lines.push(
    `- within ${GOALS.floorFactor}× of the floor at 100 and 1,000 terms (script CPU): ${verdict(floorMisses.length === 0)} — worst ${ratio(worstFloor)}×` +
      (floorMisses.length ? `; misses: ${floorMisses.join(', ')}` : ''),
  );

  const longMisses: string[] = [];
  let worstTask = { ms: 0, page: '', n: 0, script: false };
  for (const r of results) {
    for (const [n, ml] of r.markenlotse) {
      if (ml.longestCpuMs > worstTask.ms)
        worstTask = { ms: ml.longestCpuMs, page: pageName(r.file), n, script: ml.longestIsScript };
      if (ml.longestCpuMs >= GOALS.longestTaskMs)
        longMisses.push(`${pageName(r.file)} @${n}: ${ms(ml.longestCpuMs)} ms`);
    }
  }
  lines.push(
    `- longest task < ${GOALS.longestTaskMs} ms (CPU): ${verdict(longMisses.length === 0)} — worst ${ms(worstTask.ms)} ms ` +
      `(${worstTask.page}, ${worstTask.n} terms, ${worstTask.script ? 'our task' : 'a rendering task'})` +
      (longMisses.length
        ? `; ${longMisses.length} of ${results.length * TERM_COUNTS.length} passes at or over`
        : ''),
  );
  const worstSlice = Math.max(
    0,
    ...results.flatMap((r) => [...r.markenlotse.values()].map((c) => c.longestScriptCpuMs)),
  );
  lines.push(
    `  - our longest task without the style/layout it forced: ${ms(worstSlice)} ms (all pages and term counts)`,
  );

  // The goal is about a page that 10 blocks do not make much bigger: held on
  // pages where they add at most 1 % of the text. Elsewhere (10 results are 15-60 %
  // of a results page's text) the table shows whether the cost is in proportion.
  const shares = large.flatMap((r) =>
    [...r.incremental]
      .filter(([, c]) => c.setup.appendedChars / r.stats.textChars <= APPEND_GOAL_MAX_TEXT_SHARE)
      .map(([n, c]) => ({
        page: pageName(r.file),
        n,
        share: c.cpuMs / passWithoutOverhead(r, n),
      })),
  );
  const okPages = shares.filter((s) => s.share < GOALS.appendShare).map((s) => `${s.page} @${s.n}`);
  const worstShare = [...shares].sort((a, b) => b.share - a.share)[0];
  lines.push(
    `- append of 10 blocks < ${GOALS.appendShare * 100} % of a full pass, on large pages where they add ≤ ${APPEND_GOAL_MAX_TEXT_SHARE * 100} % of the text: ` +
      (shares.length
        ? verdict(shares.every((s) => s.share < GOALS.appendShare))
        : 'not measured (no large page in this run)') +
      (worstShare
        ? ` — worst ${percent(worstShare.share)} (${worstShare.page}, ${worstShare.n} terms); under ${percent(GOALS.appendShare)}: ${okPages.length ? okPages.join(', ') : 'none'}`
        : ''),
  );
  return lines.join('\n');
}

function machine(browserVersion: string): string {
  const cpu = cpus()[0]?.model ?? 'unknown';
  const load = loadavg()
    .map((l) => l.toFixed(1))
    .join(' / ');
  return [
    `- Date: ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC`,
    `- Machine: ${availableParallelism()} cores (nproc), ${cpu}; load average at the end ${load} (1 / 5 / 15 min)`,
    `- Browser: Chromium ${browserVersion} (headless, Playwright), Node ${process.version}`,
    `- Command: \`npm run bench\` (BENCH_REPEATS=${REPEATS}, BENCH_MARKJS_CAP_S=${MARKJS_CAP_MS / 1000})`,
  ].join('\n');
}

function report(results: PageResult[], browserVersion: string, seconds: number): string {
  const compile = TERM_COUNTS.map(
    (n) => `${n}: ${ms(median(results.map((r) => r.prepared.get(n)?.compileMs ?? NaN)))} ms`,
  ).join(', ');
  return [
    machine(browserVersion),
    `- Run time: ${Math.round(seconds)} s. compileMatcher() (not part of the pass, median wall ms): ${compile}`,
    `- An empty DevTools evaluate task costs ${ms(median(results.map((r) => r.overheadMs)))} CPU ms (median over pages); every run below includes one.`,
    '',
    '### Goals',
    '',
    goals(results),
    '',
    '### Full pass: main-thread CPU ms (median), hits',
    '',
    '(L) = large page (≥ 500 KB of HTML). "Markenlotse script" excludes the style recalculation and layout its',
    "tasks forced (next column); floor and mark.js forced none. mark.js ÷ ML uses Markenlotse's script time.",
    '',
    fullPassTable(results),
    '',
    '### Markenlotse: longest main-thread task (worst of the runs) and the pass as a whole',
    '',
    taskTable(results),
    '',
    "### Incremental update: 10 result blocks appended to a large page, rescanned by the scanner's own timer",
    '',
    incrementalTable(results),
    '',
    '### Content replaced: the main content swapped for a fresh copy (a single-page app navigating), rescanned in slices',
    '',
    replaceTable(results),
    '',
    '### Where the time goes: the pass emulated stage by stage (CPU ms, median)',
    '',
    breakdownTable(results),
    '',
    '### The highlight stylesheet: style recalculation it causes (CPU ms, median)',
    '',
    "Adopting the painter's sheet (what configure() does) into the loaded page, forcing style; then a full",
    'recalculation the page itself triggers (a custom property on the root element) while the sheet is adopted.',
    '',
    sheetTable(results),
  ].join('\n');
}

const START = '<!-- bench:results:start -->';
const END = '<!-- bench:results:end -->';

function writeDocs(body: string): void {
  const block = `${START}\n${body}\n${END}`;
  let doc = existsSync(docsFile) ? readFileSync(docsFile, 'utf8') : '# Benchmark\n\n## Results\n\n';
  const a = doc.indexOf(START);
  const b = doc.indexOf(END);
  doc =
    a >= 0 && b > a
      ? doc.slice(0, a) + block + doc.slice(b + END.length)
      : `${doc.trimEnd()}\n\n${block}\n`;
  writeFileSync(docsFile, doc);
}

// ---------------------------------------------------------------------------

async function main(): Promise<void> {
  const dirs = ['pages', 'serp'].map((d) => join(corpusDir, d)).filter((d) => existsSync(d));
  if (dirs.length === 0) {
    console.log(
      `Benchmark skipped: no corpus at ${corpusDir} (set CORPUS_DIR to a folder with pages/ and serp/).`,
    );
    return;
  }
  const only = (process.env.BENCH_PAGES ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const files = dirs
    .flatMap((dir) =>
      readdirSync(dir)
        .filter((f) => f.endsWith('.html'))
        .sort()
        .map((f) => relative(corpusDir, join(dir, f))),
    )
    .filter((f) => only.length === 0 || only.some((o) => f.includes(o)));

  const began = Date.now();
  const sources = {
    bundle: await bundlePageEntry(),
    markjs: readFileSync(join(root, 'node_modules/mark.js/dist/mark.min.js'), 'utf8'),
  };
  const terms = benchTerms();
  const { server, origin } = await serveCorpus();
  const browser = await chromium.launch({
    executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
  });
  const results: PageResult[] = [];
  try {
    for (const file of files) {
      log(`${file}`);
      results.push(await benchPage(browser, origin, file, sources, terms));
    }
    const body = report(results, browser.version(), (Date.now() - began) / 1000);
    console.log(body);
    if (process.env.BENCH_NO_DOCS !== '1') {
      writeDocs(body);
      log(`\nwritten to ${relative(root, docsFile)}`);
    }
  } finally {
    await browser.close();
    server.close();
  }
}

await main();
