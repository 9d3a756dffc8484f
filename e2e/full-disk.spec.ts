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
  DEMO_SETTINGS,
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

/** 300 mentions of some 2 KB each (random text: IndexedDB compresses what repeats), as a teammate's export. */
function teammateFile() {
  const mentions = Array.from({ length: 300 }, (_, i) => ({
    ...earlier(100 + i),
    id: `import-${i}`,
    note: randomBytes(1_500).toString('base64'),
    createdAt: '2026-11-01T10:00:00.000Z',
    updatedAt: '2026-11-01T10:00:00.000Z',
  }));
  return {
    name: 'kollegin.json',
    text: JSON.stringify({ format: 'markenlotse-log', version: 1, mentions }),
  };
}

const imported = async (driver: ChromiumDriver) =>
  (await driver.log()).mentions.filter((m) => m.id.startsWith('import-')).length;

test('an import whose commit does not fit is refused as a whole, in German; the log stays as it was; with space the same click imports', async ({
  driver,
  quota,
}) => {
  // Room for the staged file (600 KB), not for it twice: the commit is refused.
  await quota.limit(1_500_000);
  for (let i = 0; i < 3; i++) await driver.askWorker('mention/add', earlier(i));
  const page = await driver.openExtensionPage('log.html');
  await expect(page.page.getByText('Bericht 2', { exact: true })).toBeVisible();
  await page.chooseFile({ label: 'JSON importieren' }, teammateFile());
  await page.waitFor({ css: '.import-preview' });
  expect(await page.text({ css: '[data-count="added"]' })).toBe('300 neue Erwähnungen');
  expect(await fillLog(driver)).toBeGreaterThan(0);
  const before = await driver.storedData();

  await page.click({ role: 'button', name: 'Importieren' });
  await expect(page.page.locator('.import-preview [role="alert"]')).toContainText(QUOTA_DE);
  expect((await driver.storedData()).databases).toEqual(before.databases);
  expect(await imported(driver)).toBe(0);

  await quota.free();
  await page.click({ role: 'button', name: 'Importieren' });
  await expect.poll(() => imported(driver)).toBe(300);
  expect(page.errors).toEqual([]);
});

test('a file that cannot even be staged on a full disk is refused at once, in German, and the log stays as it was', async ({
  driver,
  quota,
}) => {
  await quota.limit(100_000);
  for (let i = 0; i < 3; i++) await driver.askWorker('mention/add', earlier(i));
  const page = await driver.openExtensionPage('log.html');
  await expect(page.page.getByText('Bericht 2', { exact: true })).toBeVisible();
  expect(await fillLog(driver)).toBeGreaterThan(0);
  const before = await driver.storedData();

  await page.chooseFile({ label: 'JSON importieren' }, teammateFile());
  await expect(page.page.getByText(QUOTA_DE)).toBeVisible();
  expect((await driver.storedData()).databases).toEqual(before.databases);
  expect(await page.page.locator('.import-preview').count()).toBe(0);

  await quota.free();
  await page.chooseFile({ label: 'JSON importieren' }, teammateFile());
  await page.click({ role: 'button', name: 'Importieren' });
  await expect.poll(() => imported(driver)).toBe(300);
  expect(page.errors).toEqual([]);
});

const SETTINGS_FULL_DE = (
  JSON.parse(
    readFileSync(new URL('../src/_locales/de/common.json', import.meta.url), 'utf8'),
  ) as Record<string, { message: string }>
).errorSettingsFull!.message;

test('settings saved into a full storage.local are refused in German; the saved ones stay in force, the change stays on the page; with room the same click saves', async ({
  driver,
}) => {
  await driver.writeSettings(DEMO_SETTINGS);
  const options = await driver.openExtensionPage('options.html');
  await options.waitFor({ text: 'Müller Werkzeugbau' });
  const before = await driver.readSettings();
  // The worker has its copy of the policy (seconds after install): only the settings are to be written.
  await expect
    .poll(async () => Object.keys(await driver.readStorage('local')), { timeout: 20_000 })
    .toContain('managedPolicy');
  // Without unlimitedStorage Chromium gives storage.local 10 MB: fill it to the last few bytes.
  const fillers = await options.evaluate(async () => {
    const local = chrome.storage.local;
    const keys: string[] = [];
    for (const size of [1_000_000, 100_000, 10_000, 1_000, 100, 10, 1])
      for (;;) {
        const key = `filler-${keys.length}`;
        try {
          await local.set({ [key]: 'x'.repeat(size) });
        } catch {
          break;
        }
        keys.push(key);
      }
    return keys;
  });
  expect(fillers.length).toBeGreaterThan(9);

  await options.check({ role: 'radio', name: 'Unterstrichen' });
  await options.click({ role: 'button', name: 'Speichern' });
  await expect.poll(() => options.text({ role: 'alert' })).toBe(SETTINGS_FULL_DE);
  expect(await driver.readSettings()).toEqual(before);
  expect(await options.controlState({ role: 'radio', name: 'Unterstrichen' })).toMatchObject({
    checked: true,
  });

  await options.evaluate((keys) => chrome.storage.local.remove(keys), fillers);
  await options.click({ role: 'button', name: 'Speichern' });
  await expect.poll(() => options.text({ role: 'status' })).toMatch(/Gespeichert/);
  expect(await driver.readSettings()).toMatchObject({ highlightStyle: 'underline' });
  expect(options.errors).toEqual([]);
});
