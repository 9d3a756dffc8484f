/**
 * The log's record counts (the `meta` store), changed inside the transaction
 * of every write that adds or deletes records, so that the workspace shows
 * "100,000 mentions" without counting them. The mention index recounts when
 * it is built and puts a drifted count right.
 */
import type { SightingKind } from '../core/mention.ts';
import { db, type WriteTx } from './log-db.ts';
import type { CountsRecord } from './log-schema.ts';

export interface CountChange {
  mentions?: number;
  sightings?: Partial<Record<SightingKind, number>>;
}

const zero = (): CountsRecord => ({
  key: 'counts',
  mentions: 0,
  sightings: { page: 0, result: 0, ad: 0, 'competitor-ad': 0 },
});

/** Adds the change to the counts, in `tx` (which must include `meta`). */
export async function changeCounts(tx: WriteTx, change: CountChange): Promise<void> {
  if (!change.mentions && !change.sightings) return;
  const store = tx.objectStore('meta');
  const counts = (await store.get('counts')) ?? zero();
  counts.mentions = Math.max(0, counts.mentions + (change.mentions ?? 0));
  for (const [kind, n] of Object.entries(change.sightings ?? {}) as [SightingKind, number][])
    counts.sightings[kind] = Math.max(0, (counts.sightings[kind] ?? 0) + n);
  await store.put(counts);
}

export async function readCounts(): Promise<CountsRecord> {
  return (await (await db()).get('meta', 'counts')) ?? zero();
}

export async function setMentionCount(mentions: number): Promise<void> {
  const tx = (await db()).transaction('meta', 'readwrite');
  const counts = (await tx.store.get('counts')) ?? zero();
  if (counts.mentions !== mentions) await tx.store.put({ ...counts, mentions });
  await tx.done;
}

export const sightingTotal = (counts: CountsRecord): number =>
  Object.values(counts.sightings).reduce((a, b) => a + b, 0);
