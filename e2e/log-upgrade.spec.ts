/// <reference types="chrome" />
/**
 * A browser that has the log of an older version keeps every record when the
 * worker opens it with this version's upgrade steps (background/log-schema.ts).
 * The old database is made by hand, in the extension's own origin, before the
 * worker has opened the log: as the older version left it, not as this code
 * would make it.
 */
import { LOG_DB_NAME, LOG_DB_VERSION } from '../src/background/log-schema.ts';
import type { Page } from '@playwright/test';
import { expect, test } from './support/chromium.ts';

/** A store: its name, key path and indexes (name and key path). */
type StoreShape = [name: string, keyPath: string, indexes: [string, string][]];

/** What each released version's upgrade made, written out by hand. Add one when a version ships. */
const SHAPES: Record<number, StoreShape[]> = {
  1: [
    ['sightings', 'key', [['lastSeen', 'lastSeen']]],
    ['mentions', 'id', [['createdAt', 'createdAt']]],
    ['ranks', 'key', []],
  ],
  2: [
    [
      'sightings',
      'key',
      [
        ['lastSeen', 'lastSeen'],
        ['firstSeen', 'firstSeen'],
        ['visits', 'visits'],
        ['kind', 'kind,lastSeen'],
        ['site', 'site,lastSeen'],
      ],
    ],
    ['mentions', 'id', [['createdAt', 'createdAt']]],
    ['ranks', 'key', []],
    [
      'sites',
      'site',
      [
        ['sightings', 'sightings'],
        ['lastSeen', 'lastSeen'],
      ],
    ],
    ['visits', 'id', [['time', 'time']]],
    ['undo', 'token,part', []],
    ['imports', 'importId', []],
    ['staged', 'importId,seq', []],
    ['meta', 'key', []],
  ],
};

/** The version before this one. */
const OLD_VERSION = LOG_DB_VERSION - 1;

const mention = (id: string, createdAt: string): Record<string, unknown> => ({
  id,
  url: `https://www.example.de/${id}`,
  title: `Artikel ${id}`,
  brands: ['ACME'],
  terms: ['ACME'],
  sentiment: 'positive',
  tags: ['Presse'],
  note: 'Müller sagt: "gut"',
  snippet: '… die ACME AG …',
  createdAt,
  updatedAt: createdAt,
});
const MENTIONS: Record<string, unknown>[] = [
  mention('m-1', '2026-11-01T09:00:00.000Z'),
  {
    ...mention('m-2', '2026-11-20T09:00:00.000Z'),
    search: { engine: 'google', query: 'acme', rank: 2, page: 1 },
  },
  mention('m-3', '2026-11-10T09:00:00.000Z'),
];
const SIGHTINGS = [
  {
    key: 'page https://www.example.de/m-1',
    kind: 'page',
    url: 'https://www.example.de/m-1',
    title: 'Artikel m-1',
    terms: [{ brand: 'ACME', term: 'ACME', count: 3 }],
    hits: 3,
    firstSeen: '2026-11-01T09:00:00.000Z',
    lastSeen: '2026-11-02T09:00:00.000Z',
    visits: 2,
  },
  {
    key: 'result https://www.example.de/m-2',
    kind: 'result',
    url: 'https://www.example.de/m-2',
    title: 'Artikel m-2',
    terms: [{ brand: 'ACME', term: 'ACME', count: 1 }],
    hits: 1,
    firstSeen: '2026-11-20T09:00:00.000Z',
    lastSeen: '2026-11-21T09:00:00.000Z',
    visits: 1,
    search: { engine: 'google', query: 'acme', rank: 4 },
  },
];
const RANK = {
  key: JSON.stringify(['google', 'acme', 'https://www.example.de/m-2']),
  rank: 4,
  seenAt: '2026-11-21T09:00:00.000Z',
};

type LogReply = { ok: boolean; value: { mentions: unknown[]; sightings: unknown[] } };

/** Many more mentions than one cursor step: the upgrade must reach every one. */
const MORE_MENTIONS = Array.from({ length: 300 }, (_, i) =>
  mention(`g-${String(i).padStart(3, '0')}`, new Date(Date.UTC(2026, 9, 1, 0, i)).toISOString()),
);

/** What step 2 makes of the version-1 records, written out by hand (not by the code under test). */
const mentionV2 = (m: Record<string, unknown>) => ({ ...m, status: 'new' });
const sightingV2 = (s: Record<string, unknown>) => ({ ...s, site: 'example.de' });
/** What step 3 adds: the words of the title and address, by hand. */
const WORDS: Record<string, string[]> = {
  'page https://www.example.de/m-1': ['artikel', 'm', '1', 'example', 'de'],
  'result https://www.example.de/m-2': ['artikel', 'm', '2', 'example', 'de'],
};
const sightingV3 = (s: Record<string, unknown>) => ({
  ...sightingV2(s),
  words: WORDS[String(s.key)],
});
const SITE_V2 = {
  site: 'example.de',
  sightings: 2,
  hits: 4,
  visits: 3,
  firstSeen: '2026-11-01T09:00:00.000Z',
  lastSeen: '2026-11-21T09:00:00.000Z',
  kinds: { page: 1, result: 1, ad: 0, 'competitor-ad': 0 },
  brands: { ACME: 2 },
};

/** Every record of every store, read straight from the database (the worker has it open too). */
async function dump(page: Page, name: string): Promise<Record<string, unknown[]>> {
  return page.evaluate(async (dbName) => {
    const open = indexedDB.open(dbName);
    await new Promise((resolve, reject) => {
      open.onsuccess = resolve;
      open.onerror = reject;
    });
    const db = open.result;
    const out: Record<string, unknown[]> = {};
    for (const store of [...db.objectStoreNames]) {
      const request = db.transaction(store).objectStore(store).getAll();
      out[store] = await new Promise<unknown[]>((resolve, reject) => {
        request.onsuccess = () => resolve(request.result as unknown[]);
        request.onerror = reject;
      });
    }
    db.close();
    return out;
  }, name);
}

/** Makes the log as version `version` left it, with `records` in its stores, before the worker opens it. */
async function makeLog(
  page: Page,
  version: number,
  records: Record<string, unknown[]>,
): Promise<void> {
  await page.evaluate(
    async ({ name, version, shape, records }) => {
      const done = (request: IDBRequest | IDBTransaction) =>
        new Promise<void>((resolve, reject) => {
          if (request instanceof IDBTransaction) {
            request.oncomplete = () => resolve();
            request.onerror = () => reject(request.error ?? new Error('transaction failed'));
          } else {
            request.onsuccess = () => resolve();
            request.onerror = () => reject(request.error ?? new Error('request failed'));
          }
        });
      const deletion = indexedDB.deleteDatabase(name);
      await Promise.race([
        done(deletion),
        new Promise((_, reject) => {
          deletion.onblocked = () => reject(new Error('the log is open already'));
        }),
      ]);
      const path = (p: string) => (p.includes(',') ? p.split(',') : p);
      const open = indexedDB.open(name, version);
      open.onupgradeneeded = () => {
        for (const [store, keyPath, indexes] of shape) {
          const created = open.result.createObjectStore(store, { keyPath: path(keyPath) });
          for (const [index, p] of indexes) created.createIndex(index, path(p));
        }
      };
      await done(open);
      const db = open.result;
      const stores = Object.keys(records);
      const tx = db.transaction(stores, 'readwrite');
      for (const store of stores)
        for (const r of records[store] ?? []) tx.objectStore(store).put(r);
      await done(tx);
      db.close();
    },
    { name: LOG_DB_NAME, version, shape: SHAPES[version] ?? [], records },
  );
}

test('the worker opens a log of version 1 and keeps every record, each in the shape of this version', async ({
  driver,
  context,
}) => {
  // options.html never opens the log, so the worker has not opened it either.
  const page = await context.newPage();
  await page.goto(driver.extensionUrl('options.html'));
  const mentions = [...MENTIONS, ...MORE_MENTIONS];
  await makeLog(page, 1, { mentions, sightings: SIGHTINGS, ranks: [RANK] });

  const log = await page.evaluate(() =>
    chrome.runtime.sendMessage<unknown, LogReply>({ type: 'log/recent', args: { limit: 3 } }),
  );
  expect(log.ok).toBe(true);
  // Newest first: the indexes came through the upgrade too.
  expect(log.value.mentions).toEqual(
    [MENTIONS[1], MENTIONS[2], MENTIONS[0]].map((m) => m && mentionV2(m)),
  );
  expect(log.value.sightings).toEqual([SIGHTINGS[1], SIGHTINGS[0]]);

  const databases = await page.evaluate(() => indexedDB.databases());
  expect(databases).toContainEqual({ name: LOG_DB_NAME, version: LOG_DB_VERSION });

  // Every record, as stored now.
  const stored = await dump(page, LOG_DB_NAME);
  const byId = (a: unknown, b: unknown) =>
    String((a as { id: string }).id).localeCompare(String((b as { id: string }).id));
  expect([...(stored.mentions ?? [])].sort(byId)).toEqual(mentions.map(mentionV2).sort(byId));
  expect(stored.sightings).toEqual(SIGHTINGS.map(sightingV3));
  expect(stored.ranks).toEqual([RANK]);
  expect(stored.sites).toEqual([SITE_V2]);
  expect(stored.meta).toEqual([
    {
      key: 'counts',
      mentions: mentions.length,
      sightings: { page: 1, result: 1, ad: 0, 'competitor-ad': 0 },
    },
  ]);
  for (const store of ['visits', 'undo', 'imports', 'staged']) expect(stored[store]).toEqual([]);

  // The new indexes answer: a filter by status and a sighting filter by kind.
  const statusQuery = await page.evaluate(() =>
    chrome.runtime.sendMessage<unknown, { ok: boolean; value: { total: number; all: number } }>({
      type: 'mentions/query',
      args: {
        filter: { statuses: ['new'], text: 'Müller gut' },
        sort: { key: 'date', descending: true },
        offset: 0,
        limit: 10,
      },
    }),
  );
  expect(statusQuery).toMatchObject({ ok: true, value: { total: 303, all: 303 } });
  const kindQuery = await page.evaluate(() =>
    chrome.runtime.sendMessage<
      unknown,
      { ok: boolean; value: { rows: { key: string }[]; total: number } }
    >({
      type: 'sightings/query',
      args: {
        filter: { kinds: ['result'] },
        sort: { key: 'lastSeen', descending: true },
        limit: 10,
        after: null,
      },
    }),
  );
  expect(kindQuery).toMatchObject({ ok: true });
  expect(kindQuery.value.rows.map((r) => r.key)).toEqual([SIGHTINGS[1]?.key]);
  expect(kindQuery.value.total).toBe(1);

  // The rank of the result is still known: "#4 ->" on the next visit.
  const history = await page.evaluate(
    (result) =>
      chrome.runtime.sendMessage<unknown, { ok: boolean; value: unknown[] }>({
        type: 'results/report',
        args: { results: [result] },
      }),
    {
      url: 'https://www.example.de/m-2',
      title: 'Artikel m-2',
      snippet: '',
      kind: 'result',
      terms: [{ brand: 'ACME', term: 'ACME', count: 1 }],
      search: { engine: 'google', query: 'ACME ', rank: 2, page: 1 },
    },
  );
  expect(history).toEqual({
    ok: true,
    value: [
      { url: 'https://www.example.de/m-2', firstSeen: SIGHTINGS[1]?.firstSeen, previousRank: 4 },
    ],
  });
});

/** 300 sightings of version 2 (more than one cursor step), with the words step 3 gives each, by hand. */
const V2_SIGHTINGS = Array.from({ length: 300 }, (_, i) => {
  const url = `https://www.example.de/s/${i}`;
  const seen = new Date(Date.UTC(2026, 10, 1, 0, i)).toISOString();
  return {
    key: `page ${url}`,
    kind: 'page',
    url,
    title: `Seite ${i} über Bäume`,
    terms: [{ brand: 'ACME', term: 'ACME', count: 1 }],
    hits: 1,
    firstSeen: seen,
    lastSeen: seen,
    visits: 1,
    site: 'example.de',
  };
});
const v3Words = (i: number) => ['seite', String(i), 'ueber', 'baeume', 'example', 'de', 's'];

test('the worker opens a log of version 2 and keeps every record; sightings get their words', async ({
  driver,
  context,
}) => {
  const page = await context.newPage();
  await page.goto(driver.extensionUrl('options.html'));
  const mentions = [...MENTIONS, ...MORE_MENTIONS].map((m, i) => ({
    ...mentionV2(m),
    status: i % 3 === 0 ? 'done' : 'new',
  }));
  const site = {
    ...SITE_V2,
    sightings: 300,
    hits: 300,
    visits: 300,
    firstSeen: V2_SIGHTINGS[0]?.firstSeen,
    lastSeen: V2_SIGHTINGS[299]?.lastSeen,
    kinds: { page: 300, result: 0, ad: 0, 'competitor-ad': 0 },
    brands: { ACME: 300 },
  };
  const counts = {
    key: 'counts',
    mentions: mentions.length,
    sightings: { page: 300, result: 0, ad: 0, 'competitor-ad': 0 },
  };
  const visit = {
    id: 'v-1',
    time: '2026-11-21T09:00:00.000Z',
    engine: 'google',
    query: 'acme',
    queryKey: 'acme',
    page: 1,
    results: [{ url: 'https://www.example.de/m-2', kind: 'result', rank: 4, brands: { ACME: 1 } }],
  };
  const before = {
    mentions,
    sightings: V2_SIGHTINGS,
    ranks: [RANK],
    sites: [site],
    visits: [visit],
    meta: [counts],
  };
  await makeLog(page, OLD_VERSION, before);

  // A search by a word: the worker opens (and upgrades) the log and answers from the word index.
  const search = await page.evaluate(() =>
    chrome.runtime.sendMessage<
      unknown,
      { ok: boolean; value: { rows: { key: string }[]; total: number | null; next: unknown } }
    >({
      type: 'sightings/query',
      args: {
        filter: {
          brands: [],
          sentiments: [],
          tags: [],
          statuses: [],
          kinds: [],
          sites: [],
          engines: [],
          queries: [],
          text: 'BÄUME 17',
        },
        sort: { key: 'lastSeen', descending: true },
        limit: 100,
        after: null,
      },
    }),
  );
  expect(search.ok).toBe(true);
  const found = [179, 178, 177, 176, 175, 174, 173, 172, 171, 170, 17];
  expect(search.value.rows.map((r) => r.key)).toEqual(
    found.map((i) => `page https://www.example.de/s/${i}`),
  );
  expect(search.value.total).toBe(found.length);
  expect(search.value.next).toBeNull();

  // Every record, as stored now: sightings with their words, everything else as it was.
  const stored = await dump(page, LOG_DB_NAME);
  const byKey = (a: unknown, b: unknown) =>
    String((a as { key: string }).key).localeCompare(String((b as { key: string }).key));
  const byId = (a: unknown, b: unknown) =>
    String((a as { id: string }).id).localeCompare(String((b as { id: string }).id));
  expect([...(stored.sightings ?? [])].sort(byKey)).toEqual(
    V2_SIGHTINGS.map((s, i) => ({ ...s, words: v3Words(i) })).sort(byKey),
  );
  expect([...(stored.mentions ?? [])].sort(byId)).toEqual([...mentions].sort(byId));
  expect(stored.ranks).toEqual([RANK]);
  expect(stored.sites).toEqual([site]);
  expect(stored.visits).toEqual([visit]);
  expect(stored.meta).toEqual([counts]);
  for (const store of ['undo', 'imports', 'staged']) expect(stored[store]).toEqual([]);
});

test('a new profile gets the log of this version, with its stores and indexes', async ({
  driver,
  context,
}) => {
  const page = await context.newPage();
  await page.goto(driver.extensionUrl('log.html'));
  await expect(page.getByText('Nothing logged yet.')).toBeVisible();
  const shape = await page.evaluate(async (name) => {
    const open = indexedDB.open(name);
    await new Promise((resolve, reject) => {
      open.onsuccess = resolve;
      open.onerror = reject;
    });
    const db = open.result;
    const stores = [...db.objectStoreNames].map((store) => {
      const s = db.transaction(store).objectStore(store);
      const indexes = [...s.indexNames].map((i) => [i, s.index(i).keyPath]);
      return [store, s.keyPath, indexes];
    });
    const version = db.version;
    db.close();
    return { version, stores };
  }, LOG_DB_NAME);
  expect(shape).toEqual({
    version: LOG_DB_VERSION,
    stores: [
      ['imports', 'importId', []],
      ['mentions', 'id', [['createdAt', 'createdAt']]],
      ['meta', 'key', []],
      ['ranks', 'key', []],
      [
        'sightings',
        'key',
        [
          ['firstSeen', 'firstSeen'],
          ['kind', ['kind', 'lastSeen']],
          ['lastSeen', 'lastSeen'],
          ['site', ['site', 'lastSeen']],
          ['visits', 'visits'],
          ['words', 'words'],
        ],
      ],
      [
        'sites',
        'site',
        [
          ['lastSeen', 'lastSeen'],
          ['sightings', 'sightings'],
        ],
      ],
      ['staged', ['importId', 'seq'], []],
      ['undo', ['token', 'part'], []],
      ['visits', 'id', [['time', 'time']]],
    ],
  });
});
