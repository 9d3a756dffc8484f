/**
 * Sighting queries (up to a million records: they are not held in memory).
 * An index of the store serves the order and, where it can, the filter
 * (one kind, one site, a date range); the rest of the filter is tested on each
 * record of the cursor, within a time budget. A reply holds what was found so
 * far and where to go on (`next`), so a rare match never blocks the worker:
 * the page asks again ("searching…"). Each reply opens its cursor where the
 * last one stopped (log-resume.ts). A search with a rare word is answered from
 * the word index instead (log-sighting-search.ts).
 */
import {
  dayStart,
  emptyFilter,
  isEmptyFilter,
  sightingPredicate,
  type LogFilter,
  type SightingSort,
} from '../core/log-query.ts';
import { plainSighting } from '../core/log-records.ts';
import type { Sighting } from '../core/mention.ts';
import type { SiteGroup, SiteGroupPage, SightingPage } from '../core/messages.ts';
import { readCounts, sightingTotal } from './log-counts.ts';
import { db } from './log-db.ts';
import { openAfter, readPosition, type Position } from './log-resume.ts';
import { brandRoles } from './log-roles.ts';
import { pageOf, searchByWords } from './log-sighting-search.ts';

/**
 * How long one reply may scan: short for the first (the page shows what there
 * is at once), longer for the ones that go on, where each reply's own cost
 * (a transaction, a message) would otherwise dominate.
 */
const FIRST_BUDGET_MS = 40;
const NEXT_BUDGET_MS = 150;

type SightingIndex = 'lastSeen' | 'firstSeen' | 'visits' | 'kind' | 'site';

interface Plan {
  index: SightingIndex;
  range: IDBKeyRange | null;
  /** The filter needs nothing beyond what the index range selects. */
  exact: boolean;
}

const iso = (ms: number) => new Date(ms).toISOString();

/** Only these fields of the filter are set (the others empty). */
function onlyUses(filter: LogFilter, fields: (keyof LogFilter)[]): boolean {
  const rest = { ...filter } as Partial<LogFilter>;
  for (const f of fields) delete rest[f];
  return isEmptyFilter({ ...emptyFilter(), ...rest });
}

function plan(filter: LogFilter, sort: SightingSort): Plan {
  if (sort.key !== 'lastSeen')
    return { index: sort.key, range: null, exact: isEmptyFilter(filter) };
  const low = filter.from ? iso(dayStart(filter.from)) : '';
  const high = filter.to ? iso(dayStart(filter.to, 1)) : '\uffff';
  const [kind] = filter.kinds;
  if (filter.kinds.length === 1 && kind)
    return {
      index: 'kind',
      range: IDBKeyRange.bound([kind, low], [kind, high], false, true),
      exact: onlyUses(filter, ['kinds', 'from', 'to']),
    };
  const [site] = filter.sites;
  if (filter.sites.length === 1 && site)
    return {
      index: 'site',
      range: IDBKeyRange.bound([site, low], [site, high], false, true),
      exact: onlyUses(filter, ['sites', 'from', 'to']),
    };
  return {
    index: 'lastSeen',
    range: filter.from || filter.to ? IDBKeyRange.bound(low, high, false, true) : null,
    exact: onlyUses(filter, ['from', 'to']),
  };
}

/** The number of sightings of a filter the counts answer without a scan (no date range), else null. */
async function knownTotal(filter: LogFilter): Promise<number | null> {
  if (filter.from || filter.to) return null;
  if (filter.sites.length === 1 && filter.sites[0])
    return (await (await db()).get('sites', filter.sites[0]))?.sightings ?? 0;
  const counts = await readCounts();
  const [kind] = filter.kinds;
  return kind ? counts.sightings[kind] : sightingTotal(counts);
}

export async function querySightings(args: {
  filter: LogFilter;
  sort: SightingSort;
  limit: number;
  after: string | null;
}): Promise<SightingPage> {
  const { index, range, exact } = plan(args.filter, args.sort);
  const roles = await brandRoles();
  const passes = sightingPredicate(args.filter, roles);
  if (args.filter.text.trim()) {
    const cacheKey = JSON.stringify([args.filter, args.sort, [...roles]]);
    const matches = await searchByWords(args.filter.text, cacheKey, passes, args.sort);
    if (matches) {
      const page = pageOf(matches, args.sort, readPosition(args.after), args.limit);
      return {
        rows: page.rows.map(plainSighting),
        next: page.next ? JSON.stringify(page.next) : null,
        total: matches.rows.length,
      };
    }
  }
  // Before the transaction: it would end while another one is awaited.
  const total = args.after === null && exact ? await knownTotal(args.filter) : null;
  const tx = (await db()).transaction('sightings');
  const direction = args.sort.descending ? 'prev' : 'next';
  let cursor = await openAfter(tx.store.index(index), range, direction, readPosition(args.after));
  const rows: Sighting[] = [];
  const deadline = performance.now() + (args.after === null ? FIRST_BUDGET_MS : NEXT_BUDGET_MS);
  let last: Position | undefined;
  while (cursor && rows.length < args.limit) {
    if (passes(cursor.value)) rows.push(plainSighting(cursor.value));
    last = [cursor.key, cursor.primaryKey];
    if (performance.now() > deadline) break;
    cursor = await cursor.continue();
  }
  const more = cursor !== null;
  await tx.done.catch(() => undefined);
  return { rows, next: more && last ? JSON.stringify(last) : null, total };
}

/** Sightings grouped by site, the sites with most sightings first (from the per-site totals). */
export async function querySites(args: {
  filter: LogFilter;
  limit: number;
  after: string | null;
}): Promise<SiteGroupPage> {
  const f = args.filter;
  const roles = await brandRoles();
  const kinds = new Set(f.kinds);
  const sites = new Set(f.sites);
  const brands = new Set(f.brands);
  const words = f.text.trim().toLowerCase().split(/\s+/).filter(Boolean);
  const low = f.from ? iso(dayStart(f.from)) : '';
  const high = f.to ? iso(dayStart(f.to, 1)) : '\uffff';
  const tx = (await db()).transaction('sites');
  let cursor = await openAfter(tx.store.index('sightings'), null, 'prev', readPosition(args.after));
  const rows: SiteGroup[] = [];
  const deadline = performance.now() + (args.after === null ? FIRST_BUDGET_MS : NEXT_BUDGET_MS);
  let last: Position | undefined;
  while (cursor && rows.length < args.limit) {
    const s = cursor.value;
    const names = Object.keys(s.brands);
    const ok =
      s.sightings > 0 &&
      (!sites.size || sites.has(s.site)) &&
      (!kinds.size || [...kinds].some((k) => s.kinds[k] > 0)) &&
      (!brands.size || names.some((b) => brands.has(b))) &&
      (!f.role || names.some((b) => (roles.get(b) ?? 'own') === f.role)) &&
      s.lastSeen >= low &&
      s.firstSeen < high &&
      words.every((w) => s.site.includes(w));
    if (ok)
      rows.push({
        site: s.site,
        sightings: s.sightings,
        hits: s.hits,
        visits: s.visits,
        firstSeen: s.firstSeen,
        lastSeen: s.lastSeen,
        kinds: s.kinds,
      });
    last = [cursor.key, cursor.primaryKey];
    if (performance.now() > deadline) break;
    cursor = await cursor.continue();
  }
  const more = cursor !== null;
  await tx.done.catch(() => undefined);
  return { rows, next: more && last ? JSON.stringify(last) : null };
}
