/**
 * The managed profile: what a company's IT sets for Markenlotse through an
 * enterprise policy (`browser.storage.managed`; README, "Managed profile").
 *
 * Chrome checks the policy against `managed-schema.json` and drops a key
 * whose value does not fit it as a whole; Firefox passes policies.json on
 * unchecked. The schema is therefore loose (strings, not enums), and this
 * reader checks each key, each brand and each list entry on its own, as the
 * settings reader does, so that one typo costs one brand and not all of
 * them, and reports what it could not use with its path.
 */
import * as v from 'valibot';
import { problem, shown, type Problem } from '../problem.ts';
import { count, isRecord, readFields } from '../schema.ts';
import { readBrands, readSites } from '../profile/normalize.ts';
import { RECORDING_MODES, type Brand, type RecordingMode } from '../profile/types.ts';

/** The policy's keys; each is optional, and an absent key leaves the user's setting in force. */
export interface ManagedPolicy {
  /** The company's brands, used together with the user's own (unless `allowUserBrands` is false). */
  brands?: Brand[];
  /** Enforced: the user cannot change it. */
  mode?: RecordingMode;
  /** Enforced: days after their last sighting that sightings are deleted; 0 keeps them. */
  retentionDays?: number;
  /** Enforced: days after they were logged that mentions are deleted; 0 keeps them. */
  mentionRetentionDays?: number;
  /** false: only the company's brands are looked for; the user cannot add any. Default true. */
  allowUserBrands?: boolean;
  /** Sites never scanned, besides the user's own list. */
  pausedSites?: string[];
}

export const POLICY_KEYS = [
  'brands',
  'mode',
  'retentionDays',
  'mentionRetentionDays',
  'allowUserBrands',
  'pausedSites',
] as const satisfies readonly (keyof ManagedPolicy)[];

export interface PolicyReading {
  policy: ManagedPolicy;
  /** What was not used, with its path (`brands[1].color`). */
  problems: Problem[];
}

let schemas: ReturnType<typeof makeSchemas> | undefined;
function makeSchemas() {
  return {
    retentionDays: count(0),
    mentionRetentionDays: count(0),
    allowUserBrands: v.boolean(),
  };
}

/**
 * Reads what storage.managed holds (`{}` without a policy). Never throws.
 *
 * A `mode` this code does not know is read as `manual-only`: a policy that
 * meant to enforce the works-council mode and misspelt it must not leave
 * automatic logging on.
 */
export function readPolicy(raw: unknown): PolicyReading {
  const problems: Problem[] = [];
  const policy: ManagedPolicy = {};
  if (raw === undefined || raw === null) return { policy, problems };
  if (!isRecord(raw)) return { policy, problems: [problem('', 'expected-object')] };

  for (const key of Object.keys(raw))
    if (!(POLICY_KEYS as readonly string[]).includes(key))
      problems.push(problem(key, 'unknown-field'));

  const brands = readBrands(raw.brands, 'brands', problems);
  if (brands) policy.brands = brands;
  if (raw.mode !== undefined) {
    if (typeof raw.mode === 'string' && (RECORDING_MODES as readonly string[]).includes(raw.mode)) {
      policy.mode = raw.mode as RecordingMode;
    } else {
      policy.mode = 'manual-only';
      problems.push(
        problem('mode', 'expected-one-of', {
          allowed: RECORDING_MODES.map((m) => `"${m}"`).join(', '),
          found: shown(raw.mode),
        }),
      );
    }
  }
  Object.assign(policy, readFields(raw, (schemas ??= makeSchemas()), '', problems));
  const pausedSites = readSites(raw.pausedSites, 'pausedSites', problems);
  if (pausedSites) policy.pausedSites = pausedSites;
  return { policy, problems };
}

/** Does the policy set anything at all? */
export const hasPolicy = (policy: ManagedPolicy): boolean =>
  POLICY_KEYS.some((key) => policy[key] !== undefined);
