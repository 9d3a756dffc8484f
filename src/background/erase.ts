/**
 * Deleting on purpose: "Delete everything" (the log, the records of visited
 * pages and the user's settings; as on first install) and "delete the
 * sightings recorded so far" (offered when the works-council mode goes on).
 * The company's policy stays: it comes back from the browser anyway.
 */
import type { IDBPDatabase } from 'idb';
import browser from 'webextension-polyfill';
import type { LogCounts } from '../core/messages.ts';
import { PROFILE_KEY } from '../core/compiled-profile.ts';
import { POLICY_MIRROR_KEY } from '../core/policy.ts';
import { refreshProfile } from './compiled-profile.ts';
import { automaticStores } from '../core/stored-data.ts';
import { mentionsChanged, storesChanged } from './log-changes.ts';
import { readCounts, sightingTotal } from './log-counts.ts';
import { db } from './log-db.ts';
import { refreshPolicyMirror } from './policy-mirror.ts';
import { removeSyncedSettings } from './settings-sync.ts';
import { readUserSettings, withSettingsQueue } from './settings-store.ts';

/** Untyped: the stores are named by the catalog (core/stored-data.ts) or by the database itself. */
const database = async (): Promise<IDBPDatabase> => (await db()) as unknown as IDBPDatabase;

async function clearStores(names: string[]): Promise<void> {
  const log = await database();
  const present = names.filter((name) => log.objectStoreNames.contains(name));
  if (present.length === 0) return;
  const tx = log.transaction(present, 'readwrite');
  await Promise.all([...present.map((name) => tx.objectStore(name).clear()), tx.done]);
}

/** Deletes every record made automatically (sightings, their sites, ranks, results-page visits); the mentions stay. */
export async function deleteAutomaticRecords(): Promise<void> {
  const log = await database();
  const present = automaticStores().filter((name) => log.objectStoreNames.contains(name));
  const tx = log.transaction([...present, 'meta'], 'readwrite');
  const meta = tx.objectStore('meta');
  // The counts say no sightings are left; the mentions' count stays.
  const counts = (await meta.get('counts')) as { sightings?: Record<string, number> } | undefined;
  const cleared = counts && {
    ...counts,
    sightings: Object.fromEntries(Object.keys(counts.sightings ?? {}).map((kind) => [kind, 0])),
  };
  await Promise.all([
    ...present.map((name) => tx.objectStore(name).clear()),
    ...(cleared ? [meta.put(cleared)] : []),
    tx.done,
  ]);
  storesChanged(['sightings']);
}

/**
 * Deletes the whole log (every store of the database, in one transaction),
 * the user's settings and everything else in storage.local except the copy
 * of the policy (the compiled profile is made again, of the defaults), this
 * session's data, and the synced settings if sync is on here (with sync off,
 * the items in storage.sync are other browsers' business).
 */
export async function eraseEverything(): Promise<void> {
  const syncing = (await readUserSettings()).settings.sync;
  await withSettingsQueue(async () => {
    await clearStores([...(await database()).objectStoreNames]);
    // The worker's mention index and the open workspaces start over.
    mentionsChanged({ put: [], deleted: [], reset: true });
    storesChanged(['sightings']);
    if (syncing) await removeSyncedSettings();
    const keys = Object.keys(await browser.storage.local.get(null));
    const kept = new Set([POLICY_MIRROR_KEY, PROFILE_KEY]);
    await browser.storage.local.remove(keys.filter((key) => !kept.has(key)));
    // The profile of the defaults under the policy, as on first install, in
    // the queue: the tabs drop the user's brands at once.
    await refreshProfile();
    await browser.storage.session.clear();
  });
  await refreshPolicyMirror();
}

/** From the counts every write keeps (counting a million records takes seconds). */
export async function countLog(): Promise<LogCounts> {
  const counts = await readCounts();
  return { mentions: counts.mentions, sightings: sightingTotal(counts) };
}
