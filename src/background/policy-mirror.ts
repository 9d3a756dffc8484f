/**
 * The worker's copy of the company's policy (storage.managed) in
 * storage.local, under POLICY_MIRROR_KEY, which every other reader takes the
 * policy from (core/policy.ts says why). The worker refreshes it at every
 * start and whenever storage.managed changes, and writes only when the
 * policy differs, since a write makes every open tab apply the settings again.
 */
import browser from 'webextension-polyfill';
import { POLICY_MIRROR_KEY } from '../core/policy.ts';

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

/** Reads the policy, updates the copy where it differs, and returns the policy. */
export async function refreshPolicyMirror(): Promise<Record<string, unknown>> {
  const policy = await readManaged();
  if (JSON.stringify(await readMirror()) !== JSON.stringify(policy))
    await browser.storage.local.set({ [POLICY_MIRROR_KEY]: policy });
  return policy;
}

/** The policy as the worker acts on it: the copy, or before the first copy the policy itself. */
export async function currentPolicy(): Promise<unknown> {
  const mirror = await readMirror();
  return mirror !== undefined ? mirror : refreshPolicyMirror();
}
