/**
 * Writing sightings together with their site's totals, in the caller's
 * transaction (which must include `sightings` and `sites`), so the totals
 * never drift from the records.
 */
import {
  emptySite,
  storedSighting,
  updateSite,
  type SiteRecord,
  type StoredSighting,
} from '../core/log-records.ts';
import type { Sighting } from '../core/mention.ts';
import { changeCounts } from './log-counts.ts';
import type { WriteTx } from './log-db.ts';

/** A transaction over (at least) `sightings`, `sites` and `meta`. */
export type SightingTx = WriteTx;

/** A sighting to store in place of the stored record of its key (`before`, if any). */
export interface SightingWrite {
  before: StoredSighting | undefined;
  next: Sighting;
}

/** Stores the sightings and updates the totals of every site they touch (one read and write per site). */
export async function putSightings(
  tx: SightingTx,
  writes: readonly SightingWrite[],
): Promise<StoredSighting[]> {
  const sites = tx.objectStore('sites');
  const stored = writes.map((w) => storedSighting(w.next));
  const names = new Set<string>();
  writes.forEach((w, i) => {
    names.add(stored[i]!.site);
    if (w.before) names.add(w.before.site);
  });
  const list = [...names];
  const found = await Promise.all(list.map((name) => sites.get(name)));
  const totals = new Map<string, SiteRecord>(
    list.map((name, i) => [name, found[i] ?? emptySite(name)]),
  );
  writes.forEach((w, i) => {
    const next = stored[i]!;
    const before = w.before;
    if (before && before.site !== next.site)
      totals.set(before.site, updateSite(totals.get(before.site)!, before, undefined));
    const same = before && before.site === next.site ? before : undefined;
    totals.set(next.site, updateSite(totals.get(next.site)!, same, next));
  });
  const added: Partial<Record<Sighting['kind'], number>> = {};
  writes.forEach((w, i) => {
    if (!w.before) added[stored[i]!.kind] = (added[stored[i]!.kind] ?? 0) + 1;
  });
  await changeCounts(tx, { sightings: added });
  const store = tx.objectStore('sightings');
  await Promise.all([
    ...[...totals.values()].map((site) => sites.put(site)),
    ...stored.map((s) => store.put(s)),
  ]);
  return stored;
}

export async function putSighting(
  tx: SightingTx,
  before: StoredSighting | undefined,
  next: Sighting,
): Promise<StoredSighting> {
  const [stored] = await putSightings(tx, [{ before, next }]);
  return stored!;
}
