// The log database stores nothing the "What is stored" catalog does not name:
// its stores as the upgrade steps create them, and each record's fields.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { IDBPDatabase, IDBPTransaction, StoreNames } from 'idb';
import type {
  IMPORT_FIELDS,
  META_FIELDS,
  RANK_FIELDS,
  STAGED_FIELDS,
  UNDO_FIELDS,
  VISIT_FIELDS,
} from '../core/stored-data.ts';
import { STORED_RECORDS } from '../core/stored-data.ts';
import { LOG_DB_VERSION, upgradeLog, type LogSchema } from './log-schema.ts';

// Type-checked by `npm run check`: a field added to the rank record (or
// listed without being one) fails here until the two agree.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Listed<S extends StoreNames<LogSchema>, L extends readonly string[]> = Same<
  keyof LogSchema[S]['value'],
  L[number]
>;
const listed: [
  Listed<'ranks', typeof RANK_FIELDS>,
  Listed<'visits', typeof VISIT_FIELDS>,
  Listed<'undo', typeof UNDO_FIELDS>,
  Listed<'imports', typeof IMPORT_FIELDS>,
  Listed<'staged', typeof STAGED_FIELDS>,
  Listed<'meta', typeof META_FIELDS>,
] = [true, true, true, true, true, true];
void listed;
// … and a store added to the schema fails here until the catalog has it.
const schemaStores: Record<StoreNames<LogSchema>, true> = {
  mentions: true,
  sightings: true,
  ranks: true,
  sites: true,
  visits: true,
  undo: true,
  imports: true,
  staged: true,
  meta: true,
};

/** Runs the real upgrade steps against a stand-in database that notes what they create. */
function storesCreatedByUpgrades(): { stores: string[]; indexes: Record<string, string[]> } {
  const stores: string[] = [];
  const indexes: Record<string, string[]> = {};
  const recorder = (name: string) => ({
    createIndex(index: string) {
      indexes[name]?.push(index);
    },
  });
  const database = {
    createObjectStore(name: string) {
      stores.push(name);
      indexes[name] = [];
      return recorder(name);
    },
  };
  const transaction = { objectStore: recorder };
  try {
    upgradeLog(
      database as unknown as IDBPDatabase<LogSchema>,
      0,
      transaction as unknown as IDBPTransaction<
        LogSchema,
        StoreNames<LogSchema>[],
        'versionchange'
      >,
    );
  } catch (error) {
    // A step that rewrites the records needs a real database (e2e/log-upgrade.spec.ts
    // runs them); every step creates its stores and indexes before it touches a record.
    if (!(error instanceof TypeError)) throw error;
  }
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
