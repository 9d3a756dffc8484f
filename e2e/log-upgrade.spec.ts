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

test('the worker opens a log of version 1 and keeps every record, each in the shape of version 2', async ({
  driver,
  context,
}) => {
  // options.html never opens the log, so the worker has not opened it either.
  const page = await context.newPage();
  await page.goto(driver.extensionUrl('options.html'));
  const mentions = [...MENTIONS, ...MORE_MENTIONS];
  await page.evaluate(
    async ({ name, version, shape, mentions, sightings, rank }) => {
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
      const open = indexedDB.open(name, version);
      open.onupgradeneeded = () => {
        for (const [store, keyPath, indexes] of shape) {
          const created = open.result.createObjectStore(store, { keyPath });
          for (const [index, path] of indexes) created.createIndex(index, path);
        }
      };
      await done(open);
      const db = open.result;
      const tx = db.transaction(['mentions', 'sightings', 'ranks'], 'readwrite');
      for (const m of mentions) tx.objectStore('mentions').put(m);
      for (const s of sightings) tx.objectStore('sightings').put(s);
      tx.objectStore('ranks').put(rank);
      await done(tx);
      db.close();
    },
    {
      name: LOG_DB_NAME,
      version: OLD_VERSION,
      shape: SHAPES[OLD_VERSION] ?? [],
      mentions,
      sightings: SIGHTINGS,
      rank: RANK,
    },
  );

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
  expect(stored.sightings).toEqual(SIGHTINGS.map(sightingV2));
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
