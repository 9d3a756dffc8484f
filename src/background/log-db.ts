/**
 * The connection to the log's database. Only the service worker opens it.
 *
 * The connection is a cache, not state: a restarted worker opens it again.
 * Opening fails with a code the pages can explain: `log-blocked` (an upgrade
 * waits for another holder of the old version to let go), `log-too-new` (the
 * database was made by a newer Markenlotse), `log-unavailable` (it cannot be
 * opened: damaged). A database deleted under the worker (site data cleared)
 * closes the connection; the next open makes a new, empty log, and
 * log-presence.ts keeps that a log was lost, for the workspace to say.
 */
import { openDB, type IDBPDatabase, type IDBPTransaction, type StoreNames } from 'idb';
import { mentionsChanged, storesChanged } from './log-changes.ts';
import { noteLogOpened } from './log-presence.ts';
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

/** How long a message waits for an upgrade that another holder of the old version blocks before it is answered. */
const BLOCKED_WAIT_MS = 3_000;

let connection: Promise<IDBPDatabase<LogSchema>> | undefined;

/**
 * The open request under way. Kept while it is blocked (another holder of
 * the old version, such as a page of the old extension, has not let go):
 * messages meanwhile wait on the same request instead of starting another
 * behind it, and are each answered `log-blocked` after BLOCKED_WAIT_MS. The
 * request itself goes on and completes when the holder closes.
 */
let pending: { opening: Promise<IDBPDatabase<LogSchema>>; blocked: Promise<void> } | undefined;

/** A write transaction, as the helpers that take part in one see it (they name the stores they use). */
export type WriteTx = IDBPTransaction<LogSchema, StoreNames<LogSchema>[], 'readwrite'>;

/** `tx` for a helper that writes in it; the caller opened it over the stores the helper names. */
export const shared = (tx: unknown): WriteTx => tx as WriteTx;

function request(): NonNullable<typeof pending> {
  let created = false;
  let wasBlocked = false;
  let markBlocked = (): void => undefined;
  const blocked = new Promise<void>((resolve) => (markBlocked = resolve));
  const opening = openDB<LogSchema>(LOG_DB_NAME, LOG_DB_VERSION, {
    upgrade(database, oldVersion, _newVersion, transaction) {
      created = oldVersion === 0;
      upgradeLog(database, oldVersion, transaction);
    },
    blocked() {
      wasBlocked = true;
      markBlocked();
    },
    blocking(_current, version, event) {
      // Someone wants a newer version (or to delete the log): let go at once.
      (event.target as IDBDatabase).close();
      connection = undefined;
      // A deletion: the next open makes a new log, and must know there was
      // one (storage.local may have been cleared since this one opened).
      if (version === null) void noteLogOpened(false);
    },
    terminated() {
      connection = undefined;
    },
  }).then(async (database) => {
    database.addEventListener('close', () => (connection = undefined));
    const lost = await noteLogOpened(created);
    if (lost) mentionsChanged({ put: [], deleted: [], reset: true });
    // Pages that were told `log-blocked` (or that a log was lost) ask again.
    if (lost || wasBlocked) storesChanged(['mentions', 'sightings']);
    return database;
  });
  // Failures are answered to the messages that wait; none may go unhandled.
  opening.catch(() => undefined);
  return { opening, blocked };
}

function open(): Promise<IDBPDatabase<LogSchema>> {
  const current = (pending ??= request());
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = current.blocked.then(
    () =>
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new LogError('log-blocked')), BLOCKED_WAIT_MS);
      }),
  );
  return Promise.race([current.opening, deadline]).then(
    (database) => {
      clearTimeout(timer);
      if (pending === current) pending = undefined;
      return database;
    },
    (error: unknown) => {
      clearTimeout(timer);
      connection = undefined;
      const stillWaiting = error instanceof LogError && error.message === 'log-blocked';
      if (!stillWaiting && pending === current) pending = undefined;
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
