/**
 * The profile in force for this page: the settings in force (the user's
 * under the company's policy) and their matcher, read as the worker
 * compiled them (core/compiled-profile.ts), then followed as they change.
 * Where the stored profile is not made from the stored settings and policy
 * copy (another program wrote the settings a moment ago, or an update
 * changed the format), the worker lays the policy over the settings and
 * this frame compiles them itself, as every frame did before.
 */
import {
  currentSettings,
  PROFILE_KEY,
  sourceOf,
  withoutManaged,
} from '../core/compiled-profile.ts';
import { POLICY_MIRROR_KEY } from '../core/policy/mirror-key.ts';
import {
  compileMatcher,
  matcherFromData,
  type BrandMatcher,
  type MatcherData,
} from '../core/matcher.ts';
import { SETTINGS_KEY, type Settings } from '../core/profile/types.ts';
import { extensionApi } from '../platform/extension-api.ts';
import { callWorker } from '../platform/messaging.ts';

export interface PageProfile {
  settings: Settings;
  /** The settings document and policy copy it stands for, as JSON: two profiles of one source are the same. */
  source: string;
  /** The matcher, made on first use (pages without text never need it). */
  matcher(): BrandMatcher;
}

function once<T>(make: () => T): () => T {
  let made: { value: T } | undefined;
  return () => (made ??= { value: make() }).value;
}

/** Reads the profile in force now. */
export async function readProfile(): Promise<PageProfile> {
  const stored = await extensionApi().storage.local.get([
    SETTINGS_KEY,
    POLICY_MIRROR_KEY,
    PROFILE_KEY,
  ]);
  const raw = stored[SETTINGS_KEY];
  const source = sourceOf(raw, stored[POLICY_MIRROR_KEY]);
  const profile = stored[PROFILE_KEY];
  const settings = currentSettings(profile, raw, source);
  if (settings) {
    const data = (profile as { matcher: MatcherData }).matcher;
    return {
      settings,
      source,
      matcher: once(() => matcherFromData(data) ?? compileMatcher(settings.brands)),
    };
  }
  const inForce = withoutManaged((await callWorker('settings/get', null)).effective);
  return { settings: inForce, source, matcher: once(() => compileMatcher(inForce.brands)) };
}

/** Do two profiles hold the same settings in force (then they have the same matcher too)? */
export const sameSettings = (a: PageProfile, b: PageProfile): boolean =>
  a.source === b.source || JSON.stringify(a.settings) === JSON.stringify(b.settings);

/**
 * Calls `listener` after each change of the settings, the policy copy or
 * their compiled profile (the worker's writes change one of the first two
 * and the profile at once).
 */
export function onProfileChange(listener: () => void): void {
  extensionApi().storage.onChanged.addListener((changes, area) => {
    if (
      area === 'local' &&
      (SETTINGS_KEY in changes || POLICY_MIRROR_KEY in changes || PROFILE_KEY in changes)
    )
      listener();
  });
}
