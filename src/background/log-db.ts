/**
 * The connection to the log's database. Only the service worker opens it.
 *
 * The connection is a cache, not state: a restarted worker opens it again.
 * Opening fails with a code the pages can explain: `log-blocked` (an upgrade
 * waits for another holder of the old version to let go), `log-too-new` (the
 * database was made by a newer Markenlotse), `log-unavailable` (it cannot be
 * opened: damaged). A database deleted under the worker (site data cleared)
 * closes the connection; the next open makes a new, empty log.
 */
import { openDB, type IDBPDatabase, type IDBPTransaction, type StoreNames } from 'idb';
import { LOG_DB_NAME, LOG_DB_VERSION, upgradeLog, type LogSchema } from './log-schema.ts';

/** A failure with a code from WorkerErrorCode as its message (describeError passes it on). */
export class LogError extends Error {
  constructor(
    code: 'log-blocked' | 'log-unavailable' | 'log-too-new' | 'import-gone' | 'import-refused',
  ) {
    super(code);
    this.name = 'LogError';
  }
}

/** How long an upgrade may wait for an old connection elsewhere before the page is told. */
const BLOCKED_WAIT_MS = 3_000;

let connection: Promise<IDBPDatabase<LogSchema>> | undefined;

/** A write transaction, as the helpers that take part in one see it (they name the stores they use). */
export type WriteTx = IDBPTransaction<LogSchema, StoreNames<LogSchema>[], 'readwrite'>;

/** `tx` for a helper that writes in it; the caller opened it over the stores the helper names. */
export const shared = (tx: unknown): WriteTx => tx as WriteTx;

function open(): Promise<IDBPDatabase<LogSchema>> {
  let blockedTimer: ReturnType<typeof setTimeout> | undefined;
  let rejectBlocked: (error: Error) => void = () => undefined;
  const blocked = new Promise<never>((_, reject) => (rejectBlocked = reject));
  const opening = openDB<LogSchema>(LOG_DB_NAME, LOG_DB_VERSION, {
    upgrade(database, oldVersion, _newVersion, transaction) {
      upgradeLog(database, oldVersion, transaction);
    },
    blocked() {
      // The open stays pending and completes once the other holder closes; the
      // message that waits for it is answered now.
      blockedTimer ??= setTimeout(
        () => rejectBlocked(new LogError('log-blocked')),
        BLOCKED_WAIT_MS,
      );
    },
    blocking(_current, _version, event) {
      // Someone wants a newer version (or to delete the log): let go at once.
      (event.target as IDBDatabase).close();
      connection = undefined;
    },
    terminated() {
      connection = undefined;
    },
  });
  return Promise.race([opening, blocked]).then(
    (database) => {
      clearTimeout(blockedTimer);
      database.addEventListener('close', () => (connection = undefined));
      return database;
    },
    (error: unknown) => {
      clearTimeout(blockedTimer);
      connection = undefined;
      throw openFailure(error);
    },
  );
}

function openFailure(error: unknown): Error {
  if (error instanceof LogError) return error;
  const name = error instanceof DOMException || error instanceof Error ? error.name : '';
  if (name === 'VersionError') return new LogError('log-too-new');
  if (name === 'QuotaExceededError') return error as Error;
  return new LogError('log-unavailable');
}

export function db(): Promise<IDBPDatabase<LogSchema>> {
  connection ??= open();
  return connection;
}
