/**
 * Pages that change: results that arrive as you scroll, single-page apps that
 * replace their content, text that changes in place, shadow roots, frames.
 * Counts are checked against the hits the fixture was written with.
 */
import { expect, highlightRanges, paintedCount, test } from './support/chromium.ts';
import { shareOfColour, textBoxInPage } from './support/pixels.ts';

const ACME = { brands: [{ name: 'ACME', color: '#4fc3f7', terms: ['ACME'] }] };

test('keeps the count right as a page appends, removes, edits and replaces its content', async ({
  ext,
  context,
  server,
}) => {
  await ext.writeSettings(ACME);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(server.url('dynamic.html'));
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
  const frame = page.frame({ url: /frame\.html$/ });
  expect(frame).not.toBeNull();
  if (frame) await expect.poll(() => paintedCount(frame)).toBe(1);
  const tabId = await ext.tabIdOf(page);
  await expect.poll(() => ext.badgeText(tabId)).toBe('11');

  await page.evaluate(() =>
    (window as unknown as { appendResults(n: number): void }).appendResults(10),
  );
  await expect.poll(() => paintedCount(page)).toBe(30);

  await page.evaluate(() => (window as unknown as { removeFirst(): void }).removeFirst());
  await expect.poll(() => paintedCount(page)).toBe(28);

  await page.evaluate(() => {
    const headline = document.getElementById('headline')?.firstChild as Text;
    headline.data = 'Neues von ACME und ACME';
  });
  await expect.poll(() => paintedCount(page)).toBe(29);

  await page.evaluate(() => (window as unknown as { replaceContent(): void }).replaceContent());
  // headline 2 + shadow 1 + the new content 1
  await expect.poll(() => paintedCount(page)).toBe(4);
  await expect.poll(() => ext.badgeText(tabId)).toBe('5');
  expect(errors).toEqual([]);
});

test('a page that changes its text every 16 ms does not keep the scanner busy', async ({
  ext,
  context,
  server,
}) => {
  await ext.writeSettings(ACME);
  const page = await context.newPage();
  await page.goto(server.url('dynamic.html'));
  await expect.poll(() => paintedCount(page)).toBe(10);
  const tabId = await ext.tabIdOf(page);
  const start = await ext.contentState(tabId);
  await page.evaluate(() => (window as unknown as { startCounter(): void }).startCounter());
  await page.waitForTimeout(2000);
  await page.evaluate(() => (window as unknown as { stopCounter(): void }).stopCounter());
  const end = await ext.contentState(tabId);
  // ~125 text changes in 2 s are coalesced into at most one rescan per 150 ms.
  const rescans = end.stats.rescans - start.stats.rescans;
  expect(rescans).toBeGreaterThan(0);
  expect(rescans).toBeLessThanOrEqual(15);
  expect(end.stats.fullPasses).toBe(start.stats.fullPasses);
  expect(end.total).toBe(10);
});

test('names in hidden text light up when the page shows it: accordion, <details>, hidden attribute', async ({
  ext,
  context,
  server,
}) => {
  await ext.writeSettings(ACME);
  const page = await context.newPage();
  await page.goto(server.url('reveal.html'));
  const tabId = await ext.tabIdOf(page);
  // Only the heading is visible; four names wait in closed or hidden elements.
  await expect.poll(() => paintedCount(page)).toBe(1);

  await page.click('#toggle');
  await expect.poll(() => paintedCount(page)).toBe(2);
  await page.click('#details summary');
  await expect.poll(() => paintedCount(page)).toBe(3);
  await page.evaluate(() => document.getElementById('inline')?.removeAttribute('hidden'));
  await expect.poll(() => paintedCount(page)).toBe(4);
  await expect.poll(() => ext.badgeText(tabId)).toBe('4');

  // One name stays hidden, so attribute changes are still watched: a page
  // animating a class and a style every 16 ms must not keep the scanner busy.
  const start = await ext.contentState(tabId);
  await page.evaluate(() => (window as unknown as { startAnimating(): void }).startAnimating());
  await page.waitForTimeout(2000);
  await page.evaluate(() => (window as unknown as { stopAnimating(): void }).stopAnimating());
  const end = await ext.contentState(tabId);
  expect(end.stats.rescans - start.stats.rescans).toBeLessThanOrEqual(1);
  expect(end.total).toBe(4);
  expect(await highlightRanges(page)).toMatchObject({
    'markenlotse-0': ['ACME', 'ACME', 'ACME', 'ACME'],
  });
});

test('a page that rehydrates like a framework keeps working, without errors caused by the extension', async ({
  ext,
  context,
  server,
}) => {
  await ext.writeSettings(ACME);
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(message.text());
  });
  page.on('pageerror', (error) => problems.push(error.message));
  await page.goto(server.url('hydrate.html'));
  await page.waitForFunction(() => (window as unknown as { hydrated?: boolean }).hydrated === true);
  await expect
    .poll(() => highlightRanges(page))
    .toEqual({ 'markenlotse-0': ['ACME', 'ACME GmbH'], 'markenlotse-focus': [] });
  expect(problems).toEqual([]);
});

test('highlights are painted under a strict CSP (style-src none)', async ({
  ext,
  context,
  server,
}) => {
  await ext.writeSettings({
    brands: [{ name: 'Müller Werkzeugbau', color: '#ff00ff', terms: ['Müller Werkzeugbau'] }],
  });
  const page = await context.newPage();
  const response = await page.goto(server.url('csp/results.html'));
  expect(response?.headers()['content-security-policy']).toContain("style-src 'none'");
  await expect.poll(() => paintedCount(page)).toBeGreaterThan(0);
  // The brand colour really is on screen: the adopted stylesheet is not blocked by the CSP.
  const box = await page.evaluate(() => {
    const link = document.querySelector('h3 a');
    const rect = link?.getBoundingClientRect();
    return rect
      ? { x: rect.x, y: rect.y, width: Math.min(rect.width, 200), height: rect.height }
      : null;
  });
  if (!box) throw new Error('the fixture has a result title');
  expect(shareOfColour(await page.screenshot({ clip: box }), [255, 0, 255])).toBeGreaterThan(0.2);
});

test('the <mark> fallback paints the same hits and removes its marks without a trace', async ({
  ext,
  context,
  server,
}) => {
  await ext.writeSettings({ ...ACME, highlightMethod: 'marks' });
  const page = await context.newPage();
  await page.goto(server.url('dynamic.html'));
  const marks = () =>
    page.evaluate(() =>
      [...document.querySelectorAll('mark[data-markenlotse]')].map((m) => m.textContent),
    );
  // Marks of one hit across elements are two elements ("AC" in <b>, "ME GmbH" after it).
  await expect.poll(async () => (await marks()).length).toBeGreaterThanOrEqual(9);
  const tabId = await ext.tabIdOf(page);
  expect((await ext.contentState(tabId)).painter).toBe('mark-elements');
  expect((await ext.contentState(tabId)).total).toBe(10);
  await page.evaluate(() =>
    (window as unknown as { appendResults(n: number): void }).appendResults(2),
  );
  await expect.poll(async () => (await ext.contentState(tabId)).total).toBe(14);

  await ext.writeSettings(ACME);
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

test('inside an open shadow root under a strict CSP the brand colour is painted too', async ({
  ext,
  context,
  server,
}) => {
  await ext.writeSettings({ brands: [{ name: 'ACME', color: '#ff00ff', terms: ['ACME'] }] });
  const page = await context.newPage();
  await page.goto(server.url('csp/shadow.html'));
  await expect
    .poll(() => highlightRanges(page))
    .toEqual({ 'markenlotse-0': ['ACME', 'ACME'], 'markenlotse-focus': [] });
  for (const selector of ['#light', '#host']) {
    const box = await page.evaluate(textBoxInPage, selector);
    if (!box) throw new Error(`${selector} has no text`);
    expect(
      shareOfColour(await page.screenshot({ clip: box }), [255, 0, 255]),
      selector,
    ).toBeGreaterThan(0.15);
  }
});

test('hits cross inline elements within a block, never a block boundary', async ({
  ext,
  context,
  server,
}) => {
  await ext.writeSettings({
    brands: [
      { name: 'ACME', terms: ['ACME', 'ACME Robotics'] },
      { name: 'Müller Werkzeugbau', terms: ['Müller Werkzeugbau'] },
    ],
  });
  const page = await context.newPage();
  await page.goto(server.url('blocks.html'));
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
