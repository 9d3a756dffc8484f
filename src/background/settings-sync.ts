/**
 * Settings sync (docs/sync.md): with `settings.sync` on, the user's settings,
 * never the log, travel to their other browsers through storage.sync, split
 * into items within its quotas by core/sync-items.ts.
 *
 * - A change of the settings is sent 2 s after the last one (storage.sync
 *   takes 120 writes a minute; a write here is one set and at most one remove).
 * - A change from another browser is taken when all its items have arrived
 *   (the fingerprint matches) and it differs from what is here.
 * - A profile too large is not written at all; syncState says why, and the
 *   options show it.
 * - Switching sync off removes the items (the other browsers keep their settings).
 */
import browser from 'webextension-polyfill';
import type { SyncStatus } from '../core/messages.ts';
import { normalizeSettings, type Settings } from '../core/profile.ts';
import { joinSyncItems, splitForSync, staleSyncKeys, SYNC_META_KEY } from '../core/sync-items.ts';
import { readUserSettings, updateStoredSettings } from './settings-store.ts';

const STATE_KEY = 'syncState';
const DEBOUNCE_MS = 2_000;
const isSyncKey = (key: string): boolean => key === SYNC_META_KEY || /^settings\.\d+$/.test(key);

type SyncState = Pick<SyncStatus, 'bytes' | 'error'>;

/** The document that travels: the settings without the switch itself (each browser has its own). */
function travelling(settings: Settings): Record<string, unknown> {
  const doc: Partial<Settings> = { ...settings };
  delete doc.sync;
  return doc;
}

async function remoteDocument(): Promise<unknown> {
  const joined = joinSyncItems(await browser.storage.sync.get(null));
  return joined.ok ? joined.doc : undefined;
}

async function setState(state: SyncState): Promise<void> {
  await browser.storage.local.set({ [STATE_KEY]: state });
}

/** Writes the settings to storage.sync now, unless they are there already. */
export async function pushSettings(): Promise<void> {
  const { settings } = await readUserSettings();
  if (!settings.sync) return;
  const doc = travelling(settings);
  const split = splitForSync(doc);
  if (!split.ok) {
    await setState({
      error:
        split.error === 'too-large'
          ? { code: 'too-large', bytes: split.bytes, limit: split.limit }
          : { code: 'too-many-items', limit: split.limit },
    });
    return;
  }
  const stored = await browser.storage.sync.get(null);
  const joined = joinSyncItems(stored);
  if (joined.ok && JSON.stringify(joined.doc) === JSON.stringify(doc)) {
    await setState({ bytes: split.bytes });
    return;
  }
  try {
    await browser.storage.sync.set(split.items);
    const stale = staleSyncKeys(Object.keys(stored), split.items);
    if (stale.length) await browser.storage.sync.remove(stale);
    await setState({ bytes: split.bytes });
  } catch {
    await setState({ error: { code: 'write-failed' } });
  }
}

let timer: ReturnType<typeof setTimeout> | undefined;

/** Sends the settings once they have been still for a moment. */
export function schedulePush(): void {
  clearTimeout(timer);
  timer = setTimeout(() => void pushSettings(), DEBOUNCE_MS);
}

/** Takes the settings another browser wrote, if they are complete and differ from these. */
export async function pullSettings(): Promise<boolean> {
  const remote = await remoteDocument();
  if (remote === undefined) return false;
  const incoming = normalizeSettings(remote);
  if (incoming.readOnly) return false;
  return updateStoredSettings((current) => {
    if (!current.settings.sync) return undefined;
    const next = { ...incoming.settings, sync: true };
    return JSON.stringify(next) === JSON.stringify(current.settings) ? undefined : next;
  });
}

/** Removes the synced copy (sync switched off, or everything deleted). */
export async function removeSyncedSettings(): Promise<void> {
  const keys = Object.keys(await browser.storage.sync.get(null)).filter(isSyncKey);
  if (keys.length) await browser.storage.sync.remove(keys);
  await browser.storage.local.remove(STATE_KEY);
}

/** Switches sync on, taking the other browsers' settings or sending these. */
export async function startSync(take: 'remote' | 'local'): Promise<SyncStatus> {
  const remote = take === 'remote' ? await remoteDocument() : undefined;
  await updateStoredSettings((current) => {
    const source = remote === undefined ? current.settings : normalizeSettings(remote).settings;
    return { ...source, sync: true };
  });
  await pushSettings();
  return syncStatus();
}

export async function syncStatus(): Promise<SyncStatus> {
  const [{ settings }, state, remote] = await Promise.all([
    readUserSettings(),
    browser.storage.local.get(STATE_KEY),
    remoteDocument(),
  ]);
  const status: SyncStatus = {
    enabled: settings.sync,
    remote:
      remote === undefined ? null : { brands: normalizeSettings(remote).settings.brands.length },
  };
  const saved = state[STATE_KEY] as SyncState | undefined;
  if (saved?.bytes !== undefined) status.bytes = saved.bytes;
  if (saved?.error) status.error = saved.error;
  return status;
}

/** What the worker does when the stored settings change (from any source). */
export function onSettingsChanged(before: unknown, after: unknown): void {
  const was = normalizeSettings(before).settings.sync;
  const is = normalizeSettings(after).settings.sync;
  if (is) schedulePush();
  else if (was) void removeSyncedSettings();
}

/** What the worker does when storage.sync changes (another browser, or its own write). */
export function onSyncChanged(keys: string[]): void {
  if (keys.some(isSyncKey)) void pullSettings();
}
