/**
 * Mention queries for the workspace: pages of a filtered, sorted list, the ids
 * of a range, the values to filter by. Served from the in-memory index; until
 * this worker has built it, the default view (newest first, no filter) is
 * read straight from the createdAt index, so the first rows show at once.
 */
import {
  isEmptyFilter,
  type LogFilter,
  type MentionFacets,
  type MentionSort,
} from '../core/log-query.ts';
import { unwrap } from 'idb';
import type { Mention } from '../core/mention.ts';
import type { MentionPage } from '../core/messages.ts';
import { readCounts } from './log-counts.ts';
import { db } from './log-db.ts';
import { mentionIndex, readyIndex } from './log-index.ts';
import { getMentions } from './log-mentions.ts';
import { brandRoles } from './log-roles.ts';

interface Query {
  filter: LogFilter;
  sort: MentionSort;
  offset: number;
  limit: number;
}

const isDefaultView = (q: Query) => q.sort.key === 'date' && isEmptyFilter(q.filter);

/**
 * IndexedDB 3.0's getAllRecords: a page of an index in either direction in one
 * request (Chromium 141+); where it is missing, a cursor steps record by record.
 */
interface RecordsReader {
  getAllRecords?(options: {
    direction: 'next' | 'prev';
    count: number;
  }): IDBRequest<{ value: Mention }[]>;
}

function firstRecords(index: IDBIndex, direction: 'next' | 'prev', count: number) {
  const reader = index as IDBIndex & RecordsReader;
  if (!reader.getAllRecords) return null;
  const request = reader.getAllRecords({ direction, count });
  return new Promise<Mention[]>((resolve, reject) => {
    request.onsuccess = () => resolve(request.result.map((r) => r.value));
    request.onerror = () => reject(request.error ?? new Error('getAllRecords failed'));
  });
}

/** The default view read from the store's createdAt index (no index needed). */
async function pageFromStore(q: Query): Promise<MentionPage> {
  const counts = readCounts();
  const direction = q.sort.descending ? 'prev' : 'next';
  const database = await db();
  if (q.offset === 0) {
    const index = unwrap(database.transaction('mentions').store.index('createdAt'));
    const rows = await firstRecords(index, direction, q.limit);
    if (rows) {
      const all = (await counts).mentions;
      return { rows, offset: 0, total: all, all };
    }
  }
  const all = (await counts).mentions;
  const tx = database.transaction('mentions');
  const rows: Mention[] = [];
  let cursor = await tx.store.index('createdAt').openCursor(null, direction);
  if (cursor && q.offset > 0) cursor = await cursor.advance(q.offset);
  while (cursor && rows.length < q.limit) {
    rows.push(cursor.value);
    cursor = await cursor.continue();
  }
  await tx.done;
  return { rows, offset: q.offset, total: all, all };
}

export async function queryMentions(q: Query): Promise<MentionPage> {
  // Ties of createdAt are ordered by id in the index's order (its primary key),
  // which may differ from the index order of mentionComparator only for equal
  // times; the default view switches to the index once it is ready.
  const ready = readyIndex();
  if (!ready && isDefaultView(q)) {
    const page = await pageFromStore(q);
    // The workspace will filter next: build the index now, after the first rows are out.
    setTimeout(() => void mentionIndex().catch(() => undefined), 0);
    return page;
  }
  const index = ready ?? (await mentionIndex());
  const result = index.query(q.filter, q.sort, await brandRoles());
  const ids = result.slice(q.offset, q.offset + q.limit).map((e) => e.id);
  const rows = (await getMentions(ids)).filter((m): m is Mention => m !== null);
  return { rows, offset: q.offset, total: result.length, all: index.entries.size };
}

export async function queryMentionIds(q: Query): Promise<string[]> {
  const index = await mentionIndex();
  return index
    .query(q.filter, q.sort, await brandRoles())
    .slice(q.offset, q.offset + q.limit)
    .map((e) => e.id);
}

/** Ids of all mentions that pass the filter now (for bulk edits). */
export async function idsMatching(filter: LogFilter): Promise<string[]> {
  const index = await mentionIndex();
  return index
    .query(filter, { key: 'date', descending: true }, await brandRoles())
    .map((e) => e.id);
}

export async function facets(): Promise<MentionFacets> {
  return (await mentionIndex()).facetValues();
}
