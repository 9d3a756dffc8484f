/**
 * Working through mentions in the workspace (log.html): filter, sort, the
 * view in the address, edits saved in place, a bulk edit and its undo.
 */
import { expect, test } from '../support/story.ts';
import {
  chooseOption,
  mentionRecord,
  ROLE_SETTINGS,
  rowTitles,
  seedLog,
  shiftClick,
} from '../support/workspace.ts';

const MENTIONS = [
  mentionRecord(0, { title: 'Lieferung verspätet', sentiment: 'negative', tags: ['Kunde'] }),
  mentionRecord(1, { title: 'RoboDrill im Test', sentiment: 'positive', tags: ['Presse'] }),
  mentionRecord(2, { title: 'ACME kauft zu', brands: ['ACME'], sentiment: 'neutral' }),
  mentionRecord(3, { title: 'Ärger mit der Lieferung', sentiment: 'negative', note: 'Rückruf' }),
  mentionRecord(4, {
    title: 'Bohrer-Vergleich',
    sentiment: 'positive',
    search: { engine: 'google', query: 'robodrill 3000', rank: 3, page: 1 },
  }),
];

test('filter, sort and the view in the address: a bookmark opens the same rows', async ({
  driver,
}) => {
  await driver.writeSettings(ROLE_SETTINGS);
  await seedLog(driver, MENTIONS);
  const page = await driver.openExtensionPage('log.html');
  await expect.poll(() => rowTitles(page)).toHaveLength(5);
  // Newest first by default.
  expect((await rowTitles(page))[0]).toBe('Lieferung verspätet');
  // The engine shows by its name, never its id.
  expect(await page.text({ css: '[data-id="m-004"] .col-source' })).toContain('Google');
  expect(await page.text({ css: '[data-id="m-004"] .col-source' })).not.toContain('google');

  await page.fill({ label: 'Search the log' }, 'lieferung');
  await expect
    .poll(() => rowTitles(page))
    .toEqual(['Lieferung verspätet', 'Ärger mit der Lieferung']);
  await chooseOption(page, 'Sentiment', 'negative');
  await page.click({ role: 'button', name: 'Title' });
  await expect
    .poll(() => rowTitles(page))
    .toEqual(['Ärger mit der Lieferung', 'Lieferung verspätet']);
  const address = new URL(await page.url());
  expect(Object.fromEntries(address.searchParams)).toEqual({
    sentiment: 'negative',
    q: 'lieferung',
    sort: 'title',
  });

  const reopened = await driver.openExtensionPage(`log.html${address.search}`);
  await expect
    .poll(() => rowTitles(reopened))
    .toEqual(['Ärger mit der Lieferung', 'Lieferung verspätet']);
  expect(await reopened.value({ label: 'Search the log' })).toBe('lieferung');
  expect(await reopened.text({ css: '.filter-chips' })).toContain('Sentiment: Negative');

  // By role: the competitor's mention alone.
  await reopened.click({ role: 'button', name: 'Clear filter' });
  await chooseOption(reopened, 'Role', 'competitor');
  await expect.poll(() => rowTitles(reopened)).toEqual(['ACME kauft zu']);
  expect(page.errors).toEqual([]);
  expect(reopened.errors).toEqual([]);
});

test('an edit in place is saved without a button and says so', async ({ driver }) => {
  await seedLog(driver, MENTIONS);
  const page = await driver.openExtensionPage('log.html');
  await expect.poll(() => rowTitles(page)).toHaveLength(5);

  await page.fill({ label: 'Note on “RoboDrill im Test”' }, 'An Vertrieb weitergeben');
  await chooseOption(page, 'Status of “RoboDrill im Test”', 'in-progress');
  await expect.poll(() => page.text({ css: '[data-id="m-001"] .save-state' })).toBe('✓ Saved');
  await expect.poll(() => page.text({ css: '.live-text' })).toBe('Saved “RoboDrill im Test”.');
  await expect
    .poll(async () => {
      const [stored] = await driver.askWorker('mentions/get', { ids: ['m-001'] });
      return stored && { note: stored.note, status: stored.status, tags: stored.tags };
    })
    .toEqual({ note: 'An Vertrieb weitergeben', status: 'in-progress', tags: ['Presse'] });

  await chooseOption(page, 'Sentiment of “Lieferung verspätet”', 'positive');
  await expect
    .poll(async () => (await driver.askWorker('mentions/get', { ids: ['m-000'] }))[0]?.sentiment)
    .toBe('positive');
  // After a reload the page shows what was stored.
  const again = await driver.openExtensionPage('log.html');
  await expect
    .poll(() => again.value({ label: 'Note on “RoboDrill im Test”' }))
    .toBe('An Vertrieb weitergeben');
  expect(page.errors).toEqual([]);
});

test('select with click and shift-click, set the status of all, and undo it', async ({
  driver,
}) => {
  await seedLog(driver, MENTIONS);
  const page = await driver.openExtensionPage('log.html');
  await expect.poll(() => rowTitles(page)).toHaveLength(5);

  await page.click({ label: 'Select “RoboDrill im Test”' });
  await shiftClick(page, 'Select “Ärger mit der Lieferung”');
  await expect.poll(() => page.text({ css: '.bulk-count' })).toBe('3 selected');
  await chooseOption(page, 'Set status…', 'done');
  await expect.poll(() => page.text({ css: '.live-text' })).toBe('3 mentions: status set to Done.');
  const statuses = async () =>
    (await driver.askWorker('mentions/get', { ids: MENTIONS.map((m) => m.id) })).map(
      (m) => m?.status,
    );
  expect(await statuses()).toEqual(['new', 'done', 'done', 'done', 'new']);

  await page.click({ role: 'button', name: 'Undo: 3 mentions, status set to Done' });
  await expect.poll(statuses).toEqual(['new', 'new', 'new', 'new', 'new']);
  await expect
    .poll(() => page.text({ css: '.live-text' }))
    .toBe('Undone: 3 mentions are as they were.');

  // All that match the filter, then tags added to each and deleted at once, with one undo.
  await page.fill({ label: 'Search the log' }, 'lieferung');
  await expect.poll(() => rowTitles(page)).toHaveLength(2);
  await page.click({ label: 'Select all 2 that match the filter' });
  await page.fill({ label: 'Tag to add or remove' }, 'Eskalation');
  await page.click({ role: 'button', name: 'Add tag' });
  await expect
    .poll(async () =>
      (await driver.askWorker('mentions/get', { ids: ['m-000', 'm-003'] })).map((m) => m?.tags),
    )
    .toEqual([['Kunde', 'Eskalation'], ['Eskalation']]);
  await expect
    .poll(() => page.text({ css: '.live-text' }))
    .toBe('2 mentions: tag Eskalation added.');
  await expect.poll(() => page.text({ css: '.bulk-count' })).toBeNull();
  await page.click({ label: 'Select all 2 that match the filter' });
  await page.click({ role: 'button', name: 'Delete 2' });
  await expect.poll(() => page.text({ css: '.live-text' })).toBe('2 mentions: deleted.');
  expect((await driver.log()).mentions.length).toBe(3);
  expect(await page.text({ css: '.tab-panel' })).toContain('Nothing matches the filter.');
  await page.click({ role: 'button', name: 'Undo: 2 mentions, deleted' });
  await expect.poll(async () => (await driver.log()).mentions.length).toBe(5);
  await expect.poll(() => rowTitles(page)).toHaveLength(2);
  expect(page.errors).toEqual([]);
});
