// What the bench measures and how often: constants, and the knobs it reads
// from the environment (docs/bench.md, "Running it").
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SheetVariant } from './api.ts';

/**
 * Styles adopted at document_start, as the extension does (default). With
 * BENCH_LATE_STYLES=1 the pass also adopts them, as when settings change on an
 * open page: then the browser restyles the page inside the first slice.
 */
export const EARLY_STYLES = process.env.BENCH_LATE_STYLES !== '1';
export const root = fileURLToPath(new URL('../..', import.meta.url));
export const corpusDir = resolve(root, process.env.CORPUS_DIR ?? '../shared/corpus');
export const docsFile = join(root, 'docs', 'bench.md');

const ALL_TERM_COUNTS = [10, 100, 1000] as const;
type TermCount = (typeof ALL_TERM_COUNTS)[number];

/** BENCH_TERMS (comma separated, e.g. `10` or `10,100`): only these term counts. */
function chosenTermCounts(): readonly TermCount[] {
  const asked = (process.env.BENCH_TERMS ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .map(Number);
  if (asked.length === 0) return ALL_TERM_COUNTS;
  const unknown = asked.filter((n) => !(ALL_TERM_COUNTS as readonly number[]).includes(n));
  if (unknown.length > 0)
    throw new Error(`BENCH_TERMS: ${unknown.join(', ')} not one of ${ALL_TERM_COUNTS.join(', ')}`);
  return ALL_TERM_COUNTS.filter((n) => asked.includes(n));
}

export const TERM_COUNTS = chosenTermCounts();
const chosen = (counts: readonly number[]): number[] =>
  counts.filter((n) => (TERM_COUNTS as readonly number[]).includes(n));

/** BENCH_PAGES (comma separated parts of file names): only those pages. */
export const ONLY_PAGES = (process.env.BENCH_PAGES ?? '')
  .split(',')
  .map((s) => s.trim())
  .filter(Boolean);

/** BENCH_MODES (comma separated): `load` (page loads as the user pays them), `warm` (one pass on a loaded page). */
export const MODES: readonly string[] = (() => {
  const asked = (process.env.BENCH_MODES ?? 'load,warm')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const unknown = asked.filter((m) => m !== 'load' && m !== 'warm');
  if (unknown.length) throw new Error(`BENCH_MODES: ${unknown.join(', ')} not one of load, warm`);
  return asked;
})();

export const REPEATS = Math.max(1, Number(process.env.BENCH_REPEATS ?? 3));
export const MARKJS_CAP_MS = Math.max(1, Number(process.env.BENCH_MARKJS_CAP_S ?? 10)) * 1000;
/** mark.js runs are repeated (up to REPEATS) only while they are this quick. */
export const MARKJS_REPEAT_UNDER_MS = 1500;
/** Pages with at least this much HTML count as large (the goals name them). */
export const LARGE_BYTES = 500_000;
/** Term counts for the incremental update and the stage breakdown (large pages only). */
export const INCREMENTAL_TERMS = chosen([100, 1000]);
export const BREAKDOWN_TERMS = chosen([1000]);
/** Term counts for the stylesheet experiment (large pages only). */
export const SHEET_TERMS = chosen([10, 1000]);
export const SHEET_VARIANTS: SheetVariant[] = ['none', 'painter', 'universal'];
export const NOOP_RUNS = 7;

export const GOALS = { markjsSpeedup: 20, floorFactor: 2, longestTaskMs: 50, appendShare: 0.05 };
/** The append goal applies where the 10 blocks are a small part of the page's text. */
export const APPEND_GOAL_MAX_TEXT_SHARE = 0.01;
