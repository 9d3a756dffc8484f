/**
 * The orders of the mentions table (one per column) and of the sightings
 * list. Ties are broken by the newest first, then by id, so that paging
 * through a sorted list never shows a row twice or skips one.
 */
import { MENTION_STATUSES, SENTIMENTS } from '../mention.ts';
import type { MentionEntry } from './entry.ts';

export const MENTION_SORT_KEYS = [
  'date',
  'updated',
  'brand',
  'title',
  'site',
  'sentiment',
  'tags',
  'status',
  'note',
  'source',
] as const;
export type MentionSortKey = (typeof MENTION_SORT_KEYS)[number];

/** Sightings are sorted by an index of the store (a million of them do not fit in memory). */
export const SIGHTING_SORT_KEYS = ['lastSeen', 'firstSeen', 'visits'] as const;
export type SightingSortKey = (typeof SIGHTING_SORT_KEYS)[number];

export interface Sort<K extends string> {
  key: K;
  descending: boolean;
}
export type MentionSort = Sort<MentionSortKey>;
export type SightingSort = Sort<SightingSortKey>;

export const DEFAULT_MENTION_SORT: MentionSort = { key: 'date', descending: true };
export const DEFAULT_SIGHTING_SORT: SightingSort = { key: 'lastSeen', descending: true };

type Compare = (a: MentionEntry, b: MentionEntry) => number;

const byString = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Compares text, but an empty text sorts after any other, whichever the direction. */
const emptyLast =
  (of: (e: MentionEntry) => string, descending: boolean): Compare =>
  (a, b) => {
    const x = of(a);
    const y = of(b);
    if (x === '' || y === '') return x === y ? 0 : x === '' ? 1 : -1;
    return descending ? byString(y, x) : byString(x, y);
  };

const ascending = (of: (e: MentionEntry) => number, descending: boolean): Compare =>
  descending ? (a, b) => of(b) - of(a) : (a, b) => of(a) - of(b);

const sentimentOrder = new Map(SENTIMENTS.map((s, i) => [s, i]));
const statusOrder = new Map(MENTION_STATUSES.map((s, i) => [s, i]));

/** The column's own order; direction applied, empties last. */
function primary(sort: MentionSort): Compare {
  const d = sort.descending;
  switch (sort.key) {
    case 'date':
      return ascending((e) => e.created, d);
    case 'updated':
      return ascending((e) => e.updated, d);
    case 'brand':
      return emptyLast((e) => e.brand, d);
    case 'title':
      return emptyLast((e) => e.title, d);
    case 'site':
      return emptyLast((e) => e.site, d);
    case 'sentiment':
      return ascending((e) => sentimentOrder.get(e.sentiment) ?? 0, d);
    case 'tags':
      return emptyLast((e) => e.tagKey, d);
    case 'status':
      return ascending((e) => statusOrder.get(e.status) ?? 0, d);
    case 'note':
      return emptyLast((e) => e.note, d);
    case 'source': {
      const text = emptyLast((e) => e.source, d);
      return (a, b) => text(a, b) || (d ? b.rank - a.rank : a.rank - b.rank);
    }
  }
}

/** A total order for the sort: its column, then newest first, then id. */
export function mentionComparator(sort: MentionSort): Compare {
  const first = primary(sort);
  return (a, b) => first(a, b) || b.created - a.created || byString(a.id, b.id);
}
