/**
 * What the workspace and the options page show about the log as a whole:
 * its size, the last backup (for the reminder), the browser's storage state.
 * The time of the last export and the reminder switch live in
 * `storage.local` under `backup`, beside the settings (not in them: the
 * settings document is the team's profile, this is one browser's state).
 */
import browser from 'webextension-polyfill';
import type { LogStatus } from '../core/messages.ts';
import { db } from './log-db.ts';
import { readyIndex } from './log-index.ts';

const BACKUP_KEY = 'backup';
/** Issue 10: remind when not exported for 30 days and the log holds more than 20 mentions. */
const REMIND_AFTER_DAYS = 30;
const REMIND_ABOVE_MENTIONS = 20;

interface BackupState {
  lastExportAt?: string;
  reminder?: boolean;
}

async function backupState(): Promise<BackupState> {
  const value = (await browser.storage.local.get(BACKUP_KEY))[BACKUP_KEY];
  return typeof value === 'object' && value !== null ? value : {};
}

async function saveBackupState(change: BackupState): Promise<void> {
  await browser.storage.local.set({ [BACKUP_KEY]: { ...(await backupState()), ...change } });
}

/** Whether the reminder is due: pure, for the tests and the status. */
export function backupDue(state: BackupState, mentions: number, now: number): boolean {
  if (state.reminder === false || mentions <= REMIND_ABOVE_MENTIONS) return false;
  const last = state.lastExportAt ? Date.parse(state.lastExportAt) : NaN;
  return Number.isNaN(last) || now - last > REMIND_AFTER_DAYS * 86_400_000;
}

export async function logStatus(now = Date.now()): Promise<LogStatus> {
  const database = await db();
  const index = readyIndex();
  const mentions = index ? index.entries.size : await database.count('mentions');
  const sightings = await database.count('sightings');
  const state = await backupState();
  const storage = navigator.storage as StorageManager | undefined;
  const persisted = (await storage?.persisted?.().catch(() => null)) ?? null;
  const estimate = await storage?.estimate?.().catch(() => undefined);
  return {
    mentions,
    sightings,
    lastExportAt: state.lastExportAt ?? null,
    backupReminder: state.reminder !== false,
    backupDue: backupDue(state, mentions, now),
    persisted,
    usage: estimate?.usage ?? null,
    quota: estimate?.quota ?? null,
  };
}

export async function setBackupReminder(on: boolean): Promise<LogStatus> {
  await saveBackupState({ reminder: on });
  return logStatus();
}

export async function backupDone(now = new Date()): Promise<LogStatus> {
  await saveBackupState({ lastExportAt: now.toISOString() });
  return logStatus();
}
