/**
 * Results pages in the works-council mode: the "new" and rank marks still
 * work, but from this browser session's memory alone (storage.session, which
 * the browser keeps in memory and drops when it closes), never from the log.
 * The answers have the shape of log-sightings.ts's recordResults, marked `sessionOnly`.
 */
import browser from 'webextension-polyfill';
import { canonicalUrl, sightingKey } from '../core/mention.ts';
import type { ResultHistory, ResultReport } from '../core/messages.ts';

const KEY = 'sessionResults';
/** Entries kept per kind; the oldest go first (a long session stays small). */
const MAX_ENTRIES = 5_000;

interface SessionResults {
  /** First time each result (kind + address) was seen in this session. */
  firstSeen: Record<string, string>;
  /** The last rank of each result for an engine and query. */
  ranks: Record<string, number>;
}

const rankKey = (result: ResultReport): string =>
  JSON.stringify([
    result.search.engine,
    result.search.query.trim().toLowerCase(),
    canonicalUrl(result.url),
  ]);

/** Keeps the last `max` entries, in the order they were added. */
function capped<V>(entries: Record<string, V>, max: number): Record<string, V> {
  const keys = Object.keys(entries);
  if (keys.length <= max) return entries;
  return Object.fromEntries(keys.slice(keys.length - max).map((k) => [k, entries[k] as V]));
}

// Reports of several frames and tabs arrive together: one read-modify-write at a time.
let queue: Promise<unknown> = Promise.resolve();

export function recordResultsInSession(
  results: readonly ResultReport[],
  now = new Date(),
): Promise<ResultHistory[]> {
  const next = queue.then(async () => {
    const stored = (await browser.storage.session.get(KEY))[KEY] as SessionResults | undefined;
    const state: SessionResults = { firstSeen: {}, ranks: {}, ...stored };
    const time = now.toISOString();
    const history = results.map((result): ResultHistory => {
      const entry: ResultHistory = { url: result.url, sessionOnly: true };
      const key = sightingKey(result.url, result.kind);
      const firstSeen = state.firstSeen[key];
      if (firstSeen) entry.firstSeen = firstSeen;
      else state.firstSeen[key] = time;
      const rk = rankKey(result);
      const previousRank = state.ranks[rk];
      if (previousRank !== undefined) entry.previousRank = previousRank;
      if (result.search.rank !== undefined) {
        // Re-inserted, so that it counts as the newest entry when the map is capped.
        delete state.ranks[rk];
        state.ranks[rk] = result.search.rank;
      }
      return entry;
    });
    await browser.storage.session.set({
      [KEY]: {
        firstSeen: capped(state.firstSeen, MAX_ENTRIES),
        ranks: capped(state.ranks, MAX_ENTRIES),
      },
    });
    return history;
  });
  queue = next.catch(() => undefined);
  return next;
}
