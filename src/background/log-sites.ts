/**
 * Writing sightings together with their site's totals, in the caller's
 * transaction (which must include `sightings` and `sites`), so the totals
 * never drift from the records.
 */
import type { IDBPTransaction, StoreNames } from 'idb';
import { emptySite, storedSighting, updateSite, type StoredSighting } from '../core/log-records.ts';
import type { Sighting } from '../core/mention.ts';
import type { LogSchema } from './log-schema.ts';

/** A transaction over (at least) `sightings` and `sites`. */
export type SightingTx = IDBPTransaction<LogSchema, StoreNames<LogSchema>[], 'readwrite'>;

/** Stores `next` in place of `before` (the stored record of its key, if any). */
export async function putSighting(
  tx: SightingTx,
  before: StoredSighting | undefined,
  next: Sighting,
): Promise<StoredSighting> {
  const stored = storedSighting(next);
  const sites = tx.objectStore('sites');
  if (before && before.site !== stored.site) {
    const old = await sites.get(before.site);
    if (old) await sites.put(updateSite(old, before, undefined));
  }
  const same = before && before.site === stored.site ? before : undefined;
  const site = (await sites.get(stored.site)) ?? emptySite(stored.site);
  await sites.put(updateSite(site, same, stored));
  await tx.objectStore('sightings').put(stored);
  return stored;
}
