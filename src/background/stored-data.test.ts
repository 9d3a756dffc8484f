// The log database stores nothing the "What is stored" catalog does not name:
// its stores as the upgrade steps create them, and the rank record's fields.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { IDBPDatabase, IDBPTransaction, StoreNames } from 'idb';
import type { RANK_FIELDS } from '../core/stored-data.ts';
import { STORED_RECORDS } from '../core/stored-data.ts';
import { LOG_DB_VERSION, upgradeLog, type LogSchema } from './log-schema.ts';

// Type-checked by `npm run check`: a field added to the rank record (or
// listed without being one) fails here until the two agree.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const ranksListed: Same<keyof LogSchema['ranks']['value'], (typeof RANK_FIELDS)[number]> = true;
void ranksListed;
// … and a store added to the schema fails here until the catalog has it.
const schemaStores: Record<StoreNames<LogSchema>, true> = {
  mentions: true,
  sightings: true,
  ranks: true,
};

/** Runs the real upgrade steps against a stand-in database that notes what they create. */
function storesCreatedByUpgrades(): { stores: string[]; indexes: Record<string, string[]> } {
  const stores: string[] = [];
  const indexes: Record<string, string[]> = {};
  const database = {
    createObjectStore(name: string) {
      stores.push(name);
      indexes[name] = [];
      return {
        createIndex(index: string) {
          indexes[name]?.push(index);
        },
      };
    },
  };
  upgradeLog(
    database as unknown as IDBPDatabase<LogSchema>,
    0,
    {} as IDBPTransaction<LogSchema, StoreNames<LogSchema>[], 'versionchange'>,
  );
  return { stores, indexes };
}

test('every store the upgrade steps create is in the catalog, and no other', () => {
  assert.ok(LOG_DB_VERSION >= 1);
  const { stores } = storesCreatedByUpgrades();
  const catalog = STORED_RECORDS.filter((r) => r.place === 'indexedDb').map((r) => r.where);
  assert.deepEqual([...stores].sort(), [...catalog].sort());
  assert.deepEqual([...stores].sort(), Object.keys(schemaStores).sort());
});

test('a retention rule that names an index names one the database has', () => {
  const { indexes } = storesCreatedByUpgrades();
  for (const record of STORED_RECORDS) {
    const index = record.retention?.index;
    if (index) assert.ok(indexes[record.where]?.includes(index), `${record.where}.${index}`);
  }
});
