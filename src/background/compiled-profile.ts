/**
 * The worker's side of the compiled profile (core/compiled-profile.ts): a
 * write of the settings or of the policy copy stores the profile of the
 * settings in force with it, in one storage write; a settings document
 * written by anyone else (a rollout, a script, a test, an older version) is
 * compiled when the worker sees it change or starts.
 */
import browser from 'webextension-polyfill';
import { currentSettings, PROFILE_KEY, sourceOf } from '../core/compiled-profile.ts';
import { profileOf, profileOfStored, withSortedKeys } from '../core/compile-profile.ts';
import { POLICY_MIRROR_KEY } from '../core/policy.ts';
import { SETTINGS_KEY, type Settings } from '../core/profile.ts';

async function readStored(
  keys: string[],
): Promise<{ settings: unknown; policy: unknown; profile: unknown }> {
  const stored = await browser.storage.local.get(keys);
  return {
    settings: stored[SETTINGS_KEY],
    policy: stored[POLICY_MIRROR_KEY],
    profile: stored[PROFILE_KEY],
  };
}

/**
 * What a change of the user's settings writes in one step: the normalised
 * settings (keys in order, see withSortedKeys) and the profile of the
 * settings in force, under the policy copy stored now.
 */
export async function settingsWrite(settings: Settings): Promise<Record<string, unknown>> {
  const { policy } = await readStored([POLICY_MIRROR_KEY]);
  const stored = withSortedKeys(settings);
  return { [SETTINGS_KEY]: stored, [PROFILE_KEY]: profileOf(stored, policy, settings) };
}

/** What a new policy copy writes in one step: the copy (keys in order) and the profile under it. */
export async function policyWrite(
  policy: Record<string, unknown>,
): Promise<Record<string, unknown>> {
  const { settings } = await readStored([SETTINGS_KEY]);
  const stored = withSortedKeys(policy);
  return { [POLICY_MIRROR_KEY]: stored, [PROFILE_KEY]: profileOfStored(settings, stored) };
}

/** Compiles the settings in force again unless the stored profile was made from what is stored; true if it wrote. */
export async function refreshProfile(): Promise<boolean> {
  const { settings, policy, profile } = await readStored([
    SETTINGS_KEY,
    POLICY_MIRROR_KEY,
    PROFILE_KEY,
  ]);
  if (currentSettings(profile, settings, sourceOf(settings, policy))) return false;
  await browser.storage.local.set({ [PROFILE_KEY]: profileOfStored(settings, policy) });
  return true;
}
