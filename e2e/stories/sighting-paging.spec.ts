/**
 * A sighting search paged through the worker's budgeted replies (a small limit
 * makes many of them) gets every match once and in order: each reply goes on
 * from the index key and primary key where the last one stopped
 * (background/log-resume.ts), also inside a run of equal keys (same time, same
 * number of visits) and in both directions.
 */
import { emptyFilter, type LogFilter, type SightingSort } from '../../src/core/log-query.ts';
import type { Sighting } from '../../src/core/mention.ts';
import type { SightingPage, SiteGroupPage } from '../../src/core/messages.ts';
import type { ExtensionDriver } from '../support/driver.ts';
import { expect, test } from '../support/story.ts';
import { seedLog, sightingRecord } from '../support/workspace.ts';

const KINDS = ['page', 'result', 'ad', 'competitor-ad'] as const;

/** 300 sightings; seven at a time share one time, and the visits run 1, 2, 3, 1, 2, 3, … */
const SIGHTINGS: Sighting[] = Array.from({ length: 300 }, (_, i) => {
  const seen = new Date(Date.UTC(2026, 10, 30, 12) - Math.floor(i / 7) * 60_000).toISOString();
  const kind = KINDS[i % KINDS.length] ?? 'page';
  const url = `https://www.site-${i % 5}.example/seite/${i}`;
  return sightingRecord(i, {
    key: `${kind} ${url}`,
    kind,
    url,
    title: i % 3 === 0 ? `Seite ${i} mit Treffer` : `Seite ${i}`,
    firstSeen: seen,
    lastSeen: seen,
    visits: 1 + (i % 3),
  });
});

async function pageThrough(
  driver: ExtensionDriver,
  filter: Partial<LogFilter>,
  sort: SightingSort,
): Promise<{ keys: string[]; replies: number }> {
  const keys: string[] = [];
  let after: string | null = null;
  let replies = 0;
  do {
    const reply: SightingPage = await driver.askWorker('sightings/query', {
      filter: { ...emptyFilter(), ...filter },
      sort,
      limit: 4,
      after,
    });
    keys.push(...reply.rows.map((r) => r.key));
    after = reply.next;
    replies++;
  } while (after !== null && replies < 500);
  return { keys, replies };
}

/** The keys of the sightings that pass (sorted: the order is checked on its own). */
function expected(pass: (s: Sighting) => boolean): string[] {
  return SIGHTINGS.filter(pass)
    .map((s) => s.key)
    .sort();
}

test('a sighting search paged in small replies gets every match once, in order', async ({
  driver,
}) => {
  await seedLog(driver, [], SIGHTINGS);
  const byKey = new Map(SIGHTINGS.map((s) => [s.key, s]));
  const cases: [Partial<LogFilter>, SightingSort, (s: Sighting) => boolean][] = [
    [
      { text: 'treffer' },
      { key: 'lastSeen', descending: true },
      (s) => s.title.includes('Treffer'),
    ],
    [
      { text: 'treffer' },
      { key: 'lastSeen', descending: false },
      (s) => s.title.includes('Treffer'),
    ],
    [{ kinds: ['result'] }, { key: 'lastSeen', descending: true }, (s) => s.kind === 'result'],
    [
      { sites: ['site-2.example'], text: 'treffer' },
      { key: 'lastSeen', descending: true },
      (s) => s.url.includes('site-2.') && s.title.includes('Treffer'),
    ],
    [{}, { key: 'visits', descending: true }, () => true],
    [{ text: 'treffer' }, { key: 'visits', descending: false }, (s) => s.title.includes('Treffer')],
  ];
  for (const [filter, sort, pass] of cases) {
    const { keys, replies } = await pageThrough(driver, filter, sort);
    const label = JSON.stringify([filter, sort]);
    expect(replies, label).toBeGreaterThan(1);
    expect([...keys].sort(), label).toEqual(expected(pass));
    const field = (key: string) => {
      const s = byKey.get(key);
      return sort.key === 'visits' ? (s?.visits ?? 0) : Date.parse(s?.[sort.key] ?? '');
    };
    const values = keys.map(field);
    const ordered = [...values].sort((a, b) => (sort.descending ? b - a : a - b));
    expect(values, label).toEqual(ordered);
  }

  // The sites, most sightings first, a few per reply: each once.
  const sites: string[] = [];
  let after: string | null = null;
  do {
    const reply: SiteGroupPage = await driver.askWorker('sightings/sites', {
      filter: emptyFilter(),
      limit: 2,
      after,
    });
    sites.push(...reply.rows.map((r) => r.site));
    after = reply.next;
  } while (after !== null && sites.length < 50);
  expect([...sites].sort()).toEqual([0, 1, 2, 3, 4].map((n) => `site-${n}.example`));
});
