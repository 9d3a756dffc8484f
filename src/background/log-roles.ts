/**
 * Brand roles from the current settings, for filters by role and for share
 * of voice. Cached until the settings change (a sighting scan asks on every
 * reply); the cache is only a cache, a restarted worker reads them again.
 */
import browser from 'webextension-polyfill';
import type { BrandRoles } from '../core/log-query.ts';
import { SETTINGS_KEY } from '../core/profile.ts';
import { readSettings } from './settings-store.ts';

let cached: Promise<BrandRoles> | undefined;

browser.storage.onChanged.addListener((changes, area) => {
  if (area === 'local' && SETTINGS_KEY in changes) cached = undefined;
});

export function brandRoles(): Promise<BrandRoles> {
  cached ??= readSettings().then(
    ({ settings }) => new Map(settings.brands.map((b) => [b.name, b.role])),
    (error: unknown) => {
      cached = undefined;
      throw error;
    },
  );
  return cached;
}
