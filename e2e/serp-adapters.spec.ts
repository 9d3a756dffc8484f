/**
 * The results-page reader (src/content/serp) on small hand-written pages:
 * engines and layouts the corpus of saved pages (serp-corpus.spec.ts) lacks,
 * redirects, late results, redesigns and consent pages. How pages are served
 * and read: support/serp-reader.ts.
 */
import type * as SerpApi from '../src/content/serp/index.ts';
import { SERP_GLOBAL } from './support/page-bundle.ts';
import {
  expect,
  expectWellFormed,
  mustRead,
  ofKind,
  pairs,
  read,
  serve,
  test,
} from './support/serp-reader.ts';

test.describe.configure({ mode: 'parallel' });
test.use({ trace: { mode: 'retain-on-failure', snapshots: false, screenshots: false } });

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
