/**
 * What the worker does on its own, beside answering messages: keeps the copy
 * of the company's policy and the compiled profile current, runs retention
 * (at start-up, daily, and when the period in force changes), and keeps sync
 * going.
 */
import browser, { type Storage } from 'webextension-polyfill';
import { effectiveSettings, POLICY_MIRROR_KEY, readPolicy } from '../core/policy.ts';
import { normalizeSettings, SETTINGS_KEY } from '../core/profile.ts';
import { refreshPolicyMirror } from './policy-mirror.ts';
import { applyRetention, RETENTION_ALARM, scheduleRetention } from './retention.ts';
import { onSettingsChanged, onSyncChanged } from './settings-sync.ts';
import { readSettings, refreshStoredProfile } from './settings-store.ts';

async function runRetention(): Promise<void> {
  await applyRetention((await readSettings()).effective);
}

/** Install, update, browser start: the policy copy, the daily alarm, one retention run. */
export async function atStartUp(): Promise<void> {
  await refreshPolicyMirror();
  await scheduleRetention();
  await runRetention();
}

export function onAlarm(name: string): void {
  if (name === RETENTION_ALARM) void runRetention();
}

/** The retention periods in force for a settings document and a policy (as stored). */
const periods = (settings: unknown, policy: unknown): string => {
  const e = effectiveSettings(normalizeSettings(settings).settings, readPolicy(policy));
  return `${e.retentionDays}/${e.mentionRetentionDays}`;
};

async function stored(): Promise<{ settings: unknown; policy: unknown }> {
  const now = await browser.storage.local.get([SETTINGS_KEY, POLICY_MIRROR_KEY]);
  return { settings: now[SETTINGS_KEY], policy: now[POLICY_MIRROR_KEY] };
}

export function onStorageChanged(
  changes: Record<string, Storage.StorageChange>,
  area: string,
): void {
  if (area === 'managed') void refreshPolicyMirror();
  if (area === 'sync') onSyncChanged(Object.keys(changes));
  if (area !== 'local') return;
  const settings = changes[SETTINGS_KEY];
  const policy = changes[POLICY_MIRROR_KEY];
  if (settings) onSettingsChanged(settings.oldValue, settings.newValue);
  if (!settings && !policy) return;
  // Written by anyone (a rollout, a script, delete everything): the profile
  // of the settings in force, compiled once here for every page.
  void refreshStoredProfile();
  void stored().then(async (now) => {
    const before = {
      settings: settings ? settings.oldValue : now.settings,
      policy: policy ? policy.oldValue : now.policy,
    };
    if (periods(before.settings, before.policy) !== periods(now.settings, now.policy))
      await runRetention();
  });
}
