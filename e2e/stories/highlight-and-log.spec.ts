/**
 * The whole loop, in Chromium and in Firefox: settings -> highlights on a
 * results page -> badge -> sighting -> a mention logged from the popup ->
 * both exports.
 */
import { normalizeSettings } from '../../src/core/profile.ts';
import { DEMO_PAGE_HITS, DEMO_SETTINGS, expect, highlightRanges, test } from '../support/story.ts';

test('takes settings from storage, highlights every hit on a results page without touching the DOM, counts them on the badge', async ({
  driver,
  server,
}) => {
  expect(driver.extensionUrl('')).toMatch(
    /^(chrome-extension:\/\/[a-p]{32}|moz-extension:\/\/[0-9a-f-]+)\/$/,
  );
  await driver.writeSettings(DEMO_SETTINGS);
  // As written, or as the worker writes a migrated document back when the
  // browser starts (a document without a version is migrated): the same profile.
  const profile = (doc: unknown) => normalizeSettings(doc).settings;
  expect(profile(await driver.readSettings())).toEqual(profile(DEMO_SETTINGS));

  const url = server.url('results.html');
  // The DOM as the server sent it, before the content script (document_idle) had a chance to run.
  const page = await driver.openWebPage(url, { waitUntil: 'domcontentloaded' });
  const before = await page.evaluate(() => document.documentElement.outerHTML);
  await expect
    .poll(() => highlightRanges(page), { timeout: 15_000 })
    .toEqual({ ...DEMO_PAGE_HITS, 'markenlotse-focus': [] });
  // Painting never touches the page's DOM ...
  const after = await page.evaluate(() => document.documentElement.outerHTML);
  expect(after).toBe(before);
  // ... whenever the content script ran: the same as a fresh parse of what the server sent.
  const served = await page.evaluate(async () => {
    const html = await (await fetch(location.href)).text();
    return new DOMParser().parseFromString(html, 'text/html').documentElement.outerHTML;
  });
  expect(after).toBe(served);

  const tabId = await driver.tabIdOf(page);
  const state = await driver.contentState(tabId);
  expect(state.painter).toBe('highlight-api');
  expect(state.total).toBe(9);
  await expect.poll(() => driver.badgeText(tabId)).toBe('9');

  await expect
    .poll(async () => (await driver.log()).sightings.map((s) => [s.kind, s.url, s.hits, s.visits]))
    .toEqual([['page', url, 9, 1]]);
  const [sighting] = (await driver.log()).sightings;
  expect(sighting?.title).toBe('Müller Werkzeugbau – Suche');
  expect(sighting?.terms).toEqual(
    expect.arrayContaining([
      { brand: 'Müller Werkzeugbau', term: 'Müller Werkzeugbau', count: 6 },
      { brand: 'Müller Werkzeugbau', term: 'RoboDrill 3000', count: 2 },
      { brand: 'ACME', term: 'ACME', count: 1 },
    ]),
  );
  expect(page.errors).toEqual([]);
});

test('logs the page as a tagged mention from the popup and exports it as JSON and CSV', async ({
  driver,
}) => {
  const { page, tabId, url } = await driver.openDemoTab();
  const popup = await driver.openExtensionPage(`popup.html?tab=${tabId}`);
  await expect.poll(() => popup.text({ testId: 'hit-count' })).toBe('9 highlighted');
  await popup.waitFor({ text: 'Müller Werkzeugbau: RoboDrill 3000' });

  const note = 'Müller sagt: "laut", aber\nsolide; =HYPERLINK("http://x")';
  await popup.check({ role: 'radio', name: 'Negative' });
  await popup.fill({ label: 'Tags' }, 'Presse, Test');
  await popup.fill({ label: 'Note' }, note);
  await popup.click({ role: 'button', name: 'Log mention' });
  await expect.poll(() => popup.text({ role: 'status' })).toContain('Logged');
  await expect
    .poll(() => popup.text({ role: 'listitem', hasText: 'Müller Werkzeugbau – Suche' }))
    .toContain('Presse');

  const logged = {
    url,
    title: 'Müller Werkzeugbau – Suche',
    sentiment: 'negative',
    status: 'new',
    tags: ['Presse', 'Test'],
    note,
    brands: ['Müller Werkzeugbau', 'ACME'],
  };
  const log = await driver.log();
  expect(log.mentions).toHaveLength(1);
  expect(log.mentions[0]).toMatchObject(logged);
  await expect
    .poll(async () => (await driver.log()).sightings.map((s) => [s.kind, s.url, s.hits]))
    .toEqual([['page', url, 9]]);

  const json = await popup.download({ role: 'button', name: 'Export JSON' });
  expect(json.fileName).toMatch(/^markenlotse-\d{4}-\d{2}-\d{2}\.json$/);
  const exported = JSON.parse(json.text) as {
    format: string;
    version: number;
    mentions: Record<string, unknown>[];
  };
  expect(exported.format).toBe('markenlotse-log');
  expect(exported.version).toBe(2);
  expect(exported.mentions).toHaveLength(1);
  expect(exported.mentions[0]).toMatchObject(logged);

  const csv = await popup.download({ role: 'button', name: 'Export CSV' });
  expect(csv.fileName).toMatch(/^markenlotse-\d{4}-\d{2}-\d{2}\.csv$/);
  expect(csv.text.startsWith('\uFEFF')).toBe(true);
  const [header] = csv.text.slice(1).split('\r\n');
  expect(header).toContain('sentiment');
  expect(csv.text).toContain('"Müller sagt: ""laut"", aber\nsolide; =HYPERLINK(""http://x"")"');
  expect(page.errors).toEqual([]);
});

test('a page without hits gets no badge and no sighting', async ({ driver, server }) => {
  await driver.writeSettings(DEMO_SETTINGS);
  const page = await driver.openWebPage(server.url('no-hits.html'));
  const tabId = await driver.tabIdOf(page);
  // The content script has reported (it answers), and nothing was counted.
  await new Promise((done) => setTimeout(done, 300));
  expect(await driver.badgeText(tabId)).toBe('');
  expect(await highlightRanges(page)).toEqual({
    'markenlotse-0': [],
    'markenlotse-1': [],
    'markenlotse-focus': [],
  });
  expect((await driver.log()).sightings).toEqual([]);
});

test('open tabs follow a change of settings without a reload', async ({ driver, server }) => {
  await driver.writeSettings(DEMO_SETTINGS);
  const page = await driver.openWebPage(server.url('results.html'));
  await expect.poll(() => highlightRanges(page).then((r) => r['markenlotse-1'])).toEqual(['ACME']);
  await driver.writeSettings({ brands: [{ name: 'Werkzeugbau', terms: ['Werkzeugbau'] }] });
  await expect
    .poll(() => highlightRanges(page).then((r) => Object.keys(r).sort()))
    .toEqual(['markenlotse-0', 'markenlotse-focus']);
  const tabId = await driver.tabIdOf(page);
  await expect.poll(() => driver.badgeText(tabId)).not.toBe('9');
});
