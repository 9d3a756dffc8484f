import type { EngineDef } from '../types.ts';
import { VIDEO_BY_URL } from './video-hosts.ts';

/**
 * Bing web and news results. Organic results are `li.b_algo` in
 * `#b_results`; ads are `li.b_ad` blocks holding one `.sb_add` per ad (the
 * "Ad" label is localised, the classes are not).
 */

export const bing: EngineDef = {
  engine: 'bing',
  urls: [
    {
      host: /^(www\.|cn\.)?bing\.com$/,
      hosts: ['bing.com', 'www.bing.com', 'cn.bing.com'],
      path: /^\/(search|news\/search)$/,
    },
  ],
  queryParams: ['q'],
  searchInput: '#sb_form_q, input[name="q"], textarea[name="q"]',
  pages: [
    // Bing's `first` is the 1-based rank of the first result, but its steps
    // vary (1, 5, 15, 25 … or 1, 11, 21 …): 2..11 is page 2, 12..21 page 3.
    {
      param: 'first',
      type: 'offset',
      toPage: (first) => (first <= 1 ? 1 : Math.floor((first - 2) / 10) + 2),
    },
  ],
  lateResults: true,
  layouts: [
    {
      adapter: 'bing-news',
      match: { path: /^\/news\// },
      scope: '#algocore, #b_content, main',
      organic: [
        {
          root: '.news-card, .newsitem, .news-card-body',
          title: 'a.title, .title a, a[href]',
          snippet: '.snippet, .news-card-snippet',
        },
        { root: 'li.b_algo', title: 'h2 a', snippet: '.b_caption p, p' },
      ],
      ads: [{ root: '.b_ad .sb_add, li.b_ad', title: 'h2 a, h2, h3 a' }],
      adZones: '.b_ad, .b_adTop, .b_adBottom, .b_adSlug',
      defaultKind: 'news',
      lateResults: true,
      currentPage: '.sb_pagS',
    },
    {
      adapter: 'bing',
      match: { selector: '#b_results' },
      scope: '#b_results',
      organic: [
        {
          root: 'li.b_algo',
          title: 'h2 a, .b_title a, h2',
          snippet:
            '.b_caption p, .b_lineclamp2, .b_lineclamp3, .b_lineclamp4, .b_algoSlug, .b_paractl, p',
        },
      ],
      ads: [
        { root: '.b_ad .sb_add', title: 'h2 a, h2, h3 a', snippet: '.b_caption p, p, .b_caption' },
        { root: 'li.b_ad', title: 'h2 a, h2, h3 a', snippet: '.b_caption p, p, .b_caption' },
      ],
      adZones: '.b_ad, .b_adTop, .b_adBottom, .b_adSlug, [data-adid]',
      kinds: [VIDEO_BY_URL],
      lateResults: true,
      currentPage: '.sb_pagS',
    },
  ],
};
