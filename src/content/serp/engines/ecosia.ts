import type { EngineDef } from '../types.ts';

/** Ecosia web and news results; `p` is the 0-based page. */
export const ecosia: EngineDef = {
  engine: 'ecosia',
  urls: [
    {
      host: /^(www\.)?ecosia\.org$/,
      hosts: ['ecosia.org', 'www.ecosia.org'],
      path: /^\/(search|news)$/,
    },
  ],
  queryParams: ['q'],
  searchInput: 'input[name="q"]',
  pages: [{ param: 'p', type: 'page0' }],
  lateResults: false,
  layouts: [
    {
      adapter: 'ecosia',
      scope: 'main, #main, body',
      organic: [
        {
          root: '[data-test-id="mainline-result-web"], [data-test-id="mainline-result-news"], article.result:not(.ad-result), .result.web-result, .mainline__result:not(.ad-result)',
          title: '[data-test-id="result-link"], a.result__link, a.result-title, h2 a, a h2',
          snippet:
            '[data-test-id="web-result-description"], [data-test-id="result-description"], .web-result__description, .result-snippet, .result__description',
        },
      ],
      ads: [
        {
          root: '[data-test-id="mainline-result-ad"], [data-test-id="ad-result"], .ad-result, .result--ad',
          title: '[data-test-id="result-link"], a.result__link, a.result-title, h2 a, a h2',
          snippet: '[data-test-id="ad-description"], .result__description, .result-snippet',
        },
      ],
      adZones:
        '[data-test-id="mainline-result-ad"], [data-test-id="ad-result"], .ad-result, .result--ad, [data-test-id="mainline-ads"]',
      kinds: [],
      lateResults: false,
    },
  ],
};
