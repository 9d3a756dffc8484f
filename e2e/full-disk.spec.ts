/**
 * A full disk (issue 10, storage failures): every write the log cannot take
 * is refused with a sentence in the user's language, and nothing stored
 * before changes; pages keep their highlights; once there is space again the
 * same action works. Chromium alone: only its DevTools protocol sets an
 * origin's quota (support/full-disk.ts).
 */
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { buildWithoutUnlimitedStorage, quotaOf, type Quota } from './support/full-disk.ts';
import {
  ChromiumDriver,
  DEMO_PAGE_TOTAL,
  expect,
  paintedCount,
  test as base,
} from './support/chromium.ts';

const test = base.extend<{ quota: Quota }>({
  driver: async ({ server }, use) => {
    const build = buildWithoutUnlimitedStorage();
    const driver = await ChromiumDriver.launch(server, { extensionDir: build.dir, lang: 'de' });
    await use(driver);
    await driver.close();
    build.remove();
  },
  quota: async ({ driver }, use) => {
    const page = await driver.openExtensionPage('log.html');
    const cdp = await driver.context.newCDPSession(page.page);
    await use(quotaOf(cdp, `chrome-extension://${driver.id}`));
  },
});

// The sentence of the German locale file, so that a rewording does not fail the test.
const QUOTA_DE = (
  JSON.parse(
    readFileSync(new URL('../src/_locales/de/common.json', import.meta.url), 'utf8'),
  ) as Record<string, { message: string }>
).errorQuota!.message;

const earlier = (i: number) => ({
  url: `https://www.example.de/bericht-${i}`,
  title: `Bericht ${i}`,
  brands: ['ACME'],
  terms: ['ACME'],
  sentiment: 'positive' as const,
  tags: ['Presse'],
  note: `Notiz ${i}`,
  snippet: '',
});

/**
 * Logs mentions until the disk is full: notes of 10 KB until one is refused,
 * then of 1 KB, then none, so that not even a small record fits any more.
 * How many fitted.
 */
async function fillLog(driver: ChromiumDriver): Promise<number> {
  let fitted = 0;
  for (const noteBytes of [7_500, 750, 0]) {
    for (;;) {
      const filler = {
        ...earlier(1_000 + fitted),
        note: randomBytes(noteBytes).toString('base64'),
      };
      const refused = await driver.askWorker('mention/add', filler).then(
        () => null,
        (error: unknown) => (error instanceof Error ? error : new Error(String(error))),
      );
      if (refused?.message === 'quota-exceeded') break;
      if (refused) throw refused;
      if (++fitted > 1_000) throw new Error('1,000 mentions fitted: the quota is not in force');
    }
  }
  return fitted;
}

test('on a full disk the popup says so in German, keeps what was typed and the log as it was; with space again the same click logs', async ({
  driver,
  quota,
}) => {
  await quota.limit(100_000);
  for (let i = 0; i < 3; i++) await driver.askWorker('mention/add', earlier(i));
  const { page, tabId, url } = await driver.openDemoTab();
  await expect.poll(async () => (await driver.log()).sightings.length).toBe(1);
  const popup = await driver.openExtensionPage(`popup.html?tab=${tabId}`);
  await popup.waitFor({ role: 'button', name: 'Erwähnung erfassen' });
  const fitted = await fillLog(driver);
  expect(fitted).toBeGreaterThan(0);
  const before = await driver.storedData();

  await popup.fill({ label: 'Schlagwörter' }, 'Messe');
  await popup.fill({ label: 'Notiz' }, 'Stand 4, Halle 2');
  await popup.click({ role: 'button', name: 'Erwähnung erfassen' });
  await expect.poll(() => popup.text({ role: 'alert' })).toBe(QUOTA_DE);
  expect(await popup.value({ label: 'Notiz' })).toBe('Stand 4, Halle 2');
  expect(await popup.value({ label: 'Schlagwörter' })).toBe('Messe');
  // The page reports again on a reload: its sighting cannot be written, its highlights stay.
  await page.goto(url);
  await expect.poll(() => paintedCount(page)).toBe(DEMO_PAGE_TOTAL);
  await expect.poll(() => driver.badgeText(tabId)).toBe(String(DEMO_PAGE_TOTAL));
  expect((await driver.storedData()).databases).toEqual(before.databases);
  expect(page.errors).toEqual([]);

  await quota.free();
  await popup.click({ role: 'button', name: 'Erwähnung erfassen' });
  await expect.poll(() => popup.text({ role: 'status' })).toContain('Erfasst');
  const log = await driver.log();
  expect(log.mentions).toHaveLength(3 + fitted + 1);
  expect(
    log.mentions
      .map((m) => m.note)
      .filter((note) => note.startsWith('Notiz') || note.startsWith('Stand'))
      .sort(),
  ).toEqual(['Notiz 0', 'Notiz 1', 'Notiz 2', 'Stand 4, Halle 2']);
  expect(log.mentions.find((m) => m.note === 'Stand 4, Halle 2')).toMatchObject({
    url,
    tags: ['Messe'],
  });
});

// FIXME (2026-12-02, after h-data's workspace landed): the import now goes
// through a preview and a click. With the quota limited after the worker's
// first write, 300 mentions (600 KB) were imported under 100 KB of room
// (IndexedDB had counted the space before the limit: support/full-disk.ts);
// with the log filled first, the preview's "Importieren" button did not
// appear within 60 s. Passed before the merge (log/import in one transaction).
test.fixme('an import that does not fit is refused as a whole, in German, and the log stays as it was; with space it imports', async ({
  driver,
  quota,
}) => {
  await quota.limit(100_000);
  for (let i = 0; i < 3; i++) await driver.askWorker('mention/add', earlier(i));
  const page = await driver.openExtensionPage('log.html');
  const mentions = Array.from({ length: 300 }, (_, i) => ({
    ...earlier(100 + i),
    id: `import-${i}`,
    // Random text: IndexedDB compresses what repeats.
    note: randomBytes(1_500).toString('base64'),
    createdAt: '2026-11-01T10:00:00.000Z',
    updatedAt: '2026-11-01T10:00:00.000Z',
  }));
  const file = {
    name: 'kollegin.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify({ format: 'markenlotse-log', version: 1, mentions })),
  };
  // The disk full as the log grew (a limit alone is not seen where the worker
  // wrote before it: support/full-disk.ts), then room for a few small records at most.
  expect(await fillLog(driver)).toBeGreaterThan(0);
  const before = await driver.storedData();

  // The workspace shows what the file would change, then imports on a click.
  await page.page.getByLabel('JSON importieren').setInputFiles(file);
  await page.page.getByRole('button', { name: 'Importieren', exact: true }).click();
  await expect(page.page.getByText(QUOTA_DE)).toBeVisible();
  expect((await driver.storedData()).databases).toEqual(before.databases);
  await page.page.reload();
  await expect(page.page.getByText('Bericht 2', { exact: true })).toBeVisible();

  await quota.free();
  await page.page.getByLabel('JSON importieren').setInputFiles(file);
  await page.page.getByRole('button', { name: 'Importieren', exact: true }).click();
  await expect
    .poll(
      async () => (await driver.log()).mentions.filter((m) => m.id.startsWith('import-')).length,
    )
    .toBe(300);
});
