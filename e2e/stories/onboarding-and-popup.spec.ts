/**
 * A new user's first minutes, in Chromium and in Firefox: the onboarding page
 * opens on install, they enter the company, search, jump to a hit from the
 * popup and pause a site.
 */
import { DEMO_PAGE_TOTAL, expect, highlightRanges, paintedCount, test } from '../support/story.ts';

test('on install the options page opens and a brand entered there lights up on pages', async ({
  driver,
  server,
}) => {
  const welcome = await driver.welcomePage();
  expect(await welcome.url()).toMatch(/options\.html\?welcome=1$/);
  await welcome.waitFor({ text: 'Welcome to Markenlotse' });

  await welcome.fill({ label: 'Company or product name' }, 'Müller Werkzeugbau');
  await welcome.fill({ label: 'New term' }, 'RoboDrill 3000');
  await welcome.click({ role: 'button', name: 'Add term' });
  await welcome.click({ role: 'button', name: 'Save' });
  await expect.poll(() => welcome.text({ role: 'status' })).toMatch(/Saved/);

  expect(await driver.readSettings()).toMatchObject({
    version: 1,
    brands: [{ name: 'Müller Werkzeugbau' }],
  });

  const page = await driver.openWebPage(server.url('results.html'));
  // The name (added as a term when the brand was created) and the product; no exclusions entered, so the museum counts too.
  await expect.poll(() => highlightRanges(page).then((r) => r['markenlotse-0']?.length)).toBe(9);
});

test('an empty term is refused with a message in the options page, not a crash', async ({
  driver,
}) => {
  const options = await driver.openExtensionPage('options.html');
  await options.click({ role: 'button', name: 'Add brand' });
  await options.fill({ label: 'Company or product name' }, 'ACME');
  await options.fill({ label: 'New term' }, '   ');
  await options.click({ role: 'button', name: 'Add term' });
  await options.waitFor({ text: 'Please enter a word or name.' });
});

test('clicking a hit in the popup scrolls the page to it and outlines it', async ({ driver }) => {
  const { page, tabId } = await driver.openDemoTab({ viewport: { width: 800, height: 300 } });
  const popup = await driver.openExtensionPage(`popup.html?tab=${tabId}`);
  await popup.click({ css: 'summary', hasText: 'ACME' });
  await popup.click({ role: 'button', hasText: 'Erfahrungen mit ACME Robotics' });
  await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(100);
  await expect
    .poll(() => highlightRanges(page).then((r) => r['markenlotse-focus']))
    .toEqual(['ACME']);
  // Outlined for a moment, then back in its brand's highlight: never in two at once.
  expect(await paintedCount(page)).toBe(DEMO_PAGE_TOTAL);
  await expect.poll(() => highlightRanges(page).then((r) => r['markenlotse-focus'])).toEqual([]);
});

test('pausing a site from the popup clears its highlights and badge; the options list shows it', async ({
  driver,
}) => {
  const { page, tabId } = await driver.openDemoTab();
  const popup = await driver.openExtensionPage(`popup.html?tab=${tabId}`);
  // The popup closes itself once the site is paused, as a real popup would.
  await popup.click({ label: 'Pause on 127.0.0.1' }, { closesPage: true });
  await popup.closed;
  await expect.poll(() => paintedCount(page)).toBe(0);
  await expect.poll(() => driver.badgeText(tabId)).toBe('');

  const options = await driver.openExtensionPage('options.html');
  const pausedSites = { label: 'Never scan these sites (one per line)' };
  await expect.poll(() => options.value(pausedSites)).toBe('127.0.0.1');
  await options.fill(pausedSites, '');
  await options.click({ role: 'button', name: 'Save' });
  await expect.poll(() => paintedCount(page)).toBe(DEMO_PAGE_TOTAL);
});

test('"Try it" shows what a profile matches in pasted text, and why', async ({ driver }) => {
  await driver.writeSettings({
    brands: [{ name: 'Otto', terms: ['Otto'], exclude: ['Otto Waalkes'] }],
  });
  const options = await driver.openExtensionPage('options.html');
  await options.fill(
    { label: 'Text to try' },
    'Ottos Angebote. Otto Waalkes lacht. Lotto gewinnt.',
  );
  const finding = (kind: string) => options.text({ role: 'listitem', hasText: kind });
  await expect.poll(() => finding('Highlighted')).toContain('as genitive');
  await expect.poll(() => finding('Excluded')).toContain('Otto Waalkes');
  // "otto" inside "Lotto": not a whole word, with a hint how to count such hits.
  await expect.poll(() => finding('Part of a longer word')).toContain('Also inside compound words');
});

test('the next-hit / previous-hit shortcuts step through the hits in page order', async ({
  driver,
}) => {
  const { page, tabId } = await driver.openDemoTab();
  // What the worker does on the command (the browser's shortcut itself cannot be pressed headless).
  const step = (direction: 1 | -1) => driver.askTab(tabId, 'content/step', { step: direction });
  const focused = () => highlightRanges(page).then((r) => r['markenlotse-focus']);
  await step(1);
  await expect.poll(focused).toEqual(['mueller-werkzeugbau']);
  await step(1);
  await expect.poll(focused).toEqual(['Müller Werkzeugbau GmbH']);
  await step(-1);
  await step(-1);
  // Before the first hit comes the last one: "müller werkzeugbau" in the related searches.
  await expect.poll(focused).toEqual(['müller werkzeugbau']);
});
