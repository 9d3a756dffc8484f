/**
 * The profile as the worker compiles it once per change of the settings in
 * force, for every content script to use at once: the settings in force (the
 * user's under the company's policy, core/policy.ts) and their matcher as
 * data (matcher/transfer.ts), stored in `storage.local` under PROFILE_KEY.
 *
 * A content script uses it only while it was made from what is stored now:
 * `source` is the settings document and the worker's policy copy as JSON,
 * as storage hands them out. The worker's own writes store the settings (or
 * the policy copy) and the profile in one step (with their keys in order, so
 * that Chrome, which hands keys out sorted, returns the same JSON); a
 * document another program wrote is compiled by the worker when it sees the
 * change, and until then each content script asks the worker for the
 * settings in force and compiles them itself.
 *
 * This module is what a content script reads with (it stays free of the
 * policy reader); ./compile-profile.ts makes profiles (the worker).
 */
import type { MatcherData } from './matcher.ts';
import type { Settings } from './profile.ts';

export const PROFILE_KEY = 'compiledProfile';
/** Raised when StoredProfile changes shape: a profile of another format is made again. */
export const PROFILE_FORMAT = 2;

export interface StoredProfile {
  format: number;
  /** What it was made from, as sourceOf gives it. */
  source: string;
  /** The settings in force; absent where the settings document itself is exactly them (a save by the worker, no policy). */
  settings?: Settings;
  matcher: MatcherData;
}

/** The settings document and the policy copy (as stored; undefined for none) as one JSON text. */
export const sourceOf = (settings: unknown, policy: unknown): string =>
  JSON.stringify([settings ?? null, policy ?? null]);

/**
 * The settings in force a stored profile stands for, if it is a profile of
 * this format made from the settings document and the policy copy stored now
 * (`source`: sourceOf them, made once by the caller); else null.
 */
export function currentSettings(
  profile: unknown,
  settings: unknown,
  source: string,
): Settings | null {
  if (typeof profile !== 'object' || profile === null) return null;
  const p = profile as Partial<StoredProfile>;
  if (p.format !== PROFILE_FORMAT || p.source !== source) return null;
  return p.settings ?? (settings as Settings);
}

/** The settings of the settings in force, without what only the options show (what the policy set, locked, set aside). */
export function withoutManaged(settings: Settings & { managed?: unknown }): Settings {
  const rest = { ...settings };
  delete rest.managed;
  return rest;
}
