/**
 * The worker's side of the compiled profile (core/compiled-profile.ts): a
 * save writes the settings and their profile in one storage write; a
 * settings document written by anyone else (a rollout, a script, a test, an
 * older version) is compiled when the worker sees it change or starts.
 */
import browser from 'webextension-polyfill';
import { currentSettings, PROFILE_KEY } from '../core/compiled-profile.ts';
import { profileOf, profileOfDocument, withSortedKeys } from '../core/compile-profile.ts';
import { SETTINGS_KEY, type Settings } from '../core/profile.ts';

/** What a save writes in one step: the normalised settings (keys in order, see withSortedKeys) and their profile. */
export function settingsWrite(settings: Settings): Record<string, unknown> {
  const stored = withSortedKeys(settings);
  return { [SETTINGS_KEY]: stored, [PROFILE_KEY]: profileOf(stored, settings) };
}

/** Compiles the stored settings again unless the stored profile was made from them; true if it wrote. */
export async function refreshProfile(): Promise<boolean> {
  const stored = await browser.storage.local.get([SETTINGS_KEY, PROFILE_KEY]);
  if (currentSettings(stored[PROFILE_KEY], stored[SETTINGS_KEY])) return false;
  await browser.storage.local.set({ [PROFILE_KEY]: profileOfDocument(stored[SETTINGS_KEY]) });
  return true;
}
