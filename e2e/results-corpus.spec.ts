/**
 * The results-page features on real saved Google pages (../shared/corpus):
 * the role-aware ad flag, a badge in a narrow shopping card, and the popup
 * at its real size leading with what the user came to do.
 *
 * Chromium only: the pages are routed to their real search addresses
 * (Playwright's context.route), and the badge's closed shadow root is read
 * through the DevTools protocol. Page scripts stay off (`script-src 'none'`,
 * as in serp-adapters.spec.ts); the saved pages carry Google's consent
 * dialog over the results, which the tests take away as a user's click would.
 */
import type { BrowserContext, Page } from '@playwright/test';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test, type ChromiumDriver } from './support/chromium.ts';
import { BadgeInspector } from './support/closed-shadow.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
const CORPUS_DIR = process.env.CORPUS_DIR ?? path.resolve(here, '../../shared/corpus');
const SERP_DIR = path.join(CORPUS_DIR, 'serp');
const NO_CORPUS = `corpus of saved result pages not found at ${SERP_DIR} (set CORPUS_DIR to the folder holding serp/)`;

const DELL_SEARCH = 'https://www.google.com/search?q=dell+xps+13+buy';
const DESKTOP = 'google-desktop-dell.html';
const MOBILE = 'google-mobile-dell.html';

const OWN_DELL = { name: 'Dell', terms: ['Dell', 'XPS'], role: 'own', sites: ['dell.com'] };
/** The same names as a competitor's, for a company that sells ThinkPads. */
const COMPETITOR_DELL = [
  { name: 'Lenovo', terms: ['Lenovo', 'ThinkPad'] },
  { ...OWN_DELL, role: 'competitor' },
];

test.skip(!fs.existsSync(SERP_DIR), NO_CORPUS);

/** Serves a saved page at its search address; nothing else leaves the machine. */
async function openSaved(context: BrowserContext, file: string, url: string): Promise<Page> {
  const body = fs.readFileSync(path.join(SERP_DIR, file));
  await context.route('**/*', async (route) => {
    const target = route.request().url();
    if (target === url)
      await route.fulfill({
        body,
        contentType: 'text/html; charset=utf-8',
        headers: { 'content-security-policy': "script-src 'none'" },
      });
    else if (target.startsWith('chrome-extension://')) await route.continue();
    else await route.abort();
  });
  const page = await context.newPage();
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(url);
  // Google's consent dialog covers the results of the saved page.
  await page.evaluate(() => {
    let dialog = document.querySelector('[role="dialog"][aria-modal="true"]');
    while (dialog?.parentElement && dialog.parentElement !== document.body)
      dialog = dialog.parentElement;
    dialog?.remove();
  });
  return page;
}

/** The results the popup would list, as the page's content script reports them. */
async function listed(driver: ChromiumDriver, page: Page) {
  return (await driver.contentState(await driver.tabIdOf(page))).results?.results ?? [];
}

/** How many badges on the page say `text` (in their closed shadow roots, panels included). */
async function badgesSaying(page: Page, text: string): Promise<number> {
  const texts = await (await BadgeInspector.of(page)).texts();
  return texts.filter((said) => said.includes(text)).length;
}

const adKinds = async (driver: ChromiumDriver, page: Page): Promise<[string, string][]> =>
  (await listed(driver, page))
    .filter((r) => r.kind === 'ad' || r.kind === 'competitor-ad')
    .map((r) => [new URL(r.url).hostname.replace(/^www\./, ''), r.kind]);

for (const [file, flagged] of [
  [DESKTOP, 10],
  [MOBILE, 4],
] as const) {
  test(`${file}: on a search for an own brand, ads that lead elsewhere are flagged (${flagged})`, async ({
    driver,
    context,
  }) => {
    await driver.writeSettings({ brands: [OWN_DELL] });
    const page = await openSaved(context, file, DELL_SEARCH);
    await expect
      .poll(async () => (await adKinds(driver, page)).length, { timeout: 20_000 })
      .toBeGreaterThan(0);
    const ads = await adKinds(driver, page);
    expect(ads.filter(([, kind]) => kind === 'competitor-ad')).toHaveLength(flagged);
    // The brand's own ads are its own: never flagged.
    for (const [host, kind] of ads)
      expect(kind, host).toBe(host === 'dell.com' ? 'ad' : 'competitor-ad');
    expect(await badgesSaying(page, 'Ad by someone else on your name')).toBe(flagged);
  });

  test(`${file}: on a competitor's search its ads are plain ads, counted for share of voice`, async ({
    driver,
    context,
  }) => {
    await driver.writeSettings({ brands: COMPETITOR_DELL });
    const page = await openSaved(context, file, DELL_SEARCH);
    await expect
      .poll(async () => (await adKinds(driver, page)).length, { timeout: 20_000 })
      .toBeGreaterThan(0);
    expect((await adKinds(driver, page)).filter(([, kind]) => kind !== 'ad')).toEqual([]);
    // Recorded as ads that name the competitor, with their rank: what share of voice counts.
    await expect
      .poll(async () => {
        const sightings = (await driver.log()).sightings;
        return {
          flagged: sightings.filter((s) => s.kind === 'competitor-ad').length,
          adsNamingDell: sightings.filter(
            (s) =>
              s.kind === 'ad' &&
              (s.terms as { brand: string }[]).some((term) => term.brand === 'Dell') &&
              typeof (s.search as { rank?: number }).rank === 'number',
          ).length,
        };
      })
      .toEqual({ flagged: 0, adsNamingDell: (await adKinds(driver, page)).length });
    expect(await badgesSaying(page, 'Ad by someone else on your name')).toBe(0);
  });
}

test('a badge in a narrow shopping card is never clipped: one button, its panel logs and saves', async ({
  driver,
  context,
}) => {
  await driver.writeSettings({ brands: [OWN_DELL] });
  const page = await openSaved(context, DESKTOP, DELL_SEARCH);
  const cards = page.locator('.pla-unit markenlotse-result');
  await expect(cards).toHaveCount(12, { timeout: 20_000 });
  // The second card: an ad by a reseller on our name (walmart.com, then 10swanllc.com).
  const index = await page.evaluate(() =>
    [...document.querySelectorAll('markenlotse-result')].indexOf(
      document.querySelectorAll('.pla-unit markenlotse-result')[1] as Element,
    ),
  );
  const badge = await BadgeInspector.of(page);
  await expect.poll(() => badge.text(index)).toContain('Ad by someone else on your name');
  // The card clips its title to two lines: the badge's button stands where nothing cuts it off.
  expect(await badge.reachable(index, 'button[data-role="toggle"]')).toBe(true);
  expect(await badge.shown(index, '.panel')).toBe(false);

  await badge.click(index, 'button[data-role="toggle"]');
  await expect.poll(() => badge.shown(index, '.panel')).toBe(true);
  const panel = await badge.box(index, '.panel');
  const card = await page.locator('.pla-unit').nth(1).boundingBox();
  // Wider than the card it belongs to, and all of it on screen and on top.
  expect(panel.width).toBeGreaterThan(card?.width ?? Infinity);
  expect(panel.x).toBeGreaterThanOrEqual(0);
  expect(panel.x + panel.width).toBeLessThanOrEqual(1280);
  expect(await badge.reachable(index, 'button[data-role="log"]')).toBe(true);

  await badge.click(index, 'button[data-role="log"]');
  await expect.poll(async () => (await driver.log()).mentions.length).toBe(1);
  await expect.poll(() => badge.shown(index, 'select[data-role="sentiment"]')).toBe(true);
  for (const role of ['sentiment', 'tags', 'note', 'save', 'undo'])
    expect(await badge.reachable(index, `[data-role="${role}"]`), role).toBe(true);
  await badge.fill(index, 'input[data-role="tags"]', 'Reseller');
  await badge.fill(index, 'input[data-role="note"]', 'bietet auf unseren Namen');
  await badge.click(index, 'button[data-role="save"]');
  await expect
    .poll(async () => (await driver.log()).mentions.map((m) => [m.tags, m.note, m.search]))
    .toEqual([
      [
        ['Reseller'],
        'bietet auf unseren Namen',
        { engine: 'google', query: 'dell xps 13 buy', rank: 2, page: 1 },
      ],
    ]);
  await expect.poll(() => badge.text(index)).toContain('✓ Saved');
  // An edit takes "Saved" back until it is saved again.
  await badge.fill(index, 'input[data-role="note"]', 'bietet auf unseren Namen!');
  await expect.poll(() => badge.text(index)).not.toContain('✓ Saved');
});

test('the popup at 400 × 600 on a saved results page leads with the log form; ads fold into one line', async ({
  driver,
  context,
}) => {
  await driver.writeSettings({ brands: [OWN_DELL] });
  const page = await openSaved(context, DESKTOP, DELL_SEARCH);
  await expect(page.locator('markenlotse-result')).toHaveCount(22, { timeout: 20_000 });
  // The first result is logged from its badge on the page.
  const first = page.locator('#rso markenlotse-result').first();
  await expect.poll(async () => (await first.boundingBox())?.width ?? 0).toBeGreaterThan(60);
  const box = await first.boundingBox();
  await first.click({ position: { x: (box?.width ?? 0) - 12, y: (box?.height ?? 0) / 2 } });
  await expect.poll(async () => (await driver.log()).mentions.length).toBe(1);

  const popup = await context.newPage();
  await popup.setViewportSize({ width: 400, height: 600 });
  await popup.goto(driver.extensionUrl(`popup.html?tab=${await driver.tabIdOf(page)}`));
  const form = popup.getByRole('form', { name: 'Log this page as a mention' });
  await expect(form).toBeVisible();
  const formBox = await form.boundingBox();
  expect(formBox?.y).toBeGreaterThanOrEqual(0);
  expect((formBox?.y ?? Infinity) + (formBox?.height ?? 0)).toBeLessThanOrEqual(600);
  expect(await popup.evaluate(() => scrollY)).toBe(0);

  const results = popup.getByRole('list', { name: 'Results that mention your names' });
  await expect(results.getByRole('listitem')).toHaveCount(10);
  // Twelve shopping ads are one line until opened.
  await expect(popup.getByText('Ads: 12')).toBeVisible();
  await expect(popup.getByText('10 by someone else on your name')).toBeVisible();
  await expect(popup.getByRole('list', { name: 'Ads', exact: true })).toBeHidden();
  // The result logged on the page is marked, the others are one click away.
  await expect(results.getByRole('listitem').first()).toContainText('✓ logged');
  await expect(results.getByRole('button', { name: /^Log “/ })).toHaveCount(9);

  await results
    .getByRole('button', { name: 'Log “Dell XPS 13-inch Laptop Computers” as a mention' })
    .click();
  const line = results.getByRole('listitem').nth(1);
  await expect(line).toContainText('✓ logged');
  await line.getByRole('combobox', { name: 'Sentiment' }).selectOption('positive');
  await line.getByRole('textbox', { name: 'Tags' }).fill('Händler');
  await line.getByRole('button', { name: 'Save' }).click();
  await expect(line.getByRole('status')).toHaveText('✓ Saved');
  await expect
    .poll(async () =>
      (await driver.log()).mentions
        .filter((m) => (m.search as { rank: number }).rank === 2)
        .map((m) => [m.title, m.sentiment, m.tags, m.search]),
    )
    .toEqual([
      [
        'Dell XPS 13-inch Laptop Computers',
        'positive',
        ['Händler'],
        { engine: 'google', query: 'dell xps 13 buy', rank: 2, page: 1 },
      ],
    ]);
  await expect(
    popup.getByRole('region', { name: 'Recently logged' }).getByRole('link', {
      name: 'Dell XPS 13-inch Laptop Computers',
    }),
  ).toBeVisible();
  await line.getByRole('button', { name: 'Undo' }).click();
  await expect.poll(async () => (await driver.log()).mentions.length).toBe(1);
  await expect(line.getByRole('button', { name: /^Log “/ })).toBeVisible();
});
