/**
 * The workspace's charts, counted from the log (pure; the worker feeds it):
 * mentions per week by sentiment, share of voice and the best own rank per
 * query from the results-page visits, and the top sites.
 */
import { dayOf, type Day } from './log-query/filter.ts';
import type { MentionEntry } from './log-query/entry.ts';
import { roleOf, type BrandRoles } from './log-query/predicate.ts';
import type { SightingKind } from './mention.ts';
import type { BrandPresence, QueryShare, RankSeries, WeekCounts } from './messages/log.ts';

/** The Monday (local time) of the week `time` falls in. */
export function weekOf(time: number): Day {
  const d = new Date(time);
  const back = (d.getDay() + 6) % 7;
  return dayOf(new Date(d.getFullYear(), d.getMonth(), d.getDate() - back).getTime());
}

/** Every week from the first to the last mention, empty weeks included (a chart needs them). */
export function mentionsPerWeek(entries: Iterable<MentionEntry>): WeekCounts[] {
  const weeks = new Map<Day, WeekCounts>();
  let first = Infinity;
  let last = -Infinity;
  for (const e of entries) {
    if (Number.isNaN(e.created)) continue;
    const week = weekOf(e.created);
    const counts = weeks.get(week) ?? { week, positive: 0, neutral: 0, negative: 0 };
    counts[e.sentiment]++;
    weeks.set(week, counts);
    first = Math.min(first, e.created);
    last = Math.max(last, e.created);
  }
  if (weeks.size === 0) return [];
  const out: WeekCounts[] = [];
  const start = new Date(weekOf(first) + 'T00:00:00');
  for (let d = start; weekOf(d.getTime()) <= weekOf(last);) {
    const week = weekOf(d.getTime());
    out.push(weeks.get(week) ?? { week, positive: 0, neutral: 0, negative: 0 });
    d = new Date(d.getFullYear(), d.getMonth(), d.getDate() + 7);
  }
  return out;
}

/** One results-page visit as the overview needs it. */
export interface VisitFacts {
  time: string;
  engine: string;
  query: string;
  queryKey: string;
  results: { kind: SightingKind; rank?: number; url: string; brands: Record<string, number> }[];
}

const queryId = (v: VisitFacts) => JSON.stringify([v.engine, v.queryKey]);

/** The queries with the most visits first, at most `limit`. */
function topQueries(visits: readonly VisitFacts[], limit: number): Map<string, VisitFacts[]> {
  const byQuery = new Map<string, VisitFacts[]>();
  for (const v of visits) {
    const list = byQuery.get(queryId(v)) ?? [];
    list.push(v);
    byQuery.set(queryId(v), list);
  }
  return new Map([...byQuery].sort((a, b) => b[1].length - a[1].length).slice(0, limit));
}

/**
 * Per query and week: for each brand, the results and ads that name it and
 * their hits. Ads are ads whoever placed them (also a competitor's on its own
 * name, and one by someone else on an own brand's name).
 */
export function shareOfVoice(
  visits: readonly VisitFacts[],
  roles: BrandRoles,
  limit = 20,
): QueryShare[] {
  const out: QueryShare[] = [];
  for (const list of topQueries(visits, limit).values()) {
    const weeks = new Map<Day, { visits: number; brands: Map<string, BrandPresence> }>();
    for (const v of list) {
      const week = weekOf(Date.parse(v.time));
      const w = weeks.get(week) ?? { visits: 0, brands: new Map<string, BrandPresence>() };
      w.visits++;
      for (const r of v.results) {
        for (const [brand, hits] of Object.entries(r.brands)) {
          const p = w.brands.get(brand) ?? {
            brand,
            role: roleOf(roles, brand),
            results: 0,
            ads: 0,
            hits: 0,
          };
          if (r.kind === 'result') p.results++;
          else if (r.kind !== 'page') p.ads++;
          p.hits += hits;
          w.brands.set(brand, p);
        }
      }
      weeks.set(week, w);
    }
    const first = list[0]!;
    out.push({
      engine: first.engine,
      query: first.query,
      visits: list.length,
      weeks: [...weeks]
        .sort((a, b) => (a[0] < b[0] ? -1 : 1))
        .map(([week, w]) => ({
          week,
          visits: w.visits,
          brands: [...w.brands.values()].sort((a, b) => (a.brand < b.brand ? -1 : 1)),
        })),
    });
  }
  return out;
}

/** Per query, per day: the best rank of a result (not an ad) that names an own brand. */
export function ownRanks(
  visits: readonly VisitFacts[],
  roles: BrandRoles,
  limit = 20,
): RankSeries[] {
  const out: RankSeries[] = [];
  for (const list of topQueries(visits, limit).values()) {
    const days = new Map<Day, { rank: number; url: string }>();
    for (const v of list) {
      const day = dayOf(Date.parse(v.time));
      for (const r of v.results) {
        if (r.kind !== 'result' || r.rank === undefined) continue;
        if (!Object.keys(r.brands).some((b) => roleOf(roles, b) === 'own')) continue;
        const best = days.get(day);
        if (!best || r.rank < best.rank) days.set(day, { rank: r.rank, url: r.url });
      }
    }
    if (days.size === 0) continue;
    const first = list[0]!;
    out.push({
      engine: first.engine,
      query: first.query,
      points: [...days]
        .sort((a, b) => (a[0] < b[0] ? -1 : 1))
        .map(([day, p]) => ({ day, rank: p.rank, url: p.url })),
    });
  }
  return out;
}

/** Sites by their number of mentions, at most `limit`. */
export function topMentionSites(
  entries: Iterable<MentionEntry>,
  limit = 20,
): { site: string; mentions: number }[] {
  const counts = new Map<string, number>();
  for (const e of entries) counts.set(e.site, (counts.get(e.site) ?? 0) + 1);
  return [...counts]
    .map(([site, mentions]) => ({ site, mentions }))
    .sort((a, b) => b.mentions - a.mentions || (a.site < b.site ? -1 : 1))
    .slice(0, limit);
}
