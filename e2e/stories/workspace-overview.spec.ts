/**
 * The overview's charts and the printable report on a seeded log: each chart
 * is an SVG, and its numbers (the text alternative's table) are the log's.
 */
import type { ResultReport } from '../../src/core/messages.ts';
import { expect, test } from '../support/story.ts';
import { mentionRecord, ROLE_SETTINGS, seedLog } from '../support/workspace.ts';
import type { PageDriver } from '../support/driver.ts';

const at = (day: string) => `${day}T12:00:00.000Z`;
const MENTIONS = [
  mentionRecord(0, { createdAt: at('2026-11-17'), sentiment: 'positive' }),
  mentionRecord(1, { createdAt: at('2026-11-18'), sentiment: 'positive', status: 'done' }),
  mentionRecord(2, { createdAt: at('2026-11-19'), sentiment: 'negative', status: 'in-progress' }),
  mentionRecord(3, { createdAt: at('2026-11-30'), sentiment: 'neutral' }),
  mentionRecord(4, {
    createdAt: at('2026-12-01'),
    sentiment: 'negative',
    url: 'https://www.heise.de/news/1',
  }),
];

const search = (rank: number) => ({ engine: 'google', query: 'robodrill 3000', rank, page: 1 });
const result = (
  url: string,
  brand: string,
  rank: number,
  kind: ResultReport['kind'] = 'result',
) => ({
  url,
  title: `${brand} ${rank}`,
  snippet: '',
  kind,
  terms: [{ brand, term: brand, count: 1 }],
  search: search(rank),
});

/** Each chart's table, as rows of cell texts. */
const chartTable = (page: PageDriver, id: string) =>
  page.evaluate(
    (chart) =>
      [...document.querySelectorAll(`#${chart} table.chart-data tbody tr`)].map((tr) =>
        [...tr.children].map((cell) => cell.textContent?.trim() ?? ''),
      ),
    id,
  );

async function seedCharts(driver: Parameters<typeof seedLog>[0]) {
  await driver.writeSettings(ROLE_SETTINGS);
  await seedLog(driver, MENTIONS);
  // Two visits to the same results page: own results at #3, then #2; a competitor's result and ad.
  await driver.askWorker('results/report', {
    results: [
      result('https://mueller-werkzeugbau.de/robodrill', 'Müller Werkzeugbau', 3),
      result('https://acme.example/bohrer', 'ACME', 5),
      result('https://acme.example/angebot', 'ACME', 1, 'ad'),
    ],
  });
  await driver.askWorker('results/report', {
    results: [
      result('https://mueller-werkzeugbau.de/robodrill', 'Müller Werkzeugbau', 2),
      result('https://acme.example/bohrer', 'ACME', 4),
    ],
  });
}

test('the overview draws each chart as SVG with the numbers of the log in its table', async ({
  driver,
}) => {
  await seedCharts(driver);
  const page = await driver.openExtensionPage('log.html?view=overview');
  await page.waitFor({ css: '#chart-mentions svg' });
  for (const id of ['chart-mentions', 'chart-share', 'chart-rank', 'chart-sites'])
    expect(
      await page.evaluate((c) => !!document.querySelector(`#${c} svg rect, #${c} svg path`), id),
    ).toBe(true);

  expect(await chartTable(page, 'chart-mentions')).toEqual([
    ['Nov 16, 2026', '2', '0', '1', '3'],
    ['Nov 23, 2026', '0', '0', '0', '0'],
    ['Nov 30, 2026', '0', '1', '1', '2'],
  ]);
  // Own: two results; competitors: two results and an ad.
  const [share] = await chartTable(page, 'chart-share');
  expect(share?.slice(0, 1)).toEqual(['robodrill 3000 (Google)']);
  expect(share?.slice(2)).toEqual(['2', '3', '40 %']);
  const [rank] = await chartTable(page, 'chart-rank');
  expect([rank?.[0], rank?.[2]]).toEqual(['robodrill 3000 (Google)', '2']);
  expect(await chartTable(page, 'chart-sites')).toContainEqual(['example.de', '4', '0', '0']);
  // The bars carry their totals; the share is written at the end of its strip.
  expect(await page.text({ css: '#chart-mentions svg.chart-canvas' })).toContain('3');
  expect(await page.text({ css: '#chart-share svg.chart-canvas' })).toContain('40 %');

  // The filter narrows the charts: negative mentions only.
  const negative = await driver.openExtensionPage('log.html?view=overview&sentiment=negative');
  await negative.waitFor({ css: '#chart-mentions svg' });
  expect(await chartTable(negative, 'chart-mentions')).toEqual([
    ['Nov 16, 2026', '0', '0', '1', '1'],
    ['Nov 23, 2026', '0', '0', '0', '0'],
    ['Nov 30, 2026', '0', '0', '1', '1'],
  ]);
  expect(page.errors).toEqual([]);
});

test('the report has the period, the figures, the charts and the rows of the filter', async ({
  driver,
}, testInfo) => {
  await seedCharts(driver);
  const page = await driver.openExtensionPage('report.html?brand=M%C3%BCller+Werkzeugbau');
  await page.waitFor({ css: 'main[data-ready] .report-table' });
  expect(await page.text({ css: '.report-period' })).toBe('Nov 17, 2026 to Dec 1, 2026');
  expect(await page.text({ css: '.report-filter' })).toBe('Brand: Müller Werkzeugbau');
  expect(await page.text({ css: '[data-figure="mentions"] .big' })).toBe('5');
  expect(await page.text({ css: '[data-sentiment="positive"]' })).toBe('Positive: 2');
  expect(await page.text({ css: '[data-sentiment="negative"]' })).toBe('Negative: 2');
  expect(await page.text({ css: '[data-status="new"]' })).toBe('New: 3');
  expect(await page.text({ css: '[data-status="done"]' })).toBe('Done: 1');
  expect(await page.text({ css: '[data-figure="share"] .big' })).toBe('40 %');
  expect(await page.text({ css: '[data-figure="rank"]' })).toContain(
    '“robodrill 3000” (Google): #2 → #2',
  );
  for (const id of ['chart-mentions', 'chart-share', 'chart-rank', 'chart-sites'])
    expect(await page.evaluate((c) => !!document.querySelector(`#${c} svg`), id)).toBe(true);
  expect(
    await page.evaluate(() => document.querySelectorAll('.report-table tbody tr').length),
  ).toBe(5);
  const shot = await page.screenshot({ x: 0, y: 0, width: 800, height: 1100 });
  expect([...shot.subarray(1, 4)].map((c) => String.fromCharCode(c)).join('')).toBe('PNG');
  await testInfo.attach('report', { body: shot, contentType: 'image/png' });
  expect(page.errors).toEqual([]);
});
