import type { EngineDef } from '../types.ts';

/**
 * Engines recognised by URL only: their results are read heuristically
 * (engine 'generic', adapter 'generic'). Add a layout to promote one.
 */
export const urlOnlyEngines: EngineDef = {
  engine: 'generic',
  urls: [
    {
      host: /^(([a-z]{2}\.)?search\.yahoo\.com)$/,
      hosts: ['search.yahoo.com', '*.search.yahoo.com'],
      path: /^\/search/,
    },
    { host: /^search\.brave\.com$/, hosts: ['search.brave.com'], path: /^\/search$/ },
    {
      host: /^(www\.)?mojeek\.(com|co\.uk)$/,
      hosts: ['mojeek.com', 'www.mojeek.com', 'mojeek.co.uk', 'www.mojeek.co.uk'],
      path: /^\/search$/,
    },
    {
      host: /^(www\.)?yandex\.(com|ru|com\.tr|kz|by)$/,
      hosts: ['yandex.*', 'www.yandex.*'],
      path: /^\/search\/?$/,
    },
  ],
  queryParams: ['q', 'p', 'query', 'text'],
  searchInput: 'input[name="q"], input[name="p"], input[name="text"], input[type="search"]',
  pages: [
    { param: 'b', type: 'offset', perPage: 10, toPage: (b) => Math.floor((b - 1) / 10) + 1 },
    { param: 'offset', type: 'page0' },
  ],
  lateResults: true,
  layouts: [],
};
