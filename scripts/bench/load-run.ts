// Runs the page-load mode over the corpus: per term count, the settings are
// saved once, then every page is loaded by each variant (one warm-up load,
// then BENCH_REPEATS measured ones, each in a fresh tab); then the iframe
// pages and the heap. Results feed load-report.ts.
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { corpusDir, LARGE_BYTES, REPEATS, TERM_COUNTS } from './config.ts';
import { PHASES, type Phase } from './cpu-profile.ts';
import { buildBenchExtensions, VARIANTS, type Variant } from './load-extensions.ts';
import { LoadBrowser, type HeapUse, type LoadRun } from './load-measure.ts';
import { median } from './results.ts';
import { BLANK_PAGE, framedPath, FRAME_COUNT } from './serve.ts';

export interface LoadCell {
  runs: number;
  totalMs: number;
  phases: Record<Phase, number>;
  hits: number;
  /** A run was stopped at the cap (mark.js): totalMs is a lower bound. */
  capped: boolean;
  /** Not run: a smaller term set was stopped at the cap already. */
  skipped: boolean;
}

export interface LoadPageResult {
  file: string;
  bytes: number;
  large: boolean;
  cells: Record<Variant, Map<number, LoadCell>>;
}

/** A page loaded with FRAME_COUNT empty same-origin iframes, and without (Markenlotse only). */
export interface FrameResult {
  /** The host page (a corpus page, or the blank page). */
  page: string;
  terms: number;
  without: LoadCell;
  with: LoadCell;
}

export interface LoadResults {
  pages: LoadPageResult[];
  frames: FrameResult[];
  /** On the largest page, per term count: the heap after a load with Markenlotse and with the floor. */
  heap: { page: string; byTerms: Map<number, Record<'markenlotse' | 'floor', HeapUse>> } | null;
}

/** Pages whose iframe variant is measured (BENCH_FRAME_PAGES: parts of file names). */
const FRAME_PAGES = (process.env.BENCH_FRAME_PAGES ?? 'yahoo-2,google-desktop-coffee')
  .split(',')
  .map((s) => s.trim())
  .filter(Boolean);
const FRAME_TERMS = TERM_COUNTS.includes(100) ? 100 : (TERM_COUNTS[0] ?? 10);

const log = (message: string): void => void process.stderr.write(`${message}\n`);

function cell(runs: LoadRun[], skipped = false): LoadCell {
  const phases = Object.fromEntries(
    PHASES.map((p) => [p, median(runs.map((r) => r.cost.phases[p]))]),
  ) as Record<Phase, number>;
  return {
    runs: runs.length,
    totalMs: median(runs.map((r) => r.cost.totalMs)),
    phases,
    hits: median(runs.map((r) => r.hits)),
    capped: runs.some((r) => r.capped),
    skipped,
  };
}

/** One warm-up load, then REPEATS measured ones (fewer where a load hit the cap). */
async function measure(browser: LoadBrowser, url: string): Promise<LoadRun[]> {
  const warm = await browser.load(url);
  if (warm.run.capped) return [warm.run];
  const runs: LoadRun[] = [];
  for (let i = 0; i < REPEATS; i++) {
    const { run } = await browser.load(url);
    runs.push(run);
    if (run.capped) break;
  }
  return runs;
}

/** The settings a user with `terms` names has: brands of ten terms each. */
export function settingsFor(terms: readonly string[]): {
  brands: { name: string; terms: string[] }[];
} {
  const brands: { name: string; terms: string[] }[] = [];
  for (let i = 0; i < terms.length; i += 10) {
    const group = terms.slice(i, i + 10);
    brands.push({ name: group[0] ?? `Brand ${i}`, terms: group });
  }
  return { brands };
}

export async function runLoads(
  files: readonly string[],
  origin: string,
  allTerms: readonly string[],
): Promise<LoadResults> {
  const termSets = Object.fromEntries(TERM_COUNTS.map((n) => [n, allTerms.slice(0, n)]));
  const extensions = await buildBenchExtensions(termSets);
  const browsers = {} as Record<Variant, LoadBrowser>;
  for (const variant of VARIANTS) browsers[variant] = await LoadBrowser.launch(variant, extensions);
  const pages: LoadPageResult[] = files.map((file) => {
    const bytes = statSync(join(corpusDir, file)).size;
    return {
      file,
      bytes,
      large: bytes >= LARGE_BYTES,
      cells: { markenlotse: new Map(), floor: new Map(), markjs: new Map() },
    };
  });
  const largest = [...pages].sort((a, b) => b.bytes - a.bytes)[0];
  const heap: LoadResults['heap'] = largest ? { page: largest.file, byTerms: new Map() } : null;
  const frames: FrameResult[] = [];
  const markjsCapped = new Set<string>();
  try {
    for (const n of TERM_COUNTS) {
      await browsers.markenlotse.saveSettings(settingsFor(termSets[n] ?? []));
      for (const page of pages) {
        const url = `${origin}/${page.file}#terms=${n}`;
        const line: string[] = [];
        for (const variant of VARIANTS) {
          if (variant === 'markjs' && markjsCapped.has(page.file)) {
            page.cells.markjs.set(n, cell([], true));
            line.push('mark.js not run');
            continue;
          }
          const runs = await measure(browsers[variant], url);
          const c = cell(runs);
          page.cells[variant].set(n, c);
          if (variant === 'markjs' && c.capped) markjsCapped.add(page.file);
          line.push(
            `${variant} ${runs.map((r) => r.cost.totalMs.toFixed(1)).join('/')}${c.capped ? ' (capped)' : ''}`,
          );
        }
        log(`  load ${page.file} @${n}: ${line.join(', ')} ms`);
        if (heap && page === largest) {
          const ml = await browsers.markenlotse.load(url, true);
          const fl = await browsers.floor.load(url, true);
          if (ml.heap && fl.heap) heap.byTerms.set(n, { markenlotse: ml.heap, floor: fl.heap });
        }
      }
      if (n !== FRAME_TERMS) continue;
      const hosts = [BLANK_PAGE, ...files.filter((f) => FRAME_PAGES.some((p) => f.includes(p)))];
      for (const host of hosts) {
        const without = cell(await measure(browsers.markenlotse, `${origin}/${host}`));
        const framed = cell(await measure(browsers.markenlotse, `${origin}/${framedPath(host)}`));
        frames.push({ page: host, terms: n, without, with: framed });
        log(
          `  frames ${host} @${n}: ${without.totalMs.toFixed(1)} ms, with ${FRAME_COUNT} frames ${framed.totalMs.toFixed(1)} ms`,
        );
      }
    }
  } finally {
    for (const browser of Object.values(browsers)) await browser.close();
  }
  return { pages, frames, heap };
}
