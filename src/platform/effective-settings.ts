/**
 * The settings in force, for the pages that act on them (exports, the
 * options): the user's settings (`storage.local`, "settings") under the
 * company's policy (the worker's copy of storage.managed, "managedPolicy"),
 * combined by core/policy.ts. Content scripts do not combine them: they read
 * the profile the worker compiled from both (content/page-profile.ts).
 */
import {
  effectiveSettings,
  POLICY_MIRROR_KEY,
  readPolicy,
  type EffectiveSettings,
} from '../core/policy.ts';
import { normalizeSettings, SETTINGS_KEY } from '../core/profile.ts';
import { extensionApi, type StorageChange } from './extension-api.ts';

/** The settings in force now. */
export async function readEffectiveSettings(): Promise<EffectiveSettings> {
  const stored = await extensionApi().storage.local.get([SETTINGS_KEY, POLICY_MIRROR_KEY]);
  return effectiveSettings(
    normalizeSettings(stored[SETTINGS_KEY]).settings,
    readPolicy(stored[POLICY_MIRROR_KEY]),
  );
}

/**
 * Calls `changed` whenever the user's settings or the policy change, for a
 * page that shows them (the options) and asks the worker again.
 */
export function watchSettingsInForce(changed: () => void): () => void {
  const listener = (changes: Record<string, StorageChange>, area: string) => {
    if (area === 'local' && (SETTINGS_KEY in changes || POLICY_MIRROR_KEY in changes)) changed();
  };
  const { onChanged } = extensionApi().storage;
  onChanged.addListener(listener);
  return () => onChanged.removeListener(listener);
}
