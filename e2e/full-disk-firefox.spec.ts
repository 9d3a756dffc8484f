/**
 * A full disk in Firefox (issue 10, storage failures). Firefox has no
 * DevTools call that sets an origin's quota, but its quota manager takes a
 * global limit from a preference read at start,
 * `dom.quotaManager.temporaryStorage.fixedLimit` (in KB;
 * https://searchfox.org/mozilla-esr140/source/modules/libpref/init/StaticPrefList.yaml,
 * checked 2026-12-02): at 20 MB every origin, the extension's included, gets
 * the smallest group limit, 10 MB, and IndexedDB fails past it with a
 * QuotaExceededError (Firefox ESR 153: 8.4 MB written, then refused, with the
 * build as shipped, unlimitedStorage and all); once over it, Firefox refuses
 * further writes at once with an InvalidStateError ("… on a database that did
 * not allow mutations"), which the worker now reports as the same full disk
 * (it reached the popup as raw text). The space is taken by a
 * database of the extension's own origin, so the log itself is not touched
 * before the fault. Firefox is launched here, not by the firefox project:
 * the preference needs a browser of its own.
 */
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { expect, test as base } from '@playwright/test';
import { startServer, type FixtureServer } from '../harness/server.ts';
import { LOG_DB_NAME } from '../src/background/log-schema.ts';
import type { PageDriver } from './support/driver.ts';
import { FirefoxDriver, FirefoxSession, firefoxMissing } from './support/firefox.ts';

const test = base.extend<{ driver: FirefoxDriver }, { server: FixtureServer }>({
  server: [
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const server = await startServer();
      await use(server);
      await server.close();
    },
    { scope: 'worker' },
  ],
  driver: async ({ server }, use) => {
    const missing = firefoxMissing();
    test.skip(missing !== null, missing ?? '');
    const session = await FirefoxSession.launch({
      prefs: { 'dom.quotaManager.temporaryStorage.fixedLimit': 20 * 1024 },
    });
    await use(new FirefoxDriver(server, session));
    await session.close();
  },
});

const QUOTA_EN = (
  JSON.parse(
    readFileSync(new URL('../src/_locales/en/common.json', import.meta.url), 'utf8'),
  ) as Record<string, { message: string }>
).errorQuota!.message;

/** Fills the origin's quota with a database of its own ("filler"), to the last few hundred bytes. */
async function fillOrigin(page: PageDriver): Promise<number> {
  return page.evaluate(async () => {
    const open = indexedDB.open('filler', 1);
    open.onupgradeneeded = () => open.result.createObjectStore('f');
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error ?? new Error('open failed'));
    });
    let written = 0;
    let key = 0;
    for (const size of [500_000, 50_000, 5_000, 500])
      for (;;) {
        // Random bytes: what repeats would be compressed.
        const bytes = new Uint8Array(size);
        for (let at = 0; at < size; at += 65_536)
          crypto.getRandomValues(bytes.subarray(at, Math.min(size, at + 65_536)));
        const refused = await new Promise<boolean>((resolve) => {
          try {
            const tx = db.transaction('f', 'readwrite');
            tx.objectStore('f').put(bytes, key++);
            tx.oncomplete = () => resolve(false);
            tx.onabort = () => resolve(true);
          } catch {
            // Firefox refuses any write at once for a while after a refused one.
            resolve(true);
          }
        });
        if (refused) break;
        written += size;
      }
    db.close();
    return written;
  });
}

/** Every record of the log's database, store by store. */
async function logDump(page: PageDriver): Promise<Record<string, unknown[]>> {
  return page.evaluate(async (name) => {
    const open = indexedDB.open(name);
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error ?? new Error('open failed'));
    });
    const out: Record<string, unknown[]> = {};
    for (const store of [...db.objectStoreNames]) {
      const request = db.transaction(store).objectStore(store).getAll();
      out[store] = await new Promise<unknown[]>((resolve) => {
        request.onsuccess = () => resolve(request.result as unknown[]);
      });
    }
    db.close();
    return out;
  }, LOG_DB_NAME);
}

test('on a full disk in Firefox the popup says so, keeps what was typed and the log as it was; with space again the same click logs', async ({
  driver,
}) => {
  test.setTimeout(120_000);
  const { tabId } = await driver.openDemoTab();
  for (let i = 0; i < 3; i++)
    await driver.askWorker('mention/add', {
      url: `https://www.example.de/bericht-${i}`,
      title: `Bericht ${i}`,
      brands: ['ACME'],
      terms: ['ACME'],
      sentiment: 'positive',
      tags: ['Presse'],
      note: `Notiz ${i}`,
      snippet: '',
    });
  const popup = await driver.openExtensionPage(`popup.html?tab=${tabId}`);
  await popup.waitFor({ role: 'button', name: 'Log mention' });
  const console = await driver.openExtensionPage('options.html');
  expect(await fillOrigin(console)).toBeGreaterThan(5_000_000);
  // The log's own file still has free pages (SQLite): small writes land there until they are used up.
  let fitted = 0;
  for (const noteBytes of [3_000, 300, 0])
    for (;;) {
      const refused = await driver
        .askWorker('mention/add', {
          url: `https://www.example.de/fill-${fitted}`,
          title: `Fill ${fitted}`,
          brands: ['ACME'],
          terms: ['ACME'],
          sentiment: 'neutral',
          tags: [],
          note: randomBytes(noteBytes).toString('base64'),
          snippet: '',
        })
        .then(
          () => null,
          (error: unknown) => String(error instanceof Error ? error.message : error),
        );
      if (refused === 'quota-exceeded') break;
      if (refused) throw new Error(refused);
      if (++fitted > 2_000) throw new Error('2,000 mentions fitted: the quota is not in force');
    }
  const before = await logDump(console);

  await popup.fill({ label: 'Tags' }, 'Messe');
  await popup.fill({ label: 'Note' }, 'Stand 4, Halle 2');
  await popup.click({ role: 'button', name: 'Log mention' });
  await expect.poll(() => popup.text({ role: 'alert' })).toBe(QUOTA_EN);
  expect(await popup.value({ label: 'Note' })).toBe('Stand 4, Halle 2');
  expect(await popup.value({ label: 'Tags' })).toBe('Messe');
  expect(await logDump(console)).toEqual(before);

  // Space again: the filler goes.
  await console.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const deletion = indexedDB.deleteDatabase('filler');
        deletion.onsuccess = () => resolve();
        deletion.onerror = () => reject(deletion.error ?? new Error('delete failed'));
      }),
    null,
  );
  await popup.click({ role: 'button', name: 'Log mention' });
  await expect.poll(() => popup.text({ role: 'status' })).toContain('Logged');
  const after = (await logDump(console)).mentions as { note: string; tags: string[] }[];
  expect(after).toHaveLength(3 + fitted + 1);
  expect(
    after
      .map((m) => m.note)
      .filter((n) => /^(Notiz|Stand)/.test(n))
      .sort(),
  ).toEqual(['Notiz 0', 'Notiz 1', 'Notiz 2', 'Stand 4, Halle 2']);
  expect(after.find((m) => m.note === 'Stand 4, Halle 2')?.tags).toEqual(['Messe']);
});
