/**
 * Making the compiled profile (./compiled-profile.ts): what the worker does
 * once per change of the settings in force instead of every frame of every
 * page, the policy laid over the user's settings included.
 */
import {
  PROFILE_FORMAT,
  sourceOf,
  withoutManaged,
  type StoredProfile,
} from './compiled-profile.ts';
import { compileMatcherData } from './matcher.ts';
import { effectiveSettings, readPolicy } from './policy.ts';
import { normalizeSettings, type Settings } from './profile.ts';

/** A copy with the keys of every object in code-unit order (arrays keep theirs). */
export function withSortedKeys<T>(value: T): T {
  if (Array.isArray(value)) return value.map(withSortedKeys) as T;
  if (value === null || typeof value !== 'object') return value;
  const sorted: Record<string, unknown> = {};
  for (const key of Object.keys(value).sort())
    sorted[key] = withSortedKeys((value as Record<string, unknown>)[key]);
  return sorted as T;
}

/**
 * The profile for the user's `user` settings (normalised already), stored as
 * `stored`, under the policy copy stored as `policy`.
 */
export function profileOf(stored: unknown, policy: unknown, user: Settings): StoredProfile {
  const settings = withoutManaged(effectiveSettings(user, readPolicy(policy)));
  const profile: StoredProfile = {
    format: PROFILE_FORMAT,
    source: sourceOf(stored, policy),
    matcher: compileMatcherData(settings.brands),
  };
  if (JSON.stringify(stored) !== JSON.stringify(withSortedKeys(settings)))
    profile.settings = settings;
  return profile;
}

/** The profile for a settings document and a policy copy as found in storage (another program may have written the settings). */
export const profileOfStored = (stored: unknown, policy: unknown): StoredProfile =>
  profileOf(stored, policy, normalizeSettings(stored).settings);
