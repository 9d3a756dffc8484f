/**
 * The core loop in Firefox ESR (dist/firefox): settings -> highlights on a
 * results page -> a mention logged from the popup -> sighting and badge.
 * Firefox is driven by puppeteer-core over WebDriver BiDi (see support/firefox.ts);
 * Playwright is only the runner. The steps build on each other, so they run
 * serially against one browser.
 */
import { expect, test } from '@playwright/test';
import type { Page } from 'puppeteer-core';
import { DEMO_PAGE_HITS, DEMO_SETTINGS } from '../harness/launch.ts';
import {
  FirefoxExtension,
  firefoxMissing,
  highlightRanges,
  pollFor,
  type ExtensionGlobal,
} from './support/firefox.ts';
import { shareOfColour, textBoxInPage } from './support/pixels.ts';
import { startServer, type FixtureServer } from '../harness/server.ts';

const missing = firefoxMissing();
test.skip(missing !== null, missing ?? '');
test.describe.configure({ mode: 'serial' });

let ext: FirefoxExtension | undefined;
let server: FixtureServer | undefined;
let results: Page | undefined;
let tabId = -1;
const pageErrors: string[] = [];

function extension(): FirefoxExtension {
  if (!ext) throw new Error('Firefox did not start');
  return ext;
}

function fixtureUrl(): string {
  if (!server) throw new Error('fixture server did not start');
  return server.url('results.html');
}

test.beforeAll(async () => {
  server = await startServer();
  ext = await FirefoxExtension.launch();
});

test.afterAll(async () => {
  await ext?.close();
  await server?.close();
});

test('installs, opens its first-run page and takes settings written to storage.local', async () => {
  const ext = extension();
  expect(ext.origin).toMatch(/^moz-extension:\/\/[0-9a-f-]+\/$/);
  await ext.writeSettings(DEMO_SETTINGS);
  const stored = await ext.extensionPage.evaluate(async () => {
    const { browser } = globalThis as unknown as ExtensionGlobal;
    return (await browser.storage.local.get('settings')).settings;
  });
  expect(stored).toEqual(DEMO_SETTINGS);
});

test('paints every hit on a results page with the Highlight API, without touching the DOM', async () => {
  const ext = extension();
  results = await ext.browser.newPage();
  results.setDefaultTimeout(10_000);
  results.on('pageerror', (error) =>
    pageErrors.push(error instanceof Error ? error.message : String(error)),
  );
  // The DOM as the server sent it, before the content script (document_idle) had a chance to run.
  await results.goto(fixtureUrl(), { waitUntil: 'domcontentloaded' });
  const before = await results.evaluate(() => document.documentElement.outerHTML);

  const page = results;
  await expect
    .poll(() => highlightRanges(page), { timeout: 15_000 })
    .toEqual({ ...DEMO_PAGE_HITS, 'markenlotse-focus': [] });
  const after = await page.evaluate(() => document.documentElement.outerHTML);
  expect(after).toBe(before);
  // And independent of when the content script ran: the same as a fresh parse of what the server sent.
  const served = await page.evaluate(async () => {
    const html = await (await fetch(location.href)).text();
    return new DOMParser().parseFromString(html, 'text/html').documentElement.outerHTML;
  });
  expect(after).toBe(served);

  tabId = await pollFor('the tab of the results page', () => ext.tabIdOf(fixtureUrl()));
  const state = await ext.contentState(tabId);
  expect(state.painter).toBe('highlight-api');
  expect(state.total).toBe(9);
  expect(pageErrors).toEqual([]);
});

test('logs the page as a tagged mention from the popup; the page is a sighting with 9 hits', async () => {
  const ext = extension();
  expect(tabId, 'the previous step found the tab').toBeGreaterThanOrEqual(0);
  const popup = await ext.openPage(`popup.html?tab=${tabId}`);
  try {
    await popup
      .locator('[data-testid="hit-count"]')
      .filter((el) => el.textContent === '9 highlighted')
      .wait();
    await popup
      .locator('::-p-xpath(//label[normalize-space(.)="Negative"]/input[@type="radio"])')
      .click();
    await popup
      .locator('::-p-xpath(//label[starts-with(normalize-space(.), "Tags")]/input)')
      .fill('Presse, Test');
    await popup.locator('::-p-xpath(//button[normalize-space(.)="Log mention"])').click();
    await popup
      .locator('[role="status"]')
      .filter((el) => el.textContent?.includes('Logged') ?? false)
      .wait();
    await popup
      .locator(
        '::-p-xpath(//ul[@class="recent"]/li[contains(., "Müller Werkzeugbau – Suche")][contains(., "Presse")])',
      )
      .wait();
  } finally {
    await popup.close();
  }

  const log = await ext.log();
  expect(log.mentions).toHaveLength(1);
  expect(log.mentions[0]).toMatchObject({
    url: fixtureUrl(),
    title: 'Müller Werkzeugbau – Suche',
    sentiment: 'negative',
    tags: ['Presse', 'Test'],
    brands: ['Müller Werkzeugbau', 'ACME'],
  });
  await expect
    .poll(async () => (await ext.log()).sightings.map((s) => [s.kind, s.url, s.hits]))
    .toEqual([['page', fixtureUrl(), 9]]);
});

test('the toolbar badge of the results tab shows its 9 hits', async () => {
  const ext = extension();
  expect(tabId, 'the earlier step found the tab').toBeGreaterThanOrEqual(0);
  await expect.poll(() => ext.badgeText(tabId)).toBe('9');
  expect(pageErrors).toEqual([]);
});

test('under a strict CSP (style-src none) and inside an open shadow root, the brand colour is painted', async () => {
  // Firefox applies a page's CSP to <style> elements a content script inserts, and
  // document ::highlight() rules do not reach into shadow trees: both need the adopted sheet.
  const ext = extension();
  await ext.writeSettings({ brands: [{ name: 'ACME', color: '#ff00ff', terms: ['ACME'] }] });
  const page = await ext.browser.newPage();
  page.setDefaultTimeout(10_000);
  if (!server) throw new Error('fixture server did not start');
  const response = await page.goto(server.url('csp/shadow.html'), { waitUntil: 'load' });
  expect(response?.headers()['content-security-policy']).toContain("style-src 'none'");
  await expect
    .poll(() => highlightRanges(page), { timeout: 15_000 })
    .toEqual({ 'markenlotse-0': ['ACME', 'ACME'], 'markenlotse-focus': [] });
  for (const selector of ['#light', '#host']) {
    // The box of the word itself (inline styles are blocked by the CSP, so the text is small).
    const box = await page.evaluate(textBoxInPage, selector);
    if (!box) throw new Error(`${selector} has no box`);
    const shot = await page.screenshot({ clip: box });
    expect(shareOfColour(Buffer.from(shot), [255, 0, 255]), selector).toBeGreaterThan(0.15);
  }
  await page.close();
});

test('names in hidden text light up once the page shows them: accordion, <details>, hidden attribute', async () => {
  const ext = extension();
  await ext.writeSettings({ brands: [{ name: 'ACME', terms: ['ACME'] }] });
  const page = await ext.browser.newPage();
  page.setDefaultTimeout(10_000);
  if (!server) throw new Error('fixture server did not start');
  await page.goto(server.url('reveal.html'), { waitUntil: 'load' });
  const count = async (): Promise<number> =>
    (await highlightRanges(page))['markenlotse-0']?.length ?? 0;
  await expect.poll(count, { timeout: 15_000 }).toBe(1);
  await page.click('#toggle');
  await expect.poll(count).toBe(2);
  await page.click('#details summary');
  await expect.poll(count).toBe(3);
  await page.evaluate(() => document.getElementById('inline')?.removeAttribute('hidden'));
  await expect.poll(count).toBe(4);
  await page.close();
});
