/**
 * Retention (README, "Retention"): deletes the records whose period is over,
 * as the catalog (core/stored-data.ts) and the settings in force say:
 * sightings, their sites, ranks and results-page visits by `retentionDays`,
 * mentions (and the undo's copies of them) by `mentionRetentionDays` (0 keeps
 * them). Runs at start-up, daily through browser.alarms, and when the setting
 * in force changes. Each store in one transaction of its own, with the counts
 * and site totals it affects, so a worker stopped half-way has deleted whole
 * stores' worth or nothing of one, and the totals never drift.
 */
import type { IDBPDatabase } from 'idb';
import browser from 'webextension-polyfill';
import type { StoredSighting } from '../core/log-records.ts';
import type { EffectiveSettings } from '../core/policy.ts';
import { isExpired, retentionCutoff } from '../core/retention.ts';
import { STORED_RECORDS } from '../core/stored-data.ts';
import { mentionsChanged, storesChanged } from './log-changes.ts';
import { changeCounts } from './log-counts.ts';
import { db, shared } from './log-db.ts';
import { forgetSightings } from './log-forget.ts';

export const RETENTION_ALARM = 'retention';
const DAILY_MINUTES = 24 * 60;

/** Deleted records per store. */
export type RetentionRun = Record<string, number>;

/** The stores a deletion from a store must keep right in the same transaction. */
const COMPANIONS: Record<string, string[]> = { sightings: ['sites', 'meta'], mentions: ['meta'] };

export async function applyRetention(
  settings: Pick<EffectiveSettings, 'retentionDays' | 'mentionRetentionDays'>,
  now = new Date(),
): Promise<RetentionRun> {
  const run: RetentionRun = {};
  // Untyped: the stores are named by the catalog, not by LogSchema.
  const database = (await db()) as unknown as IDBPDatabase;
  for (const record of STORED_RECORDS) {
    const rule = record.retention;
    if (record.place !== 'indexedDb' || !rule) continue;
    const cutoff = retentionCutoff(settings[rule.setting], now);
    const store = record.where;
    if (cutoff === undefined || !database.objectStoreNames.contains(store)) continue;
    const tx = database.transaction([store, ...(COMPANIONS[store] ?? [])], 'readwrite');
    // With an index, only the records before the cutoff are visited; the
    // pure rule has the last word on each (an imported time may carry an offset).
    const source = rule.index ? tx.objectStore(store).index(rule.index) : tx.objectStore(store);
    const range = rule.index ? IDBKeyRange.upperBound(cutoff, true) : null;
    const deleted: Record<string, unknown>[] = [];
    for (let cursor = await source.openCursor(range); cursor; cursor = await cursor.continue()) {
      const value = cursor.value as Record<string, unknown>;
      const time = value[rule.field];
      if (isExpired(typeof time === 'string' ? time : undefined, cutoff)) {
        await cursor.delete();
        deleted.push(value);
      }
    }
    if (store === 'sightings')
      await forgetSightings(shared(tx), deleted as unknown as StoredSighting[]);
    if (store === 'mentions') await changeCounts(shared(tx), { mentions: -deleted.length });
    await tx.done;
    run[store] = deleted.length;
    if (deleted.length && store === 'mentions')
      mentionsChanged({ put: [], deleted: deleted.map((m) => String(m.id)) });
    if (deleted.length && store === 'sightings') storesChanged(['sightings']);
  }
  return run;
}

/** Makes sure the daily run is scheduled (alarms may not outlive a browser restart). */
export async function scheduleRetention(): Promise<void> {
  if (!(await browser.alarms.get(RETENTION_ALARM)))
    await browser.alarms.create(RETENTION_ALARM, {
      delayInMinutes: DAILY_MINUTES,
      periodInMinutes: DAILY_MINUTES,
    });
}
