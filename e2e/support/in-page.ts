/**
 * Functions that run inside a page (passed to Playwright's or puppeteer's
 * evaluate), shared by the Chromium and Firefox helpers.
 */

/**
 * Each registered markenlotse highlight with the text of its ranges (sorted),
 * as the page's main world sees it.
 */
export function highlightTextsInPage(): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  CSS.highlights.forEach((highlight, name) => {
    if (!name.startsWith('markenlotse')) return;
    out[name] = [...highlight]
      .map((range) => {
        const r = document.createRange();
        r.setStart(range.startContainer, range.startOffset);
        r.setEnd(range.endContainer, range.endOffset);
        return r.toString();
      })
      .sort();
  });
  return out;
}

/** What the extension stores, in full: storage.local, storage.session, every IndexedDB database. */
export interface StoredData {
  local: Record<string, unknown>;
  session: Record<string, unknown>;
  databases: Record<
    string,
    {
      version: number;
      stores: Record<
        string,
        {
          keyPath: string | string[] | null;
          autoIncrement: boolean;
          indexes: {
            name: string;
            keyPath: string | string[];
            unique: boolean;
            multiEntry: boolean;
          }[];
          keys: unknown[];
          records: unknown[];
        }
      >;
    }
  >;
}

/**
 * Reads everything the extension stores, from an extension page (same
 * origin as the worker). Only databases that exist are opened: opening one
 * by name without a version would create it, empty, at version 1.
 */
export async function storedDataInExtension(): Promise<StoredData> {
  type Api = {
    storage: {
      local: { get(keys: null): Promise<Record<string, unknown>> };
      session: { get(keys: null): Promise<Record<string, unknown>> };
    };
  };
  const g = globalThis as unknown as { browser?: Api; chrome?: Api };
  const api = (g.browser ?? g.chrome)!;
  const request = <T>(r: IDBRequest<T>) =>
    new Promise<T>((done, fail) => {
      r.onsuccess = () => done(r.result);
      r.onerror = () => fail(r.error ?? new Error('IndexedDB request failed'));
    });
  const data: StoredData = {
    local: await api.storage.local.get(null),
    session: await api.storage.session.get(null),
    databases: {},
  };
  for (const { name } of await indexedDB.databases()) {
    if (name === undefined) continue;
    const db = await request(indexedDB.open(name));
    try {
      const stores: StoredData['databases'][string]['stores'] = {};
      for (const storeName of [...db.objectStoreNames].sort()) {
        const store = db.transaction(storeName, 'readonly').objectStore(storeName);
        stores[storeName] = {
          keyPath: store.keyPath,
          autoIncrement: store.autoIncrement,
          indexes: [...store.indexNames].sort().map((indexName) => {
            const index = store.index(indexName);
            const { keyPath, unique, multiEntry } = index;
            return { name: indexName, keyPath, unique, multiEntry };
          }),
          keys: await request(store.getAllKeys()),
          records: await request(store.getAll()),
        };
      }
      data.databases[name] = { version: db.version, stores };
    } finally {
      db.close();
    }
  }
  return data;
}

/**
 * Sends each message to the worker as it is (`runtime.sendMessage` with the
 * one argument), from whatever extension context this runs in, `lanes` at a
 * time, and says what became of each:
 * - the worker's refusal: its error, and for `invalid-message` the path and
 *   code of the problem (`invalid-message tags[0] expected-string`);
 * - `accepted` (the worker acted on it), `no-answer` (no reply at all);
 * - `threw: <message>` where the browser would not send it, or the call failed.
 *
 * Messages come as JSON text, parsed here (see e2e/support/message-fuzz.ts,
 * `parseMessage`, whose steps this repeats: functions passed to a page cannot
 * import).
 */
export async function sendEachMessage(batch: {
  messages: readonly string[];
  lanes: number;
  longString: string;
}): Promise<string[]> {
  type Reply = { ok: boolean; error?: string; problem?: { path: string; code: string } };
  type Api = { runtime: { sendMessage(message: unknown): Promise<Reply | undefined> } };
  const g = globalThis as unknown as { browser?: Api; chrome?: Api };
  const api = (g.browser ?? g.chrome)!;
  const marker = JSON.stringify(batch.longString).slice(1, -1);
  const parse = (json: string): unknown =>
    json.includes(marker)
      ? JSON.parse(json, (_key, value: unknown) => {
          if (
            typeof value === 'object' &&
            value !== null &&
            Object.hasOwn(value, batch.longString)
          ) {
            const [unit, count] = (value as Record<string, [string, number]>)[batch.longString]!;
            return unit.repeat(count);
          }
          return value;
        })
      : JSON.parse(json);
  const outcomes: string[] = new Array<string>(batch.messages.length);
  let next = 0;
  const lane = async () => {
    while (next < batch.messages.length) {
      const at = next++;
      try {
        const reply = await api.runtime.sendMessage(parse(batch.messages[at]!));
        outcomes[at] =
          reply === undefined
            ? 'no-answer'
            : reply.ok
              ? 'accepted'
              : reply.error === 'invalid-message'
                ? `invalid-message ${reply.problem?.path} ${reply.problem?.code}`
                : String(reply.error);
      } catch (error) {
        outcomes[at] = `threw: ${error instanceof Error ? error.message : String(error)}`;
      }
    }
  };
  await Promise.all(Array.from({ length: batch.lanes }, lane));
  return outcomes;
}
