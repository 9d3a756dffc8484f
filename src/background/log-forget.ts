/**
 * Deleting records the worker did not write on request (retention, "delete
 * the sightings so far") while keeping what stands beside them right: the
 * record counts (log-counts.ts), the per-site totals (log-sites.ts; a site
 * with no sighting left goes too, so no trace of a visited site stays), and
 * the listeners of log-changes.ts.
 */
import { updateSite, type SiteRecord, type StoredSighting } from '../core/log-records.ts';
import type { SightingKind } from '../core/mention.ts';
import { changeCounts } from './log-counts.ts';
import type { WriteTx } from './log-db.ts';

/** Takes deleted sightings out of their sites' totals and the counts, in `tx` (over `sites` and `meta`). */
export async function forgetSightings(
  tx: WriteTx,
  deleted: readonly StoredSighting[],
): Promise<void> {
  if (deleted.length === 0) return;
  const sites = tx.objectStore('sites');
  const totals = new Map<string, SiteRecord | undefined>();
  const kinds: Partial<Record<SightingKind, number>> = {};
  for (const sighting of deleted) {
    if (!totals.has(sighting.site)) totals.set(sighting.site, await sites.get(sighting.site));
    const site = totals.get(sighting.site);
    if (site) totals.set(sighting.site, updateSite(site, sighting, undefined));
    kinds[sighting.kind] = (kinds[sighting.kind] ?? 0) - 1;
  }
  for (const [name, site] of totals) {
    if (!site) continue;
    if (site.sightings <= 0) await sites.delete(name);
    else await sites.put(site);
  }
  await changeCounts(tx, { sightings: kinds });
}
