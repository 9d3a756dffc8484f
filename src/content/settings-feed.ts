/** The settings in force for this page: read once, then followed as they change. */
import browser from 'webextension-polyfill';
import type { PageState } from '../core/messages.ts';
import { isSitePaused, normalizeSettings, SETTINGS_KEY, type Settings } from '../core/profile.ts';

/** Calls `apply` with the stored settings, then with every change (another tab, the options, a rollout). */
export async function followSettings(apply: (settings: Settings) => Promise<void>): Promise<void> {
  browser.storage.onChanged.addListener((changes, area) => {
    const change = changes[SETTINGS_KEY];
    if (area === 'local' && change) void apply(normalizeSettings(change.newValue).settings);
  });
  const stored = await browser.storage.local.get(SETTINGS_KEY);
  await apply(normalizeSettings(stored[SETTINGS_KEY]).settings);
}

/** Is scanning paused on this host, and by which switch? */
export function pauseOf(settings: Settings, hostname: string): PageState['paused'] {
  if (settings.paused) return 'global';
  return isSitePaused(settings, hostname) ? 'site' : false;
}
