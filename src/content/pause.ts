/** Whether the settings in force pause scanning on this page. */
import type { PageState } from '../core/messages.ts';
import { isSitePaused } from '../core/profile/sites.ts';
import type { Settings } from '../core/profile/types.ts';

/** Is scanning paused on this host, and by which switch? */
export function pauseOf(settings: Settings, hostname: string): PageState['paused'] {
  if (settings.paused) return 'global';
  return isSitePaused(settings, hostname) ? 'site' : false;
}
