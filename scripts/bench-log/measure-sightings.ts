// The log bench's sighting queries and the overview (see measure.ts), timed in the extension page.
import type { Page } from '@playwright/test';
import type { SightingPage } from '../../src/core/messages.ts';
import type { Add } from './measure.ts';
import type { BenchLogApi } from './page-entry.ts';

declare const benchLog: BenchLogApi;

export async function measureSightings(page: Page, add: Add): Promise<void> {
  // --- Sightings ------------------------------------------------------------------
  const sightings = await page.evaluate(async (noScan) => {
    const sort = { key: 'lastSeen', descending: true } as const;
    const firstPage = async (f: Record<string, unknown>) => {
      // A search goes on asking until it has a page (each reply has a time budget).
      let after: string | null = null;
      let rows = 0;
      let calls = 0;
      const t = performance.now();
      let firstReply = 0;
      do {
        const reply: SightingPage = await benchLog.callWorker('sightings/query', {
          filter: benchLog.filter(f),
          sort,
          limit: 100,
          after,
        });
        if (calls === 0) firstReply = performance.now() - t;
        rows += reply.rows.length;
        after = reply.next;
        calls++;
      } while (after !== null && rows < 100);
      return { ms: performance.now() - t, firstReply, rows, calls };
    };
    const results: Record<string, { ms: number; firstReply: number; rows: number; calls: number }> =
      {};
    results.newest = await firstPage({});
    results.kind = await firstPage({ kinds: ['competitor-ad'] });
    results.site = await firstPage({ sites: ['site-17.example.de'] });
    results.brand = await firstPage({ role: 'competitor', kinds: ['result'] });
    results.text = await firstPage({ text: 'lieferung qualität' });
    results.rare = await firstPage({ text: 'seite/999999' });
    results.few = await firstPage({ text: '4242' });
    results.mixed = await firstPage({ text: 'qualität 4242' });
    results.prefix = await firstPage({ text: 'bohrm' });
    const groups = await benchLog.time(() =>
      benchLog.callWorker('sightings/sites', {
        filter: benchLog.filter({}),
        limit: 100,
        after: null,
      }),
    );
    const scroll: number[] = [];
    let after: string | null = null;
    for (let i = 0; i < 20; i++) {
      const r = await benchLog.time(() =>
        benchLog.callWorker('sightings/query', {
          filter: benchLog.filter({}),
          sort,
          limit: 100,
          after,
        }),
      );
      scroll.push(r.ms);
      after = r.value.next;
    }
    // The path the word index replaces, to the end (as the rare search did): skipped with BENCH_LOG_NO_SCAN=1.
    const scan = noScan ? null : await benchLog.time(() => benchLog.sightingScan('seite/999999'));
    return { results, groups: groups.ms, scroll, scan: scan && { ms: scan.ms, found: scan.value } };
  }, process.env.BENCH_LOG_NO_SCAN === '1');
  const s = sightings.results;
  const describe = (r: { rows: number; calls: number; firstReply: number }) =>
    `${r.rows} rows in ${r.calls} replies, first reply ${r.firstReply.toFixed(0)} ms`;
  add({
    group: 'Sightings',
    name: 'first page, newest first',
    runs: [s.newest!.ms],
    goal: 300,
    note: describe(s.newest!),
  });
  add({
    group: 'Sightings',
    name: 'filter: one kind (index)',
    runs: [s.kind!.ms],
    goal: 100,
    note: describe(s.kind!),
  });
  add({
    group: 'Sightings',
    name: 'filter: one site (index)',
    runs: [s.site!.ms],
    goal: 100,
    note: describe(s.site!),
  });
  add({
    group: 'Sightings',
    name: 'filter: role + kind (scan)',
    runs: [s.brand!.ms],
    note: describe(s.brand!),
  });
  add({
    group: 'Sightings',
    name: 'search: two common words (budgeted scan, a page of 100)',
    runs: [s.text!.ms],
    note: describe(s.text!),
  });
  add({
    group: 'Sightings',
    name: 'search: a word in one record only (word index)',
    runs: [s.rare!.ms],
    goal: 100,
    note: describe(s.rare!),
  });
  if (sightings.scan)
    add({
      group: 'Sightings',
      name: '_alternative:_ the same search as a cursor over all sightings (the scan it replaces, one pass)',
      runs: [sightings.scan.ms],
      note: `${sightings.scan.found} found`,
    });
  add({
    group: 'Sightings',
    name: 'search: a number in about 160 records (word index)',
    runs: [s.few!.ms],
    goal: 100,
    note: describe(s.few!),
  });
  add({
    group: 'Sightings',
    name: 'search: a common word + a rare one (word index, the rare one drives)',
    runs: [s.mixed!.ms],
    goal: 100,
    note: describe(s.mixed!),
  });
  add({
    group: 'Sightings',
    name: 'search: the start of a common word (budgeted scan, a page of 100)',
    runs: [s.prefix!.ms],
    note: describe(s.prefix!),
  });
  add({
    group: 'Sightings',
    name: 'grouped by site, first 100 sites',
    runs: [sightings.groups],
    goal: 300,
  });
  add({
    group: 'Sightings',
    name: 'scrolling: 20 pages of 100',
    runs: sightings.scroll,
    goal: 100,
  });

  // --- Overview -------------------------------------------------------------------
  const overview = await page.evaluate(
    async () =>
      (
        await benchLog.time(() =>
          benchLog.callWorker('log/overview', { filter: benchLog.filter({}) }),
        )
      ).ms,
  );
  add({
    group: 'Overview',
    name: 'charts (per week, share of voice, ranks, top sites) from 10,000 results-page visits',
    runs: [overview],
  });
}
