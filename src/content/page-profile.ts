/**
 * The profile in force for this page: the settings and their matcher, read
 * as the worker compiled them (core/compiled-profile.ts), then followed as
 * they change. Where the stored profile is not made from the stored
 * settings (another program wrote them a moment ago, or an update changed
 * the format), the worker normalises them and this frame compiles them
 * itself, as every frame did before.
 */
import { currentSettings, PROFILE_KEY, sourceOf } from '../core/compiled-profile.ts';
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
  /** The settings document it stands for, as JSON: two profiles of one source are the same. */
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
  const stored = await extensionApi().storage.local.get([SETTINGS_KEY, PROFILE_KEY]);
  const raw = stored[SETTINGS_KEY];
  const source = sourceOf(raw);
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
  const normalized = (await callWorker('settings/get', null)).settings;
  return { settings: normalized, source, matcher: once(() => compileMatcher(normalized.brands)) };
}

/** Calls `listener` after each change of the settings or of their compiled profile (a save changes both at once). */
export function onProfileChange(listener: () => void): void {
  extensionApi().storage.onChanged.addListener((changes, area) => {
    if (area === 'local' && (SETTINGS_KEY in changes || PROFILE_KEY in changes)) listener();
  });
}
