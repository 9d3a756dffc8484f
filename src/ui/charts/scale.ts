/**
 * Scales for the overview's charts: a value axis that starts at zero and ends
 * on a round number, with round ticks between, and bands for bars. Pure, so
 * the charts' geometry is unit-tested without a DOM.
 */

/** A linear map from a value domain onto pixels, with the ticks a reader sees. */
export interface LinearScale {
  /** The domain's end (a round number at or above the data's maximum). */
  readonly max: number;
  readonly ticks: readonly number[];
  /** Pixels for a value; 0 maps to `range[0]`, `max` to `range[1]`. */
  at(value: number): number;
}

/**
 * The step of at most `count` ticks over [0, max] that is 1, 2 or 5 times a
 * power of ten, and never below `minStep` (counts are whole numbers: no
 * tick at 0.5 mentions).
 */
export function niceStep(max: number, count: number, minStep = 0): number {
  if (!(max > 0) || count < 1) return Math.max(1, minStep);
  const raw = max / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw) ?? 10 * power;
  return Math.max(step, minStep);
}

/**
 * A scale from 0 to the first multiple of the tick step at or above `dataMax`.
 * An empty or all-zero series still gets an axis (0 to 1), so a chart of no
 * data draws its frame instead of dividing by zero.
 */
export function linearScale(
  dataMax: number,
  range: readonly [number, number],
  options: { ticks?: number; integer?: boolean } = {},
): LinearScale {
  const step = niceStep(dataMax, options.ticks ?? 5, options.integer === false ? 0 : 1);
  const max = Math.max(step, Math.ceil(dataMax / step - 1e-9) * step);
  const ticks: number[] = [];
  for (let tick = 0; tick <= max + step / 2; tick += step) ticks.push(round(tick));
  const [from, to] = range;
  return { max, ticks, at: (value) => from + ((to - from) * value) / max };
}

/** Rank axes run downwards: rank 1 at the top, the worst rank seen at the bottom. */
export function rankScale(worstRank: number, range: readonly [number, number]): LinearScale {
  const worst = Math.max(1, Math.ceil(worstRank));
  const step = niceStep(worst - 1, 4, 1);
  const ticks = [1];
  for (let rank = step; rank <= worst; rank += step) if (rank > 1) ticks.push(rank);
  if (ticks[ticks.length - 1] !== worst && worst > 1) ticks.push(worst);
  const [top, bottom] = range;
  const span = Math.max(1, worst - 1);
  return { max: worst, ticks, at: (rank) => top + ((bottom - top) * (rank - 1)) / span };
}

/** Equal bands for `count` bars over a range, with a gap between them. */
export interface BandScale {
  readonly width: number;
  /** Left edge of band `index`. */
  at(index: number): number;
  /** Centre of band `index`, where its label goes. */
  centre(index: number): number;
}

export function bandScale(
  count: number,
  range: readonly [number, number],
  gapRatio = 0.2,
): BandScale {
  const [from, to] = range;
  const slot = count > 0 ? (to - from) / count : to - from;
  const width = slot * (1 - gapRatio);
  return {
    width,
    at: (index) => from + slot * index + (slot - width) / 2,
    centre: (index) => from + slot * index + slot / 2,
  };
}

/** Values stacked on each other: the bottom and top of each segment, from zero. */
export function stack(values: readonly number[]): { from: number; to: number }[] {
  let sum = 0;
  return values.map((value) => {
    const from = sum;
    sum += Math.max(0, value);
    return { from, to: sum };
  });
}

/** Shares in per cent that add up to exactly 100 (largest remainders), or all 0 for no data. */
export function percentages(values: readonly number[]): number[] {
  const total = values.reduce((sum, v) => sum + Math.max(0, v), 0);
  if (total === 0) return values.map(() => 0);
  const exact = values.map((v) => (Math.max(0, v) * 100) / total);
  const floors = exact.map(Math.floor);
  let missing = 100 - floors.reduce((a, b) => a + b, 0);
  const order = exact
    .map((v, i) => ({ i, rest: v - Math.floor(v) }))
    .sort((a, b) => b.rest - a.rest || a.i - b.i);
  for (const { i } of order) {
    if (missing <= 0) break;
    floors[i] = (floors[i] ?? 0) + 1;
    missing--;
  }
  return floors;
}

const round = (n: number): number => Math.round(n * 1e9) / 1e9;
