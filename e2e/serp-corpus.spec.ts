/**
 * The results-page reader on real saved result pages (../shared/corpus/serp,
 * or CORPUS_DIR/serp; they are not part of this repository), with its engine
 * adapter and with the generic fallback. What each page must yield is in
 * serp-expected/<page>.json, read off the saved page by hand; the reasons
 * behind the less obvious numbers are in its "notes".
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  expect,
  expectWellFormed,
  hostOf,
  mustRead,
  ofKind,
  pairs,
  serve,
  test,
} from './support/serp-reader.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
const CORPUS_DIR = process.env.CORPUS_DIR ?? path.resolve(here, '../../shared/corpus');
const SERP_DIR = path.join(CORPUS_DIR, 'serp');
const HAVE_CORPUS = fs.existsSync(SERP_DIR);
const NO_CORPUS = `corpus of saved result pages not found at ${SERP_DIR} (set CORPUS_DIR to the folder holding serp/)`;
const EXPECTED_DIR = path.join(here, 'serp-expected');

test.describe.configure({ mode: 'parallel' });
test.use({ trace: { mode: 'retain-on-failure', snapshots: false, screenshots: false } });

/** What a saved page must yield: serp-expected/<page>.json. */
interface CorpusCase {
  /** The saved page, in the corpus folder: the data file's name with .html. */
  file: string;
  /** Why some numbers are what they are, by field. */
  notes?: Record<string, string>;
  /** The address the page is served at. */
  url: string;
  engine: string;
  adapter: string;
  query: string;
  page: number;
  organicCount: number;
  /** The first organic results, in order (title, unwrapped URL). */
  organic: [string, string][];
  /** The last organic result, for pages where `organic` lists only the first few. */
  lastOrganic?: [string, string];
  /** Hosts of the ads, in page order. */
  adHosts: string[];
  /** First ads (title, URL), when the URL is short enough to write down. */
  ads?: [string, string][];
  news?: [string, string][];
  video?: [string, string][];
  /** URLs that the page really shows both as an ad and as an organic result. */
  adAlsoOrganic?: string[];
  lateResults: boolean;
}

const REQUIRED: Record<string, 'string' | 'number' | 'boolean' | 'array'> = {
  url: 'string',
  engine: 'string',
  adapter: 'string',
  query: 'string',
  page: 'number',
  organicCount: 'number',
  organic: 'array',
  adHosts: 'array',
  lateResults: 'boolean',
};

/** Reads one data file; a missing or mistyped field fails loudly, with the file's name. */
function readCase(jsonFile: string): CorpusCase {
  const data = JSON.parse(fs.readFileSync(path.join(EXPECTED_DIR, jsonFile), 'utf8')) as Record<
    string,
    unknown
  >;
  for (const [field, type] of Object.entries(REQUIRED)) {
    const value = data[field];
    const ok = type === 'array' ? Array.isArray(value) : typeof value === type;
    if (!ok) throw new Error(`serp-expected/${jsonFile}: "${field}" must be a ${type}`);
  }
  return { ...(data as Omit<CorpusCase, 'file'>), file: jsonFile.replace(/\.json$/, '.html') };
}

const CORPUS: CorpusCase[] = fs
  .readdirSync(EXPECTED_DIR)
  .filter((f) => f.endsWith('.json'))
  .sort()
  .map(readCase);

/** The heuristic reader must find at least this share of the adapter's organic URLs. */
const GENERIC_RECALL = 0.7;

for (const c of CORPUS) {
  test(`corpus ${c.file}: adapter ${c.adapter}, generic fallback`, async ({ page }) => {
    test.skip(!HAVE_CORPUS, NO_CORPUS);
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await serve(page, c.url, fs.readFileSync(path.join(SERP_DIR, c.file)));

    const got = await mustRead(page, c.url);
    await test.step('engine adapter', () => {
      expect({
        engine: got.engine,
        adapter: got.adapter,
        query: got.query,
        page: got.page,
        lateResults: got.lateResults,
      }).toEqual({
        engine: c.engine,
        adapter: c.adapter,
        query: c.query,
        page: c.page,
        lateResults: c.lateResults,
      });
      expectWellFormed(got);
      const organic = ofKind(got, 'organic');
      expect(organic).toHaveLength(c.organicCount);
      expect(pairs(organic.slice(0, c.organic.length))).toEqual(c.organic);
      if (c.lastOrganic) expect(pairs(organic.slice(-1))).toEqual([c.lastOrganic]);
      expect(pairs(ofKind(got, 'news'))).toEqual(c.news ?? []);
      expect(pairs(ofKind(got, 'video'))).toEqual(c.video ?? []);
      // Most organic results carry their snippet.
      expect(organic.filter((r) => r.snippet.length > 20).length).toBeGreaterThanOrEqual(
        Math.floor(organic.length * 0.9),
      );
    });

    await test.step('ads apart from organic results', () => {
      const ads = ofKind(got, 'ad');
      expect(ads.map((r) => hostOf(r.url))).toEqual(c.adHosts);
      if (c.ads?.length) expect(pairs(ads.slice(0, c.ads.length))).toEqual(c.ads);
      const organicUrls = new Set(ofKind(got, 'organic').map((r) => r.url));
      const shared = [...new Set(ads.map((r) => r.url).filter((u) => organicUrls.has(u)))];
      expect(shared.sort()).toEqual([...(c.adAlsoOrganic ?? [])].sort());
    });

    await test.step('generic fallback (engine adapters off)', async () => {
      const generic = await mustRead(page, c.url, true);
      expect(generic.engine).toBe(c.engine);
      expect(generic.adapter).toBe('generic');
      expect(generic.query).toBe(c.query);
      expect(generic.adsApart).toBe(true);
      const adapterUrls = new Set(ofKind(got, 'organic').map((r) => r.url));
      const found = new Set(generic.results.filter((r) => r.kind !== 'ad').map((r) => r.url));
      const hit = [...adapterUrls].filter((u) => found.has(u)).length;
      expect(
        hit / adapterUrls.size,
        `generic found ${hit} of ${adapterUrls.size} organic URLs`,
      ).toBeGreaterThanOrEqual(GENERIC_RECALL);
      // Ads never pass as organic results in the fallback either.
      const adUrls = ofKind(got, 'ad')
        .map((r) => r.url)
        .filter((u) => !(c.adAlsoOrganic ?? []).includes(u));
      const genericOrganic = new Set(ofKind(generic, 'organic').map((r) => r.url));
      expect(adUrls.filter((u) => genericOrganic.has(u))).toEqual([]);
    });
    expect(errors).toEqual([]);
  });
}

test('corpus: a snippet taken from a shopping card keeps the spaces between its lines', async ({
  page,
}) => {
  test.skip(!HAVE_CORPUS, NO_CORPUS);
  const url = 'https://www.google.com/search?q=dell+xps+13+buy';
  await serve(page, url, fs.readFileSync(path.join(SERP_DIR, 'google-desktop-dell.html')));
  const ads = ofKind(await mustRead(page, url), 'ad');
  // The card's title, price, merchant and rating stand in blocks of their own.
  const card = ads.find((r) => r.title.endsWith('ctox13pw11p1c4001'));
  expect(card?.snippet).toContain('ctox13pw11p1c4001 $909.00 Dell (545)');
  // No word of any card runs into the next: a price never sticks to a name or a digit.
  for (const ad of ads) {
    expect(ad.snippet, ad.title).not.toMatch(/[A-Za-z0-9)]\$\d/);
    expect(ad.snippet, ad.title).not.toMatch(/\d\.\d\d[A-Za-z]/);
  }
});
