/**
 * Filters made into predicates once per query, so that the test per record is
 * a few comparisons (100,000 mentions per keystroke).
 */
import type { Sighting } from '../mention.ts';
import type { BrandRole } from '../profile.ts';
import type { MentionEntry } from './entry.ts';
import { dayStart, siteOf, type LogFilter } from './filter.ts';
import { holdsAll, queryKey, searchFold, searchWords } from './text.ts';
import { lookupWords, sightingWords, startsWords } from './words.ts';

/** Brand name -> role, from the current settings; a name not in them counts as own. */
export type BrandRoles = ReadonlyMap<string, BrandRole>;

export const roleOf = (roles: BrandRoles, brand: string): BrandRole => roles.get(brand) ?? 'own';

/** The parts of a filter that mentions and sightings share, made ready for testing. */
interface Common {
  brands: ReadonlySet<string> | null;
  role: BrandRole | undefined;
  sites: ReadonlySet<string> | null;
  engines: ReadonlySet<string> | null;
  queries: ReadonlySet<string> | null;
  /** Milliseconds, [from, to). */
  from: number;
  to: number;
  words: string[];
}

const setOf = (values: readonly string[], map: (v: string) => string = (v) => v) =>
  values.length ? new Set(values.map(map)) : null;

function common(filter: LogFilter): Common {
  return {
    brands: setOf(filter.brands),
    role: filter.role,
    sites: setOf(filter.sites, (s) => s.toLowerCase()),
    engines: setOf(filter.engines),
    queries: setOf(filter.queries, queryKey),
    from: filter.from ? dayStart(filter.from) : -Infinity,
    to: filter.to ? dayStart(filter.to, 1) : Infinity,
    words: searchWords(filter.text),
  };
}

function brandsPass(c: Common, roles: BrandRoles, brands: Iterable<string>): boolean {
  if (!c.brands && !c.role) return true;
  for (const brand of brands) {
    if (c.brands && !c.brands.has(brand)) continue;
    if (c.role && roleOf(roles, brand) !== c.role) continue;
    return true;
  }
  return false;
}

export type MentionPredicate = (entry: MentionEntry) => boolean;

export function mentionPredicate(filter: LogFilter, roles: BrandRoles): MentionPredicate {
  const c = common(filter);
  const sentiments = setOf(filter.sentiments);
  const statuses = setOf(filter.statuses);
  const tags = setOf(filter.tags, searchFold);
  const source = filter.source;
  return (e) =>
    (!sentiments || sentiments.has(e.sentiment)) &&
    (!statuses || statuses.has(e.status)) &&
    (!tags || e.foldedTags.some((t) => tags.has(t))) &&
    (!c.sites || c.sites.has(e.site)) &&
    (!source || (source === 'search') === (e.engine !== '')) &&
    (!c.engines || c.engines.has(e.engine)) &&
    (!c.queries || (e.engine !== '' && c.queries.has(e.query))) &&
    e.created >= c.from &&
    e.created < c.to &&
    brandsPass(c, roles, e.brands) &&
    (c.words.length === 0 || holdsAll(e.text, c.words));
}

/** What a sighting filter looks at: a stored sighting carries its site and words already. */
export type SightingFacts = Pick<Sighting, 'kind' | 'url' | 'title' | 'terms' | 'lastSeen'> & {
  search?: Sighting['search'];
  site?: string;
  words?: readonly string[];
};

export type SightingPredicate = (sighting: SightingFacts) => boolean;

/**
 * Sightings have no sentiment, tags, status or source: those parts of the
 * filter are left out. Their search words match at the start of a word of the
 * title or address (words.ts), which is what the store's word index answers.
 */
export function sightingPredicate(filter: LogFilter, roles: BrandRoles): SightingPredicate {
  const c = common(filter);
  const search = lookupWords(filter.text);
  const kinds = setOf(filter.kinds);
  return (s) => {
    if (kinds && !kinds.has(s.kind)) return false;
    if (c.sites && !c.sites.has(s.site ?? siteOf(s.url))) return false;
    if (c.engines && !(s.search && c.engines.has(s.search.engine))) return false;
    if (c.queries && !(s.search && c.queries.has(queryKey(s.search.query)))) return false;
    if (c.from !== -Infinity || c.to !== Infinity) {
      const time = Date.parse(s.lastSeen);
      if (!(time >= c.from && time < c.to)) return false;
    }
    if (!brandsPass(c, roles, brandNames(s))) return false;
    return search.length === 0 || startsWords(s.words ?? sightingWords(s), search);
  };
}

function* brandNames(s: SightingFacts): Generator<string> {
  for (const t of s.terms) yield t.brand;
}
