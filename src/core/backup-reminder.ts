/**
 * When the workspace reminds the user to back up the log (issue 10): it has
 * not been exported for 30 days (or never) and holds more than 20 mentions,
 * unless the reminder was switched off.
 */
export const REMIND_AFTER_DAYS = 30;
export const REMIND_ABOVE_MENTIONS = 20;

export interface BackupState {
  /** ISO time of the last complete JSON export. */
  lastExportAt?: string;
  /** False when the user switched the reminder off. */
  reminder?: boolean;
}

export function backupDue(state: BackupState, mentions: number, now: number): boolean {
  if (state.reminder === false || mentions <= REMIND_ABOVE_MENTIONS) return false;
  const last = state.lastExportAt ? Date.parse(state.lastExportAt) : NaN;
  return Number.isNaN(last) || now - last > REMIND_AFTER_DAYS * 86_400_000;
}
