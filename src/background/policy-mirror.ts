/**
 * The worker's copy of the company's policy (storage.managed) in
 * storage.local, under POLICY_MIRROR_KEY, which every other reader takes the
 * policy from (core/policy.ts says why). The worker refreshes it at every
 * start and whenever storage.managed changes, and writes only when the
 * policy differs, since a write makes every open tab apply the settings again;
 * with the copy it writes the profile of the settings in force under it
 * (./compiled-profile.ts), so that tabs never compile it themselves.
 */
import browser from 'webextension-polyfill';
import { withSortedKeys } from '../core/compile-profile.ts';
import { POLICY_MIRROR_KEY } from '../core/policy.ts';
import { policyWrite } from './compiled-profile.ts';

/** What storage.managed holds; `{}` without a policy. */
async function readManaged(): Promise<Record<string, unknown>> {
  try {
    return await browser.storage.managed.get();
  } catch {
    // Firefox rejects the read when no policy names the extension
    // ("Managed storage manifest not found"); that is no policy.
    return {};
  }
}

async function readMirror(): Promise<unknown> {
  return (await browser.storage.local.get(POLICY_MIRROR_KEY))[POLICY_MIRROR_KEY];
}

// The refresh under way, so that callers waiting for the first copy share one
// read (a cache of a promise, not state: a restarted worker reads again).
let refreshing: Promise<Record<string, unknown>> | undefined;

/** Reads the policy, updates the copy where it differs, and returns the policy. */
export function refreshPolicyMirror(): Promise<Record<string, unknown>> {
  refreshing ??= (async () => {
    const policy = await readManaged();
    if (JSON.stringify(await readMirror()) !== JSON.stringify(withSortedKeys(policy)))
      await browser.storage.local.set(await policyWrite(policy));
    return policy;
  })().finally(() => (refreshing = undefined));
  return refreshing;
}

/**
 * The policy as the worker acts on it: the copy, or, before the first copy
 * (the first seconds after install), the policy itself, waited for: the
 * works-council gate must not guess.
 */
export async function currentPolicy(): Promise<unknown> {
  const mirror = await readMirror();
  return mirror !== undefined ? mirror : refreshPolicyMirror();
}

/** How long a page waits for the first copy before it is shown the settings without it. */
const PAGE_WAIT_MS = 300;

/**
 * The policy for showing the settings: like currentPolicy, but without the
 * first copy after a short wait it answers "none yet"; pages follow the copy
 * once it is written (platform/effective-settings.ts, watchSettingsInForce).
 */
export async function policyForDisplay(): Promise<unknown> {
  const mirror = await readMirror();
  if (mirror !== undefined) return mirror;
  return Promise.race([
    refreshPolicyMirror(),
    new Promise<undefined>((resolve) => setTimeout(() => resolve(undefined), PAGE_WAIT_MS)),
  ]);
}
