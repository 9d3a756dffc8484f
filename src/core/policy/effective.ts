/**
 * The settings in force: the user's settings with the company's policy laid
 * over them. Every reader that acts on settings (the content script, the
 * worker's gates, the options page) uses these, never the user's alone.
 *
 * - brands: the company's first, then the user's (none when the policy does
 *   not allow brands of their own); a user brand with the id of a company
 *   brand is set aside, so a name the company rolled out is not looked for twice;
 * - mode, retentionDays, mentionRetentionDays: the policy's where it sets them (locked);
 * - pausedSites: the policy's and the user's together.
 *
 * (The policy is read with readPolicy in ./read.ts.)
 */
import type { Problem } from '../problem.ts';
import type { Brand, Settings } from '../profile/types.ts';
import { hasPolicy, type PolicyReading } from './read.ts';

/** A setting the user cannot change while the policy sets it. */
export type LockedSetting = 'mode' | 'retentionDays' | 'mentionRetentionDays' | 'userBrands';

/** Why a brand of the user's is not looked for. */
export type SetAsideReason = 'not-allowed' | 'replaced';

export interface ManagedState {
  /** A policy is present and sets something. */
  active: boolean;
  /** Ids of the brands (at the start of `brands`) that the company set. */
  brandIds: string[];
  locked: LockedSetting[];
  /** Sites the policy never scans (the user cannot take them off the list). */
  pausedSites: string[];
  /** User brands that are kept in the user's settings but not looked for. */
  setAside: { id: string; reason: SetAsideReason }[];
  /** What the policy holds that could not be used. */
  problems: Problem[];
}

export interface EffectiveSettings extends Settings {
  managed: ManagedState;
}

/** The user's settings under the policy (as {@link readPolicy} read it). */
export function effectiveSettings(user: Settings, reading: PolicyReading): EffectiveSettings {
  const { policy, problems } = reading;
  const companyBrands = policy.brands ?? [];
  const companyIds = new Set(companyBrands.map((b) => b.id));
  const userAllowed = policy.allowUserBrands !== false;
  const setAside: ManagedState['setAside'] = [];
  const userBrands: Brand[] = [];
  for (const brand of user.brands) {
    if (!userAllowed) setAside.push({ id: brand.id, reason: 'not-allowed' });
    else if (companyIds.has(brand.id)) setAside.push({ id: brand.id, reason: 'replaced' });
    else userBrands.push(brand);
  }
  const locked: LockedSetting[] = [];
  if (policy.mode !== undefined) locked.push('mode');
  if (policy.retentionDays !== undefined) locked.push('retentionDays');
  if (policy.mentionRetentionDays !== undefined) locked.push('mentionRetentionDays');
  if (!userAllowed) locked.push('userBrands');
  const managedSites = policy.pausedSites ?? [];
  return {
    ...user,
    brands: [...companyBrands, ...userBrands],
    mode: policy.mode ?? user.mode,
    retentionDays: policy.retentionDays ?? user.retentionDays,
    mentionRetentionDays: policy.mentionRetentionDays ?? user.mentionRetentionDays,
    pausedSites: [...new Set([...managedSites, ...user.pausedSites])],
    managed: {
      active: hasPolicy(policy),
      brandIds: companyBrands.map((b) => b.id),
      locked,
      pausedSites: managedSites,
      setAside,
      problems,
    },
  };
}

export const isLocked = (managed: ManagedState, setting: LockedSetting): boolean =>
  managed.locked.includes(setting);
