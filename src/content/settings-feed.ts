/** The settings in force for this page: read once, then followed as they change. */
import type { PageState } from '../core/messages.ts';
import { isSitePaused, type Settings } from '../core/profile.ts';
import { followEffectiveSettings } from '../platform/effective-settings.ts';

/**
 * Calls `apply` with the settings in force (the user's under the company's
 * policy), then with every change (another tab, the options, a rollout, a
 * new policy). All of it is src/platform/effective-settings.ts.
 */
export async function followSettings(apply: (settings: Settings) => Promise<void>): Promise<void> {
  await followEffectiveSettings(apply);
}

/** Is scanning paused on this host, and by which switch? */
export function pauseOf(settings: Settings, hostname: string): PageState['paused'] {
  if (settings.paused) return 'global';
  return isSitePaused(settings, hostname) ? 'site' : false;
}
