/**
 * The sightings view: filtered like mentions, grouped by site, and a
 * sighting promoted to a mention in one click.
 */
import { expect, test } from '../support/story.ts';
import { chooseOption, seedLog, sightingRecord } from '../support/workspace.ts';

const RESULT = sightingRecord(1, {
  key: 'result https://www.handelsblatt.com/robodrill',
  kind: 'result',
  url: 'https://www.handelsblatt.com/robodrill',
  title: 'RoboDrill 3000 im Praxistest',
  search: { engine: 'duckduckgo', query: 'robodrill 3000', rank: 4, page: 1 },
  visits: 3,
});
const SIGHTINGS = [
  sightingRecord(0, { title: 'Forum über Müller Werkzeugbau' }),
  RESULT,
  sightingRecord(2, {
    key: 'page https://www.handelsblatt.com/acme',
    url: 'https://www.handelsblatt.com/acme',
    title: 'ACME und Müller',
  }),
];

const sightingTitles = (page: Parameters<typeof chooseOption>[0]) =>
  page.evaluate(() =>
    [...document.querySelectorAll('table.sightings tbody .page-link')].map((a) => a.textContent),
  );

test('sightings are filtered like mentions, grouped by site, and one is logged as a mention', async ({
  driver,
}) => {
  await seedLog(driver, [], SIGHTINGS);
  const page = await driver.openExtensionPage('log.html?view=sightings');
  await expect.poll(() => sightingTitles(page)).toHaveLength(3);
  expect(await page.text({ css: 'table.sightings' })).toContain('DuckDuckGo');
  expect(await page.text({ css: 'table.sightings' })).not.toContain('duckduckgo');

  await chooseOption(page, 'Kind', 'result');
  await expect.poll(() => sightingTitles(page)).toEqual(['RoboDrill 3000 im Praxistest']);
  expect(new URL(await page.url()).search).toBe('?view=sightings&kind=result');
  await page.click({ role: 'button', name: 'Clear filter' });
  await expect.poll(() => sightingTitles(page)).toHaveLength(3);

  await page.click({ role: 'button', name: 'Log “RoboDrill 3000 im Praxistest” as a mention' });
  await expect
    .poll(() => page.text({ css: '.live-text' }))
    .toBe('“RoboDrill 3000 im Praxistest” is logged as a mention.');
  const [mention] = (await driver.log()).mentions;
  expect(mention).toMatchObject({
    url: RESULT.url,
    title: RESULT.title,
    status: 'new',
    search: { engine: 'duckduckgo', query: 'robodrill 3000', rank: 4 },
  });
  await page.click({ css: '#tab-mentions' });
  await page.waitFor({ text: 'RoboDrill 3000 im Praxistest' });

  await page.click({ css: '#tab-sightings' });
  await page.check({ label: 'Group by site' });
  await page.waitFor({ css: 'table.sites' });
  expect(await page.text({ css: 'table.sites tbody' })).toContain('handelsblatt.com');
  await page.click({ role: 'button', name: 'handelsblatt.com' });
  await expect
    .poll(() => sightingTitles(page))
    .toEqual(expect.arrayContaining(['RoboDrill 3000 im Praxistest', 'ACME und Müller']));
  expect(await sightingTitles(page)).toHaveLength(2);
  expect(new URL(await page.url()).searchParams.get('site')).toBe('handelsblatt.com');
  expect(page.errors).toEqual([]);
});
