/**
 * A sighting search driven by the word index (`words`, multiEntry, schema
 * step 3) instead of a scan: each search word is a key range of the index;
 * the rarest one gives the candidates, read in one request, and the whole
 * filter is tested on them, then they are sorted as asked. A search whose
 * every word is common (more than DRIVE_LIMIT sightings) is left to the
 * budgeted scan in the sort's order (log-sighting-queries.ts), where matches
 * are dense enough for a page to fill soon.
 *
 * The sorted matches of the last few searches are kept until the sightings
 * change, so the replies that page on cost a slice of an array.
 */
import {
  lookupWords,
  wordRange,
  type SightingPredicate,
  type SightingSort,
} from '../core/log-query.ts';
import type { StoredSighting } from '../core/log-records.ts';
import { onStoresChanged } from './log-changes.ts';
import { db } from './log-db.ts';
import type { Position } from './log-resume.ts';

/** Most candidates a search reads by the index (in one getAll); a rarer word is needed otherwise. */
export const DRIVE_LIMIT = 2_000;
/**
 * How far the words' entries are counted, step by step, until one word has
 * fewer: the browser checks each index entry it walks (some 40 µs each under
 * load), so a rare word is found without walking far into the common ones.
 */
const PROBES = [100, 500, DRIVE_LIMIT];
const CACHED = 8;

type Field = SightingSort['key'];

/** The sorted matches of a search, each with its sort value (the position a reply goes on from). */
interface Matches {
  rows: StoredSighting[];
  values: IDBValidKey[];
}

/** The matches of recent searches, or 'scan' for a search of common words only. */
const cache = new Map<string, Matches | 'scan'>();
onStoresChanged((stores) => {
  if (stores.includes('sightings')) cache.clear();
});

const sortValue = (s: StoredSighting, key: Field): string | number => s[key];

/** Index order: by the value, ties by primary key; `descending` is a 'prev' cursor's order. */
function compare(a: [IDBValidKey, string], b: [IDBValidKey, string]): number {
  return indexedDB.cmp(a[0], b[0]) || indexedDB.cmp(a[1], b[1]);
}

/**
 * The matches of the filter, sorted, if a word of its search is rare enough
 * to drive it (at most DRIVE_LIMIT index entries); else null.
 */
export async function searchByWords(
  text: string,
  cacheKey: string,
  passes: SightingPredicate,
  sort: SightingSort,
): Promise<Matches | null> {
  const cached = cache.get(cacheKey);
  if (cached) return cached === 'scan' ? null : cached;
  const words = lookupWords(text);
  if (words.length === 0) return null;
  const tx = (await db()).transaction('sightings');
  const index = tx.store.index('words');
  const range = (w: string) => IDBKeyRange.bound(...wordRange(w));
  const rarest = await rarestWord(index, words.map(range));
  if (rarest < 0) {
    await tx.done.catch(() => undefined);
    remember(cacheKey, 'scan');
    return null;
  }
  const found = await index.getAll(range(words[rarest]!));
  await tx.done.catch(() => undefined);
  const seen = new Set<string>();
  const keyed: [IDBValidKey, string, StoredSighting][] = [];
  for (const s of found) {
    // A record is an entry of the range once per word that starts with the search word.
    if (seen.has(s.key) || !passes(s)) continue;
    seen.add(s.key);
    keyed.push([sortValue(s, sort.key), s.key, s]);
  }
  keyed.sort((a, b) => (sort.descending ? -1 : 1) * compare([a[0], a[1]], [b[0], b[1]]));
  const matches = { rows: keyed.map((k) => k[2]), values: keyed.map((k) => k[0]) };
  remember(cacheKey, matches);
  return matches;
}

function remember(key: string, value: Matches | 'scan'): void {
  if (cache.size >= CACHED) cache.delete(cache.keys().next().value!);
  cache.set(key, value);
}

interface WordIndex {
  openKeyCursor(range: IDBKeyRange): Promise<{ advance(n: number): Promise<unknown> } | null>;
  count(range: IDBKeyRange): Promise<number>;
}

/** The position of the range with the fewest entries, if it has at most DRIVE_LIMIT; else -1. */
async function rarestWord(index: WordIndex, ranges: IDBKeyRange[]): Promise<number> {
  let cursors = await Promise.all(ranges.map((r) => index.openKeyCursor(r)));
  let walked = 0;
  for (const probe of PROBES) {
    if (cursors.some((c) => c === null)) break;
    const step = probe - walked;
    cursors = (await Promise.all(cursors.map((c) => c!.advance(step)))) as typeof cursors;
    walked = probe;
  }
  // The ranges whose cursor ran out have fewer entries than `walked`: count those exactly.
  const counts = await Promise.all(
    ranges.map((r, i) => (cursors[i] === null ? index.count(r) : Promise.resolve(Infinity))),
  );
  const least = Math.min(...counts);
  return least === Infinity ? -1 : counts.indexOf(least);
}

/** The matches after `position` (in their order), at most `limit`, and the position of the last. */
export function pageOf(
  matches: Matches,
  sort: SightingSort,
  position: Position | undefined,
  limit: number,
): { rows: StoredSighting[]; next: Position | null } {
  let start = 0;
  if (position) {
    const sign = sort.descending ? -1 : 1;
    const at: [IDBValidKey, string] = [position[0], position[1]];
    // The first match past the position (binary search: the matches are sorted).
    let low = 0;
    let high = matches.rows.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      const row: [IDBValidKey, string] = [matches.values[mid]!, matches.rows[mid]!.key];
      if (sign * compare(row, at) <= 0) low = mid + 1;
      else high = mid;
    }
    start = low;
  }
  const rows = matches.rows.slice(start, start + limit);
  const last = rows[rows.length - 1];
  const more = start + limit < matches.rows.length;
  return { rows, next: more && last ? [matches.values[start + rows.length - 1]!, last.key] : null };
}
