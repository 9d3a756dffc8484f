/**
 * The results-page reader (src/content/serp) on real saved result pages and
 * on small hand-written ones.
 *
 * Every page is served at its real address (page.route), every other request
 * is aborted (no test touches the internet). Page scripts stay off: the saved
 * pages are fulfilled with a `script-src 'none'` policy, and JavaScript stays
 * enabled in the browser so that <noscript> content is not parsed as DOM (as
 * in a real browser) and Google's <noscript> meta refresh does not navigate
 * away. The reader is bundled with esbuild and injected with page.evaluate,
 * which the page's policy does not restrict.
 *
 * The expected titles and URLs below were read off the saved pages by hand.
 */
import { expect, test as base, type Page } from '@playwright/test';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type * as SerpApi from '../src/content/serp/index.ts';
import { SERP_GLOBAL, serpBundle } from './support/page-bundle.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
const CORPUS_DIR = process.env.CORPUS_DIR ?? path.resolve(here, '../../shared/corpus');
const SERP_DIR = path.join(CORPUS_DIR, 'serp');
const HAVE_CORPUS = fs.existsSync(SERP_DIR);
const NO_CORPUS = `corpus of saved result pages not found at ${SERP_DIR} (set CORPUS_DIR to the folder holding serp/)`;

/**
 * One page per worker, reused by every test (a fresh context per test costs
 * more than the reading itself); `serve` resets its routes. Traces keep no
 * DOM snapshots: the saved pages are up to 2 MB.
 */
const test = base.extend<{ page: Page }, { workerPage: Page }>({
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

test.describe.configure({ mode: 'parallel' });
test.use({ trace: { mode: 'retain-on-failure', snapshots: false, screenshots: false } });

// ---------------------------------------------------------------------------
// Harness

interface PlainResult {
  rank: number;
  kind: SerpApi.ResultKind;
  title: string;
  url: string;
  snippet: string;
  /** The root contains the title element, and the link (when there is one). */
  rootHoldsTitle: boolean;
  titleTag: string;
}

interface PlainPage {
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
async function serve(page: Page, url: string, html: string | Buffer): Promise<void> {
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

async function read(
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

async function mustRead(
  page: Page,
  url: string,
  disableEngineAdapters = false,
): Promise<PlainPage> {
  const p = await read(page, url, disableEngineAdapters);
  expect(p, `readSerp returned null for ${url}`).not.toBeNull();
  return p as PlainPage;
}

const ofKind = (p: PlainPage, kind: SerpApi.ResultKind): PlainResult[] =>
  p.results.filter((r) => r.kind === kind);
const pairs = (rs: PlainResult[]): [string, string][] => rs.map((r) => [r.title, r.url]);
const oneTo = (n: number): number[] => Array.from({ length: n }, (_, i) => i + 1);
const hostOf = (u: string): string => new URL(u).hostname;

function expectWellFormed(p: PlainPage): void {
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

// ---------------------------------------------------------------------------
// Real result pages (../shared/corpus/serp)

interface CorpusCase {
  file: string;
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

const CORPUS: CorpusCase[] = [
  {
    file: 'google-desktop-coffee.html',
    url: 'https://www.google.com/search?q=coffee&num=100',
    engine: 'google',
    adapter: 'google',
    query: 'coffee',
    page: 1,
    organicCount: 97,
    organic: [
      ['Coffee', 'https://en.wikipedia.org/wiki/Coffee'],
      ['The Coffee Bean & Tea Leaf | CBTL', 'https://www.coffeebean.com/'],
      ['What is Coffee?', 'https://www.ncausa.org/About-Coffee/What-is-Coffee'],
      ['The History of Coffee', 'https://www.ncausa.org/about-coffee/history-of-coffee'],
      [
        '10 Steps from Seed to Cup',
        'https://www.ncausa.org/about-coffee/10-steps-from-seed-to-cup',
      ],
      ["Peet's Coffee: The Original Craft Coffee", 'https://www.peets.com/'],
    ],
    lastOrganic: ['Single Serve Coffee Makers & K-Cup Pods | Keurig®', 'https://www.keurig.com/'],
    adHosts: [],
    video: [['Beabadoobee - Coffee - YouTube', 'https://www.youtube.com/watch?v=C6CeA6vRtW4']],
    lateResults: true,
  },
  {
    file: 'google-desktop-dell.html',
    url: 'https://www.google.com/search?q=dell+xps+13+buy',
    engine: 'google',
    adapter: 'google',
    query: 'dell xps 13 buy',
    page: 1,
    organicCount: 10,
    organic: [
      [
        'XPS 13 Plus Laptop',
        'https://www.dell.com/en-us/shop/dell-laptops/xps-13-plus-laptop/spd/xps-13-9320-laptop',
      ],
      // Indented results of the same site count as results of their own.
      [
        'Dell XPS 13-inch Laptop Computers',
        'https://www.dell.com/en-us/shop/dell-laptops/xps-13-laptop/spd/xps-13-9315-laptop',
      ],
      ['XPS Laptops', 'https://www.dell.com/en-us/shop/dell-laptops/sr/laptops/xps-laptops'],
      [
        'dell xps 13 laptops',
        'https://www.bestbuy.com/site/searchpage.jsp?id=pcat17071&st=dell+xps+13+laptops',
      ],
      ['dell xps 13', 'https://www.bestbuy.com/site/searchpage.jsp?id=pcat17071&st=dell+xps+13'],
      [
        'dell xps 13 touch',
        'https://www.bestbuy.com/site/searchpage.jsp?id=pcat17071&st=dell+xps+13+touch',
      ],
      ['dell xps13', 'https://www.bestbuy.com/site/searchpage.jsp?id=pcat17071&st=dell+xps13'],
      [
        'Dell XPS 13 (9310), 13.4- inch FHD+ Touch Laptop - Intel ...',
        'https://www.amazon.com/Dell-13-4-inch-Touch-Laptop/dp/B08ML2PW6W',
      ],
      ['Dell Xps 13', 'https://www.amazon.com/dell-xps-13/s?k=dell+xps+13'],
      ['Dell XPS 13 Notebooks', 'https://www.walmart.com/c/kp/dell-xps-13-notebooks'],
    ],
    // The shopping ads carousel ("Sponsored"), twelve products.
    adHosts: [
      'www.walmart.com',
      'www.10swanllc.com',
      'www.dell.com',
      'pcliquidations.com',
      'www.bestbuy.com',
      'www.discountelectronics.com',
      'www.dell.com',
      'www.walmart.com',
      'pcliquidations.com',
      'www.discountelectronics.com',
      'www.discountelectronics.com',
      'www.bestbuy.com',
    ],
    ads: [
      [
        'Dell XPS 13.3 inch Touchscreen Laptop, Intel Core i5 i5-6200U, 256gb Ssd, Windows 10 Home, 9350, Silver',
        'https://www.walmart.com/ip/Dell-XPS-13-3-Touchscreen-Laptop-Intel-Core-i5-i5-6200U-256GB-SSD-Windows-10-Home-9350/47431727?wmlspartner=wlpa&selectedSellerId=3558',
      ],
    ],
    lateResults: true,
  },
  {
    file: 'google-desktop-google.html',
    url: 'https://www.google.com/search?q=google',
    engine: 'google',
    adapter: 'google',
    query: 'google',
    page: 1,
    organicCount: 9,
    organic: [
      ['Google', 'https://google.com/'],
      ['Google', 'https://www.google.com/'],
      ['Google Account', 'https://www.google.com/account/about/'],
      ['Google Maps', 'https://www.google.com/maps'],
      ['Google Business Profile - Get Listed on Google', 'https://www.google.com/business/'],
      ['Sign in', 'https://www.google.com/imghp?hl=EN'],
      [
        'Google Docs: Online Document Editor | Google Workspace',
        'https://www.google.com/docs/about/',
      ],
      ['Google Maps', 'https://maps.google.com/'],
      ['Google', 'https://images.google.com/'],
    ],
    adHosts: [],
    // "Top stories" and "Also in the news".
    news: [
      [
        'Google Nest speakers will now chime instead of talk when controlling smart home devices',
        'https://www.theverge.com/2023/4/21/23692794/google-nest-smart-speaker-new-chime-feature',
      ],
      [
        'Google Assistant will stop speaking after turning on smart home devices',
        'https://9to5google.com/2023/04/20/google-assistant-home-devices-on/',
      ],
      [
        'Google Assistant gets less annoying while controlling your smart home devices',
        'https://www.androidpolice.com/google-assistant-less-annoying-controlling-smart-home-devices/',
      ],
      [
        'Google consolidates AI research divisions into Google DeepMind',
        'https://techcrunch.com/2023/04/20/google-consolidates-ai-research-divisions-into-google-deepmind/',
      ],
      [
        'Google’s AI panic forces merger of rival divisions, DeepMind and Brain',
        'https://arstechnica.com/gadgets/2023/04/googles-ai-panic-forces-merger-of-rival-divisions-deepmind-and-brain/',
      ],
      [
        'What to expect from Google I/O 2023',
        'https://mashable.com/article/google-io-2023-what-to-expect',
      ],
      [
        'How to organize your Google Drive: 5 tips to know',
        'https://www.zdnet.com/home-and-office/work-life/how-to-organize-your-google-drive-5-tips-to-know/',
      ],
    ],
    lateResults: true,
  },
  {
    file: 'google-desktop-hotels.html',
    url: 'https://www.google.com/search?q=hotels+nyc',
    engine: 'google',
    adapter: 'google',
    query: 'hotels nyc',
    page: 1,
    organicCount: 9,
    organic: [
      ['Best New York Hotels', 'https://www.hotels.com/de1506246/hotels-new-york-new-york/'],
      [
        'Best Cheap Hotels in New York City',
        'https://www.hotels.com/de1506246-qu0/cheap-hotels-new-york-new-york/',
      ],
      [
        'Book cheap New York hotels',
        'https://www.hotels.com/sa10233226/hotels-in-new-york-united-states-of-america/',
      ],
      [
        'Best Hotels in Manhattan, NY',
        'https://www.hotels.com/nh1535616/hotels-in-manhattan-new-york-new-york/',
      ],
      [
        'Top Hotels in New York, NY from $26',
        'https://www.expedia.com/New-York-Hotels.d178293.Travel-Guide-Hotels',
      ],
      [
        'THE 10 BEST Hotels in New York City for 2023 (from $151)',
        'https://www.tripadvisor.com/Hotels-g60763-New_York_City_New_York-Hotels.html',
      ],
      ['The 10 Best New York Hotels (From $98)', 'https://www.booking.com/city/us/new-york.html'],
      [
        '16 Best Hotels in New York. Hotels from $58/night',
        'https://www.kayak.com/New-York-Hotels.15830.hotel.ksp',
      ],
      ['The Authentic Source For New York Hotels', 'https://www.nyc.com/hotels/'],
    ],
    adHosts: ['www.booking.com', 'www.hotels.com'],
    ads: [
      ['Hotels in New York, NY - Booking.com', 'https://www.booking.com/city/us/new-york.html'],
      [
        'Hotels in New York, NY - Fully Refundable Options',
        'https://www.hotels.com/de1506246/hotels-new-york-new-york/',
      ],
    ],
    // Both advertisers bid on the query and also rank organically with the same page.
    adAlsoOrganic: [
      'https://www.booking.com/city/us/new-york.html',
      'https://www.hotels.com/de1506246/hotels-new-york-new-york/',
    ],
    lateResults: true,
  },
  {
    file: 'google-mobile-dell.html',
    url: 'https://www.google.com/search?q=dell+xps+13+buy',
    engine: 'google',
    adapter: 'google-mobile',
    query: 'dell xps 13 buy',
    page: 1,
    organicCount: 9,
    organic: [
      [
        'XPS 13 Plus Laptop',
        'https://www.dell.com/en-us/shop/dell-laptops/xps-13-plus-laptop/spd/xps-13-9320-laptop',
      ],
      [
        'Dell XPS 13-inch Laptop Computers',
        'https://www.dell.com/en-us/shop/dell-laptops/xps-13-laptop/spd/xps-13-9315-laptop',
      ],
      ['XPS Laptops', 'https://www.dell.com/en-us/shop/dell-laptops/sr/laptops/xps-laptops'],
      [
        'dell xps 13 laptops',
        'https://www.bestbuy.com/site/searchpage.jsp?id=pcat17071&st=dell+xps+13+laptops',
      ],
      ['dell xps 13', 'https://www.bestbuy.com/site/searchpage.jsp?id=pcat17071&st=dell+xps+13'],
      [
        'dell xps 13 touch',
        'https://www.bestbuy.com/site/searchpage.jsp?id=pcat17071&st=dell+xps+13+touch',
      ],
      ['dell xps13', 'https://www.bestbuy.com/site/searchpage.jsp?id=pcat17071&st=dell+xps13'],
      [
        'Dell XPS 13 (9310), 13.4- inch FHD+ Touch Laptop - Intel Core i7-1185G7, ...',
        'https://www.amazon.com/Dell-13-4-inch-Touch-Laptop/dp/B08ML2PW6W',
      ],
      ['Dell Xps 13', 'https://www.amazon.com/dell-xps-13/s?k=dell+xps+13'],
    ],
    // Five shopping ads (their click URLs are opaque: the merchant's domain
    // stands in), then two text ads.
    adHosts: [
      'walmart.com',
      '10swanllc.com',
      'dell.com',
      'dell.com',
      'bestbuy.com',
      'www.dell.com',
      'www.amazon.com',
    ],
    adAlsoOrganic: ['https://www.amazon.com/dell-xps-13/s?k=dell+xps+13'],
    lateResults: true,
  },
  {
    file: 'google-nojs-google100.html',
    url: 'https://www.google.com/search?q=google&num=100&gbv=1',
    engine: 'google',
    adapter: 'google-nojs',
    query: 'google',
    page: 1,
    organicCount: 99,
    organic: [
      ['Google', 'https://www.google.com/'],
      ['Google Account', 'https://www.google.com/account/about/'],
      ['Google Maps', 'https://www.google.com/maps'],
      ['Images - Google', 'https://www.google.com/imghp?hl=EN'],
      [
        'Google Docs: Online Document Editor | Google Workspace',
        'https://www.google.com/docs/about/',
      ],
      ['Google Business Profile - Get Listed on Google', 'https://www.google.com/business/'],
    ],
    lastOrganic: [
      'Google Nest, Your Smart Home Starts Here',
      'https://store.google.com/category/connected_home?hl=en-US',
    ],
    adHosts: [],
    lateResults: false,
  },
  {
    file: 'google-test-keyword-page1.html',
    url: 'https://www.google.com/search?q=test+keyword',
    engine: 'google',
    adapter: 'google',
    query: 'test keyword',
    page: 1,
    organicCount: 10,
    organic: [
      ['Keyword Tool (FREE) ᐈ #1 Google Keyword Planner Alternative', 'https://keywordtool.io/'],
      [
        'About Keyword Testing | TestComplete Documentation',
        'https://support.smartbear.com/testcomplete/docs/keyword-testing/overview.html',
      ],
      [
        'Keyword Tests | TestComplete Documentation',
        'https://support.smartbear.com/testcomplete/docs/keyword-testing/index.html',
      ],
      [
        'Keyword-driven testing - Wikipedia',
        'https://en.wikipedia.org/wiki/Keyword-driven_testing',
      ],
      ['KWFinder: Keyword Research and Analysis Tool', 'https://kwfinder.com/'],
    ],
    lastOrganic: [
      'BuiltIn - Robot Framework',
      'https://robotframework.org/robotframework/latest/libraries/BuiltIn.html',
    ],
    // One ad (with its own sitelinks, which stay part of that ad).
    adHosts: ['www.semrush.com'],
    ads: [
      [
        'Top Keyword Checker Tool | Analysez CPC, trafic, volume.',
        'https://www.semrush.com/lp/keyword-research/fr/',
      ],
    ],
    lateResults: true,
  },
  {
    file: 'bing-coffee-nojs.html',
    url: 'https://www.bing.com/search?q=coffee&search=&form=QBLH',
    engine: 'bing',
    adapter: 'bing',
    query: 'coffee',
    page: 1,
    organicCount: 4,
    organic: [
      [
        'coffee - English-Spanish Dictionary - …',
        'http://www.wordreference.com/es/translation.asp?tranword=coffee',
      ],
      ['Coffee - Wikipedia', 'https://en.wikipedia.org/wiki/Coffee_(drink)'],
      [
        'Coffee: Benefits, nutrition, and risks - Medical News Today',
        'https://www.medicalnewstoday.com/articles/270202',
      ],
      [
        'The best cafés and coffee shops in Barcelona',
        'https://www.timeout.com/barcelona/restaurants/the-best-cafes-in-barcelona',
      ],
    ],
    // Four ads above the results, the same four below; targets decoded from bing.com/aclick.
    adHosts: [
      'www.amazon.es',
      'es.topwebanswers.com',
      'www.espresso-international.es',
      'www.luxuryhotelsguides.com',
      'www.amazon.es',
      'es.topwebanswers.com',
      'www.espresso-international.es',
      'www.luxuryhotelsguides.com',
    ],
    ads: [
      [
        'Coffee Capsule - Cafeteras, Teteras, Accesorios',
        'http://www.amazon.es/s/?ie=UTF8&keywords=coffee+capsule&tag=bingamazonest-21&index=aps&hvadid=80676697937726&hvqmt=b&hvbmt=bb&hvdev=c&ref=pd_sl_5v3kwro887_b',
      ],
      [
        'Coffee Machine - Coffee Machine - Resultados selectos',
        'https://es.topwebanswers.com/ar?q=coffee%20machine&o=1463942&rch=at798',
      ],
    ],
    lateResults: true,
  },
  {
    file: 'bing-hotels-nojs.html',
    url: 'https://www.bing.com/search?q=hotels+NYC&go=Search&qs=ds&form=QBRE',
    engine: 'bing',
    adapter: 'bing',
    query: 'hotels NYC',
    page: 1,
    organicCount: 4,
    organic: [
      [
        'THE 10 BEST Hotels in New York City for 2021 (from $83 ...',
        'https://www.tripadvisor.com/Hotels-g60763-New_York_City_New_York-Hotels.html',
      ],
      [
        'Top Hotels in New York, New York - Cancel FREE on most ...',
        'https://www.hotels.com/de1506246/hotels-new-york-new-york/',
      ],
      [
        'The 10 Best New York Hotels (From $56) - The best hotels ...',
        'https://www.booking.com/city/us/new-york.html',
      ],
      [
        'LOS 10 MEJORES hoteles en Nueva York de 2021. …',
        'https://www.tripadvisor.es/Hotels-g60763-New_York_City_New_York-Hotels.html',
      ],
    ],
    adHosts: [
      'www.booking.com',
      'es.topwebanswers.com',
      'www.trivago.es',
      'www.luxuryhotelsguides.com',
      'www.tripadvisor.es',
      'www.vacationrenter.com',
      'www.agoda.com',
      'www.booking.com',
    ],
    lateResults: true,
  },
  {
    file: 'bing-test-keyword-page1.html',
    url: 'https://www.bing.com/search?q=test+keyword',
    engine: 'bing',
    adapter: 'bing',
    query: 'test keyword',
    page: 1,
    organicCount: 6,
    organic: [
      [
        'Keyword Tests | TestComplete Documentation',
        'https://support.smartbear.com/testcomplete/docs/keyword-testing/index.html',
      ],
      [
        'About Keyword Testing | TestComplete Documentation',
        'https://support.smartbear.com/testcomplete/docs/keyword-testing/overview.html',
      ],
      ['Keyword Tool Est La Meilleure Alternative A Google …', 'https://keywordtool.io/fr'],
      [
        'Keyword-driven testing - Wikipedia',
        'https://en.wikipedia.org/wiki/Keyword-driven_testing',
      ],
      [
        'Choisissez les bons mots clés grâce à nos outils de ...',
        'https://ads.google.com/intl/fr_fr/home/tools/keyword-planner/',
      ],
      ["Outil d'Analyse de Site et Test SEO", 'https://www.woorank.com/fr/'],
    ],
    // The same ad above and below the results.
    adHosts: ['pixel.everesttech.net', 'pixel.everesttech.net'],
    lateResults: true,
  },
  {
    file: 'bing-test-keyword-page2.html',
    url: 'https://www.bing.com/search?q=test+keyword&first=7&FORM=PERE',
    engine: 'bing',
    adapter: 'bing',
    query: 'test keyword',
    page: 2,
    organicCount: 9,
    organic: [
      ['Keywords - TestLink', 'http://testlink.sourceforge.net/docs/docs/toc.php?page=16'],
      [
        'is - Référence C# | Microsoft Docs',
        'https://docs.microsoft.com/fr-fr/dotnet/csharp/language-reference/keywords/is',
      ],
      ['Keyword Tool (FREE) ᐈ #1 Google Keyword Planner Alternative', 'https://keywordtool.io/'],
      [
        'Utilisez le test SEO, optimiser votre site',
        'https://www.seopageoptimizer.fr/fr/default/2008302/SEO/Test.aspx',
      ],
      [
        'Keyword Rank Checker - A Free online Google keyword ...',
        'https://smallseotools.com/keyword-position/',
      ],
      [
        'Choose the Right Keywords with Our Research Tools - Google Ads',
        'https://ads.google.com/home/tools/keyword-planner/',
      ],
      ['Search Results for - Tests.com', 'https://tests.com/wordsearch?keyword=+'],
      [
        'Test - Toutes les infos du mot clé jour par jour - …',
        'https://www.rtbf.be/tendance/mot-cle_test?keyword=1158186',
      ],
      [
        'Keyword Density Checker | Online Keyword Density Tool Free',
        'https://smallseotools.com/keyword-density-checker/',
      ],
    ],
    adHosts: ['pixel.everesttech.net', 'pixel.everesttech.net'],
    video: [
      [
        'Parameterizing Keyword Tests with TestComplete - YouTube',
        'https://www.youtube.com/watch?v=3Ed8T7XcpH8',
      ],
    ],
    lateResults: true,
  },
  {
    file: 'duckduckgo-test-keyword-page1.html',
    url: 'https://duckduckgo.com/?q=test+keyword&t=h_&ia=web',
    engine: 'duckduckgo',
    adapter: 'duckduckgo',
    query: 'test keyword',
    page: 1,
    organicCount: 10,
    organic: [
      [
        'Keyword Tests | TestComplete Documentation',
        'https://support.smartbear.com/testcomplete/docs/keyword-testing/index.html',
      ],
      [
        'About Keyword Testing | TestComplete Documentation',
        'https://support.smartbear.com/testcomplete/docs/keyword-testing/overview.html',
      ],
      [
        'Keyword-driven testing - Wikipedia',
        'https://en.wikipedia.org/wiki/Keyword-driven_testing',
      ],
      [
        'Keyword Driven Testing | TestComplete - SmartBear',
        'https://smartbear.com/product/testcomplete/features/keyword-driven-testing/',
      ],
      [
        'Keyword Driven Testing Framework with Example',
        'https://www.guru99.com/keyword-driven-testing.html',
      ],
    ],
    lastOrganic: [
      'Free Keyword Density Analyzer Tool',
      'http://tools.seobook.com/general/keyword-density/',
    ],
    adHosts: [],
    lateResults: true,
  },
  {
    // The same search after "More results": the second batch was appended
    // to the first, under a "2" separator; ranks keep counting.
    file: 'duckduckgo-test-keyword-page2.html',
    url: 'https://duckduckgo.com/?q=test+keyword&t=h_&ia=web',
    engine: 'duckduckgo',
    adapter: 'duckduckgo',
    query: 'test keyword',
    page: 1,
    organicCount: 29,
    organic: [
      [
        'Keyword Tests | TestComplete Documentation',
        'https://support.smartbear.com/testcomplete/docs/keyword-testing/index.html',
      ],
      [
        'About Keyword Testing | TestComplete Documentation',
        'https://support.smartbear.com/testcomplete/docs/keyword-testing/overview.html',
      ],
      [
        'Keyword-driven testing - Wikipedia',
        'https://en.wikipedia.org/wiki/Keyword-driven_testing',
      ],
      [
        'Keyword Driven Testing | TestComplete - SmartBear',
        'https://smartbear.com/product/testcomplete/features/keyword-driven-testing/',
      ],
      [
        'Keyword Driven Testing Framework with Example',
        'https://www.guru99.com/keyword-driven-testing.html',
      ],
      [
        'SEO Tester Online - SEO Analysis Online for your Website',
        'https://www.seotesteronline.com/',
      ],
      [
        'Keyword Rank Checker - A Free online Google keyword position ...',
        'https://smallseotools.com/keyword-position/',
      ],
      ['Keyword Tool (FREE) ᐈ #1 Google Keyword Planner Alternative', 'https://keywordtool.io/'],
      ['KWFinder: Keyword Research and Analysis Tool', 'https://kwfinder.com/'],
      ['Free Keyword Density Analyzer Tool', 'http://tools.seobook.com/general/keyword-density/'],
      ['Quest Diagnostics: Test Directory', 'https://testdirectory.questdiagnostics.com/test/home'],
      [
        'Choose the Right Keywords with Our Research Tools - Google Ads',
        'https://ads.google.com/home/tools/keyword-planner/',
      ],
    ],
    lastOrganic: [
      'Online Keyword Density Checker: Fast & Accurate',
      'https://www.prepostseo.com/keyword-density-checker',
    ],
    adHosts: [],
    lateResults: true,
  },
];

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

// ---------------------------------------------------------------------------
// Hand-written pages: engines and layouts the corpus lacks

const page_ = (head: string, body: string): string =>
  `<!doctype html><html lang="de"><head><meta charset="utf-8">${head}</head><body>${body}</body></html>`;

/** google.de web results: German ad labels ("Anzeige", "Gesponsert") that no rule reads. */
const GOOGLE_DE = page_(
  '<title>acme - Google Suche</title>',
  `<div id="main"><div id="cnt">
  <form id="tsf" action="/search"><textarea name="q">acme</textarea></form>
  <div id="rcnt"><div id="center_col">
    <div id="taw"><div id="tvcap"><div id="tads" aria-label="Anzeigen">
      <div data-text-ad="1"><div><a href="https://www.konkurrenz.example/acme-ersatzteile" data-rw="https://www.googleadservices.com/pagead/aclk?sa=L&amp;ai=abc&amp;adurl=" data-pcu="https://www.konkurrenz.example/">
        <div role="heading" aria-level="3">ACME Ersatzteile günstig – Konkurrenz GmbH</div><span>Anzeige</span> <cite>www.konkurrenz.example</cite></a></div>
        <div class="MUxGbd">Alle Teile für Ihre ACME Bohrmaschine, sofort lieferbar.</div></div>
      <div data-text-ad="1"><div><a href="https://www.googleadservices.com/pagead/aclk?sa=L&amp;ai=def&amp;adurl=https://www.werkzeug-shop.example/acme%3Fcampaign%3Dbrand">
        <div role="heading" aria-level="3">ACME RoboDrill 3000 im Angebot</div><span>Gesponsert</span></a></div>
        <div class="MUxGbd">Versandkostenfrei ab 50 Euro.</div></div>
    </div></div></div>
    <div id="res"><div id="search"><div id="rso">
      <div class="MjjYud"><div class="g"><div class="yuRUbf"><a href="https://www.acme.de/"><h3>ACME GmbH – Bohrmaschinen seit 1950</h3><cite>https://www.acme.de</cite></a></div>
        <div class="VwiC3b">Die ACME GmbH baut Bohrmaschinen in Stuttgart. Der RoboDrill 3000 ist da.</div></div></div>
      <div class="MjjYud"><div class="g"><div class="yuRUbf"><a href="/url?q=https://de.wikipedia.org/wiki/ACME_GmbH&amp;sa=U&amp;ved=x"><h3>ACME GmbH – Wikipedia</h3></a></div>
        <div class="VwiC3b">Die ACME GmbH ist ein deutscher Werkzeughersteller mit Sitz in Stuttgart.</div></div></div>
      <div class="MjjYud"><div data-initq="acme"><div class="related-question-pair"><a href="https://www.example.org/faq"><h3>Wer hat ACME gegründet?</h3></a><div>Eine Antwort aus dem Fragenblock.</div></div></div></div>
      <div class="MjjYud"><div class="g"><div class="yuRUbf"><a href="https://www.heise.de/news/ACME-RoboDrill-3000-im-Test-123.html"><h3>ACME RoboDrill 3000 im Test | heise online</h3></a></div>
        <div class="VwiC3b">Wir haben den RoboDrill 3000 eine Woche lang ausprobiert.</div></div></div>
    </div></div></div>
    <div id="botstuff"><div id="bottomads"><div data-text-ad="1"><a href="https://www.baumarkt.example/acme" data-pcu="https://www.baumarkt.example/">
        <div role="heading" aria-level="3">ACME im Baumarkt kaufen</div></a><div>Anzeige · Heute bestellen, morgen abholen.</div></div></div>
      <table class="AaVjTc"><tr><td class="YyVfkd">1</td><td><a href="/search?q=acme&amp;start=10">2</a></td></tr></table></div>
  </div></div></div></div>`,
);

const GOOGLE_DE_ORGANIC: [string, string][] = [
  ['ACME GmbH – Bohrmaschinen seit 1950', 'https://www.acme.de/'],
  ['ACME GmbH – Wikipedia', 'https://de.wikipedia.org/wiki/ACME_GmbH'],
  [
    'ACME RoboDrill 3000 im Test | heise online',
    'https://www.heise.de/news/ACME-RoboDrill-3000-im-Test-123.html',
  ],
];
const GOOGLE_DE_ADS: [string, string][] = [
  ['ACME Ersatzteile günstig – Konkurrenz GmbH', 'https://www.konkurrenz.example/acme-ersatzteile'],
  ['ACME RoboDrill 3000 im Angebot', 'https://www.werkzeug-shop.example/acme?campaign=brand'],
  ['ACME im Baumarkt kaufen', 'https://www.baumarkt.example/acme'],
];

test('google.de: ads labelled "Anzeige"/"Gesponsert" are recognised by structure, never as organic', async ({
  page,
}) => {
  const url = 'https://www.google.de/search?q=acme&hl=de';
  await serve(page, url, GOOGLE_DE);
  const p = await mustRead(page, url);
  expect({ engine: p.engine, adapter: p.adapter, query: p.query, page: p.page }).toEqual({
    engine: 'google',
    adapter: 'google',
    query: 'acme',
    page: 1,
  });
  expectWellFormed(p);
  // "People also ask" is no result of its own.
  expect(pairs(ofKind(p, 'organic'))).toEqual(GOOGLE_DE_ORGANIC);
  expect(pairs(ofKind(p, 'ad'))).toEqual(GOOGLE_DE_ADS);
  // The result list is in page order: two ads, the results, the bottom ad.
  expect(p.results.map((r) => r.kind)).toEqual(['ad', 'ad', 'organic', 'organic', 'organic', 'ad']);

  // The heuristics know no "People also ask", but they know ad containers.
  const generic = await mustRead(page, url, true);
  expect(generic.adapter).toBe('generic');
  expectWellFormed(generic);
  expect(pairs(ofKind(generic, 'ad'))).toEqual(GOOGLE_DE_ADS);
  const genericOrganic = pairs(ofKind(generic, 'organic'));
  expect(genericOrganic.filter(([, u]) => GOOGLE_DE_ORGANIC.some(([, e]) => e === u))).toEqual(
    GOOGLE_DE_ORGANIC,
  );
  expect(ofKind(p, 'organic')[0]?.snippet).toBe(
    'Die ACME GmbH baut Bohrmaschinen in Stuttgart. Der RoboDrill 3000 ist da.',
  );
  expect(ofKind(p, 'organic')[0]?.titleTag).toBe('h3');
});

test('google country domains and the page number from start=', async ({ page }) => {
  for (const [url, pageNo] of [
    ['https://www.google.at/search?q=acme', 1],
    ['https://www.google.co.uk/search?q=acme&start=20', 1], // the pagination on the page says 1
    ['https://www.google.com.au/search?q=acme', 1],
  ] as const) {
    await serve(page, url, GOOGLE_DE);
    const p = await mustRead(page, url);
    expect(p.engine).toBe('google');
    expect(p.page).toBe(pageNo);
    expect(pairs(ofKind(p, 'organic'))).toEqual(GOOGLE_DE_ORGANIC);
    await page.unrouteAll();
  }
});

const GOOGLE_NEWS = page_(
  '<title>acme - Google Suche</title>',
  `<div id="main"><div id="center_col"><div id="search"><div id="rso"><div>
    <div class="SoaBEf"><div><a class="WlydOe" href="https://www.tagesschau.de/wirtschaft/acme-werk-101.html"><div>
      <div class="MgUUmf"><span>tagesschau.de</span></div>
      <div role="heading" aria-level="3" class="n0jPhd">ACME baut neues Werk in Sachsen</div>
      <div class="GI74Re">Der Werkzeughersteller investiert 200 Millionen Euro in Zwickau.</div>
      <div><span>vor 2 Stunden</span></div></div></a></div></div>
    <div class="SoaBEf"><div><a class="WlydOe" href="/url?q=https://www.handelsblatt.com/unternehmen/acme-quartalszahlen/123.html&amp;sa=U"><div>
      <div class="MgUUmf"><span>Handelsblatt</span></div>
      <div role="heading" aria-level="3" class="n0jPhd">ACME mit Rekordumsatz</div>
      <div class="GI74Re">Der RoboDrill 3000 verkauft sich besser als erwartet.</div>
      <div><span>vor 1 Tag</span></div></div></a></div></div>
    <div class="SoaBEf"><div><a class="WlydOe" href="https://www.stuttgarter-zeitung.de/inhalt.acme-jubilaeum.html"><div>
      <div class="MgUUmf"><span>Stuttgarter Zeitung</span></div>
      <div role="heading" aria-level="3" class="n0jPhd">75 Jahre ACME: Ein Rückblick</div>
      <div class="GI74Re">Vom Handwerksbetrieb zum Weltmarktführer für Bohrmaschinen.</div>
      <div><span>vor 3 Tagen</span></div></div></a></div></div>
  </div></div></div></div></div>`,
);

test('google news tab (tbm=nws): news results, page from start=', async ({ page }) => {
  const url = 'https://www.google.de/search?q=acme&tbm=nws&start=10';
  await serve(page, url, GOOGLE_NEWS);
  const p = await mustRead(page, url);
  expect(p.adapter).toBe('google-news');
  expect(p.page).toBe(2);
  expectWellFormed(p);
  expect(p.results.map((r) => [r.kind, r.rank, r.title, r.url])).toEqual([
    [
      'news',
      1,
      'ACME baut neues Werk in Sachsen',
      'https://www.tagesschau.de/wirtschaft/acme-werk-101.html',
    ],
    [
      'news',
      2,
      'ACME mit Rekordumsatz',
      'https://www.handelsblatt.com/unternehmen/acme-quartalszahlen/123.html',
    ],
    [
      'news',
      3,
      '75 Jahre ACME: Ein Rückblick',
      'https://www.stuttgarter-zeitung.de/inhalt.acme-jubilaeum.html',
    ],
  ]);
  expect(p.results.map((r) => r.snippet)).toEqual([
    'Der Werkzeughersteller investiert 200 Millionen Euro in Zwickau.',
    'Der RoboDrill 3000 verkauft sich besser als erwartet.',
    'Vom Handwerksbetrieb zum Weltmarktführer für Bohrmaschinen.',
  ]);
});

const GOOGLE_MOBILE = page_(
  '<meta name="viewport" content="width=device-width,initial-scale=1"><title>acme - Google Suche</title>',
  `<div id="main"><div id="cnt"><div id="center_col">
    <div id="taw"><div id="tvcap"><div id="tads"><div data-text-ad="1"><a class="cz3goc" href="https://www.konkurrenz.example/wechsel">
      <div role="heading" aria-level="3">Konkurrenz statt ACME – jetzt wechseln</div></a><div>Gesponsert · Günstiger als ACME.</div></div></div></div></div>
    <div id="rso">
      <div class="MjjYud"><div class="xpd"><div><a class="cz3goc" href="https://www.acme.de/"><div role="heading" aria-level="3">ACME GmbH – Startseite</div><span>https://www.acme.de</span></a></div>
        <div class="yDYNvb">Bohrmaschinen aus Stuttgart, seit 1950.</div></div></div>
      <div class="MjjYud"><div class="xpd"><div><a class="cz3goc" href="https://www.youtube.com/watch?v=acme3000"><div role="heading" aria-level="3">RoboDrill 3000 – Video</div></a></div>
        <div class="yDYNvb">Der neue RoboDrill 3000 im Einsatz.</div></div></div>
      <div class="MjjYud"><div class="xpd"><div><a class="cz3goc" href="https://de.wikipedia.org/wiki/ACME_GmbH"><div role="heading" aria-level="3">ACME GmbH – Wikipedia</div></a></div>
        <div class="yDYNvb">Deutscher Werkzeughersteller.</div></div></div>
    </div></div></div></div>`,
);

test('google mobile layout', async ({ page }) => {
  const url = 'https://www.google.de/search?q=acme';
  await serve(page, url, GOOGLE_MOBILE);
  const p = await mustRead(page, url);
  expect(p.adapter).toBe('google-mobile');
  expectWellFormed(p);
  expect(pairs(ofKind(p, 'organic'))).toEqual([
    ['ACME GmbH – Startseite', 'https://www.acme.de/'],
    ['ACME GmbH – Wikipedia', 'https://de.wikipedia.org/wiki/ACME_GmbH'],
  ]);
  expect(pairs(ofKind(p, 'video'))).toEqual([
    ['RoboDrill 3000 – Video', 'https://www.youtube.com/watch?v=acme3000'],
  ]);
  expect(pairs(ofKind(p, 'ad'))).toEqual([
    ['Konkurrenz statt ACME – jetzt wechseln', 'https://www.konkurrenz.example/wechsel'],
  ]);
  expect(ofKind(p, 'organic')[0]?.snippet).toBe('Bohrmaschinen aus Stuttgart, seit 1950.');
});

const BING_AD_TARGET = 'https://www.konkurrenz.example/acme-alternative';
/** bing.com/aclick: u = base64 of the percent-encoded target. */
const BING_ACLICK = `https://www.bing.com/aclick?ld=e8abc&u=${encodeURIComponent(Buffer.from(encodeURIComponent(BING_AD_TARGET).toLowerCase()).toString('base64'))}`;
/** bing.com/ck/a: u = "a1" + base64url of the target. */
const BING_CK = `https://www.bing.com/ck/a?!&&p=0123abcd&ptn=3&u=a1${Buffer.from('https://www.acme-news.example/artikel/42?ref=bing').toString('base64url')}&ntb=1`;

const BING_PAGE = page_(
  '<title>acme - Suchen</title>',
  `<header id="b_header"><form action="/search"><input id="sb_form_q" name="q" value="acme"></form></header>
  <main><ol id="b_results">
    <li class="b_ad b_adTop"><ul><li><div class="sb_add sb_adTA"><h2><a href="${BING_ACLICK.replace(/&/g, '&amp;')}">ACME-Alternative – Konkurrenz GmbH</a></h2>
      <div class="b_caption"><div class="b_attribution"><cite>www.konkurrenz.example</cite></div><p>Warum mehr zahlen? Teile für alle ACME Geräte.</p></div></div></li></ul></li>
    <li class="b_algo"><h2><a href="${BING_CK.replace(/&/g, '&amp;')}">ACME-News: Artikel 42</a></h2>
      <div class="b_caption"><p>Neues von ACME aus Stuttgart.</p></div></li>
    <li class="b_algo"><div class="b_title"><h2><a href="https://www.acme.de/">ACME GmbH</a></h2></div>
      <div class="b_caption"><p>Offizielle Website der ACME GmbH.</p></div></li>
  </ol></main>`,
);

test('bing: ck/a and aclick redirects unwrapped, page from first=', async ({ page }) => {
  const url = 'https://www.bing.com/search?q=acme&first=11&FORM=PERE';
  await serve(page, url, BING_PAGE);
  const p = await mustRead(page, url);
  expect(p.adapter).toBe('bing');
  expect(p.page).toBe(2);
  expectWellFormed(p);
  expect(pairs(ofKind(p, 'organic'))).toEqual([
    ['ACME-News: Artikel 42', 'https://www.acme-news.example/artikel/42?ref=bing'],
    ['ACME GmbH', 'https://www.acme.de/'],
  ]);
  expect(pairs(ofKind(p, 'ad'))).toEqual([['ACME-Alternative – Konkurrenz GmbH', BING_AD_TARGET]]);
  expect(ofKind(p, 'organic')[0]?.titleTag).toBe('a');
});

const DDG_AD = `https://duckduckgo.com/y.js?ad_domain=konkurrenz.example&ad_provider=bingv7aa&ad_type=txad&u3=${encodeURIComponent(BING_ACLICK)}`;
const ddgL = (target: string): string =>
  `//duckduckgo.com/l/?uddg=${encodeURIComponent(target)}&amp;rut=abc123`;

const DDG_HTML = page_(
  '<title>acme gmbh at DuckDuckGo</title>',
  `<div id="header"><form action="/html/" method="post"><input name="q" type="text" value="acme gmbh"><input type="submit" value="S"></form></div>
  <div id="links" class="results">
    <div class="result results_links results_links_deep result--ad"><div class="links_main links_deep result__body">
      <h2 class="result__title"><a rel="nofollow" class="result__a" href="${DDG_AD.replace(/&/g, '&amp;')}">ACME-Alternative – Konkurrenz</a></h2>
      <a class="result__snippet" href="${DDG_AD.replace(/&/g, '&amp;')}">Günstiger als ACME. Anzeige</a></div></div>
    <div class="result results_links results_links_deep web-result"><div class="links_main links_deep result__body">
      <h2 class="result__title"><a rel="nofollow" class="result__a" href="${ddgL('https://www.acme.de/')}">ACME GmbH</a></h2>
      <div class="result__extras"><div class="result__extras__url"><a class="result__url" href="${ddgL('https://www.acme.de/')}">www.acme.de</a></div></div>
      <a class="result__snippet" href="${ddgL('https://www.acme.de/')}">Bohrmaschinen aus Stuttgart.</a></div></div>
    <div class="result results_links results_links_deep web-result"><div class="links_main links_deep result__body">
      <h2 class="result__title"><a rel="nofollow" class="result__a" href="${ddgL('https://de.wikipedia.org/wiki/ACME_GmbH')}">ACME GmbH – Wikipedia</a></h2>
      <a class="result__snippet" href="${ddgL('https://de.wikipedia.org/wiki/ACME_GmbH')}">Deutscher Werkzeughersteller.</a></div></div>
    <div class="nav-link"><form action="/html/" method="post"><input type="submit" value="Next"><input type="hidden" name="q" value="acme gmbh"><input type="hidden" name="s" value="30"></form></div>
  </div>`,
);

test('duckduckgo html version: POSTed query from the search box, uddg and y.js links', async ({
  page,
}) => {
  const url = 'https://html.duckduckgo.com/html/';
  await serve(page, url, DDG_HTML);
  const p = await mustRead(page, url);
  expect({
    engine: p.engine,
    adapter: p.adapter,
    query: p.query,
    page: p.page,
    lateResults: p.lateResults,
  }).toEqual({
    engine: 'duckduckgo',
    adapter: 'duckduckgo-html',
    query: 'acme gmbh',
    page: 1,
    lateResults: false,
  });
  expectWellFormed(p);
  expect(pairs(ofKind(p, 'organic'))).toEqual([
    ['ACME GmbH', 'https://www.acme.de/'],
    ['ACME GmbH – Wikipedia', 'https://de.wikipedia.org/wiki/ACME_GmbH'],
  ]);
  expect(pairs(ofKind(p, 'ad'))).toEqual([['ACME-Alternative – Konkurrenz', BING_AD_TARGET]]);
  expect(ofKind(p, 'organic')[0]?.snippet).toBe('Bohrmaschinen aus Stuttgart.');
});

const DDG_LITE = page_(
  '<title>DuckDuckGo</title>',
  `<form action="/lite/" method="post"><input class="query" type="text" name="q" value="acme"></form>
  <table border="0">
    <tr class="result-sponsored"><td valign="top">1.&nbsp;</td><td><a rel="nofollow" href="https://duckduckgo.com/y.js?ad_domain=konkurrenz.example&amp;ad_provider=bingv7aa" class="result-link">ACME-Alternative</a></td></tr>
    <tr class="result-sponsored"><td>&nbsp;&nbsp;&nbsp;</td><td class="result-snippet">Günstiger als ACME.</td></tr>
    <tr><td>&nbsp;</td><td>&nbsp;</td></tr>
    <tr><td valign="top">1.&nbsp;</td><td><a rel="nofollow" href="${ddgL('https://www.acme.de/produkte/robodrill-3000')}" class="result-link">RoboDrill 3000 – ACME GmbH</a></td></tr>
    <tr><td>&nbsp;&nbsp;&nbsp;</td><td class="result-snippet">Die Bohrmaschine für Profis.</td></tr>
    <tr><td>&nbsp;&nbsp;&nbsp;</td><td><span class="link-text">www.acme.de/produkte/robodrill-3000</span></td></tr>
    <tr><td>&nbsp;</td><td>&nbsp;</td></tr>
    <tr><td valign="top">2.&nbsp;</td><td><a rel="nofollow" href="${ddgL('https://www.heise.de/news/acme.html')}" class="result-link">ACME bei heise</a></td></tr>
    <tr><td>&nbsp;&nbsp;&nbsp;</td><td class="result-snippet">Alle Artikel über ACME.</td></tr>
    <tr><td>&nbsp;&nbsp;&nbsp;</td><td><span class="link-text">www.heise.de/news/acme.html</span></td></tr>
  </table>`,
);

test('duckduckgo lite version: table rows, sponsored rows apart, page from s=', async ({
  page,
}) => {
  const url = 'https://lite.duckduckgo.com/lite/?q=acme&s=20';
  await serve(page, url, DDG_LITE);
  const p = await mustRead(page, url);
  expect(p.adapter).toBe('duckduckgo-lite');
  expect(p.query).toBe('acme');
  expect(p.page).toBe(2);
  expectWellFormed(p);
  expect(ofKind(p, 'organic').map((r) => [r.title, r.url, r.snippet])).toEqual([
    [
      'RoboDrill 3000 – ACME GmbH',
      'https://www.acme.de/produkte/robodrill-3000',
      'Die Bohrmaschine für Profis.',
    ],
    ['ACME bei heise', 'https://www.heise.de/news/acme.html', 'Alle Artikel über ACME.'],
  ]);
  // The target of this ad is opaque: the advertiser's domain stands in.
  expect(ofKind(p, 'ad').map((r) => [r.title, r.url, r.snippet])).toEqual([
    ['ACME-Alternative', 'https://konkurrenz.example/', 'Günstiger als ACME.'],
  ]);
});

const ECOSIA = page_(
  '<title>acme - Ecosia</title>',
  `<header><form action="/search"><input name="q" value="acme"></form></header>
  <main><div class="mainline">
    <div data-test-id="mainline-result-ad" class="result ad-result"><div class="result__header">
      <a data-test-id="result-link" class="result__link" href="${BING_ACLICK.replace(/&/g, '&amp;')}"><h2 class="result-title__heading">Konkurrenz: die ACME-Alternative</h2></a></div>
      <p data-test-id="ad-description">Anzeige – jetzt sparen.</p></div>
    <article data-test-id="mainline-result-web" class="result web-result mainline__result"><div class="result__header">
      <a data-test-id="result-link" class="result__link" href="https://www.acme.de/"><h2 class="result-title__heading">ACME GmbH</h2></a></div>
      <div class="result__body"><p data-test-id="web-result-description" class="web-result__description">Bohrmaschinen aus Stuttgart.</p></div></article>
    <article data-test-id="mainline-result-web" class="result web-result mainline__result"><div class="result__header">
      <a data-test-id="result-link" class="result__link" href="https://de.wikipedia.org/wiki/ACME_GmbH"><h2 class="result-title__heading">ACME GmbH – Wikipedia</h2></a></div>
      <div class="result__body"><p data-test-id="web-result-description" class="web-result__description">Deutscher Werkzeughersteller.</p></div></article>
  </div></main>`,
);

test('ecosia: results, structural ads, 0-based p=', async ({ page }) => {
  const url = 'https://www.ecosia.org/search?method=index&q=acme&p=1';
  await serve(page, url, ECOSIA);
  const p = await mustRead(page, url);
  expect({ engine: p.engine, adapter: p.adapter, query: p.query, page: p.page }).toEqual({
    engine: 'ecosia',
    adapter: 'ecosia',
    query: 'acme',
    page: 2,
  });
  expectWellFormed(p);
  expect(ofKind(p, 'organic').map((r) => [r.title, r.url, r.snippet])).toEqual([
    ['ACME GmbH', 'https://www.acme.de/', 'Bohrmaschinen aus Stuttgart.'],
    [
      'ACME GmbH – Wikipedia',
      'https://de.wikipedia.org/wiki/ACME_GmbH',
      'Deutscher Werkzeughersteller.',
    ],
  ]);
  expect(pairs(ofKind(p, 'ad'))).toEqual([['Konkurrenz: die ACME-Alternative', BING_AD_TARGET]]);
});

const STARTPAGE = page_(
  '<title>Startpage Suchergebnisse</title>',
  `<form id="search" action="/sp/search" method="post"><input id="q" name="query" value="acme gmbh"></form>
  <div class="mainline-results">
    <div class="a-gl-result"><a href="https://www.googleadservices.com/pagead/aclk?sa=L&amp;adurl=https://www.konkurrenz.example/acme"><h2>ACME-Alternative bei Konkurrenz</h2></a><p>Anzeige · Sofort lieferbar.</p></div>
    <div class="w-gl">
      <div class="w-gl__result"><a class="w-gl__result-title result-link" href="https://www.acme.de/"><h3>ACME GmbH</h3></a><p class="w-gl__description">Bohrmaschinen aus Stuttgart.</p></div>
      <div class="w-gl__result"><a class="w-gl__result-title result-link" href="https://www.heise.de/news/acme.html"><h3>ACME bei heise online</h3></a><p class="w-gl__description">Alle Artikel über ACME.</p></div>
      <div class="result"><a class="result-title result-link" href="https://de.wikipedia.org/wiki/ACME_GmbH"><h2 class="wgl-title">ACME GmbH – Wikipedia</h2></a><p class="description">Deutscher Werkzeughersteller.</p></div>
    </div>
    <div class="pagination"><button class="pagination__num pagination__num--active">1</button><button class="pagination__num">2</button></div>
  </div>`,
);

test('startpage: POSTed search, query from the search box', async ({ page }) => {
  const url = 'https://www.startpage.com/sp/search';
  await serve(page, url, STARTPAGE);
  const p = await mustRead(page, url);
  expect({ engine: p.engine, adapter: p.adapter, query: p.query, page: p.page }).toEqual({
    engine: 'startpage',
    adapter: 'startpage',
    query: 'acme gmbh',
    page: 1,
  });
  expectWellFormed(p);
  expect(ofKind(p, 'organic').map((r) => [r.title, r.url, r.snippet])).toEqual([
    ['ACME GmbH', 'https://www.acme.de/', 'Bohrmaschinen aus Stuttgart.'],
    ['ACME bei heise online', 'https://www.heise.de/news/acme.html', 'Alle Artikel über ACME.'],
    [
      'ACME GmbH – Wikipedia',
      'https://de.wikipedia.org/wiki/ACME_GmbH',
      'Deutscher Werkzeughersteller.',
    ],
  ]);
  expect(pairs(ofKind(p, 'ad'))).toEqual([
    ['ACME-Alternative bei Konkurrenz', 'https://www.konkurrenz.example/acme'],
  ]);
});

const QWANT = page_(
  '<title>acme - Qwant</title>',
  `<form><input name="q" value="acme"></form>
  <main><div data-testid="sectionWeb">
    <div data-testid="adResult"><a data-testid="serTitle" href="${BING_ACLICK.replace(/&/g, '&amp;')}"><span>Konkurrenz – ACME-Alternative</span></a><div class="desc">Anzeige</div></div>
    <div data-testid="webResult" domain="www.acme.de"><div><a data-testid="serTitle" class="external" href="https://www.acme.de/"><span>ACME GmbH</span></a></div>
      <div data-testid="serDesc">Bohrmaschinen aus Stuttgart.</div></div>
    <div data-testid="webResult" domain="de.wikipedia.org"><div><a data-testid="serTitle" class="external" href="https://de.wikipedia.org/wiki/ACME_GmbH"><span>ACME GmbH – Wikipedia</span></a></div>
      <div data-testid="serDesc">Deutscher Werkzeughersteller.</div></div>
  </div></main>`,
);

test('qwant: results and ads', async ({ page }) => {
  const url = 'https://www.qwant.com/?q=acme&t=web';
  await serve(page, url, QWANT);
  const p = await mustRead(page, url);
  expect({
    engine: p.engine,
    adapter: p.adapter,
    query: p.query,
    page: p.page,
    lateResults: p.lateResults,
  }).toEqual({
    engine: 'qwant',
    adapter: 'qwant',
    query: 'acme',
    page: 1,
    lateResults: true,
  });
  expectWellFormed(p);
  expect(ofKind(p, 'organic').map((r) => [r.title, r.url, r.snippet])).toEqual([
    ['ACME GmbH', 'https://www.acme.de/', 'Bohrmaschinen aus Stuttgart.'],
    [
      'ACME GmbH – Wikipedia',
      'https://de.wikipedia.org/wiki/ACME_GmbH',
      'Deutscher Werkzeughersteller.',
    ],
  ]);
  expect(pairs(ofKind(p, 'ad'))).toEqual([['Konkurrenz – ACME-Alternative', BING_AD_TARGET]]);
});

const ddgResult = (n: number, target: string, title: string): string =>
  `<div id="r1-${n}" class="result results_links_deep highlight_d"><div class="result__body links_main links_deep">
    <h2 class="result__title"><a class="result__a" href="${target}">${title}</a><span class="result__check__tt">Your browser indicates if you've visited this link</span></h2>
    <div class="result__snippet">Snippet ${n} über ACME und den RoboDrill 3000.</div></div></div>`;

test('duckduckgo: results that arrive after load are picked up on the next read', async ({
  page,
}) => {
  const url = 'https://duckduckgo.com/?q=acme&t=h_&ia=web';
  await serve(
    page,
    url,
    page_(
      '<title>acme at DuckDuckGo</title>',
      `<form id="search_form"><input id="search_form_input" name="q" value="acme"></form>
      <div id="links" class="results js-results">${ddgResult(0, 'https://www.acme.de/', 'ACME GmbH')}${ddgResult(1, 'https://de.wikipedia.org/wiki/ACME_GmbH', 'ACME – Wikipedia')}</div>`,
    ),
  );
  const before = await mustRead(page, url);
  expect(before.lateResults).toBe(true);
  expect(pairs(ofKind(before, 'organic'))).toEqual([
    ['ACME GmbH', 'https://www.acme.de/'],
    ['ACME – Wikipedia', 'https://de.wikipedia.org/wiki/ACME_GmbH'],
  ]);
  await page.evaluate(
    (html) => document.querySelector('#links')?.insertAdjacentHTML('beforeend', html),
    `<div class="result result--sep"><div class="result__pagenum">2</div></div>${ddgResult(2, 'https://www.heise.de/news/acme.html', 'ACME bei heise')}${ddgResult(3, 'https://www.golem.de/acme.html', 'ACME bei Golem')}`,
  );
  const after = await mustRead(page, url);
  expectWellFormed(after);
  expect(ofKind(after, 'organic').map((r) => [r.rank, r.title, r.url])).toEqual([
    [1, 'ACME GmbH', 'https://www.acme.de/'],
    [2, 'ACME – Wikipedia', 'https://de.wikipedia.org/wiki/ACME_GmbH'],
    [3, 'ACME bei heise', 'https://www.heise.de/news/acme.html'],
    [4, 'ACME bei Golem', 'https://www.golem.de/acme.html'],
  ]);
});

const REDESIGN = page_(
  '<title>acme - Google Suche</title>',
  `<header><nav><a href="https://www.google.de/imghp"><h3>Bilder</h3></a><span>Suchen nach Bildern mit ACME</span></nav></header>
  <div id="app"><div class="results-v2">
    <section class="r"><h2><a href="https://www.acme.de/">ACME GmbH</a></h2><p>Bohrmaschinen aus Stuttgart seit 1950.</p></section>
    <section class="r"><h2><a href="https://de.wikipedia.org/wiki/ACME_GmbH">ACME GmbH – Wikipedia</a></h2><p>Deutscher Werkzeughersteller mit Sitz in Stuttgart.</p></section>
    <section class="r"><h2><a href="/search?q=acme+robodrill">Ähnliche Suchen</a></h2><p>acme robodrill, acme ersatzteile, acme jobs</p></section>
    <section class="r"><h2><a href="https://www.heise.de/news/acme.html">ACME bei heise</a></h2><p>Alle Artikel über ACME und den RoboDrill 3000.</p></section>
  </div></div>
  <footer><a href="https://policies.google.com/privacy"><h4>Datenschutz</h4></a><p>Datenschutzerklärung von Google lesen.</p></footer>`,
);

test('a redesign the rules do not know degrades to the heuristics', async ({ page }) => {
  const url = 'https://www.google.de/search?q=acme';
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await serve(page, url, REDESIGN);
  const p = await mustRead(page, url);
  expect({ engine: p.engine, adapter: p.adapter, query: p.query }).toEqual({
    engine: 'google',
    adapter: 'generic',
    query: 'acme',
  });
  expectWellFormed(p);
  expect(ofKind(p, 'organic').map((r) => [r.title, r.url, r.snippet])).toEqual([
    ['ACME GmbH', 'https://www.acme.de/', 'Bohrmaschinen aus Stuttgart seit 1950.'],
    [
      'ACME GmbH – Wikipedia',
      'https://de.wikipedia.org/wiki/ACME_GmbH',
      'Deutscher Werkzeughersteller mit Sitz in Stuttgart.',
    ],
    [
      'ACME bei heise',
      'https://www.heise.de/news/acme.html',
      'Alle Artikel über ACME und den RoboDrill 3000.',
    ],
  ]);
  expect(errors).toEqual([]);
});

test('engines without rules (Yahoo) are read heuristically, RU= redirects unwrapped', async ({
  page,
}) => {
  const yahoo = 'https://search.yahoo.com/search?p=acme&b=11';
  const ru =
    'https://r.search.yahoo.com/_ylt=AwrE/RV=2/RE=1700000000/RO=10/RU=https%3a%2f%2fwww.acme.de%2fueber-uns/RK=2/RS=abc-';
  await serve(
    page,
    yahoo,
    page_(
      '<title>acme - Yahoo Search</title>',
      `<div id="web"><ol class="searchCenterMiddle">
        <li><div class="algo"><h3 class="title"><a href="${ru}">Über uns – ACME GmbH</a></h3><div class="compText"><p>Seit 1950 bauen wir Bohrmaschinen.</p></div></div></li>
        <li><div class="algo"><h3 class="title"><a href="https://de.wikipedia.org/wiki/ACME_GmbH">ACME GmbH – Wikipedia</a></h3><div class="compText"><p>Deutscher Werkzeughersteller.</p></div></div></li>
      </ol></div>`,
    ),
  );
  const p = await mustRead(page, yahoo);
  expect({ engine: p.engine, adapter: p.adapter, query: p.query, page: p.page }).toEqual({
    engine: 'generic',
    adapter: 'generic',
    query: 'acme',
    page: 2,
  });
  expect(pairs(ofKind(p, 'organic'))).toEqual([
    ['Über uns – ACME GmbH', 'https://www.acme.de/ueber-uns'],
    ['ACME GmbH – Wikipedia', 'https://de.wikipedia.org/wiki/ACME_GmbH'],
  ]);
});

// ---------------------------------------------------------------------------
// Not a results page

const CONSENT = page_(
  '<title>Bevor Sie zu Google weitergehen</title>',
  `<div class="consent"><h1>Bevor Sie zu Google weitergehen</h1>
    <p>Wir verwenden Cookies und Daten, um Dienste von Google bereitzustellen und zu betreiben.</p>
    <a href="https://policies.google.com/technologies/cookies?hl=de"><h2>Weitere Optionen</h2></a><p>Mehr zu Ihren Einstellungen.</p>
    <form action="https://consent.google.com/save" method="POST"><input type="hidden" name="continue" value="https://www.google.de/search?q=acme"><button>Alle ablehnen</button></form>
    <form action="https://consent.google.com/save" method="POST"><input type="hidden" name="continue" value="https://www.google.de/search?q=acme"><button>Alle akzeptieren</button></form>
  </div>`,
);

test('a consent interstitial is skipped without errors', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const consentUrl =
    'https://consent.google.com/ml?continue=https://www.google.de/search?q%3Dacme&gl=DE&hl=de&pc=s&src=1';
  await serve(page, consentUrl, CONSENT);
  const verdict = await page.evaluate(
    ({ url, name }) => {
      const serp = (globalThis as unknown as Record<string, typeof SerpApi>)[name];
      if (!serp) throw new Error('reader not injected');
      return {
        read: serp.readSerp(document, url),
        consent: serp.isConsentPage(url),
        search: serp.isSearchUrl(url),
      };
    },
    { url: consentUrl, name: SERP_GLOBAL },
  );
  expect(verdict).toEqual({ read: null, consent: true, search: false });

  // The same wall served at the search address itself.
  await page.unrouteAll();
  const searchUrl = 'https://www.google.de/search?q=acme';
  await serve(page, searchUrl, CONSENT);
  expect(await read(page, searchUrl)).toBeNull();
  expect(
    await page.evaluate(
      ({ url, name }) =>
        (globalThis as unknown as Record<string, typeof SerpApi>)[name]?.isConsentPage(
          url,
          document,
        ),
      { url: searchUrl, name: SERP_GLOBAL },
    ),
  ).toBe(true);

  // An empty results page is a results page with no results, not an error.
  await page.unrouteAll();
  await serve(page, 'https://www.bing.com/search?q=acme', page_('<title>acme</title>', ''));
  const empty = await mustRead(page, 'https://www.bing.com/search?q=acme');
  expect({ engine: empty.engine, results: empty.results }).toEqual({ engine: 'bing', results: [] });
  expect(errors).toEqual([]);
});

test('isSearchUrl: cheap URL check', async ({ page }) => {
  await serve(page, 'https://www.acme.de/', page_('<title>ACME</title>', '<h1>ACME</h1>'));
  const cases: [string, boolean][] = [
    ['https://www.google.de/search?q=acme', true],
    ['https://www.google.at/search?q=acme&start=10', true],
    ['https://www.google.co.uk/search?q=acme', true],
    ['https://www.google.com.au/search?q=acme&tbm=nws', true],
    ['https://google.com/search?q=acme', true],
    ['https://www.bing.com/search?q=acme', true],
    ['https://www.bing.com/news/search?q=acme', true],
    ['https://duckduckgo.com/?q=acme', true],
    ['https://html.duckduckgo.com/html/', true],
    ['https://lite.duckduckgo.com/lite/', true],
    ['https://www.ecosia.org/search?q=acme', true],
    ['https://www.startpage.com/sp/search', true],
    ['https://www.startpage.com/do/dsearch?query=acme', true],
    ['https://www.qwant.com/?q=acme&t=web', true],
    ['https://search.yahoo.com/search?p=acme', true],
    ['https://www.google.de/', false],
    ['https://www.google.de/maps?q=acme', false],
    ['https://www.google.com/sorry/index?continue=https://www.google.com/search%3Fq%3Dacme', false],
    ['https://consent.google.com/ml?continue=https://www.google.de/search?q%3Dacme', false],
    ['https://news.google.com/search?q=acme', false],
    ['https://duckduckgo.com/', false],
    ['https://www.qwant.com/', false],
    ['https://www.acme.de/search?q=robodrill', false],
    ['https://www.google.evil.example/search?q=acme', false],
    ['chrome://extensions/', false],
    ['not a url', false],
  ];
  const got = await page.evaluate(
    ({ urls, name }) => {
      const serp = (globalThis as unknown as Record<string, typeof SerpApi>)[name];
      if (!serp) throw new Error('reader not injected');
      return urls.map((u) => [u, serp.isSearchUrl(u)] as [string, boolean]);
    },
    { urls: cases.map(([u]) => u), name: SERP_GLOBAL },
  );
  expect(got).toEqual(cases);
  expect(await read(page, 'https://www.acme.de/')).toBeNull();
});
