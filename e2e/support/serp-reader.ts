/**
 * Reading result pages with the results-page reader (src/content/serp) in a
 * plain Chromium page, for serp-corpus.spec.ts (real saved pages) and
 * serp-adapters.spec.ts (small hand-written ones).
 *
 * Every page is served at its real address (page.route), every other request
 * is aborted (no test touches the internet). Page scripts stay off: the pages
 * are fulfilled with a `script-src 'none'` policy, and JavaScript stays
 * enabled in the browser so that <noscript> content is not parsed as DOM (as
 * in a real browser) and Google's <noscript> meta refresh does not navigate
 * away. The reader is bundled with esbuild and injected with page.evaluate,
 * which the page's policy does not restrict.
 */
import { expect, test as base, type Page } from '@playwright/test';
import type * as SerpApi from '../../src/content/serp/index.ts';
import { SERP_GLOBAL, serpBundle } from './page-bundle.ts';

/**
 * One page per worker, reused by every test (a fresh context per test costs
 * more than the reading itself); `serve` resets its routes. Traces keep no
 * DOM snapshots: the saved pages are up to 2 MB.
 */
export const test = base.extend<{ page: Page }, { workerPage: Page }>({
  workerPage: [
    async ({ browser }, use) => {
      const context = await browser.newContext();
      const page = await context.newPage();
      await use(page);
      await context.close();
    },
    { scope: 'worker' },
  ],
  page: async ({ workerPage }, use) => {
    const errors: string[] = [];
    const onError = (e: Error) => errors.push(e.message);
    workerPage.on('pageerror', onError);
    await use(workerPage);
    workerPage.off('pageerror', onError);
    await workerPage.unrouteAll({ behavior: 'ignoreErrors' });
    expect(errors, 'errors thrown in the page').toEqual([]);
  },
});

export interface PlainResult {
  rank: number;
  kind: SerpApi.ResultKind;
  title: string;
  url: string;
  snippet: string;
  /** The root contains the title element, and the link (when there is one). */
  rootHoldsTitle: boolean;
  titleTag: string;
}

export interface PlainPage {
  engine: string;
  adapter: string;
  query: string;
  page: number;
  lateResults: boolean;
  results: PlainResult[];
  /** No ad root contains, or lies inside, a non-ad result's root. */
  adsApart: boolean;
}

/** Serve `html` at `url`, abort everything else, inject the reader. */
export async function serve(page: Page, url: string, html: string | Buffer): Promise<void> {
  const target = new URL(url).href;
  await page.unrouteAll({ behavior: 'ignoreErrors' });
  await page.route('**/*', (route) => {
    if (route.request().url() === target) {
      return route.fulfill({
        body: html,
        contentType: 'text/html; charset=utf-8',
        headers: { 'content-security-policy': "script-src 'none'" },
      });
    }
    return route.abort();
  });
  await page.goto(target);
  await page.evaluate(await serpBundle());
}

export async function read(
  page: Page,
  url: string,
  disableEngineAdapters = false,
): Promise<PlainPage | null> {
  return page.evaluate(
    ({ url, disableEngineAdapters, name }) => {
      const serp = (globalThis as unknown as Record<string, typeof SerpApi>)[name];
      if (!serp) throw new Error('reader not injected');
      const p = serp.readSerp(document, url, { disableEngineAdapters });
      if (!p) return null;
      const ads = p.results.filter((r) => r.kind === 'ad');
      const others = p.results.filter((r) => r.kind !== 'ad');
      const adsApart = ads.every((a) =>
        others.every((o) => !a.root.contains(o.root) && !o.root.contains(a.root)),
      );
      return {
        engine: p.engine,
        adapter: p.adapter,
        query: p.query,
        page: p.page,
        lateResults: p.lateResults,
        adsApart,
        results: p.results.map((r) => ({
          rank: r.rank,
          kind: r.kind,
          title: r.title,
          url: r.url,
          snippet: r.snippet,
          rootHoldsTitle:
            r.root.contains(r.titleElement) && (!r.linkElement || r.root.contains(r.linkElement)),
          titleTag: r.titleElement.tagName.toLowerCase(),
        })),
      };
    },
    { url, disableEngineAdapters, name: SERP_GLOBAL },
  );
}

export async function mustRead(
  page: Page,
  url: string,
  disableEngineAdapters = false,
): Promise<PlainPage> {
  const p = await read(page, url, disableEngineAdapters);
  expect(p, `readSerp returned null for ${url}`).not.toBeNull();
  return p as PlainPage;
}

export const ofKind = (p: PlainPage, kind: SerpApi.ResultKind): PlainResult[] =>
  p.results.filter((r) => r.kind === kind);
export const pairs = (rs: PlainResult[]): [string, string][] => rs.map((r) => [r.title, r.url]);
export const oneTo = (n: number): number[] => Array.from({ length: n }, (_, i) => i + 1);
export const hostOf = (u: string): string => new URL(u).hostname;

export function expectWellFormed(p: PlainPage): void {
  for (const kind of ['organic', 'ad', 'news', 'video'] as const) {
    expect(
      ofKind(p, kind).map((r) => r.rank),
      `${kind} ranks`,
    ).toEqual(oneTo(ofKind(p, kind).length));
  }
  expect(p.adsApart, 'ads and organic results share no container').toBe(true);
  for (const r of p.results) {
    expect(r.rootHoldsTitle, `root of "${r.title}" holds its title and link`).toBe(true);
    expect(r.title).not.toBe('');
    expect(r.url).toMatch(/^https?:\/\//);
  }
}

export { expect };
