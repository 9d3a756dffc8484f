/**
 * Pages that change, in Chromium and in Firefox: results that arrive as you
 * scroll, single-page apps that replace their content, text that changes in
 * place, hidden text shown later, shadow roots, frames, strict CSPs.
 * Counts are checked against the hits the fixture was written with.
 */
import { expect, highlightRanges, paintedCount, test, type PageDriver } from '../support/story.ts';
import { shareOfColour, textBoxInPage } from '../support/pixels.ts';

const ACME = { brands: [{ name: 'ACME', color: '#4fc3f7', terms: ['ACME'] }] };
const MAGENTA: [number, number, number] = [255, 0, 255];

/** Calls a function the fixture page defines on its window. */
function callPage(page: PageDriver, name: string, ...args: number[]): Promise<void> {
  return page.evaluate(
    ({ name, args }) => {
      const fn = (window as unknown as Record<string, (...a: number[]) => void>)[name];
      if (!fn) throw new Error(`the page has no ${name}()`);
      fn(...args);
    },
    { name, args },
  );
}

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

test('keeps the count right as a page appends, removes, edits and replaces its content', async ({
  driver,
  server,
}) => {
  await driver.writeSettings(ACME);
  const page = await driver.openWebPage(server.url('dynamic.html'));
  const before = await page.evaluate(() => document.documentElement.outerHTML);

  // h1 1 + three results with two hits each ("ACME", "AC<b>ME</b> GmbH") 6 + table 1 + list 1
  // ("acme" in lower case does not count for a short all-caps term) + open shadow root 1.
  // Nothing in hidden, script, noscript, template, textarea, input, select or contenteditable.
  await expect.poll(() => paintedCount(page)).toBe(10);
  expect(await highlightRanges(page)).toMatchObject({
    'markenlotse-0': expect.arrayContaining(['ACME GmbH', 'ACME']),
  });
  expect(await page.evaluate(() => document.documentElement.outerHTML)).toBe(before);

  // The same-origin frame has its own content script; the badge adds up all frames.
  const frame = page.frame(/frame\.html$/);
  expect(frame).not.toBeNull();
  if (frame) await expect.poll(() => paintedCount(frame)).toBe(1);
  const tabId = await driver.tabIdOf(page);
  await expect.poll(() => driver.badgeText(tabId)).toBe('11');

  await callPage(page, 'appendResults', 10);
  await expect.poll(() => paintedCount(page)).toBe(30);

  await callPage(page, 'removeFirst');
  await expect.poll(() => paintedCount(page)).toBe(28);

  await page.evaluate(() => {
    const headline = document.getElementById('headline')?.firstChild as Text;
    headline.data = 'Neues von ACME und ACME';
  });
  await expect.poll(() => paintedCount(page)).toBe(29);

  await callPage(page, 'replaceContent');
  // headline 2 + shadow 1 + the new content 1
  await expect.poll(() => paintedCount(page)).toBe(4);
  await expect.poll(() => driver.badgeText(tabId)).toBe('5');
  expect(page.errors).toEqual([]);
});

test('a page that changes its text every 16 ms does not keep the scanner busy', async ({
  driver,
  server,
}) => {
  await driver.writeSettings(ACME);
  const page = await driver.openWebPage(server.url('dynamic.html'));
  await expect.poll(() => paintedCount(page)).toBe(10);
  const tabId = await driver.tabIdOf(page);
  const start = await driver.contentState(tabId);
  await callPage(page, 'startCounter');
  await sleep(2000);
  await callPage(page, 'stopCounter');
  const end = await driver.contentState(tabId);
  // ~125 text changes in 2 s are coalesced into at most one rescan per 150 ms.
  const rescans = end.stats.rescans - start.stats.rescans;
  expect(rescans).toBeGreaterThan(0);
  expect(rescans).toBeLessThanOrEqual(15);
  expect(end.stats.fullPasses).toBe(start.stats.fullPasses);
  expect(end.total).toBe(10);
});

test('names in hidden text light up when the page shows it: accordion, <details>, hidden attribute', async ({
  driver,
  server,
}) => {
  await driver.writeSettings(ACME);
  const page = await driver.openWebPage(server.url('reveal.html'));
  const tabId = await driver.tabIdOf(page);
  // Only the heading is visible; four names wait in closed or hidden elements.
  await expect.poll(() => paintedCount(page), { timeout: 15_000 }).toBe(1);

  await page.click({ css: '#toggle' });
  await expect.poll(() => paintedCount(page)).toBe(2);
  await page.click({ css: '#details summary' });
  await expect.poll(() => paintedCount(page)).toBe(3);
  await page.evaluate(() => document.getElementById('inline')?.removeAttribute('hidden'));
  await expect.poll(() => paintedCount(page)).toBe(4);
  await expect.poll(() => driver.badgeText(tabId)).toBe('4');

  // One name stays hidden, so attribute changes are still watched: a page
  // animating a class and a style every 16 ms must not keep the scanner busy.
  const start = await driver.contentState(tabId);
  await callPage(page, 'startAnimating');
  await sleep(2000);
  await callPage(page, 'stopAnimating');
  const end = await driver.contentState(tabId);
  expect(end.stats.rescans - start.stats.rescans).toBeLessThanOrEqual(1);
  expect(end.total).toBe(4);
  expect(await highlightRanges(page)).toMatchObject({
    'markenlotse-0': ['ACME', 'ACME', 'ACME', 'ACME'],
  });
});

test('a page that rehydrates like a framework keeps working, without errors caused by the extension', async ({
  driver,
  server,
}) => {
  await driver.writeSettings(ACME);
  const page = await driver.openWebPage(server.url('hydrate.html'));
  await expect
    .poll(() => page.evaluate(() => (window as unknown as { hydrated?: boolean }).hydrated))
    .toBe(true);
  await expect
    .poll(() => highlightRanges(page))
    .toEqual({ 'markenlotse-0': ['ACME', 'ACME GmbH'], 'markenlotse-focus': [] });
  expect([...page.consoleErrors, ...page.errors]).toEqual([]);
});

test('highlights are painted under a strict CSP (style-src none)', async ({ driver, server }) => {
  await driver.writeSettings({
    brands: [{ name: 'Müller Werkzeugbau', color: '#ff00ff', terms: ['Müller Werkzeugbau'] }],
  });
  const page = await driver.openWebPage(server.url('csp/results.html'));
  expect(page.served?.headers['content-security-policy']).toContain("style-src 'none'");
  await expect.poll(() => paintedCount(page), { timeout: 15_000 }).toBeGreaterThan(0);
  // The brand colour really is on screen: the adopted stylesheet is not blocked by the CSP.
  const box = await page.evaluate(() => {
    const link = document.querySelector('h3 a');
    const rect = link?.getBoundingClientRect();
    return rect
      ? { x: rect.x, y: rect.y, width: Math.min(rect.width, 200), height: rect.height }
      : null;
  });
  if (!box) throw new Error('the fixture has a result title');
  expect(shareOfColour(await page.screenshot(box), MAGENTA)).toBeGreaterThan(0.2);
});

test('inside an open shadow root under a strict CSP the brand colour is painted too', async ({
  driver,
  server,
}) => {
  // Firefox applies a page's CSP to <style> elements a content script inserts, and
  // document ::highlight() rules do not reach into shadow trees: both need the adopted sheet.
  await driver.writeSettings({ brands: [{ name: 'ACME', color: '#ff00ff', terms: ['ACME'] }] });
  const page = await driver.openWebPage(server.url('csp/shadow.html'));
  expect(page.served?.headers['content-security-policy']).toContain("style-src 'none'");
  await expect
    .poll(() => highlightRanges(page), { timeout: 15_000 })
    .toEqual({ 'markenlotse-0': ['ACME', 'ACME'], 'markenlotse-focus': [] });
  for (const selector of ['#light', '#host']) {
    // The box of the word itself (inline styles are blocked by the CSP, so the text is small).
    const box = await page.evaluate(textBoxInPage, selector);
    if (!box) throw new Error(`${selector} has no text`);
    expect(shareOfColour(await page.screenshot(box), MAGENTA), selector).toBeGreaterThan(0.15);
  }
});

test('the <mark> fallback paints the same hits and removes its marks without a trace', async ({
  driver,
  server,
}) => {
  await driver.writeSettings({ ...ACME, highlightMethod: 'marks' });
  const page = await driver.openWebPage(server.url('dynamic.html'));
  const marks = () =>
    page.evaluate(() =>
      [...document.querySelectorAll('mark[data-markenlotse]')].map((m) => m.textContent),
    );
  // Marks of one hit across elements are two elements ("AC" in <b>, "ME GmbH" after it).
  await expect.poll(async () => (await marks()).length).toBeGreaterThanOrEqual(9);
  const tabId = await driver.tabIdOf(page);
  expect((await driver.contentState(tabId)).painter).toBe('mark-elements');
  expect((await driver.contentState(tabId)).total).toBe(10);
  await callPage(page, 'appendResults', 2);
  await expect.poll(async () => (await driver.contentState(tabId)).total).toBe(14);

  await driver.writeSettings(ACME);
  await expect.poll(marks).toEqual([]);
  await expect.poll(() => paintedCount(page)).toBe(14);
  // Unwrapped, the markup is as the page wrote it.
  expect(
    await page.evaluate(() =>
      [...document.querySelectorAll('#results .r p')].map((p) => p.innerHTML),
    ),
  ).toEqual(Array<string>(5).fill('Über <b>AC</b>ME GmbH und mehr.'));
  expect(await page.evaluate(() => document.getElementById('headline')?.innerHTML)).toBe(
    'ACME Nachrichten',
  );
});

test('hits cross inline elements within a block, never a block boundary', async ({
  driver,
  server,
}) => {
  await driver.writeSettings({
    brands: [
      { name: 'ACME', terms: ['ACME', 'ACME Robotics'] },
      { name: 'Müller Werkzeugbau', terms: ['Müller Werkzeugbau'] },
    ],
  });
  const page = await driver.openWebPage(server.url('blocks.html'));
  await expect
    .poll(() => highlightRanges(page))
    .toEqual({
      // The heading's "ACME" is not "ACME GmbH" with the paragraph after it; "AC<span>ME</span> Robotics" is one hit.
      'markenlotse-0': ['ACME', 'ACME Robotics'],
      // A link and the text after it are one name; a line break counts as white space; table cells are separate blocks.
      // (A range's text leaves the <br> out: "Müller<br>Werkzeugbau" reads "MüllerWerkzeugbau".)
      'markenlotse-1': ['Müller Werkzeugbau', 'MüllerWerkzeugbau'],
      'markenlotse-focus': [],
    });

  // "<b>ACME</b>werke" is one word; a line break put in later makes "ACME" a name of its own.
  await page.evaluate(() => {
    const paragraph = document.getElementById('split-later');
    paragraph?.insertBefore(document.createElement('br'), paragraph.lastChild);
  });
  await expect
    .poll(async () => (await highlightRanges(page))['markenlotse-0']?.sort())
    .toEqual(['ACME', 'ACME', 'ACME Robotics']);
});
