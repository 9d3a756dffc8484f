import type { EngineDef } from '../types.ts';
import { VIDEO_BY_URL } from './video-hosts.ts';

/**
 * DuckDuckGo: the JavaScript page (duckduckgo.com/?q=, older `div.result`
 * markup and the newer `article[data-testid=result]`), the HTML version
 * (html.duckduckgo.com/html) and the lite version (lite.duckduckgo.com/lite).
 * Ads are `.result--ad` / `[data-testid=ad]` / `tr.result-sponsored`; their
 * links go through duckduckgo.com/y.js, organic ones through /l/?uddg=.
 */

export const duckduckgo: EngineDef = {
  engine: 'duckduckgo',
  urls: [
    {
      host: /^(www\.|start\.)?duckduckgo\.com$/,
      hosts: ['duckduckgo.com', 'www.duckduckgo.com', 'start.duckduckgo.com'],
      path: /^\/$/,
      needsQuery: true,
      notParams: { ia: /^(images|videos|maps|shopping)$/, iax: /^(images|videos|maps|shopping)$/ },
    },
    {
      host: /^(www\.)?duckduckgo\.com$/,
      hosts: ['duckduckgo.com', 'www.duckduckgo.com'],
      path: /^\/(html|lite)\/?$/,
    },
    { host: /^html\.duckduckgo\.com$/, hosts: ['html.duckduckgo.com'], path: /^\/html\/?$/ },
    { host: /^lite\.duckduckgo\.com$/, hosts: ['lite.duckduckgo.com'], path: /^\/lite\/?$/ },
  ],
  queryParams: ['q'],
  searchInput: '#search_form_input, input[name="q"]',
  pages: [
    // The HTML and lite versions post `s` (offset): 20 or 30 for page 2,
    // then steps of 50. The JavaScript page has no page parameter.
    {
      param: 's',
      type: 'offset',
      toPage: (s) => (s <= 0 ? 1 : s < 50 ? 2 : 2 + Math.ceil((s - 30) / 50)),
    },
  ],
  lateResults: true,
  layouts: [
    {
      adapter: 'duckduckgo-lite',
      match: { path: /^\/lite\/?$/ },
      organic: [
        {
          title: 'a.result-link',
          exclude: '.result-sponsored',
          snippet: '.result-snippet',
          snippetSiblings: 2,
        },
      ],
      ads: [
        {
          root: 'tr.result-sponsored',
          title: 'a.result-link, a[href]',
          snippet: '.result-snippet',
          snippetSiblings: 2,
        },
      ],
      adZones: '.result-sponsored',
      rootStop: 'tr',
      kinds: [VIDEO_BY_URL],
      lateResults: false,
    },
    {
      adapter: 'duckduckgo-html',
      match: { path: /^\/html\/?$/ },
      scope: '#links, .results, body',
      organic: [
        { root: '.result:not(.result--ad)', title: 'a.result__a', snippet: '.result__snippet' },
      ],
      ads: [{ root: '.result--ad', title: 'a.result__a, h2 a', snippet: '.result__snippet' }],
      adZones: '.result--ad, .results--ads',
      kinds: [VIDEO_BY_URL],
      lateResults: false,
    },
    {
      adapter: 'duckduckgo',
      scope: '#links, .react-results--main, [data-testid="mainline"], .results--main, body',
      organic: [
        { root: '.result:not(.result--ad)', title: 'a.result__a', snippet: '.result__snippet' },
        {
          root: 'article[data-testid="result"]',
          title: 'a[data-testid="result-title-a"], h2 a',
          snippet: '[data-result="snippet"]',
        },
      ],
      ads: [
        { root: '.result--ad', title: 'a.result__a, h2 a', snippet: '.result__snippet' },
        {
          root: 'article[data-testid="ad"], li[data-layout="ad"] article, [data-testid="ad"]',
          title: 'a[data-testid="result-title-a"], h2 a, h2',
          snippet: '[data-result="snippet"]',
        },
      ],
      adZones: '.result--ad, .results--ads, [data-testid="ad"], [data-layout="ad"]',
      kinds: [VIDEO_BY_URL],
      lateResults: true,
    },
  ],
};
