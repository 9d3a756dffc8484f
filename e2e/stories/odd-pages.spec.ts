/**
 * Pages built in ways few pages are, in Chromium and in Firefox (issue 10,
 * items 6–8): text under display:contents, XHTML documents, a root element
 * taken away while the page parses and put back later.
 */
import { expect, highlightRanges, paintedCount, test } from '../support/story.ts';

const ACME = { brands: [{ name: 'ACME', color: '#4fc3f7', terms: ['ACME'] }] };

test('text under display:contents is shown, and counted', async ({ driver, server }) => {
  await driver.writeSettings(ACME);
  const page = await driver.openWebPage(server.url('display-contents.html'));
  // eins, zwei, drei, vier; not the two hidden ones.
  await expect.poll(() => paintedCount(page)).toBe(4);
  const tabId = await driver.tabIdOf(page);
  await expect.poll(() => driver.badgeText(tabId)).toBe('4');
  expect(page.errors).toEqual([]);
});

test('an XHTML page: names across inline elements found, form fields and scripts left out', async ({
  driver,
  server,
}) => {
  await driver.writeSettings(ACME);
  const page = await driver.openWebPage(server.url('xhtml.xhtml'));
  expect(await page.evaluate(() => document.contentType)).toBe('application/xhtml+xml');
  await expect.poll(() => paintedCount(page)).toBe(2);
  expect((await highlightRanges(page))['markenlotse-0']?.sort()).toEqual(['ACME', 'ACME GmbH']);
  const tabId = await driver.tabIdOf(page);
  await expect.poll(() => driver.badgeText(tabId)).toBe('2');
  expect(page.errors).toEqual([]);
});

test('a root element taken away while the page parses and put back: scanned once back, and kept up', async ({
  driver,
  server,
}) => {
  await driver.writeSettings(ACME);
  const page = await driver.openWebPage(server.url('root-readded.html'));
  await expect.poll(() => page.evaluate(() => document.body?.dataset.back)).toBe('yes');
  await expect.poll(() => paintedCount(page)).toBe(2);
  await page.evaluate(() => (window as unknown as { addMore: () => void }).addMore());
  await expect.poll(() => paintedCount(page)).toBe(3);
  const tabId = await driver.tabIdOf(page);
  await expect.poll(() => driver.badgeText(tabId)).toBe('3');
  // Once more, now that the page is scanned: taken away, nothing painted; back, all again.
  await page.evaluate(() => {
    const root = document.documentElement;
    root.remove();
    (window as unknown as { root: Element }).root = root;
  });
  await expect.poll(() => paintedCount(page)).toBe(0);
  await page.evaluate(() => document.appendChild((window as unknown as { root: Element }).root));
  await expect.poll(() => paintedCount(page)).toBe(3);
  expect(page.errors).toEqual([]);
});
