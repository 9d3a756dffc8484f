/**
 * The mention index: a compact projection of every mention (log-query
 * `MentionEntry`), held in memory so that a filter or a search over 100,000
 * mentions answers in milliseconds instead of a full read of IndexedDB.
 *
 * It is a cache: built from the store on the first query that needs it, kept
 * up to date by the worker's own writes (log-changes.ts), and simply gone when
 * the worker stops. Until the next change it also keeps all entries sorted by
 * each order asked for (a new filter is then one pass over them), the results
 * of the last queries, and the filter bar's values.
 */
import {
  filterSorted,
  mentionComparator,
  mentionEntry,
  mentionFacets,
  type BrandRoles,
  type LogFilter,
  type MentionEntry,
  type MentionFacets,
  type MentionSort,
} from '../core/log-query.ts';
import { mentionToV2 } from '../core/log-records.ts';
import type { Mention } from '../core/mention.ts';
import { setMentionCount } from './log-counts.ts';
import { db } from './log-db.ts';
import { onMentionsChanged, type MentionChange } from './log-changes.ts';

/** Mentions read per transaction while building. */
const BUILD_CHUNK = 5_000;
/** Query results kept (each an array of entry references). */
const CACHED_QUERIES = 8;

class MentionIndex {
  readonly entries = new Map<string, MentionEntry>();
  private readonly sorted = new Map<string, MentionEntry[]>();
  private readonly results = new Map<string, MentionEntry[]>();
  private facets: MentionFacets | undefined;

  apply(change: MentionChange): void {
    if (change.reset) this.entries.clear();
    for (const id of change.deleted) this.entries.delete(id);
    for (const mention of change.put) this.entries.set(mention.id, mentionEntry(mention));
    this.sorted.clear();
    this.results.clear();
    this.facets = undefined;
  }

  /** All entries in the sort's order. */
  private inOrder(sort: MentionSort): MentionEntry[] {
    const key = `${sort.descending ? '-' : ''}${sort.key}`;
    let list = this.sorted.get(key);
    if (!list) {
      list = [...this.entries.values()].sort(mentionComparator(sort));
      this.sorted.set(key, list);
    }
    return list;
  }

  query(filter: LogFilter, sort: MentionSort, roles: BrandRoles): MentionEntry[] {
    const key = JSON.stringify([filter, sort, [...roles]]);
    let result = this.results.get(key);
    if (result) this.results.delete(key);
    else {
      result = filterSorted(this.inOrder(sort), filter, roles);
      if (this.results.size >= CACHED_QUERIES) {
        const oldest = this.results.keys().next().value;
        if (oldest !== undefined) this.results.delete(oldest);
      }
    }
    // Most recently used last.
    this.results.set(key, result);
    return result;
  }

  facetValues(): MentionFacets {
    return (this.facets ??= mentionFacets(this.entries.values()));
  }
}

let building: Promise<MentionIndex> | undefined;
let built: MentionIndex | undefined;
/** Changes made while the index was being built, applied in order once it is. */
let pending: MentionChange[] = [];

onMentionsChanged((change) => {
  if (built) built.apply(change);
  else if (building) pending.push(change);
});

async function build(): Promise<MentionIndex> {
  const index = new MentionIndex();
  const database = await db();
  const read = (after: string | undefined): Promise<Mention[]> =>
    database.getAll(
      'mentions',
      after === undefined ? null : IDBKeyRange.lowerBound(after, true),
      BUILD_CHUNK,
    );
  // The next chunk is asked for before this one is folded: the browser reads it meanwhile.
  let next: Promise<Mention[]> | undefined = read(undefined);
  while (next) {
    const chunk: Mention[] = await next;
    const last = chunk[chunk.length - 1];
    next = chunk.length === BUILD_CHUNK && last ? read(last.id) : undefined;
    for (const m of chunk) index.entries.set(m.id, mentionEntry(mentionToV2(m)));
  }
  for (const change of pending) index.apply(change);
  pending = [];
  // The count kept by the writes, put right if it ever drifted.
  await setMentionCount(index.entries.size).catch(() => undefined);
  return index;
}

/** The index, built first if this worker has none yet. */
export function mentionIndex(): Promise<MentionIndex> {
  if (built) return Promise.resolve(built);
  building ??= build().then(
    (index) => {
      built = index;
      building = undefined;
      return index;
    },
    (error: unknown) => {
      building = undefined;
      pending = [];
      throw error;
    },
  );
  return building;
}

/** The index if this worker has built it, else undefined. */
export function readyIndex(): MentionIndex | undefined {
  return built;
}

export type { MentionIndex };
