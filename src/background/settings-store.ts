/**
 * Settings in `browser.storage.local` under "settings". The worker is the only
 * writer; everyone else reads through `normalizeSettings`, which fills defaults,
 * or, in content scripts, the profile compiled from them (./compiled-profile.ts).
 *
 * Every reader migrates an older document as it reads it (the content script
 * reads storage itself). The worker writes the migrated document back when
 * the extension is installed or updated and when the browser starts, not on
 * every read: a write makes every open tab apply the settings again, and
 * between those moments a rollout's minimal document reads the same as its
 * migration. A document newer than this code is never
 * written: it is read as far as this code understands it, and saves are
 * refused with `settings-too-new` until the extension is updated (the options
 * page says so).
 */
import browser from 'webextension-polyfill';
import { normalizeSettings, SETTINGS_KEY, type NormalizedSettings } from '../core/profile.ts';
import { refreshProfile, settingsWrite } from './compiled-profile.ts';

// Migrations written back and saves run one after the other, so that a
// migration never overwrites a save made in between.
let queue: Promise<unknown> = Promise.resolve();
function serially<T>(work: () => Promise<T>): Promise<T> {
  const next = queue.then(work, work);
  queue = next.catch(() => undefined);
  return next;
}

async function stored(): Promise<unknown> {
  return (await browser.storage.local.get(SETTINGS_KEY))[SETTINGS_KEY];
}

/** The stored settings, migrated if they are older. */
export async function readSettings(): Promise<NormalizedSettings> {
  return normalizeSettings(await stored());
}

/**
 * Writes the stored settings back in the current version if they are older
 * (true if it did), and compiles them if the stored profile is not theirs.
 */
export function migrateStoredSettings(): Promise<boolean> {
  return serially(async () => {
    const result = normalizeSettings(await stored());
    if (result.migrated) await browser.storage.local.set(settingsWrite(result.settings));
    await refreshProfile();
    return result.migrated;
  });
}

/** The settings changed (anyone may write them): compiles them unless a save did already. */
export function refreshStoredProfile(): Promise<boolean> {
  return serially(refreshProfile);
}

export function saveSettings(raw: unknown): Promise<NormalizedSettings> {
  return serially(async () => {
    const result = normalizeSettings(raw);
    if (result.readOnly || normalizeSettings(await stored()).readOnly)
      throw new Error('settings-too-new');
    await browser.storage.local.set(settingsWrite(result.settings));
    return result;
  });
}
