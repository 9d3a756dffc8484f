/**
 * Chrome stops idle service workers at any time. Nothing may be lost when it
 * does: the badge, the sightings and the popup keep working after a restart.
 * (Chromium alone: only chrome://serviceworker-internals stops a worker.)
 */
import { expect, highlightRanges, test } from './support/chromium.ts';

// Playwright's trace recorder hangs on a service worker that stops under it.
test.use({ trace: 'off' });

test('a stopped service worker loses nothing: badges and sightings carry on', async ({
  driver,
  server,
}) => {
  const first = await driver.openDemoTab();
  await expect.poll(() => driver.badgeText(first.tabId)).toBe('9');

  // (Pages are opened before the stop: Playwright's newPage waits on the stopped worker.
  // The log is read from an extension page, so that one is opened now as well.)
  const second = await driver.openWebPage('about:blank');
  // The first page's sighting is written once the worker has its recording mode
  // (the badge does not wait for it); what is written must outlive the stop.
  await expect
    .poll(async () => (await driver.log()).sightings.map((s) => s.url))
    .toEqual([server.url('results.html')]);
  await driver.stopWorker();

  // A new page wakes the worker through its report.
  await second.goto(`${first.url}?again=1`);
  await expect.poll(() => highlightRanges(second).then((r) => r['markenlotse-0']?.length)).toBe(8);
  const secondTab = await driver.tabIdOf(second);
  await expect.poll(() => driver.badgeText(secondTab)).toBe('9');
  expect(await driver.badgeText(first.tabId)).toBe('9');

  await expect
    .poll(async () => (await driver.log()).sightings.map((s) => s.url).sort())
    .toEqual([server.url('results.html'), `${server.url('results.html')}?again=1`]);
});
