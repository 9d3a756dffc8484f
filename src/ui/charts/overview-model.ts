/**
 * The worker's overview (messages/log.ts LogOverview) as the charts draw it:
 * weeks without gaps, share of voice as own against competitors per query,
 * the best own rank per week, the top sites. Pure, so the numbers the charts
 * and their tables show are unit-tested.
 */
import { SENTIMENTS, type Sentiment } from '../../core/mention.ts';
import type { LogOverview } from '../../core/messages.ts';
import { weekDate, weekKey, weeksBetween } from './weeks.ts';

export interface OverviewModel {
  mentionWeeks: string[];
  /** Per sentiment, one count per week of `mentionWeeks`. */
  bySentiment: Record<Sentiment, number[]>;
  shareWeeks: string[];
  shares: { query: string; engine: string; own: number[]; competitors: number[] }[];
  rankWeeks: string[];
  /** Per query: the best rank of each week of `rankWeeks`, and the first and last rank seen at all. */
  ranks: {
    query: string;
    engine: string;
    ranks: (number | undefined)[];
    first: number | undefined;
    last: number | undefined;
  }[];
  topSites: { site: string; mentions: number; sightings: number; hits: number }[];
}

/** Every week from the first to the last of the keys given (none: no weeks). */
function span(keys: Iterable<string>): string[] {
  const sorted = [...new Set(keys)].sort();
  const first = sorted[0];
  const last = sorted.at(-1);
  return first && last ? weeksBetween(weekDate(first), weekDate(last)) : [];
}

/** A worker's day or week (`2026-11-30`) as the week that holds it. */
const weekOf = (day: string): string => weekKey(weekDate(day));

export function overviewModel(
  overview: LogOverview,
  options: { engineName: (id: string) => string; queries?: number; sites?: number },
): OverviewModel {
  const mentionWeeks = span(overview.mentionsPerWeek.map((w) => weekOf(w.week)));
  const index = new Map(mentionWeeks.map((w, i) => [w, i]));
  const bySentiment = Object.fromEntries(
    SENTIMENTS.map((s) => [s, mentionWeeks.map(() => 0)]),
  ) as Record<Sentiment, number[]>;
  for (const w of overview.mentionsPerWeek) {
    const at = index.get(weekOf(w.week));
    if (at === undefined) continue;
    for (const s of SENTIMENTS) bySentiment[s][at] = (bySentiment[s][at] ?? 0) + w[s];
  }

  // The queries searched most often first; a few only, so the chart stays readable.
  const queries = [...overview.shareOfVoice]
    .sort((a, b) => b.visits - a.visits || a.query.localeCompare(b.query))
    .slice(0, options.queries ?? 8);
  const shareWeeks = span(queries.flatMap((q) => q.weeks.map((w) => weekOf(w.week))));
  const shareIndex = new Map(shareWeeks.map((w, i) => [w, i]));
  const shares = queries.map((q) => {
    const own = shareWeeks.map(() => 0);
    const competitors = shareWeeks.map(() => 0);
    for (const w of q.weeks) {
      const at = shareIndex.get(weekOf(w.week));
      if (at === undefined) continue;
      for (const b of w.brands) {
        const presence = b.results + b.ads;
        if (b.role === 'own') own[at] = (own[at] ?? 0) + presence;
        else competitors[at] = (competitors[at] ?? 0) + presence;
      }
    }
    return { query: q.query, engine: options.engineName(q.engine), own, competitors };
  });

  const rankSeries = overview.ranks.slice(0, options.queries ?? 8);
  const rankWeeks = span(rankSeries.flatMap((r) => r.points.map((p) => weekOf(p.day))));
  const rankIndex = new Map(rankWeeks.map((w, i) => [w, i]));
  const ranks = rankSeries.map((r) => {
    const best: (number | undefined)[] = rankWeeks.map(() => undefined);
    for (const p of r.points) {
      const at = rankIndex.get(weekOf(p.day));
      if (at === undefined) continue;
      const seen = best[at];
      best[at] = seen === undefined ? p.rank : Math.min(seen, p.rank);
    }
    const byDay = [...r.points].sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : 0));
    return {
      query: r.query,
      engine: options.engineName(r.engine),
      ranks: best,
      first: byDay[0]?.rank,
      last: byDay.at(-1)?.rank,
    };
  });

  const topSites = [...overview.topSites]
    .sort(
      (a, b) =>
        b.mentions - a.mentions || b.sightings - a.sightings || a.site.localeCompare(b.site),
    )
    .slice(0, options.sites ?? 10);

  return { mentionWeeks, bySentiment, shareWeeks, shares, rankWeeks, ranks, topSites };
}

/** Totals for the report's summary: mentions by sentiment, the own share of all, rank movement. */
export function overviewTotals(model: OverviewModel) {
  const sum = (values: readonly number[]) => values.reduce((a, b) => a + b, 0);
  const sentiments = Object.fromEntries(
    SENTIMENTS.map((s) => [s, sum(model.bySentiment[s])]),
  ) as Record<Sentiment, number>;
  const own = sum(model.shares.map((q) => sum(q.own)));
  const competitors = sum(model.shares.map((q) => sum(q.competitors)));
  const movements = model.ranks.flatMap(({ query, engine, first, last }) =>
    first === undefined || last === undefined ? [] : [{ query, engine, first, last }],
  );
  return { sentiments, own, competitors, movements };
}
