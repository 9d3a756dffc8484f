// The log bench's mention queries (see measure.ts), timed in the extension page.
import type { Page } from '@playwright/test';
import type { Add } from './measure.ts';
import type { BenchLogApi } from './page-entry.ts';

declare const benchLog: BenchLogApi;

export async function measureMentions(page: Page, add: Add): Promise<void> {
  const first = await page.evaluate(async () => {
    const r = await benchLog.time(() =>
      benchLog.callWorker('mentions/query', {
        filter: benchLog.filter({}),
        sort: { key: 'date', descending: true },
        offset: 0,
        limit: 100,
      }),
    );
    return { ms: r.ms, rows: r.value.rows.length, total: r.value.total };
  });
  add({
    group: 'Mentions',
    name: 'first rows after the workspace opens (stopped worker: newest first, 100 rows)',
    runs: [first.ms],
    goal: 300,
    note: `${first.rows} rows of ${first.total}, read from the createdAt index while the mention index builds`,
  });
  const build = await page.evaluate(
    async () =>
      (
        await benchLog.time(() =>
          benchLog.callWorker('mentions/query', {
            filter: benchLog.filter({ sentiments: ['negative'] }),
            sort: { key: 'date', descending: true },
            offset: 0,
            limit: 100,
          }),
        )
      ).ms,
  );
  add({
    group: 'Mentions',
    name: 'first filter on a cold worker (builds the mention index)',
    runs: [build],
  });

  const queries: [string, Record<string, unknown>, { key: string; descending: boolean }][] = [
    ['filter: sentiment', { sentiments: ['negative'] }, { key: 'date', descending: true }],
    [
      'filter: brand + status',
      { brands: ['ACME'], statuses: ['new', 'in-progress'] },
      { key: 'date', descending: true },
    ],
    ['filter: role competitor', { role: 'competitor' }, { key: 'date', descending: true }],
    [
      'filter: tag + date range',
      { tags: ['Presse'], from: '2026-06-01', to: '2026-09-30' },
      { key: 'date', descending: true },
    ],
    ['search: one word', { text: 'lieferung' }, { key: 'date', descending: true }],
    [
      'search: two words with umlauts',
      { text: 'müller qualität' },
      { key: 'date', descending: true },
    ],
    [
      'search: word + filter, sorted by title',
      { text: 'garantie', sentiments: ['positive'] },
      { key: 'title', descending: false },
    ],
    ['sort: by note, all mentions', {}, { key: 'note', descending: false }],
    ['sort: by source, descending', {}, { key: 'source', descending: true }],
  ];
  for (const [name, f, sort] of queries) {
    // Each run with a new search word, so that no cached result answers.
    const times = await page.evaluate(
      async ({ f, sort }) => {
        const ms: number[] = [];
        for (let i = 0; i < 5; i++) {
          // A different end day far ahead in each run: the same rows, but no cached result.
          const filter = benchLog.filter({ to: `2030-01-0${i + 1}`, ...f });
          ms.push(
            (
              await benchLog.time(() =>
                benchLog.callWorker('mentions/query', {
                  filter,
                  sort: sort as never,
                  offset: 0,
                  limit: 100,
                }),
              )
            ).ms,
          );
        }
        return ms;
      },
      { f, sort },
    );
    add({ group: 'Mentions', name, runs: times, goal: 100 });
  }
  const scroll = await page.evaluate(async () => {
    const ms: number[] = [];
    for (let page = 0; page < 20; page++)
      ms.push(
        (
          await benchLog.time(() =>
            benchLog.callWorker('mentions/query', {
              filter: benchLog.filter({ sentiments: ['neutral', 'positive'] }),
              sort: { key: 'title', descending: false },
              offset: page * 100,
              limit: 100,
            }),
          )
        ).ms,
      );
    const deep = (
      await benchLog.time(() =>
        benchLog.callWorker('mentions/query', {
          filter: benchLog.filter({}),
          sort: { key: 'date', descending: true },
          offset: 50_000,
          limit: 100,
        }),
      )
    ).ms;
    return { ms, deep };
  });
  add({
    group: 'Mentions',
    name: 'scrolling: 20 pages of 100 rows in a row (a cached query)',
    runs: scroll.ms,
    goal: 100,
  });
  add({
    group: 'Mentions',
    name: 'a page deep in the list (offset 50,000)',
    runs: [scroll.deep],
    goal: 100,
  });
  const facets = await page.evaluate(
    async () => (await benchLog.time(() => benchLog.callWorker('mentions/facets', null))).ms,
  );
  add({
    group: 'Mentions',
    name: 'the filter bar’s values (brands, tags, sites, engines, queries)',
    runs: [facets],
  });

  const alternative = await page.evaluate(async () => {
    const cursor = await benchLog.time(() =>
      benchLog.cursorScan((m) =>
        `${m.title} ${m.snippet} ${m.note}`.toLowerCase().includes('lieferung'),
      ),
    );
    const getAll = await benchLog.time(() => benchLog.getAllScan());
    return { cursor: cursor.ms, getAll: getAll.ms };
  });
  add({
    group: 'Mentions',
    name: 'alternative: the same search as a cursor over all mentions in the page',
    runs: [alternative.cursor],
  });
  add({
    group: 'Mentions',
    name: 'alternative: getAll() of all mentions, then the same query in the page',
    runs: [alternative.getAll],
  });
}
