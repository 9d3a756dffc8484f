/**
 * The profile as the worker compiles it once per change of settings, for
 * every content script to use at once: the settings normalised and the
 * matcher as data (matcher/transfer.ts), stored beside the settings in
 * `storage.local` under PROFILE_KEY.
 *
 * A content script uses it only while it was made from the settings
 * document that is stored now: `source` is that document as JSON, as
 * storage hands it out. The worker's own saves write both in one step (the
 * settings with their keys in order, so that Chrome, which hands keys out
 * sorted, returns the same JSON); a document another program wrote is
 * compiled by the worker when it sees the change, and until then each
 * content script asks the worker for the normalised settings and compiles
 * them itself.
 *
 * This module is what a content script reads with; ./compile-profile.ts
 * makes profiles (the worker).
 */
import type { MatcherData } from './matcher.ts';
import type { Settings } from './profile.ts';

export const PROFILE_KEY = 'compiledProfile';
/** Raised when StoredProfile changes shape: a profile of another format is made again. */
export const PROFILE_FORMAT = 1;

export interface StoredProfile {
  format: number;
  /** The settings document it was made from, as JSON (`null` for none). */
  source: string;
  /** The normalised settings; absent where the document itself is exactly them (a save by the worker). */
  settings?: Settings;
  matcher: MatcherData;
}

/** The settings document's JSON, as the profile's `source` holds it. */
export const sourceOf = (stored: unknown): string => JSON.stringify(stored ?? null);

/**
 * The settings a stored profile stands for, if it is a profile of this
 * format made from the settings document stored now (`stored`, whose JSON is
 * `source`: sourceOf(stored), made once by the caller); else null.
 */
export function currentSettings(
  profile: unknown,
  stored: unknown,
  source: string = sourceOf(stored),
): Settings | null {
  if (typeof profile !== 'object' || profile === null) return null;
  const p = profile as Partial<StoredProfile>;
  if (p.format !== PROFILE_FORMAT || p.source !== source) return null;
  return p.settings ?? (stored as Settings);
}
