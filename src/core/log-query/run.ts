/** Queries over the in-memory projection of the mentions: filter, sort, and the values to filter by. */
import type { MentionEntry } from './entry.ts';
import type { LogFilter } from './filter.ts';
import { mentionPredicate, type BrandRoles } from './predicate.ts';
import { mentionComparator, type MentionSort } from './sort.ts';

/** The entries that pass the filter, in the order of `sorted` (all entries, already sorted). */
export function filterSorted(
  sorted: readonly MentionEntry[],
  filter: LogFilter,
  roles: BrandRoles,
): MentionEntry[] {
  const passes = mentionPredicate(filter, roles);
  return sorted.filter(passes);
}

/** The entries that pass the filter, in the sort's order. */
export function runMentionQuery(
  entries: Iterable<MentionEntry>,
  filter: LogFilter,
  sort: MentionSort,
  roles: BrandRoles,
): MentionEntry[] {
  const passes = mentionPredicate(filter, roles);
  const out: MentionEntry[] = [];
  for (const entry of entries) if (passes(entry)) out.push(entry);
  return out.sort(mentionComparator(sort));
}

/** A value to filter by, with how many records have it. */
export interface Facet {
  value: string;
  count: number;
}

export interface MentionFacets {
  brands: Facet[];
  tags: Facet[];
  sites: Facet[];
  engines: Facet[];
  queries: Facet[];
}

/** Most frequent first, then alphabetically; at most `limit` of each. */
export function mentionFacets(entries: Iterable<MentionEntry>, limit = 200): MentionFacets {
  const maps = {
    brands: new Map<string, number>(),
    tags: new Map<string, number>(),
    sites: new Map<string, number>(),
    engines: new Map<string, number>(),
    queries: new Map<string, number>(),
  };
  const add = (map: Map<string, number>, value: string) => {
    if (value) map.set(value, (map.get(value) ?? 0) + 1);
  };
  for (const e of entries) {
    for (const brand of new Set(e.brands)) add(maps.brands, brand);
    for (const tag of new Set(e.tags)) add(maps.tags, tag);
    add(maps.sites, e.site);
    add(maps.engines, e.engine);
    add(maps.queries, e.query);
  }
  const top = (map: Map<string, number>): Facet[] =>
    [...map]
      .map(([value, count]) => ({ value, count }))
      .sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0))
      .slice(0, limit);
  return {
    brands: top(maps.brands),
    tags: top(maps.tags),
    sites: top(maps.sites),
    engines: top(maps.engines),
    queries: top(maps.queries),
  };
}
