/**
 * The settings in force, for every context that acts on them: the user's
 * settings (`storage.local`, "settings") under the company's policy (the
 * worker's copy of storage.managed, "managedPolicy"), combined by
 * core/policy.ts. The content script gets its settings only from here, so
 * that managed brands, paused sites and locks reach every open tab and every
 * tab follows a change of either without a reload.
 */
import browser from 'webextension-polyfill';
import {
  effectiveSettings,
  POLICY_MIRROR_KEY,
  readPolicy,
  type EffectiveSettings,
} from '../core/policy.ts';
import { normalizeSettings, SETTINGS_KEY } from '../core/profile.ts';

type Stored = { settings?: unknown; policy?: unknown };

const combine = ({ settings, policy }: Stored): EffectiveSettings =>
  effectiveSettings(normalizeSettings(settings).settings, readPolicy(policy));

async function readStored(): Promise<Stored> {
  const stored = await browser.storage.local.get([SETTINGS_KEY, POLICY_MIRROR_KEY]);
  return { settings: stored[SETTINGS_KEY], policy: stored[POLICY_MIRROR_KEY] };
}

/** The settings in force now. */
export async function readEffectiveSettings(): Promise<EffectiveSettings> {
  return combine(await readStored());
}

/**
 * Calls `apply` with the settings in force, then again after every change of
 * the user's settings (the options, another tab, a rollout script) or of the
 * policy. One storage read at the start; changes carry their new values.
 */
export async function followEffectiveSettings(
  apply: (settings: EffectiveSettings) => Promise<void> | void,
): Promise<void> {
  const current: Stored = {};
  /** Keys a change has set before the first read answered: the read must not put older values back. */
  const changed = new Set<keyof Stored>();
  // The same settings in force are not applied twice. The worker writes its
  // first policy copy seconds after the browser starts, usually "no policy",
  // which changes nothing: applied again, it would rebuild a results page's
  // badges and report its results a second time (each then "seen" already).
  let applied: string | undefined;
  const applyChanged = async (settings: EffectiveSettings): Promise<void> => {
    const text = JSON.stringify(settings);
    if (text === applied) return;
    applied = text;
    await apply(settings);
  };
  browser.storage.onChanged.addListener((changes, area) => {
    if (area !== 'local') return;
    const settings = changes[SETTINGS_KEY];
    const policy = changes[POLICY_MIRROR_KEY];
    if (!settings && !policy) return;
    if (settings) {
      current.settings = settings.newValue;
      changed.add('settings');
    }
    if (policy) {
      current.policy = policy.newValue;
      changed.add('policy');
    }
    void applyChanged(combine(current));
  });
  const stored = await readStored();
  if (!changed.has('settings')) current.settings = stored.settings;
  if (!changed.has('policy')) current.policy = stored.policy;
  await applyChanged(combine(current));
}

/**
 * Calls `changed` whenever the user's settings or the policy change, for a
 * page that shows them (the options) and asks the worker again.
 */
export function watchSettingsInForce(changed: () => void): () => void {
  const listener = (changes: Record<string, unknown>, area: string) => {
    if (area === 'local' && (SETTINGS_KEY in changes || POLICY_MIRROR_KEY in changes)) changed();
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}
