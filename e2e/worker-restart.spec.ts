/// <reference types="chrome" />
/**
 * Chrome stops idle service workers at any time. Nothing may be lost when it
 * does: the badge, the sightings and the popup keep working after a restart.
 */
import { DEMO_SETTINGS, expect, highlightRanges, test } from './support/chromium.ts';

// Playwright's trace recorder hangs on a service worker that stops under it.
test.use({ trace: 'off' });

test('a stopped service worker loses nothing: badges and sightings carry on', async ({
  ext,
  context,
  server,
}) => {
  await ext.writeSettings(DEMO_SETTINGS);
  const first = await context.newPage();
  await first.goto(server.url('results.html'));
  const firstTab = await ext.tabIdOf(first);
  await expect.poll(() => ext.badgeText(firstTab)).toBe('9');

  // (Pages are opened before the stop: Playwright's newPage waits on the stopped worker.)
  const second = await context.newPage();
  await ext.stopWorker();

  // A new page wakes the worker through its report.
  await second.goto(`${server.url('results.html')}?again=1`);
  await expect.poll(() => highlightRanges(second).then((r) => r['markenlotse-0']?.length)).toBe(8);
  const worker = ext.currentWorker();
  const badge = (tabId: number) =>
    worker.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId);
  const secondTab = await ext.tabIdOf(second);
  await expect.poll(() => badge(secondTab)).toBe('9');
  expect(await badge(firstTab)).toBe('9');

  await expect
    .poll(async () => (await ext.log()).sightings.map((s) => s.url).sort())
    .toEqual([server.url('results.html'), `${server.url('results.html')}?again=1`]);
});
