/**
 * Hostile pages (issue 10, "pages"): what a page does in its own world does
 * not reach the content script. The page (fixtures/hostile.html) breaks,
 * before the content script starts, Array, JSON, Object, Map, String and
 * RegExp methods, DOM methods and getters, the Highlight API (window.CSS,
 * Highlight, HighlightRegistry), MutationObserver and the other observers,
 * Promise, timers and event listeners, pollutes Object.prototype, and its own
 * MutationObserver throws on every change. It then adds a paragraph with a
 * name; after 5 s it writes down what is painted and puts everything back.
 */
import { expect, test } from '../support/story.ts';

// The heading, the list item, the paragraph added later, and AC<b>ME</b> GmbH (with its legal form).
const EXPECTED = ['ACME', 'ACME', 'ACME', 'ACME GmbH'];

test('a page that breaks builtins, the DOM, the Highlight API and MutationObserver in its world: every name painted, the late one too', async ({
  driver,
  server,
}) => {
  await driver.writeSettings({ brands: [{ name: 'ACME', terms: ['ACME'] }] });
  const page = await driver.openWebPage(server.url('hostile.html'));
  const tabId = await driver.tabIdOf(page);
  await page.waitFor({ css: 'html[data-restored]' });

  const painted = await page.evaluate(() =>
    document.getElementById('painted')!.getAttribute('data-texts'),
  );
  expect(painted?.split('|')).toEqual(EXPECTED);
  await expect.poll(() => driver.badgeText(tabId)).toBe(String(EXPECTED.length));
  await expect.poll(() => driver.contentState(tabId).then((s) => s.total)).toBe(EXPECTED.length);
  // Only the page's own errors: its observer throwing, nothing of ours.
  expect(page.errors.filter((e) => !e.includes('hostile page:'))).toEqual([]);
  expect(page.errors.length).toBeGreaterThan(0);
});
