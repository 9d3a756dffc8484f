/**
 * Settings in `browser.storage.local` under "settings". The worker is the only
 * writer; everyone else reads through `normalizeSettings`, which fills defaults.
 *
 * An older document is migrated on read and written back at once, so that
 * storage holds the current version. A document newer than this code is never
 * written: it is read as far as this code understands it, and saves are
 * refused with `settings-too-new` until the extension is updated (the options
 * page says so).
 */
import browser from 'webextension-polyfill';
import { normalizeSettings, SETTINGS_KEY, type NormalizedSettings } from '../core/profile.ts';

// Reads that write back and saves run one after the other, so that a
// migration written back never overwrites a save made in between.
let queue: Promise<unknown> = Promise.resolve();
function serially<T>(work: () => Promise<T>): Promise<T> {
  const next = queue.then(work, work);
  queue = next.catch(() => undefined);
  return next;
}

async function stored(): Promise<unknown> {
  return (await browser.storage.local.get(SETTINGS_KEY))[SETTINGS_KEY];
}

/** The stored settings, migrated (and written back) if they were older. */
export function readSettings(): Promise<NormalizedSettings> {
  return serially(async () => {
    const result = normalizeSettings(await stored());
    if (result.migrated) await browser.storage.local.set({ [SETTINGS_KEY]: result.settings });
    return result;
  });
}

export function saveSettings(raw: unknown): Promise<NormalizedSettings> {
  return serially(async () => {
    const result = normalizeSettings(raw);
    if (result.readOnly || normalizeSettings(await stored()).readOnly)
      throw new Error('settings-too-new');
    await browser.storage.local.set({ [SETTINGS_KEY]: result.settings });
    return result;
  });
}
