/**
 * The log database's shape and how it got there. Each upgrade step takes a
 * database of version N-1 to version N inside the upgrade transaction; a
 * browser that has version 1 runs steps 2… only, a new install all of them.
 * To change the shape, add a step (never change an old one) and its case to
 * e2e/log-upgrade.spec.ts, which opens a database of the version before.
 */
import type { DBSchema, IDBPDatabase, IDBPTransaction, StoreNames } from 'idb';
import type { Mention, Sighting } from '../core/mention.ts';

export interface LogSchema extends DBSchema {
  sightings: { key: string; value: Sighting; indexes: { lastSeen: string } };
  mentions: { key: string; value: Mention; indexes: { createdAt: string } };
  /** Rank of a result URL for an engine + query, for "#7 -> #3". */
  ranks: { key: string; value: { key: string; rank: number; seenAt: string } };
}

export const LOG_DB_NAME = 'markenlotse';

type Upgrade = (
  database: IDBPDatabase<LogSchema>,
  transaction: IDBPTransaction<LogSchema, StoreNames<LogSchema>[], 'versionchange'>,
) => void;

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
];

export const LOG_DB_VERSION = UPGRADES.length;

/** For openDB's `upgrade`: the steps from `oldVersion` on, in order. */
export function upgradeLog(
  database: IDBPDatabase<LogSchema>,
  oldVersion: number,
  transaction: IDBPTransaction<LogSchema, StoreNames<LogSchema>[], 'versionchange'>,
): void {
  for (let version = oldVersion + 1; version <= LOG_DB_VERSION; version++)
    UPGRADES[version - 1]?.(database, transaction);
}
