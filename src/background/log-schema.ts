/**
 * The log database's shape and how it got there. Each upgrade step takes a
 * database of version N-1 to version N inside the upgrade transaction; a
 * browser that has version 1 runs steps 2… only, a new install all of them.
 * To change the shape, add a step (never change an old one) and its case to
 * e2e/log-upgrade.spec.ts, which opens a database of the version before.
 */
import {
  unwrap,
  type DBSchema,
  type IDBPDatabase,
  type IDBPTransaction,
  type StoreNames,
} from 'idb';
import type { ImportSummary, MergeChoice } from '../core/messages.ts';
import type { Mention, Sighting } from '../core/mention.ts';
import type { Problem } from '../core/problem.ts';
import { PAGE_READ_STORES } from '../core/log-stores.ts';
import {
  emptySite,
  mentionToV2,
  sightingToV2,
  sightingToV3,
  updateSite,
  type SiteRecord,
  type StoredSighting,
} from '../core/log-records.ts';

/** One visit to a results page: what share of voice and rank history are counted from. */
export interface VisitRecord {
  /** The document of the visit (tab, frame, time origin) and the page of results. */
  id: string;
  /** ISO time of the first report of the visit. */
  time: string;
  engine: string;
  query: string;
  /** The query folded and trimmed (log-query `queryKey`), for grouping. */
  queryKey: string;
  page?: number;
  results: VisitResult[];
}

export interface VisitResult {
  url: string;
  kind: Sighting['kind'];
  rank?: number;
  /** Hits per brand name in the result. */
  brands: Record<string, number>;
}

/** Before-images of the mentions a bulk edit changed, in parts of up to 1,000. */
export interface UndoRecord {
  token: string;
  part: number;
  time: string;
  /** Mentions as they were before the edit. */
  mentions: Mention[];
  /** For each, its updatedAt after the edit (null: the edit deleted it). */
  after: (string | null)[];
}

/** A staged import: its chunks are in `staged`; committed in one transaction. */
export interface ImportSession {
  importId: string;
  state: 'staging' | 'committed';
  name: string;
  size: number;
  createdAt: string;
  /** What each staged chunk holds, by its seq (the preview adds these up). */
  chunks: Record<number, ChunkCounts>;
  /** The summary of the commit, answered again when the commit is asked again. */
  summary?: ImportSummary;
}

export interface ChunkCounts {
  mentions: { added: number; identical: number; differing: number };
  sightings: { added: number; combined: number; identical: number };
  received: { mentions: number; sightings: number };
  problems: number;
}

/** One chunk of a staged import, its records validated. */
export interface StagedChunk {
  importId: string;
  seq: number;
  mentions: Mention[];
  sightings: Sighting[];
  problems: Problem[];
  /** Ids of the staged mentions that differ from the stored ones (when the chunk arrived). */
  differing: string[];
}

export type { MergeChoice };

/** How many records the log holds, kept by every write (a count() of a million records takes seconds). */
export interface CountsRecord {
  key: 'counts';
  mentions: number;
  sightings: Record<Sighting['kind'], number>;
}

export interface LogSchema extends DBSchema {
  sightings: {
    key: string;
    value: StoredSighting;
    indexes: {
      lastSeen: string;
      firstSeen: string;
      visits: number;
      kind: [string, string];
      site: [string, string];
      /** multiEntry: one entry per word of the title and address (log-query/words.ts). */
      words: string;
    };
  };
  mentions: { key: string; value: Mention; indexes: { createdAt: string } };
  /** Rank of a result URL for an engine + query, for "#7 -> #3". */
  ranks: { key: string; value: { key: string; rank: number; seenAt: string } };
  sites: { key: string; value: SiteRecord; indexes: { sightings: number; lastSeen: string } };
  visits: { key: string; value: VisitRecord; indexes: { time: string } };
  undo: { key: [string, number]; value: UndoRecord };
  imports: { key: string; value: ImportSession };
  staged: { key: [string, number]; value: StagedChunk };
  meta: { key: string; value: CountsRecord };
}

export { LOG_DB_NAME } from '../core/log-stores.ts';

/** The stores the workspace reads itself are stores of this schema (a compile-time check). */
PAGE_READ_STORES satisfies readonly StoreNames<LogSchema>[];

type UpgradeTransaction = IDBPTransaction<LogSchema, StoreNames<LogSchema>[], 'versionchange'>;
type Upgrade = (database: IDBPDatabase<LogSchema>, transaction: UpgradeTransaction) => void;

/** Visits every record of a store inside the upgrade transaction (plain IDB: idb's promises would let it end). */
function eachRecord<T>(
  store: IDBObjectStore,
  visit: (value: T, cursor: IDBCursorWithValue) => void,
  done: () => void = () => undefined,
): void {
  const request = store.openCursor();
  request.onsuccess = () => {
    const cursor = request.result;
    if (!cursor) return done();
    visit(cursor.value as T, cursor);
    cursor.continue();
  };
}

/** Step N (at index N-1) makes version N. */
const UPGRADES: readonly Upgrade[] = [
  // 1 (2026-11-27): the three stores.
  (database) => {
    const sightings = database.createObjectStore('sightings', { keyPath: 'key' });
    sightings.createIndex('lastSeen', 'lastSeen');
    const mentions = database.createObjectStore('mentions', { keyPath: 'id' });
    mentions.createIndex('createdAt', 'createdAt');
    database.createObjectStore('ranks', { keyPath: 'key' });
  },
  // 2 (2026-12-01): mentions get a status; sightings their site and indexes
  // for the workspace's filters; per-site totals; results-page visits; undo
  // of bulk edits; staged imports.
  (database, transaction) => {
    const sightings = transaction.objectStore('sightings');
    sightings.createIndex('firstSeen', 'firstSeen');
    sightings.createIndex('visits', 'visits');
    sightings.createIndex('kind', ['kind', 'lastSeen']);
    sightings.createIndex('site', ['site', 'lastSeen']);
    const sites = database.createObjectStore('sites', { keyPath: 'site' });
    sites.createIndex('sightings', 'sightings');
    sites.createIndex('lastSeen', 'lastSeen');
    database.createObjectStore('visits', { keyPath: 'id' }).createIndex('time', 'time');
    database.createObjectStore('undo', { keyPath: ['token', 'part'] });
    database.createObjectStore('imports', { keyPath: 'importId' });
    database.createObjectStore('staged', { keyPath: ['importId', 'seq'] });
    database.createObjectStore('meta', { keyPath: 'key' });

    // Plain IDB requests: they keep the upgrade transaction open until the last record is written.
    const raw = (name: 'mentions' | 'sightings' | 'sites' | 'meta') =>
      unwrap(transaction.objectStore(name));
    const counts: CountsRecord = {
      key: 'counts',
      mentions: 0,
      sightings: { page: 0, result: 0, ad: 0, 'competitor-ad': 0 },
    };
    let running = 2;
    const finished = () => {
      if (--running === 0) raw('meta').put(counts);
    };
    eachRecord<Mention>(
      raw('mentions'),
      (m, cursor) => {
        void cursor.update(mentionToV2(m));
        counts.mentions++;
      },
      finished,
    );
    const totals = new Map<string, SiteRecord>();
    eachRecord<Sighting>(
      raw('sightings'),
      (s, cursor) => {
        const stored = sightingToV2(s);
        void cursor.update(stored);
        counts.sightings[stored.kind]++;
        const site = totals.get(stored.site) ?? emptySite(stored.site);
        totals.set(stored.site, updateSite(site, undefined, stored));
      },
      () => {
        const store = raw('sites');
        for (const site of totals.values()) store.put(site);
        finished();
      },
    );
  },
  // 3 (2026-12-02): sightings get the words of their title and address and a
  // multiEntry index over them, so that a search looks its words up instead
  // of reading every sighting (docs/bench-log.md).
  (_database, transaction) => {
    const sightings = unwrap(transaction.objectStore('sightings'));
    eachRecord<Sighting>(sightings, (s, cursor) => void cursor.update(sightingToV3(s)));
    sightings.createIndex('words', 'words', { multiEntry: true });
  },
];

export const LOG_DB_VERSION = UPGRADES.length;

/** For openDB's `upgrade`: the steps from `oldVersion` on, in order. */
export function upgradeLog(
  database: IDBPDatabase<LogSchema>,
  oldVersion: number,
  transaction: UpgradeTransaction,
): void {
  for (let version = oldVersion + 1; version <= LOG_DB_VERSION; version++)
    UPGRADES[version - 1]?.(database, transaction);
}
