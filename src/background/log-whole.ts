/**
 * The log as a whole: its newest few records (the popup's `log/recent`) and
 * clearing everything. Nothing here reads or writes the whole log in one
 * message: the pages read it in pages and import it in stages.
 */
import { plainSighting } from '../core/log-records.ts';
import type { LogSnapshot } from '../core/messages.ts';
import { db } from './log-db.ts';
import { mentionsChanged, storesChanged } from './log-changes.ts';

/** Newest first; `limit` (at most MAX_RECENT, the guard says) applies to mentions and sightings alike. */
export async function recentLog(limit: number): Promise<LogSnapshot> {
  const database = await db();
  const tx = database.transaction(['mentions', 'sightings']);
  const newest = async <T>(source: {
    openCursor(q: null, d: 'prev'): Promise<{ value: T; continue(): Promise<unknown> } | null>;
  }) => {
    const out: T[] = [];
    let cursor = await source.openCursor(null, 'prev');
    while (cursor && out.length < limit) {
      out.push(cursor.value);
      cursor = (await cursor.continue()) as typeof cursor;
    }
    return out;
  };
  const mentions = await newest(tx.objectStore('mentions').index('createdAt'));
  const sightings = await newest(tx.objectStore('sightings').index('lastSeen'));
  return { mentions, sightings: sightings.map(plainSighting) };
}

export async function clearLog(): Promise<void> {
  const stores = [
    'mentions',
    'sightings',
    'ranks',
    'sites',
    'visits',
    'undo',
    'imports',
    'staged',
    'meta',
  ] as const;
  const tx = (await db()).transaction([...stores], 'readwrite');
  await Promise.all([...stores.map((s) => tx.objectStore(s).clear()), tx.done]);
  mentionsChanged({ put: [], deleted: [], reset: true });
  storesChanged(['sightings']);
}
