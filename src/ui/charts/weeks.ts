/**
 * Calendar weeks for the charts, in the user's local time: a week starts on
 * Monday (ISO 8601, and how German calendars count), and a week is named by
 * the date of its Monday (`2026-11-30`), which sorts as text.
 */

const DAY = 86_400_000;

const pad = (n: number): string => String(n).padStart(2, '0');

/** `YYYY-MM-DD` of a local date. */
export function localDay(date: Date): string {
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** The local midnight that begins the Monday of the week holding `time`. */
export function weekStart(time: number | Date): Date {
  const date = new Date(time);
  const monday = new Date(date.getFullYear(), date.getMonth(), date.getDate());
  // getDay(): 0 is Sunday; Monday is 1.
  monday.setDate(monday.getDate() - ((monday.getDay() + 6) % 7));
  return monday;
}

/** The week's name: the local date of its Monday. */
export function weekKey(time: number | Date): string {
  return localDay(weekStart(time));
}

/** The local midnight of a week's Monday, from its key. */
export function weekDate(key: string): Date {
  const [year, month, day] = key.split('-').map(Number);
  return new Date(year ?? 1970, (month ?? 1) - 1, day ?? 1);
}

/**
 * Every week from the one holding `from` to the one holding `to`, in order,
 * so a chart shows quiet weeks as zero instead of skipping them. At most
 * `limit` weeks (the latest ones): a log of ten years does not draw 520 bars.
 */
export function weeksBetween(from: number | Date, to: number | Date, limit = 104): string[] {
  const first = weekStart(from);
  const last = weekStart(to);
  if (first > last) return [];
  const keys: string[] = [];
  // Step by calendar days, not by 7 × 24 h: a week over a change of clocks has 167 or 169 hours.
  for (const day = new Date(last); day >= first && keys.length < limit;) {
    keys.push(localDay(day));
    day.setDate(day.getDate() - 7);
  }
  return keys.reverse();
}

/** The ISO 8601 week number (1–53) of a local date: the week holding its year's first Thursday is 1. */
export function isoWeekNumber(time: number | Date): number {
  const monday = weekStart(time);
  const thursday = new Date(monday.getFullYear(), monday.getMonth(), monday.getDate() + 3);
  const januaryFirst = new Date(thursday.getFullYear(), 0, 1);
  return Math.floor(Math.round((thursday.getTime() - januaryFirst.getTime()) / DAY) / 7) + 1;
}

/**
 * Counts per week and per series, from dated items: `series(item)` names the
 * series an item counts for (undefined: not counted). Weeks without items
 * are there with zeros.
 */
export function countByWeek<T, S extends string>(
  items: Iterable<T>,
  timeOf: (item: T) => number,
  seriesOf: (item: T) => S | undefined,
  series: readonly S[],
  range?: { from: number; to: number },
): { week: string; counts: Record<S, number> }[] {
  const byWeek = new Map<string, Record<S, number>>();
  let min = Infinity;
  let max = -Infinity;
  const empty = () => Object.fromEntries(series.map((s) => [s, 0])) as Record<S, number>;
  for (const item of items) {
    const time = timeOf(item);
    const name = seriesOf(item);
    if (Number.isNaN(time) || name === undefined) continue;
    min = Math.min(min, time);
    max = Math.max(max, time);
    const key = weekKey(time);
    const counts = byWeek.get(key) ?? empty();
    counts[name] += 1;
    byWeek.set(key, counts);
  }
  const from = range?.from ?? min;
  const to = range?.to ?? max;
  if (!Number.isFinite(from) || !Number.isFinite(to)) return [];
  return weeksBetween(from, to).map((week) => ({ week, counts: byWeek.get(week) ?? empty() }));
}
