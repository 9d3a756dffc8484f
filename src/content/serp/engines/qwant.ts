import type { EngineDef } from '../types.ts';

/** Qwant (www.qwant.com/?q=… and lite.qwant.com). Results are appended on "more results". */
export const qwant: EngineDef = {
  engine: 'qwant',
  urls: [
    {
      host: /^(www\.|lite\.)?qwant\.com$/,
      hosts: ['qwant.com', 'www.qwant.com', 'lite.qwant.com'],
      path: /^\/$/,
      needsQuery: true,
    },
  ],
  queryParams: ['q'],
  searchInput: 'input[name="q"]',
  pages: [{ param: 'p', type: 'page' }],
  lateResults: true,
  layouts: [
    {
      adapter: 'qwant-lite',
      match: { host: /^lite\.qwant\.com$/ },
      organic: [
        {
          root: 'article.result, .result:not(.result--ad)',
          title: 'h2 a, a h2, a.url',
          snippet: 'p.desc, .desc, p',
        },
      ],
      ads: [
        {
          root: '.result--ad, article.ad, .ads .result',
          title: 'h2 a, a h2, a[href]',
          snippet: 'p',
        },
      ],
      adZones: '.result--ad, article.ad, .ads',
      lateResults: false,
    },
    {
      adapter: 'qwant',
      scope: '[data-testid="sectionWeb"], main, body',
      organic: [
        {
          root: '[data-testid="webResult"]',
          title: 'a[data-testid="serTitle"], h2 a, a h2, a[class*="title" i]',
          snippet: '[data-testid="serDesc"], [class*="desc" i]',
        },
      ],
      ads: [
        {
          root: '[data-testid="adResult"], [data-testid="ad"], [data-testid="sponsoredResult"]',
          title: 'a[data-testid="serTitle"], h2 a, a h2, a[href]',
          snippet: '[data-testid="serDesc"], [class*="desc" i]',
        },
      ],
      adZones:
        '[data-testid="adResult"], [data-testid="ad"], [data-testid="sponsoredResult"], [data-testid="sectionAds"]',
      lateResults: true,
    },
  ],
};
