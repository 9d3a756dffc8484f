// The measurements of one page: what measure.ts took (labelled runs, each
// found in the Chrome trace afterwards) and what the report reads (medians
// and worst cases per term count).
import type {
  BreakdownResult,
  BreakdownStage,
  IncrementalResult,
  IncrementalSetup,
  PageStats,
  Prepared,
  ReplaceSetup,
  SheetVariant,
} from './api.ts';
import { BREAKDOWN_STAGES } from './api.ts';
import { SHEET_VARIANTS, TERM_COUNTS } from './config.ts';
import type { RunCost, TraceSet } from './trace.ts';

export interface PassCell {
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

export interface MarkjsCell {
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

export interface IncrementalCell {
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
export interface ReplaceCell {
  setup: ReplaceSetup;
  observerMs: number;
  /** All the rescan's slices (median of runs), their number, and the longest slice of all runs. */
  rescanCpuMs: number;
  tasks: number;
  longestCpuMs: number;
}

export interface BreakdownCell {
  result: BreakdownResult;
  /** Cumulative CPU ms per stage (median). */
  cpuMs: Record<BreakdownStage, number>;
}

export interface PageResult {
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
export interface SheetCell {
  adopt: Record<SheetVariant, number>;
  pageRecalc: Record<SheetVariant, number>;
}

export const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return NaN;
  const mid = sorted.length >> 1;
  return sorted.length % 2
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
};

export function passCell(costs: RunCost[], walls: number[], hits: number): PassCell {
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

/** The labelled runs of one page, per measurement and term count, before the trace is read. */
export interface PageLabels {
  /** DevTools evaluate tasks that do nothing: the overhead every run includes. */
  noops: string[];
  markenlotse: Map<number, { label: string; wall: number; hits: number }[]>;
  floor: Map<number, { label: string; wall: number; hits: number }[]>;
  markjs: Map<number, { label: string; wall: number; marks: number; capped: boolean }[]>;
  /** Set when mark.js threw: the larger term sets were not run. */
  markjsError: string | undefined;
  replace: Map<number, { label: string; setup: ReplaceSetup }[]>;
  incremental: Map<number, { label: string; setup: IncrementalSetup; rescan: IncrementalResult }[]>;
  breakdown: Map<number, Map<BreakdownStage, { label: string; result: BreakdownResult }[]>>;
  sheets: Map<number, { variant: SheetVariant; label: string }[]>;
}

/** Fills `result` from the runs in `labels`, each costed by the trace. */
export function collate(
  result: PageResult,
  labels: PageLabels,
  trace: TraceSet,
  log: (message: string) => void,
): void {
  const { file } = result;
  const { noops, markjsError } = labels;
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
}

/** mark.js CPU ÷ Markenlotse script CPU; for a capped run a lower bound ("≥"). */
export function speedup(
  result: PageResult,
  n: number,
): { value: number; lowerBound: boolean } | null {
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

/** The full pass as the content script runs it: without the DevTools evaluate task that starts it here. */
export const passWithoutOverhead = (r: PageResult, n: number): number =>
  (r.markenlotse.get(n)?.scriptCpuMs ?? NaN) - r.overheadMs;
