/**
 * Recording what the content scripts saw: page sightings (a page with hits),
 * results and ads of results pages with their ranks, and one visit record per
 * results page for share of voice and rank history.
 */
import { canonicalUrl, sightingKey, type Sighting, type TermCount } from '../core/mention.ts';
import type { PageReport, ResultHistory, ResultReport } from '../core/messages.ts';
import { queryKey } from '../core/log-query.ts';
import { db } from './log-db.ts';
import { storesChanged } from './log-changes.ts';
import type { VisitRecord } from './log-schema.ts';
import { putSighting } from './log-sites.ts';
import { admitPageReport } from './sighting-gate.ts';

const sumCounts = (terms: TermCount[]): number => terms.reduce((sum, t) => sum + t.count, 0);

/**
 * Records (or refreshes) the sighting of a page with hits, within the caps of
 * its document and tab (sighting-gate.ts) when the report came from a tab.
 */
export async function recordPageSighting(
  report: PageReport,
  tab: { tabId: number; frameId: number } | undefined,
  now = new Date(),
): Promise<void> {
  if (report.total === 0) return;
  const key = sightingKey(report.url, 'page');
  if (tab) {
    const origin = { ...tab, timeOrigin: report.timeOrigin };
    if ((await admitPageReport(origin, key, now.getTime())) === 'capped') return;
  }
  const database = await db();
  const tx = database.transaction(['sightings', 'sites', 'meta'], 'readwrite');
  const old = await tx.objectStore('sightings').get(key);
  const time = now.toISOString();
  await putSighting(tx, old, {
    key,
    kind: 'page',
    url: canonicalUrl(report.url),
    title: report.title || old?.title || '',
    terms: report.terms,
    hits: report.total,
    firstSeen: old?.firstSeen ?? time,
    lastSeen: time,
    visits: (old?.visits ?? 0) + (report.firstReport || !old ? 1 : 0),
  });
  await tx.done;
  storesChanged(['sightings']);
}

const rankKey = (engine: string, query: string, url: string): string =>
  JSON.stringify([engine, query.trim().toLowerCase(), canonicalUrl(url)]);

/** Where a results page's visit is kept: its document (tab, frame, time origin) and its page of results. */
export interface VisitOrigin {
  tabId: number;
  frameId: number;
  timeOrigin: number;
}

/**
 * Records search results that mention a brand and answers, for each, what was
 * known before this visit: when it was first seen and its previous rank.
 * Reports of one document (late results) add to one visit record.
 */
export async function recordResults(
  results: ResultReport[],
  origin: VisitOrigin | undefined,
  now = new Date(),
): Promise<ResultHistory[]> {
  const database = await db();
  const tx = database.transaction(['sightings', 'sites', 'meta', 'ranks', 'visits'], 'readwrite');
  const sightings = tx.objectStore('sightings');
  const ranks = tx.objectStore('ranks');
  const time = now.toISOString();
  const history: ResultHistory[] = [];
  for (const result of results) {
    const key = sightingKey(result.url, result.kind);
    const old = await sightings.get(key);
    const entry: ResultHistory = { url: result.url };
    if (old) entry.firstSeen = old.firstSeen;
    // Each report is one visit to a results page (the content script reports a result once per page load).
    const rk = rankKey(result.search.engine, result.search.query, result.url);
    const previousRank = (await ranks.get(rk))?.rank;
    if (previousRank !== undefined) entry.previousRank = previousRank;
    if (result.search.rank !== undefined)
      await ranks.put({ key: rk, rank: result.search.rank, seenAt: time });
    const next: Sighting = {
      key,
      kind: result.kind,
      url: canonicalUrl(result.url),
      title: result.title,
      terms: result.terms,
      hits: sumCounts(result.terms),
      firstSeen: old?.firstSeen ?? time,
      lastSeen: time,
      visits: (old?.visits ?? 0) + 1,
      search: result.search,
    };
    await putSighting(tx, old, next);
    history.push(entry);
  }
  if (results.length > 0) await recordVisit(tx.objectStore('visits'), results, origin, time);
  await tx.done;
  storesChanged(['sightings']);
  return history;
}

type VisitStore = {
  get(key: string): Promise<VisitRecord | undefined>;
  put(value: VisitRecord): Promise<string>;
};

async function recordVisit(
  visits: VisitStore,
  results: ResultReport[],
  origin: VisitOrigin | undefined,
  time: string,
): Promise<void> {
  const search = results[0]!.search;
  // Without an origin (an older content script) every report is a visit of its own.
  const document = origin
    ? `${origin.tabId}/${origin.frameId}/${origin.timeOrigin}`
    : `${time}/${Math.random()}`;
  const id = JSON.stringify([document, search.engine, search.query, search.page ?? 1]);
  const visit: VisitRecord = (await visits.get(id)) ?? {
    id,
    time,
    engine: search.engine,
    query: search.query,
    queryKey: queryKey(search.query),
    results: [],
  };
  if (search.page !== undefined) visit.page = search.page;
  for (const result of results) {
    const url = canonicalUrl(result.url);
    const brands: Record<string, number> = {};
    for (const t of result.terms) brands[t.brand] = (brands[t.brand] ?? 0) + t.count;
    const entry = {
      url,
      kind: result.kind,
      brands,
      ...(result.search.rank === undefined ? {} : { rank: result.search.rank }),
    };
    const at = visit.results.findIndex((r) => r.url === url && r.kind === result.kind);
    if (at >= 0) visit.results[at] = entry;
    else visit.results.push(entry);
  }
  await visits.put(visit);
}
