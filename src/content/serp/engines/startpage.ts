import type { EngineDef } from '../types.ts';

/**
 * Startpage. Searches are often POSTed to /sp/search, so the URL may carry
 * no query: the search box is the fallback.
 */
export const startpage: EngineDef = {
  engine: 'startpage',
  urls: [
    {
      host: /^([a-z0-9-]+\.)?startpage\.(com|nl)$/,
      hosts: ['startpage.com', '*.startpage.com', 'startpage.nl', '*.startpage.nl'],
      path: /^\/(sp|do|rvd)\/[a-z]*search(\.pl)?$/,
    },
  ],
  queryParams: ['query', 'q'],
  searchInput: 'input[name="query"], #q, input[name="q"]',
  pages: [{ param: 'page', type: 'page' }],
  lateResults: false,
  layouts: [
    {
      adapter: 'startpage',
      scope: '.w-gl, .mainline-results, #main, main, body',
      organic: [
        {
          root: '.w-gl__result, .result:not(.a-gl-result)',
          title: 'a.w-gl__result-title, a.result-title, a.result-link, h2 a, h3 a, a h2, a h3',
          snippet: '.w-gl__description, p.description, .description',
        },
      ],
      ads: [
        {
          root: '.a-gl-result, .sp-ad, [data-testid="ad"], .ad-result',
          title: 'a h2, a h3, h2 a, h3 a, a[href]',
        },
      ],
      adZones: '.a-gl, .a-gl-result, #adBlock, .sp-ads, .sp-ad, [data-testid="ad"], .ad-result',
      kinds: [],
      lateResults: false,
      currentPage: '.pagination__num--active, .pagination .active',
    },
  ],
};
