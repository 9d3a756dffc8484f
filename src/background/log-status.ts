/**
 * What the workspace and the options page show about the log as a whole:
 * its size, the last backup (for the reminder), the browser's storage state.
 * The time of the last export and the reminder switch live in
 * `storage.local` under `backup`, beside the settings (not in them: the
 * settings document is the team's profile, this is one browser's state).
 */
import browser from 'webextension-polyfill';
import { backupDue, type BackupState } from '../core/backup-reminder.ts';
import type { LogStatus } from '../core/messages.ts';
import { readCounts, sightingTotal } from './log-counts.ts';
import { readyIndex } from './log-index.ts';
import { acknowledgeLoss, unreadLoss } from './log-presence.ts';

const BACKUP_KEY = 'backup';

async function backupState(): Promise<BackupState> {
  const value = (await browser.storage.local.get(BACKUP_KEY))[BACKUP_KEY];
  return typeof value === 'object' && value !== null ? value : {};
}

async function saveBackupState(change: BackupState): Promise<void> {
  await browser.storage.local.set({ [BACKUP_KEY]: { ...(await backupState()), ...change } });
}

export async function logStatus(now = Date.now()): Promise<LogStatus> {
  const counts = await readCounts();
  const mentions = readyIndex()?.entries.size ?? counts.mentions;
  const sightings = sightingTotal(counts);
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
    lost: await unreadLoss(),
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

export async function lossSeen(): Promise<LogStatus> {
  await acknowledgeLoss();
  return logStatus();
}
