/**
 * Who made an export. Exports carry no user identity (no account, no
 * machine or browser name): only a name the user typed into the options
 * for this purpose ("Exported by"), and only while it is set.
 */
import type { Settings } from './profile/types.ts';

/** The export's `exportedBy` field: the user's chosen name, or none. */
export function exportedByField(settings: Pick<Settings, 'exportedBy'>): { exportedBy?: string } {
  const name = settings.exportedBy.trim();
  return name ? { exportedBy: name } : {};
}
