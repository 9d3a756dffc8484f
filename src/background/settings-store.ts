/**
 * Settings in `browser.storage.local` under "settings". The worker is the only
 * writer; everyone else reads through `normalizeSettings`, which fills defaults,
 * or, in content scripts, the profile of the settings in force, which every
 * write here stores with them (./compiled-profile.ts).
 *
 * Pages change settings by operations (core/profile/operations.ts): "pause
 * this site", "this brand now reads so". Every write (operations, the
 * migration written back, a sync from another browser, "delete everything")
 * runs in one queue, each on the document as the previous write left it, so
 * no page's change overwrites another's.
 *
 * Every reader migrates an older document as it reads it (the content script
 * reads storage itself). The worker writes the migrated document back when
 * the extension is installed or updated and when the browser starts, not on
 * every read: a write makes every open tab apply the settings again. A
 * document newer than this code is never written: it is read as far as this
 * code understands it, and changes are refused with `settings-too-new` until
 * the extension is updated (the options page says so).
 */
import browser from 'webextension-polyfill';
import type { SettingsReply } from '../core/messages.ts';
import { isStorageFull } from '../core/message-guards.ts';
import { effectiveSettings, readPolicy } from '../core/policy.ts';
import {
  applyOperations,
  lockedBy,
  normalizeSettings,
  SETTINGS_KEY,
  type NormalizedSettings,
  type Settings,
  type SettingsOperation,
} from '../core/profile.ts';
import { currentPolicy, policyForDisplay } from './policy-mirror.ts';
import { refreshProfile, settingsWrite } from './compiled-profile.ts';

let queue: Promise<unknown> = Promise.resolve();
function serially<T>(work: () => Promise<T>): Promise<T> {
  const next = queue.then(work, work);
  queue = next.catch(() => undefined);
  return next;
}

/**
 * `work` with a full storage area refused as `settings-full` (storage.local
 * keeps what it had, the page its draft): the settings' own write, and the
 * copy of the policy a change may have to write first (policy-mirror.ts).
 */
function refusedWhenFull<T>(work: () => Promise<T>): () => Promise<T> {
  return async () => {
    try {
      return await work();
    } catch (error) {
      throw isStorageFull(error) ? new Error('settings-full') : error;
    }
  };
}

async function stored(): Promise<unknown> {
  return (await browser.storage.local.get(SETTINGS_KEY))[SETTINGS_KEY];
}

async function reply(user: NormalizedSettings, policy: unknown): Promise<SettingsReply> {
  return { ...user, effective: effectiveSettings(user.settings, readPolicy(await policy)) };
}

/** The user's stored settings alone (migrated if they are older). */
export async function readUserSettings(): Promise<NormalizedSettings> {
  return normalizeSettings(await stored());
}

/** The stored settings (migrated if they are older) and the settings in force under the policy. */
export async function readSettings(): Promise<SettingsReply> {
  return reply(normalizeSettings(await stored()), currentPolicy());
}

/**
 * The same for a page to show: within the first seconds after install,
 * before the policy is copied, without it (the page follows the copy).
 */
export async function readSettingsForDisplay(): Promise<SettingsReply> {
  return reply(normalizeSettings(await stored()), policyForDisplay());
}

/**
 * Writes the stored settings back in the current version if they are older
 * (true if it did), and compiles them if the stored profile is not theirs.
 */
export function migrateStoredSettings(): Promise<boolean> {
  return serially(async () => {
    const result = normalizeSettings(await stored());
    if (result.migrated) await browser.storage.local.set(await settingsWrite(result.settings));
    await refreshProfile();
    return result.migrated;
  });
}

/**
 * Applies the operations to the stored settings, in order, in the queue.
 * Refused as a whole (`settings-locked`) when one would change what the
 * company's policy sets; the reply reports operations that were not usable.
 */
export function changeSettings(operations: readonly SettingsOperation[]): Promise<SettingsReply> {
  return serially(
    refusedWhenFull(async () => {
      const current = normalizeSettings(await stored());
      if (current.readOnly) throw new Error('settings-too-new');
      const { managed } = effectiveSettings(current.settings, readPolicy(await currentPolicy()));
      const locked = operations.map((op) => lockedBy(op, managed)).find((field) => field !== null);
      if (locked) throw new Error('settings-locked');
      const applied = applyOperations(current.settings, operations);
      if (applied.changed || current.migrated)
        await browser.storage.local.set(await settingsWrite(applied.settings));
      return reply(
        { ...current, settings: applied.settings, problems: applied.problems },
        currentPolicy(),
      );
    }),
  );
}

/**
 * Replaces the stored settings by `update(current)` in the queue; `update`
 * returns undefined to leave them. For whole-document sources: the settings
 * synced from another browser.
 */
export function updateStoredSettings(
  update: (current: NormalizedSettings) => Settings | undefined,
): Promise<boolean> {
  return serially(async () => {
    const current = normalizeSettings(await stored());
    if (current.readOnly) return false;
    const next = update(current);
    if (!next) return false;
    await browser.storage.local.set(await settingsWrite(next));
    return true;
  });
}

/** The settings or the policy copy changed (anyone may write them): compiles them unless a write did already. */
export function refreshStoredProfile(): Promise<boolean> {
  return serially(refreshProfile);
}

/** Runs `work` (which may clear the settings) in the queue, so that no change lands half-way. */
export function withSettingsQueue<T>(work: () => Promise<T>): Promise<T> {
  return serially(work);
}
