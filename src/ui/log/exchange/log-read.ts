/**
 * The workspace's own read-only access to the log database, for exports of
 * everything. The workspace is an extension page of the worker's origin, so
 * it can open the same IndexedDB: a record read here is copied out of the
 * database once, where a chunk from the worker is read by the worker, cloned
 * into a message and cloned again into the page (bench:log: about 1.6 times
 * the time of the read alone, docs/bench-log.md).
 *
 * Only reads. Every write, and the database's shape, stay with the worker
 * (background/log-db.ts, log-schema.ts): this module never creates or
 * upgrades the database. It opens it at whatever version it has, after the
 * worker has answered the export's first chunk (so the worker has opened and
 * upgraded it), and it lets go at once when the worker asks for a newer
 * version. Where it cannot read (no database, no such store), it says so and
 * the export asks the worker for the rest.
 */
import { LOG_DB_NAME, type PageReadStore } from '../../../core/log-stores.ts';

/** Records per read: few reads (each has a fixed cost), while a chunk stays some 20 MB. */
export const PAGE_READ_CHUNK = 20_000;

/** The stored records of a store in key order, a chunk at a time. */
export interface LogReader {
  /**
   * Records after the key `after` (null: from the first), `limit` at most, and
   * the key of the last; undefined when the page cannot read the store.
   */
  read(
    store: PageReadStore,
    after: string | null,
    limit: number,
  ): Promise<{ rows: unknown[]; last: string | null } | undefined>;
  /** Lets go of the database. */
  close(): void;
}

const request = <T>(r: IDBRequest<T>): Promise<T> =>
  new Promise((resolve, reject) => {
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error ?? new Error('IndexedDB request failed'));
  });

/** The database as the worker made it, or undefined if there is none yet (nothing is created). */
function openExisting(): Promise<IDBDatabase | undefined> {
  return new Promise((resolve) => {
    const open = indexedDB.open(LOG_DB_NAME);
    // An upgrade is asked for only when the database does not exist: abort
    // it, so that the worker, not this page, creates it.
    open.onupgradeneeded = () => open.transaction?.abort();
    open.onsuccess = () => {
      const database = open.result;
      // The worker wants a newer version, or to delete the log: let go at once.
      database.onversionchange = () => database.close();
      resolve(database);
    };
    open.onerror = () => resolve(undefined);
    open.onblocked = () => resolve(undefined);
  });
}

/** A reader of the log's stores; the database is opened on the first read. */
export function pageLogReader(): LogReader {
  let opening: Promise<IDBDatabase | undefined> | undefined;
  return {
    async read(store, after, limit) {
      opening ??= openExisting();
      const database = await opening;
      if (!database?.objectStoreNames.contains(store)) return undefined;
      const range = after === null ? null : IDBKeyRange.lowerBound(after, true);
      const objects = database.transaction(store, 'readonly').objectStore(store);
      const rows = (await request(objects.getAll(range, limit))) as unknown[];
      // Both stores keep their key in the record (keyPath `id`, `key`).
      const key = (rows[rows.length - 1] as Record<string, unknown> | undefined)?.[
        String(objects.keyPath)
      ];
      return { rows, last: typeof key === 'string' ? key : null };
    },
    close() {
      void opening?.then((database) => database?.close());
      opening = undefined;
    },
  };
}
