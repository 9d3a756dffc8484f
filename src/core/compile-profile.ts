/**
 * Making the compiled profile (./compiled-profile.ts): what the worker does
 * once per change of settings instead of every frame of every page.
 */
import { PROFILE_FORMAT, sourceOf, type StoredProfile } from './compiled-profile.ts';
import { compileMatcherData } from './matcher.ts';
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

/** The profile for `settings`, normalised already, that are stored as `stored`. */
export function profileOf(stored: unknown, settings: Settings): StoredProfile {
  const source = sourceOf(stored);
  const profile: StoredProfile = {
    format: PROFILE_FORMAT,
    source,
    matcher: compileMatcherData(settings.brands),
  };
  if (source !== sourceOf(withSortedKeys(settings))) profile.settings = settings;
  return profile;
}

/** The profile for a settings document as found in storage (another program may have written it). */
export const profileOfDocument = (stored: unknown): StoredProfile =>
  profileOf(stored, normalizeSettings(stored).settings);
