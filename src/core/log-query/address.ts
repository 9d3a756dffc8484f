/**
 * The workspace's filter and sort in its address, so that a view can be
 * bookmarked and reopened:
 * `log.html?brand=ACME&sentiment=negative&q=lieferung&from=2026-11-01&sort=-date`.
 *
 * Readable (one parameter per field, repeated for several values, `sort=-key`
 * for descending), stable (the same filter always gives the same address:
 * fixed parameter order, values sorted, defaults left out) and forgiving
 * (a value this code does not know is dropped, never an error, since
 * addresses outlive versions). Parameters it does not own (a view, say) are
 * left to the page.
 */
import { MENTION_STATUSES, SENTIMENTS, SIGHTING_KINDS } from '../mention.ts';
import { BRAND_ROLES } from '../profile.ts';
import { emptyFilter, readDay, type LogFilter } from './filter.ts';
import {
  DEFAULT_MENTION_SORT,
  DEFAULT_SIGHTING_SORT,
  MENTION_SORT_KEYS,
  SIGHTING_SORT_KEYS,
  type MentionSort,
  type SightingSort,
  type Sort,
} from './sort.ts';

/** The parameters this codec owns, in the order it writes them. */
export const ADDRESS_PARAMS = [
  'brand',
  'role',
  'sentiment',
  'tag',
  'status',
  'kind',
  'site',
  'source',
  'engine',
  'query',
  'from',
  'to',
  'q',
  'sort',
] as const;

const SOURCES = ['search', 'page'] as const;

/** Unique values; the ones of a closed set in that set's order, others sorted. */
function canonical<T extends string>(values: readonly T[], order?: readonly T[]): T[] {
  const unique = [...new Set(values.map((v) => v.trim() as T).filter(Boolean))];
  if (order) return order.filter((o) => unique.includes(o));
  return unique.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/** The filter as the address would give it back: values unique and in order, blanks gone. */
export function normalizeFilter(filter: LogFilter): LogFilter {
  const out: LogFilter = {
    brands: canonical(filter.brands),
    sentiments: canonical(filter.sentiments, SENTIMENTS),
    tags: canonical(filter.tags),
    statuses: canonical(filter.statuses, MENTION_STATUSES),
    kinds: canonical(filter.kinds, SIGHTING_KINDS),
    sites: canonical(filter.sites.map((s) => s.toLowerCase())),
    engines: canonical(filter.engines),
    queries: canonical(filter.queries),
    text: filter.text.trim().replace(/\s+/g, ' '),
  };
  if (filter.role) out.role = filter.role;
  if (filter.source) out.source = filter.source;
  const from = filter.from === undefined ? undefined : readDay(filter.from);
  const to = filter.to === undefined ? undefined : readDay(filter.to);
  if (from) out.from = from;
  if (to) out.to = to;
  return out;
}

/** Filter and sort as search parameters (without the `?`); the default sort is left out. */
export function logAddressParams(
  filter: LogFilter,
  sort?: Sort<string>,
  defaultSort: Sort<string> = DEFAULT_MENTION_SORT,
): URLSearchParams {
  const f = normalizeFilter(filter);
  const params = new URLSearchParams();
  const many = (name: string, values: readonly string[]) => {
    for (const value of values) params.append(name, value);
  };
  many('brand', f.brands);
  if (f.role) params.set('role', f.role);
  many('sentiment', f.sentiments);
  many('tag', f.tags);
  many('status', f.statuses);
  many('kind', f.kinds);
  many('site', f.sites);
  if (f.source) params.set('source', f.source);
  many('engine', f.engines);
  many('query', f.queries);
  if (f.from) params.set('from', f.from);
  if (f.to) params.set('to', f.to);
  if (f.text) params.set('q', f.text);
  if (sort && (sort.key !== defaultSort.key || sort.descending !== defaultSort.descending))
    params.set('sort', `${sort.descending ? '-' : ''}${sort.key}`);
  return params;
}

export interface LogAddress {
  filter: LogFilter;
  /** The `sort` parameter read for the mentions table, or its default. */
  mentionSort: MentionSort;
  /** The `sort` parameter read for the sightings list, or its default. */
  sightingSort: SightingSort;
}

const oneOf = <T extends string>(value: string | null, options: readonly T[]): T | undefined =>
  options.find((o) => o === value);

function readSort<K extends string>(
  value: string | null,
  keys: readonly K[],
  fallback: Sort<K>,
): Sort<K> {
  if (!value) return { ...fallback };
  const descending = value.startsWith('-');
  const key = oneOf(descending ? value.slice(1) : value, keys);
  return key ? { key, descending } : { ...fallback };
}

/** Reads an address's search parameters (`location.search` or its URLSearchParams). */
export function readLogAddress(search: string | URLSearchParams): LogAddress {
  const params = typeof search === 'string' ? new URLSearchParams(search) : search;
  const all = (name: string) => params.getAll(name);
  const closed = <T extends string>(name: string, options: readonly T[]): T[] =>
    all(name).flatMap((v) => oneOf(v, options) ?? []);
  const filter = emptyFilter();
  filter.brands = all('brand');
  filter.sentiments = closed('sentiment', SENTIMENTS);
  filter.tags = all('tag');
  filter.statuses = closed('status', MENTION_STATUSES);
  filter.kinds = closed('kind', SIGHTING_KINDS);
  filter.sites = all('site');
  filter.engines = all('engine');
  filter.queries = all('query');
  filter.text = params.get('q') ?? '';
  const role = oneOf(params.get('role'), BRAND_ROLES);
  if (role) filter.role = role;
  const source = oneOf(params.get('source'), SOURCES);
  if (source) filter.source = source;
  const from = readDay(params.get('from') ?? '');
  const to = readDay(params.get('to') ?? '');
  if (from) filter.from = from;
  if (to) filter.to = to;
  const sort = params.get('sort');
  return {
    filter: normalizeFilter(filter),
    mentionSort: readSort(sort, MENTION_SORT_KEYS, DEFAULT_MENTION_SORT),
    sightingSort: readSort(sort, SIGHTING_SORT_KEYS, DEFAULT_SIGHTING_SORT),
  };
}
