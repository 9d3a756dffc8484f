/**
 * A full disk, in Chromium: the build with `unlimitedStorage` taken out of
 * its manifest (the extension's code unchanged), and the origin's quota set
 * through the DevTools protocol (Storage.overrideQuotaForOrigin). With
 * `unlimitedStorage` Chromium does not enforce an overridden quota (tried
 * 2026-12-01, Chromium 156: 617 KB written under a 200 KB quota), so the
 * permission has to go for the test; IndexedDB then fails each write past the
 * quota with a QuotaExceededError, as it does on a disk that is full.
 * https://chromedevtools.github.io/devtools-protocol/tot/Storage/#method-overrideQuotaForOrigin
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CDPSession } from '@playwright/test';
import { EXTENSION_DIR } from '../../harness/launch.ts';

/** A copy of dist/chrome whose manifest does not ask for unlimitedStorage; `remove()` deletes it. */
export function buildWithoutUnlimitedStorage(): { dir: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'markenlotse-quota-'));
  cpSync(EXTENSION_DIR, dir, { recursive: true });
  const file = join(dir, 'manifest.json');
  const manifest = JSON.parse(readFileSync(file, 'utf8')) as { permissions: string[] };
  if (!manifest.permissions.includes('unlimitedStorage'))
    throw new Error('the built manifest no longer asks for unlimitedStorage: update this test');
  manifest.permissions = manifest.permissions.filter((p) => p !== 'unlimitedStorage');
  writeFileSync(file, JSON.stringify(manifest, null, 2));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

export interface Quota {
  /** What the origin uses now, in bytes, as the quota manager counts it. */
  usage(): Promise<number>;
  /**
   * From now on the disk has `headroom` bytes free. Call it before the
   * extension writes to its log: IndexedDB takes the space left at the first
   * write of a database it has open and counts down from there, so a quota
   * lowered later is not seen (Chromium 156, tried 2026-12-01: 4 MB written
   * under a quota 100 KB above the usage of the moment).
   */
  limit(headroom: number): Promise<void>;
  /** Space again: the browser's own quota (IndexedDB asks again once its count runs out). */
  free(): Promise<void>;
}

export function quotaOf(cdp: CDPSession, origin: string): Quota {
  const usage = async () => (await cdp.send('Storage.getUsageAndQuota', { origin })).usage;
  return {
    usage,
    limit: async (headroom) => {
      await cdp.send('Storage.overrideQuotaForOrigin', {
        origin,
        quotaSize: (await usage()) + headroom,
      });
    },
    // Without a size the override is cleared.
    free: async () => {
      await cdp.send('Storage.overrideQuotaForOrigin', { origin });
    },
  };
}
