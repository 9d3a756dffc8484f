// The page-load mode's goals and tables in docs/bench.md.
import { MARKJS_CAP_MS, TERM_COUNTS } from './config.ts';
import { PHASES } from './cpu-profile.ts';
import { ms, pageName, ratio } from './format.ts';
import type { LoadCell, LoadPageResult, LoadResults } from './load-run.ts';
import { FRAME_COUNT } from './serve.ts';

export const LOAD_GOALS = { floorFactor: 2, markjsSpeedup: 20, emptyFrameMs: 1, framesFactor: 1.5 };

const mb = (bytes: number): string => (Number.isFinite(bytes) ? (bytes / 1048576).toFixed(2) : '–');

function markjsText(c: LoadCell | undefined): string {
  if (!c) return '–';
  if (c.skipped) return `> ${MARKJS_CAP_MS / 1000} s (not run)`;
  return c.capped ? `> ${ms(c.totalMs)} (stopped)` : ms(c.totalMs);
}

/** mark.js ÷ Markenlotse; a lower bound where mark.js was stopped or not run. */
function speedup(page: LoadPageResult, n: number): { value: number; lowerBound: boolean } | null {
  const ml = page.cells.markenlotse.get(n);
  let mj = page.cells.markjs.get(n);
  if (!ml || !mj) return null;
  if (mj.skipped) {
    // A larger term set costs mark.js at least what the stopped smaller one did.
    mj = [...page.cells.markjs.entries()].find(([k, c]) => k < n && c.capped)?.[1];
    if (!mj) return null;
    return { value: mj.totalMs / ml.totalMs, lowerBound: true };
  }
  return { value: mj.totalMs / ml.totalMs, lowerBound: mj.capped };
}

/** Per empty frame: the blank host page with FRAME_COUNT frames minus without, divided by FRAME_COUNT. */
export function emptyFrameMs(results: LoadResults): number {
  const blank = results.frames.find((f) => f.page.startsWith('__'));
  return blank ? (blank.with.totalMs - blank.without.totalMs) / FRAME_COUNT : NaN;
}

export function loadGoals(results: LoadResults): string {
  const lines: string[] = [];
  const verdict = (ok: boolean): string => (ok ? '**met**' : '**not met**');
  const large = results.pages.filter((p) => p.large);
  const floorTerms = [100, 1000].filter((n) => (TERM_COUNTS as readonly number[]).includes(n));
  const misses: string[] = [];
  let worst = 0;
  for (const p of large) {
    for (const n of floorTerms) {
      const f =
        (p.cells.markenlotse.get(n)?.totalMs ?? NaN) / (p.cells.floor.get(n)?.totalMs ?? NaN);
      if (Number.isFinite(f)) worst = Math.max(worst, f);
      if (!(f <= LOAD_GOALS.floorFactor)) misses.push(`${pageName(p.file)} @${n}: ${ratio(f)}×`);
    }
  }
  lines.push(
    `- the whole page load within ${LOAD_GOALS.floorFactor}× of the floor at 100 and 1,000 terms on the large pages: ` +
      (large.length && floorTerms.length
        ? `${verdict(misses.length === 0)} — worst ${ratio(worst)}×${misses.length ? `; misses: ${misses.join(', ')}` : ''}`
        : 'not measured in this run'),
  );
  const speedups = large
    .map((p) => ({ page: pageName(p.file), s: speedup(p, 100) }))
    .filter((x) => x.s !== null)
    .sort((a, b) => a.s!.value - b.s!.value);
  const lowest = speedups[0];
  lines.push(
    `- ≥ ${LOAD_GOALS.markjsSpeedup}× faster than mark.js at 100 terms on the large pages: ` +
      (lowest?.s
        ? `${verdict(speedups.every((x) => x.s!.value >= LOAD_GOALS.markjsSpeedup))} — lowest ${lowest.s.lowerBound ? '> ' : ''}${ratio(lowest.s.value)}× (${lowest.page})`
        : 'not measured in this run'),
  );
  const perFrame = emptyFrameMs(results);
  lines.push(
    `- a frame without text costs < ${LOAD_GOALS.emptyFrameMs} ms: ` +
      (Number.isFinite(perFrame)
        ? `${verdict(perFrame < LOAD_GOALS.emptyFrameMs)} — ${ms(perFrame)} ms per frame`
        : 'not measured in this run'),
  );
  const hosts = results.frames.filter((f) => !f.page.startsWith('__'));
  const factors = hosts.map((f) => ({
    page: pageName(f.page),
    x: f.with.totalMs / f.without.totalMs,
  }));
  lines.push(
    `- a page with ${FRAME_COUNT} empty same-origin iframes ≤ ${LOAD_GOALS.framesFactor}× the page without them: ` +
      (factors.length
        ? `${verdict(factors.every((f) => f.x <= LOAD_GOALS.framesFactor))} — ${factors.map((f) => `${f.page} ${ratio(f.x)}×`).join(', ')}`
        : 'not measured in this run'),
  );
  return lines.join('\n');
}

function totalsTable(results: LoadResults): string {
  const rows = [
    '| page | terms | Markenlotse | floor | ML ÷ floor | mark.js | mark.js ÷ ML | hits painted |',
    '|---|--:|--:|--:|--:|--:|--:|--:|',
  ];
  for (const p of results.pages) {
    for (const n of TERM_COUNTS) {
      const ml = p.cells.markenlotse.get(n);
      const fl = p.cells.floor.get(n);
      if (!ml || !fl) continue;
      const s = speedup(p, n);
      rows.push(
        `| ${pageName(p.file)}${p.large ? ' (L)' : ''} | ${n} | ${ms(ml.totalMs)} | ${ms(fl.totalMs)} | ${ratio(ml.totalMs / fl.totalMs)} | ` +
          `${markjsText(p.cells.markjs.get(n))} | ${s ? `${s.lowerBound ? '> ' : ''}${ratio(s.value)}` : '–'} | ${ml.hits} |`,
      );
    }
  }
  return rows.join('\n');
}

function phaseTable(results: LoadResults): string {
  const rows = [
    `| page | terms | ${PHASES.join(' | ')} | total |`,
    `|---|--:|${PHASES.map(() => '--:').join('|')}|--:|`,
  ];
  for (const p of results.pages) {
    for (const n of TERM_COUNTS) {
      const ml = p.cells.markenlotse.get(n);
      if (!ml) continue;
      rows.push(
        `| ${pageName(p.file)} | ${n} | ${PHASES.map((phase) => ms(ml.phases[phase])).join(' | ')} | ${ms(ml.totalMs)} |`,
      );
    }
  }
  return rows.join('\n');
}

function framesTable(results: LoadResults): string {
  const rows = [
    `| host page | terms | without frames | with ${FRAME_COUNT} empty frames | ratio | per frame |`,
    '|---|--:|--:|--:|--:|--:|',
  ];
  for (const f of results.frames) {
    rows.push(
      `| ${f.page.startsWith('__') ? 'a blank page' : pageName(f.page)} | ${f.terms} | ${ms(f.without.totalMs)} | ${ms(f.with.totalMs)} | ` +
        `${ratio(f.with.totalMs / f.without.totalMs)} | ${ms((f.with.totalMs - f.without.totalMs) / FRAME_COUNT)} |`,
    );
  }
  return rows.join('\n');
}

function heapTable(results: LoadResults): string {
  const heap = results.heap;
  if (!heap || heap.byTerms.size === 0) return 'Not measured in this run.';
  const rows = [
    `On ${pageName(heap.page)} (the largest page), after a full garbage collection. The V8 heap holds every world of the page; the floor's is the baseline (its content script keeps nothing).`,
    '',
    "| terms | heap with Markenlotse MB | with the floor MB | Markenlotse's share MB | array buffers with Markenlotse MB | with the floor MB |",
    '|--:|--:|--:|--:|--:|--:|',
  ];
  for (const [n, h] of heap.byTerms) {
    rows.push(
      `| ${n} | ${mb(h.markenlotse.usedBytes)} | ${mb(h.floor.usedBytes)} | ${mb(h.markenlotse.usedBytes - h.floor.usedBytes)} | ` +
        `${mb(h.markenlotse.backingBytes)} | ${mb(h.floor.backingBytes)} |`,
    );
  }
  return rows.join('\n');
}

export function loadReport(results: LoadResults): string {
  return [
    '### Page load as the user pays it: goals',
    '',
    loadGoals(results),
    '',
    '### Page load: CPU ms of extension code per load (median of the measured loads), hits',
    '',
    '(L) = large page. Each load is a fresh tab, profiled from the navigation until 2.5 s after `load`.',
    '',
    totalsTable(results),
    '',
    '### Page load: Markenlotse by phase (CPU ms, median; the phase of the innermost frame that names one)',
    '',
    phaseTable(results),
    '',
    `### Page load: ${FRAME_COUNT} empty same-origin iframes (ad slots: a box, a style, a script, no text)`,
    '',
    framesTable(results),
    '',
    '### Page load: JavaScript heap',
    '',
    heapTable(results),
  ].join('\n');
}
