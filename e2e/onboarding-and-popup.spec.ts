/// <reference types="chrome" />
/**
 * A new user's first minutes: the onboarding page opens on install, they
 * enter the company, search, jump to a hit from the popup and pause a site.
 */
import { DEMO_SETTINGS, expect, highlightRanges, paintedCount, test } from './support/chromium.ts';

test('on install the options page opens and a brand entered there lights up on pages', async ({
  ext,
  context,
  server,
}) => {
  const welcome =
    context.pages().find((p) => p.url().includes('options.html')) ??
    (await context.waitForEvent('page'));
  await expect(welcome).toHaveURL(/options\.html\?welcome=1$/);
  await expect(welcome.getByText(/Welcome to Markenlotse/)).toBeVisible();

  await welcome.getByLabel('Company or product name').fill('Müller Werkzeugbau');
  await welcome.getByLabel('New term').fill('RoboDrill 3000');
  await welcome.getByRole('button', { name: 'Add term' }).click();
  await welcome.getByRole('button', { name: 'Save' }).click();
  await expect(welcome.getByRole('status')).toHaveText(/Saved/);

  const stored = await ext.worker.evaluate(() => chrome.storage.local.get('settings'));
  expect(stored).toMatchObject({
    settings: { version: 1, brands: [{ name: 'Müller Werkzeugbau' }] },
  });

  const page = await context.newPage();
  await page.goto(server.url('results.html'));
  // The name (added as a term when the brand was created) and the product; no exclusions entered, so the museum counts too.
  await expect.poll(() => highlightRanges(page).then((r) => r['markenlotse-0']?.length)).toBe(9);
});

test('an empty term is refused with a message in the options page, not a crash', async ({
  ext,
  context,
}) => {
  const options = await context.newPage();
  await options.goto(ext.url('options.html'));
  await options.getByRole('button', { name: 'Add brand' }).click();
  await options.getByLabel('Company or product name').fill('ACME');
  await options.getByLabel('New term').fill('   ');
  await options.getByRole('button', { name: 'Add term' }).click();
  await expect(options.getByText('Please enter a word or name.')).toBeVisible();
});

test('clicking a hit in the popup scrolls the page to it and outlines it', async ({
  ext,
  context,
  server,
}) => {
  await ext.writeSettings(DEMO_SETTINGS);
  const page = await context.newPage();
  await page.setViewportSize({ width: 800, height: 300 });
  await page.goto(server.url('results.html'));
  await expect.poll(() => paintedCount(page)).toBe(9);
  const tabId = await ext.tabIdOf(page);

  const popup = await context.newPage();
  await popup.goto(ext.url(`popup.html?tab=${tabId}`));
  await popup.locator('summary', { hasText: 'ACME' }).click();
  await popup.getByRole('button', { name: /Erfahrungen mit ACME Robotics/ }).click();
  await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(100);
  await expect
    .poll(() => highlightRanges(page).then((r) => r['markenlotse-focus']))
    .toEqual(['ACME']);
  // Outlined for a moment, then back in its brand's highlight: never in two at once.
  expect(await paintedCount(page)).toBe(9);
  await expect.poll(() => highlightRanges(page).then((r) => r['markenlotse-focus'])).toEqual([]);
});

test('pausing a site from the popup clears its highlights and badge; the options list shows it', async ({
  ext,
  context,
  server,
}) => {
  await ext.writeSettings(DEMO_SETTINGS);
  const page = await context.newPage();
  await page.goto(server.url('results.html'));
  await expect.poll(() => paintedCount(page)).toBe(9);
  const tabId = await ext.tabIdOf(page);

  const popup = await context.newPage();
  await popup.goto(ext.url(`popup.html?tab=${tabId}`));
  // The popup closes itself once the site is paused (as a real popup would), so click without waiting on it.
  const closed = popup.waitForEvent('close');
  await popup.getByLabel('Pause on 127.0.0.1').evaluate((box: HTMLInputElement) => box.click());
  await closed;
  await expect.poll(() => paintedCount(page)).toBe(0);
  await expect.poll(() => ext.badgeText(tabId)).toBe('');

  const options = await context.newPage();
  await options.goto(ext.url('options.html'));
  await expect(options.getByLabel('Never scan these sites (one per line)')).toHaveValue(
    '127.0.0.1',
  );
  await options.getByLabel('Never scan these sites (one per line)').fill('');
  await options.getByRole('button', { name: 'Save' }).click();
  await expect.poll(() => paintedCount(page)).toBe(9);
});

test('"Try it" shows what a profile matches in pasted text, and why', async ({ ext, context }) => {
  await ext.writeSettings({
    brands: [{ name: 'Otto', terms: ['Otto'], exclude: ['Otto Waalkes'] }],
  });
  const options = await context.newPage();
  await options.goto(ext.url('options.html'));
  await options
    .getByLabel('Text to try')
    .fill('Ottos Angebote. Otto Waalkes lacht. Lotto gewinnt.');
  const findings = options
    .getByRole('listitem')
    .filter({ hasText: /Highlighted|Excluded|Part of a longer word/ });
  await expect(findings.filter({ hasText: 'Highlighted' })).toContainText('as genitive');
  await expect(findings.filter({ hasText: 'Excluded' })).toContainText('Otto Waalkes');
  // "otto" inside "Lotto": not a whole word, with a hint how to count such hits.
  await expect(findings.filter({ hasText: 'Part of a longer word' })).toContainText(
    'Also inside compound words',
  );
});

test('the next-hit / previous-hit shortcuts step through the hits in page order', async ({
  ext,
  context,
  server,
}) => {
  await ext.writeSettings(DEMO_SETTINGS);
  const page = await context.newPage();
  await page.goto(server.url('results.html'));
  await expect.poll(() => paintedCount(page)).toBe(9);
  const tabId = await ext.tabIdOf(page);
  // What the worker does on the command (the browser's shortcut itself cannot be pressed headless).
  const step = (direction: 1 | -1) =>
    ext
      .currentWorker()
      .evaluate(
        ([id, s]) =>
          chrome.tabs.sendMessage(id, { type: 'content/step', args: { step: s } }, { frameId: 0 }),
        [tabId, direction] as const,
      );
  await step(1);
  await expect
    .poll(() => highlightRanges(page).then((r) => r['markenlotse-focus']))
    .toEqual(['mueller-werkzeugbau']);
  await step(1);
  await expect
    .poll(() => highlightRanges(page).then((r) => r['markenlotse-focus']))
    .toEqual(['Müller Werkzeugbau GmbH']);
  await step(-1);
  await step(-1);
  // Before the first hit comes the last one: "müller werkzeugbau" in the related searches.
  await expect
    .poll(() => highlightRanges(page).then((r) => r['markenlotse-focus']))
    .toEqual(['müller werkzeugbau']);
});
