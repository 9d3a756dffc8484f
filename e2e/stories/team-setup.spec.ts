/**
 * Handing the setup to a colleague and to one's own other browsers: the
 * brand profile as a small file, imported with a preview of what it changes;
 * settings sync through storage.sync (never the log).
 */
import { splitForSync } from '../../src/core/sync-items.ts';
import { DEMO_PAGE_TOTAL, DEMO_SETTINGS, expect, paintedCount, test } from '../support/story.ts';

/**
 * The file input of "Import brand profile…", by CSS: in Firefox, puppeteer's
 * aria query does not find a file input by the label around it (Firefox 153
 * ESR, puppeteer-core 24, 2026-12-01).
 */
const PROFILE_INPUT = { css: '.share-tools input[type="file"]' };

test('the brand profile goes out as a file and comes in with a preview of what it changes', async ({
  driver,
}) => {
  await driver.writeSettings({
    ...DEMO_SETTINGS,
    brands: [...DEMO_SETTINGS.brands, { name: 'Otto', role: 'competitor', terms: ['Otto'] }],
    pausedSites: ['bank.example'],
  });
  const options = await driver.openExtensionPage('options.html');
  const file = await options.download({ role: 'button', name: 'Export brand profile' });
  expect(file.fileName).toMatch(/^markenlotse-profile-\d{4}-\d{2}-\d{2}\.json$/);
  const profile = JSON.parse(file.text) as { format: string; brands: { name: string }[] };
  expect(profile.format).toBe('markenlotse-profile');
  expect(profile.brands.map((b) => b.name)).toEqual(['Müller Werkzeugbau', 'ACME', 'Otto']);
  expect(file.text).not.toContain('bank.example');

  // A colleague with one brand of their own, spelt a little differently.
  await driver.writeSettings({ brands: [{ name: 'ACME', terms: ['ACME', 'ACME GmbH'] }] });
  // The open page follows the new settings.
  await expect.poll(() => options.value({ label: 'Company or product name' })).toBe('ACME');
  await options.chooseFile(PROFILE_INPUT, { name: file.fileName, text: file.text });
  await options.waitFor({ text: `What importing ${file.fileName} would change` });
  const preview = await options.text({ css: '.profile-preview' });
  expect(preview).toContain('Adds Müller Werkzeugbau');
  expect(preview).toContain('Changes ACME');
  expect(preview).toContain('Adds Otto');
  // Nothing has changed yet.
  expect(await driver.readSettings()).toEqual({
    brands: [{ name: 'ACME', terms: ['ACME', 'ACME GmbH'] }],
  });

  await options.click({ role: 'button', name: 'Apply these changes' });
  await options.waitFor({ text: 'The brand profile is imported.' });
  const stored = (await driver.readSettings()) as { brands: { name: string; role: string }[] };
  expect(stored.brands.map((b) => [b.name, b.role])).toEqual([
    ['ACME', 'own'],
    ['Müller Werkzeugbau', 'own'],
    ['Otto', 'competitor'],
  ]);

  // The same file again changes nothing.
  await options.chooseFile(PROFILE_INPUT, { name: file.fileName, text: file.text });
  await options.waitFor({ text: 'Nothing: every brand of the file is already here as it is.' });

  // A file that is no profile is refused with a clear message, and nothing changes.
  await options.chooseFile(PROFILE_INPUT, {
    name: 'log.json',
    text: '{"format":"markenlotse-log","version":1}',
  });
  await options.waitFor({ text: 'This is not a Markenlotse brand profile' });
});

test('sync switched on writes the settings, and only the settings, into storage.sync', async ({
  driver,
}) => {
  await driver.writeSettings(DEMO_SETTINGS);
  const options = await driver.openExtensionPage('options.html');
  await options.check({ label: 'Sync settings with my other browsers' });
  await options.waitFor({ text: 'bytes that sync allows' });

  const synced = await driver.readStorage('sync');
  const meta = synced['settings.meta'] as { chunks: number };
  expect(meta.chunks).toBeGreaterThan(0);
  let text = '';
  for (let i = 0; i < meta.chunks; i++) text += synced[`settings.${i}`] as string;
  const doc = JSON.parse(text) as { brands: { name: string }[]; sync?: boolean };
  expect(doc.brands.map((b) => b.name)).toEqual(['Müller Werkzeugbau', 'ACME']);
  expect(doc.sync, 'the switch itself does not travel').toBeUndefined();
  expect(Object.keys(synced).every((key) => /^settings\.(meta|\d+)$/.test(key))).toBe(true);

  // A change travels too (after a moment: writes are debounced).
  await driver.askWorker('settings/change', {
    operations: [{ op: 'pause-site', site: 'bank.example' }],
  });
  await expect
    .poll(
      async () => {
        const items = await driver.readStorage('sync');
        const count = (items['settings.meta'] as { chunks: number }).chunks;
        let joined = '';
        for (let i = 0; i < count; i++) joined += items[`settings.${i}`] as string;
        return (JSON.parse(joined) as { pausedSites: string[] }).pausedSites;
      },
      { timeout: 15_000 },
    )
    .toEqual(['bank.example']);

  // Another browser writes its settings: they are taken here, and open tabs follow.
  const page = await driver.openWebPage(driver.server.url('results.html'));
  await expect.poll(() => paintedCount(page)).toBe(DEMO_PAGE_TOTAL);
  const theirs = splitForSync({
    version: 1,
    brands: [{ name: 'ACME', terms: ['ACME'], exclude: ['ACME Looney'] }],
    pausedSites: [],
  });
  if (!theirs.ok) throw new Error('the test document fits');
  await driver.writeStorage('sync', theirs.items);
  await expect
    .poll(async () => ((await driver.readSettings()) as { brands: { name: string }[] }).brands)
    .toMatchObject([{ name: 'ACME' }]);
  expect((await driver.readSettings()) as { sync: boolean }).toMatchObject({ sync: true });
  // Only their one brand lights up now: "ACME Robotics" (the fan site is excluded).
  await expect.poll(() => paintedCount(page)).toBe(1);

  // Switched off, the synced copy goes.
  await options.click({ label: 'Sync settings with my other browsers' });
  await expect.poll(() => driver.readStorage('sync')).toEqual({});
});

test('a profile too large for sync is not written at all, and the options say why', async ({
  driver,
}) => {
  // 40 long terms: about 120 KB, more than the 102,400 bytes sync holds.
  const terms = Array.from(
    { length: 40 },
    (_, i) => `Produktlinie ${i} ${'sehr lang '.repeat(300)}`,
  );
  await driver.writeSettings({ brands: [{ name: 'ACME', terms }] });
  const options = await driver.openExtensionPage('options.html');
  await options.check({ label: 'Sync settings with my other browsers' });
  await options.waitFor({ text: 'Not synced: the settings need' });
  expect(await options.text({ css: '[data-sync-state]' })).toMatch(
    /Not synced: the settings need [\d,.]+ bytes, sync allows 102,400\. Nothing was written/,
  );
  expect(await driver.readStorage('sync')).toEqual({});
});
