/**
 * The `browser.storage.local` key of the worker's copy of the managed policy
 * (what storage.managed holds, as it holds it). Readers take the policy from
 * here rather than from storage.managed: Chromium answers the first
 * storage.managed read after start-up only after 2-3 s (measured headless,
 * Chromium 156, 2026-12-01), and a content script must not wait that long on
 * every page. The worker writes it at every start and on every policy change;
 * nothing else may. A module of its own, so that the content script reads
 * the key without the policy reader.
 */
export const POLICY_MIRROR_KEY = 'managedPolicy';
