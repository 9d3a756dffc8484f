/**
 * Settings in `browser.storage.local` under "settings". The worker is the only
 * writer; everyone else reads through `normalizeSettings`, which fills defaults.
 */
import browser from 'webextension-polyfill';
import {
  normalizeSettings,
  SETTINGS_KEY,
  type NormalizedSettings,
  type Settings,
} from '../core/profile.ts';

export async function readSettings(): Promise<Settings> {
  const stored = await browser.storage.local.get(SETTINGS_KEY);
  return normalizeSettings(stored[SETTINGS_KEY]).settings;
}

export async function saveSettings(raw: unknown): Promise<NormalizedSettings> {
  const result = normalizeSettings(raw);
  await browser.storage.local.set({ [SETTINGS_KEY]: result.settings });
  return result;
}
