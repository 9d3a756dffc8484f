/**
 * The managed profile (enterprise policy) and the settings in force under it.
 * The face of ./policy/: the policy reader and the effective settings.
 */
export {
  hasPolicy,
  POLICY_KEYS,
  readPolicy,
  type ManagedPolicy,
  type PolicyReading,
} from './policy/read.ts';
export {
  effectiveSettings,
  isLocked,
  type EffectiveSettings,
  type LockedSetting,
  type ManagedState,
  type SetAsideReason,
} from './policy/effective.ts';

export { POLICY_MIRROR_KEY } from './policy/mirror-key.ts';
