/**
 * The whole loop in Chromium: settings -> highlights on a results page ->
 * badge -> sighting -> a mention logged from the popup -> both exports.
 */
import { readFile } from 'node:fs/promises';
import {
  DEMO_PAGE_HITS,
  DEMO_SETTINGS,
  expect,
  highlightRanges,
  test,
} from './support/chromium.ts';

test('highlights every hit on a results page and counts them on the badge', async ({
  ext,
  context,
  server,
}) => {
  await ext.writeSettings(DEMO_SETTINGS);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(server.url('results.html'));
  const before = await page.evaluate(() => document.documentElement.outerHTML);

  await expect
    .poll(() => highlightRanges(page))
    .toEqual({ ...DEMO_PAGE_HITS, 'markenlotse-focus': [] });
  // Painting never touches the page's DOM.
  expect(await page.evaluate(() => document.documentElement.outerHTML)).toBe(before);

  const tabId = await ext.tabIdOf(page);
  await expect.poll(() => ext.badgeText(tabId)).toBe('9');

  await expect
    .poll(async () => (await ext.log()).sightings.map((s) => [s.kind, s.url, s.hits, s.visits]))
    .toEqual([['page', server.url('results.html'), 9, 1]]);
  const [sighting] = (await ext.log()).sightings;
  expect(sighting?.title).toBe('Müller Werkzeugbau – Suche');
  expect(sighting?.terms).toEqual(
    expect.arrayContaining([
      { brand: 'Müller Werkzeugbau', term: 'Müller Werkzeugbau', count: 6 },
      { brand: 'Müller Werkzeugbau', term: 'RoboDrill 3000', count: 2 },
      { brand: 'ACME', term: 'ACME', count: 1 },
    ]),
  );
  expect(errors).toEqual([]);
});

test('logs the page as a tagged mention from the popup and exports it as JSON and CSV', async ({
  ext,
  context,
  server,
}) => {
  await ext.writeSettings(DEMO_SETTINGS);
  const page = await context.newPage();
  await page.goto(server.url('results.html'));
  await expect.poll(() => highlightRanges(page).then((r) => r['markenlotse-0']?.length)).toBe(8);
  const tabId = await ext.tabIdOf(page);

  const popup = await context.newPage();
  await popup.goto(ext.url(`popup.html?tab=${tabId}`));
  await expect(popup.getByTestId('hit-count')).toHaveText('9 highlighted');
  await expect(popup.getByText('Müller Werkzeugbau: RoboDrill 3000')).toBeVisible();

  await popup.getByRole('radio', { name: 'Negative' }).check();
  await popup.getByLabel('Tags').fill('Presse, Test');
  await popup.getByLabel('Note').fill('Müller sagt: "laut", aber\nsolide; =HYPERLINK("http://x")');
  await popup.getByRole('button', { name: 'Log mention' }).click();
  await expect(popup.getByRole('status')).toContainText('Logged');
  await expect(
    popup.getByRole('listitem').filter({ hasText: 'Müller Werkzeugbau – Suche' }),
  ).toContainText('Presse');

  const [jsonDownload] = await Promise.all([
    popup.waitForEvent('download'),
    popup.getByRole('button', { name: 'Export JSON' }).click(),
  ]);
  expect(jsonDownload.suggestedFilename()).toMatch(/^markenlotse-\d{4}-\d{2}-\d{2}\.json$/);
  const json = JSON.parse(await readFile(await jsonDownload.path(), 'utf8')) as {
    format: string;
    version: number;
    exportedAt: string;
    mentions: Record<string, unknown>[];
  };
  expect(json.format).toBe('markenlotse-log');
  expect(json.version).toBe(2);
  expect(json.mentions).toHaveLength(1);
  expect(json.mentions[0]).toMatchObject({
    url: server.url('results.html'),
    title: 'Müller Werkzeugbau – Suche',
    sentiment: 'negative',
    status: 'new',
    tags: ['Presse', 'Test'],
    note: 'Müller sagt: "laut", aber\nsolide; =HYPERLINK("http://x")',
    brands: ['Müller Werkzeugbau', 'ACME'],
  });

  const [csvDownload] = await Promise.all([
    popup.waitForEvent('download'),
    popup.getByRole('button', { name: 'Export CSV' }).click(),
  ]);
  expect(csvDownload.suggestedFilename()).toMatch(/^markenlotse-\d{4}-\d{2}-\d{2}\.csv$/);
  const csv = await readFile(await csvDownload.path(), 'utf8');
  expect(csv.startsWith('\uFEFF')).toBe(true);
  const [header] = csv.slice(1).split('\r\n');
  expect(header).toContain('sentiment');
  expect(csv).toContain('"Müller sagt: ""laut"", aber\nsolide; =HYPERLINK(""http://x"")"');
});

test('a page without hits gets no badge and no sighting', async ({ ext, context, server }) => {
  await ext.writeSettings(DEMO_SETTINGS);
  const page = await context.newPage();
  await page.goto(server.url('no-hits.html'));
  const tabId = await ext.tabIdOf(page);
  // The content script has reported (it answers), and nothing was counted.
  await page.waitForTimeout(300);
  expect(await ext.badgeText(tabId)).toBe('');
  expect(await highlightRanges(page)).toEqual({
    'markenlotse-0': [],
    'markenlotse-1': [],
    'markenlotse-focus': [],
  });
  expect((await ext.log()).sightings).toEqual([]);
});

test('open tabs follow a change of settings without a reload', async ({ ext, context, server }) => {
  await ext.writeSettings(DEMO_SETTINGS);
  const page = await context.newPage();
  await page.goto(server.url('results.html'));
  await expect.poll(() => highlightRanges(page).then((r) => r['markenlotse-1'])).toEqual(['ACME']);
  await ext.writeSettings({ brands: [{ name: 'Werkzeugbau', terms: ['Werkzeugbau'] }] });
  await expect
    .poll(() => highlightRanges(page).then((r) => Object.keys(r).sort()))
    .toEqual(['markenlotse-0', 'markenlotse-focus']);
  const tabId = await ext.tabIdOf(page);
  await expect.poll(() => ext.badgeText(tabId)).not.toBe('9');
});
