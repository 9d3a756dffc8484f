import type { EngineDef, KindRule, Layout, ResultRule } from '../types.ts';
import { VIDEO_BY_URL } from './video-hosts.ts';

/**
 * Google web and news results, every country domain (google.de, google.at,
 * google.co.uk, google.com.au …), desktop, mobile and no-JavaScript layouts.
 *
 * Google's class names are generated and change; the rules lean on what has
 * stayed put for years: ids of the page regions (#center_col, #rso, #tads,
 * #bottomads), `data-text-ad` on text ads, `.pla-unit` on shopping ads, and
 * "a link holding a heading" (`a h3`, `a [role=heading]`) for result titles.
 */

const ADS: ResultRule[] = [
  { root: '[data-text-ad]', title: '[role="heading"], h3, a[data-pcu], a[data-rw]' },
  { root: '.pla-unit', title: '.pla-unit-title, .pymv4e, [role="heading"], h3, h4' },
  { root: 'li.ads-ad, li.ads-fr, .ads-ad', title: 'h3, [role="heading"]' },
];

const AD_ZONES = [
  '#tads',
  '#tadsb',
  '#bottomads',
  '#tvcap',
  '[data-text-ad]',
  '.pla-unit',
  '.commercial-unit-desktop-top',
  '.commercial-unit-desktop-rhs',
  '.commercial-unit-mobile-top',
  '.commercial-unit-mobile-bottom',
  '.cu-container',
  '.ads-ad',
].join(', ');

/** "People also ask", knowledge panels, local packs: never results of their own. */
const NOT_RESULTS = [
  '[data-initq]',
  '.related-question-pair',
  '.kp-wholepage',
  '.kp-blk',
  '#rhs',
  'g-accordion-expander',
].join(', ');

const KINDS: KindRule[] = [
  // News items: "Top stories" carousels and the news tab use these links.
  {
    kind: 'news',
    selector: 'a.WlydOe, [data-news-doc-id], [data-news-cluster-id], g-section-with-header .JJZKK',
  },
  VIDEO_BY_URL,
];

const TITLES = 'a h3, a [role="heading"]';
const SNIPPETS = [
  '.VwiC3b',
  '[data-sncf="1"]',
  '[data-content-feature="1"]',
  '.IsZvec',
  'span.st',
  '.s3v9rd',
  '.yDYNvb',
  '.Uroaid',
  '.GI74Re',
].join(', ');
const ROOT_STOP = '.g, .MjjYud, .Gx5Zad, .SoaBEf, li';
const PAGINATION = 'td.cur, td.YyVfkd, [aria-current="page"]';

/** The desktop web layout; the other layouts differ in a few fields. */
const WEB: Layout = {
  adapter: 'google',
  scope: '#center_col, #main',
  organic: [{ title: TITLES, snippet: SNIPPETS }],
  ads: ADS,
  adZones: AD_ZONES,
  exclude: NOT_RESULTS,
  rootStop: ROOT_STOP,
  kinds: KINDS,
  lateResults: true,
  currentPage: PAGINATION,
};

export const google: EngineDef = {
  engine: 'google',
  urls: [
    {
      host: /^(www\.|encrypted\.)?google\.(com?\.)?[a-z]{2,3}$/,
      hosts: ['google.*', 'www.google.*', 'encrypted.google.*'],
      path: /^\/search$/,
      // Images, shopping, maps, finance, books: no web results to read.
      notParams: { tbm: /^(isch|shop|lcl|fin|flm|bks|pts)$/, udm: /^(2|28)$/ },
    },
  ],
  queryParams: ['q', 'as_q'],
  searchInput: 'textarea[name="q"], input[name="q"]',
  pages: [{ param: 'start', type: 'offset', perPage: 10, perPageParam: 'num' }],
  lateResults: true,
  layouts: [
    {
      ...WEB,
      adapter: 'google-news',
      match: { params: { tbm: /^nws$/ } },
      kinds: [VIDEO_BY_URL],
      defaultKind: 'news',
    },
    {
      ...WEB,
      adapter: 'google-videos',
      match: { params: { tbm: /^vid$/ } },
      kinds: [],
      defaultKind: 'video',
    },
    {
      ...WEB,
      adapter: 'google-mobile',
      match: { selector: 'meta[name="viewport"][content*="device-width"]' },
    },
    { ...WEB, adapter: 'google', match: { selector: '#rso, #search, #center_col' } },
    {
      // The basic HTML page (gbv=1, or any browser without JavaScript):
      // results in #main, links through /url?q=.
      ...WEB,
      adapter: 'google-nojs',
      match: { selector: '#main', notSelector: '#rso' },
      scope: '#main',
      organic: [{ title: TITLES, snippet: '.s3v9rd, .BNeawe:not(.vvjwJb):not(.UPmit)' }],
      lateResults: false,
    },
  ],
};
