/**
 * Retention: sightings last seen longer ago than the period chosen in the
 * options are deleted by the worker (at start-up, daily, and when the period
 * changes); newer ones stay, and mentions stay unless a period is set for
 * them too.
 */
import { importRecords } from '../support/log-file.ts';
import { expect, test } from '../support/story.ts';

const DAY = 24 * 60 * 60 * 1000;
const ago = (days: number) => new Date(Date.now() - days * DAY).toISOString();
const sighting = (name: string, days: number) => ({
  kind: 'page',
  url: `https://${name}.example/`,
  title: name,
  terms: [{ brand: 'ACME', term: 'ACME', count: 1 }],
  firstSeen: ago(days + 1),
  lastSeen: ago(days),
  visits: 1,
});
const mention = (id: string, days: number) => ({
  id,
  url: `https://${id}.example/`,
  title: id,
  brands: ['ACME'],
  terms: ['ACME'],
  sentiment: 'neutral',
  tags: [],
  note: '',
  snippet: '',
  createdAt: ago(days),
  updatedAt: ago(days),
});

test('old sightings go once a period is chosen, newer ones stay; mentions only with a period of their own', async ({
  driver,
}) => {
  await driver.writeSettings({ brands: [{ name: 'ACME' }], retentionDays: 0 });
  const file = {
    format: 'markenlotse-log',
    version: 1,
    exportedAt: new Date().toISOString(),
    mentions: [mention('old-mention', 400), mention('new-mention', 5)],
    sightings: [
      sighting('two-years', 730),
      sighting('hundred-days', 100),
      sighting('last-week', 7),
    ],
  };
  const imported = await importRecords(driver, file);
  expect(imported.problems).toEqual([]);
  expect((await driver.log()).sightings).toHaveLength(3);

  const options = await driver.openExtensionPage('options.html');
  await options.select({ label: 'Delete sightings after' }, '90');
  await options.click({ role: 'button', name: 'Save' });
  await expect.poll(() => options.text({ role: 'status' })).toMatch(/Saved/);

  await expect
    .poll(async () => (await driver.log()).sightings.map((s) => s.title).sort())
    .toEqual(['last-week']);
  expect((await driver.log()).mentions.map((m) => m.id).sort()).toEqual([
    'new-mention',
    'old-mention',
  ]);
  expect(await options.text({ css: '#stored' })).toContain(
    'Deleted once it was last seen more than 90 days ago',
  );

  await options.select({ label: 'Delete mentions after' }, '365');
  await options.click({ role: 'button', name: 'Save' });
  await expect
    .poll(async () => (await driver.log()).mentions.map((m) => m.id))
    .toEqual(['new-mention']);
  expect((await driver.log()).sightings.map((s) => s.title)).toEqual(['last-week']);
});
