/**
 * The text walk and the scanner in a real page, without the extension around
 * them: what they do when the page changes between two blocks, as it may
 * while the full pass yields to the page (a framework replacing its content
 * as it loads).
 */
import { expect, test, type Page } from '@playwright/test';
import { pageBundle } from './support/page-bundle.ts';
import type * as Api from './support/scanner-entry.ts';

const GLOBAL = '__markenlotseScan';
/**
 * Filler that makes a paragraph long enough for the scanner to read its clock
 * after it (it reads it every few thousand characters): with the clock made
 * to run fast, every such paragraph ends a slice.
 */
const FILLER = ' und so weiter'.repeat(320);
const bundle = (): Promise<string> => pageBundle('e2e/support/scanner-entry.ts', GLOBAL);

const PAGE = `<!doctype html><body>
<div id="a"><p>eins</p></div>
<div id="b"><p id="b1">zwei</p><p id="b2">drei</p></div>
<div id="c"><p>vier</p></div>
<div id="d"><p>fünf</p></div>
</body>`;

interface WalkOutcome {
  texts: string[];
  lost: boolean;
}

/**
 * Walks the page's body; right after the block whose text is `after` was
 * yielded, removes the element `remove` (a selector), then walks on.
 */
function walkRemoving(page: Page, after: string, remove: string) {
  return page.evaluate(
    ({ name, after, remove }): WalkOutcome => {
      const api = (globalThis as unknown as Record<string, typeof Api>)[name];
      if (!api) throw new Error('the scanner bundle is not loaded');
      let lost = false;
      const texts: string[] = [];
      for (const block of api.walkBlocks(document.body, { onLost: () => (lost = true) })) {
        const text = block.text.trim();
        if (text) texts.push(text);
        if (text === after) document.querySelector(remove)?.remove();
      }
      return { texts, lost };
    },
    { name: GLOBAL, after, remove },
  );
}

test.beforeEach(async ({ page }) => {
  await page.setContent(PAGE);
  await page.evaluate(await bundle());
});

test('the page removes the block just walked: the walk goes on with what followed it', async ({
  page,
}) => {
  expect(await walkRemoving(page, 'zwei', '#b1')).toEqual({
    texts: ['eins', 'zwei', 'drei', 'vier', 'fünf'],
    lost: false,
  });
  // The last block of its parent: the walk leaves the parent and goes on.
  await page.setContent(PAGE);
  await page.evaluate(await bundle());
  expect(await walkRemoving(page, 'drei', '#b2')).toEqual({
    texts: ['eins', 'zwei', 'drei', 'vier', 'fünf'],
    lost: false,
  });
});

test('the page removes the part the walk is in: the walk ends and says so', async ({ page }) => {
  // "drei" is the last block in #b; with #b gone there is no way on from it.
  const outcome = await walkRemoving(page, 'drei', '#b');
  expect(outcome.lost).toBe(true);
  expect(outcome.texts.slice(0, 3)).toEqual(['eins', 'zwei', 'drei']);
});

test('nothing removed: every block once, in document order, nothing lost', async ({ page }) => {
  expect(await walkRemoving(page, 'none', '#x')).toEqual({
    texts: ['eins', 'zwei', 'drei', 'vier', 'fünf'],
    lost: false,
  });
});

test('a full pass that loses its place starts over and finds every name', async ({ page }) => {
  await page.setContent(
    `<!doctype html><body><div id="app"><p>ACME eins${FILLER}</p><div id="b"><p>ACME zwei${FILLER}</p>` +
      `<p>ACME drei${FILLER}</p></div></div><footer><p>ACME im Fuß${FILLER}</p></footer></body>`,
  );
  await page.evaluate(await bundle());
  const outcome = await page.evaluate(async (name) => {
    const api = (globalThis as unknown as Record<string, typeof Api>)[name];
    if (!api) throw new Error('the scanner bundle is not loaded');
    const { scanner, matcher } = api.acmeScanner();
    // Every block makes the pass yield (its clock runs fast), and at the third
    // yield the page takes away the part the pass is in.
    const restoreClock = api.fastClock();
    let yields = 0;
    scanner.onChange = () => {
      if (++yields === 3) document.getElementById('b')?.remove();
    };
    await scanner.start(matcher);
    restoreClock();
    return { total: scanner.total, fullPasses: scanner.stats.fullPasses };
  }, GLOBAL);
  // "eins" and the footer; "zwei" and "drei" went with #b. The pass started over once.
  expect(outcome).toEqual({ total: 2, fullPasses: 2 });
});

test('a page that replaces its content is rescanned in slices; changes during the rescan are caught', async ({
  page,
}) => {
  await page.setContent(
    '<!doctype html><body><div id="app"><p>ACME alt</p></div><footer><p>ACME unten</p></footer></body>',
  );
  const paragraphs = Array.from({ length: 50 }, (_, i) => `<p>ACME ${i}${FILLER}</p>`).join('');
  await page.evaluate(await bundle());
  const outcome = await page.evaluate(
    async ({ name, paragraphs }) => {
      const api = (globalThis as unknown as Record<string, typeof Api>)[name];
      if (!api) throw new Error('the scanner bundle is not loaded');
      const { scanner, matcher } = api.acmeScanner();
      await scanner.start(matcher);
      const before = scanner.total;

      // From here every block ends a slice (the scanner's clock runs fast).
      const restoreClock = api.fastClock();
      let slices = 0;
      let done: () => void = () => undefined;
      const settled = new Promise<void>((resolve) => (done = resolve));
      scanner.onChange = () => {
        slices++;
        // Midway through the rescan the page adds more.
        if (slices === 5)
          document
            .getElementById('app')
            ?.insertAdjacentHTML(
              'beforeend',
              '<p>ACME neu 1</p><p>ACME neu 2</p><p>ACME neu 3</p>',
            );
        if (scanner.total === 54) done();
      };
      const app = document.getElementById('app');
      if (app) app.innerHTML = paragraphs;
      await Promise.race([settled, new Promise((resolve) => setTimeout(resolve, 5000))]);
      restoreClock();
      return { before, after: scanner.total, slices, rescans: scanner.stats.rescans };
    },
    { name: GLOBAL, paragraphs },
  );
  // 50 new paragraphs + 3 added during the rescan + the footer; "ACME alt" is gone.
  expect(outcome.before).toBe(2);
  expect(outcome.after).toBe(54);
  expect(outcome.slices).toBeGreaterThanOrEqual(50);
  expect(outcome.rescans).toBe(2);
});

test('hits stay in document order through rescans: added before, between, inside and around what was found', async ({
  page,
}) => {
  await page.setContent(
    '<!doctype html><body><div id="top"><p>ACME 1</p></div>' +
      '<div id="mid">ACME 2 <p id="inner">ACME 3</p> ACME 4</div><ul id="list"><li>ACME 5</li></ul></body>',
  );
  await page.evaluate(await bundle());
  const outcome = await page.evaluate(async (name) => {
    const api = (globalThis as unknown as Record<string, typeof Api>)[name];
    if (!api) throw new Error('the scanner bundle is not loaded');
    const { scanner, matcher } = api.acmeScanner();
    await scanner.start(matcher);
    /** The order the DOM gives: text nodes by a TreeWalker, then offsets. */
    const misplaced = (): number => {
      const index = new Map<Node, number>();
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(), i = 0; n; n = walker.nextNode(), i++) index.set(n, i);
      const hits = scanner.hitsInOrder();
      const key = (h: (typeof hits)[number]): number =>
        (index.get(h.range.startContainer) ?? -1) * 1e6 + h.range.startOffset;
      const expected = [...hits].sort((a, b) => key(a) - key(b));
      return hits.filter((h, i) => h !== expected[i]).length;
    };
    const settle = async (): Promise<void> => {
      await new Promise((resolve) => setTimeout(resolve, 400));
      while (scanner.busy) await new Promise((resolve) => setTimeout(resolve, 50));
    };
    const steps: { total: number; misplaced: number }[] = [];
    const record = (): void => void steps.push({ total: scanner.total, misplaced: misplaced() });
    record();
    // Every block ends a rescan slice from here (a subtree's hits come in several).
    const restoreClock = api.fastClock();
    const filler = ' und so weiter'.repeat(320);
    const el = (id: string): HTMLElement => document.getElementById(id) as HTMLElement;
    el('top').insertAdjacentHTML('beforebegin', '<p>ACME 0a</p><p>ACME 0b</p>');
    await settle();
    record();
    el('inner').insertAdjacentHTML(
      'afterend',
      `<section>ACME 3a${filler} <p>ACME 3b${filler}</p> ACME 3c${filler}</section>`,
    );
    await settle();
    record();
    el('mid').append(' ACME 4a');
    el('top').append(document.createTextNode(' ACME 1a'));
    await settle();
    record();
    el('list').prepend(el('top')); // moved after what was before it
    await settle();
    record();
    restoreClock();
    return steps;
  }, GLOBAL);
  expect(outcome).toEqual([
    { total: 5, misplaced: 0 },
    { total: 7, misplaced: 0 },
    { total: 10, misplaced: 0 },
    { total: 12, misplaced: 0 },
    { total: 12, misplaced: 0 },
  ]);
});

test('10,000 hits in flat paragraphs: the order is there without a long task', async ({ page }) => {
  await page.setContent(
    `<!doctype html><body>${'<p>ACME eins, ACME zwei</p>'.repeat(5000)}</body>`,
  );
  await page.evaluate(await bundle());
  const outcome = await page.evaluate(async (name) => {
    const api = (globalThis as unknown as Record<string, typeof Api>)[name];
    if (!api) throw new Error('the scanner bundle is not loaded');
    const { scanner, matcher } = api.acmeScanner();
    await scanner.start(matcher);
    const started = performance.now();
    const count = scanner.hitsInOrder().length;
    return { count, ms: performance.now() - started };
  }, GLOBAL);
  expect(outcome.count).toBe(10_000);
  // Sorting with compareDocumentPosition took 1.2 s here (issue 15).
  expect(outcome.ms).toBeLessThan(50);
});

test('a pass over a document without its root element: nothing thrown, the root scanned once back', async ({
  page,
}) => {
  await page.setContent('<!doctype html><body><p>ACME eins</p><p>ACME zwei</p></body>');
  await page.evaluate(await bundle());
  const outcome = await page.evaluate(async (name) => {
    const api = (globalThis as unknown as Record<string, typeof Api>)[name];
    if (!api) throw new Error('the scanner bundle is not loaded');
    const root = document.documentElement;
    root.remove();
    const { scanner, matcher } = api.acmeScanner();
    await scanner.start(matcher);
    const without = scanner.total;
    document.appendChild(root);
    await new Promise((resolve) => setTimeout(resolve, 400));
    while (scanner.busy) await new Promise((resolve) => setTimeout(resolve, 50));
    return { without, back: scanner.total };
  }, GLOBAL);
  expect(outcome).toEqual({ without: 0, back: 2 });
});
