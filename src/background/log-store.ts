/**
 * The local log in IndexedDB. Only the service worker opens it.
 *
 * Two stores: `sightings` (recorded automatically, keyed by kind + canonical
 * URL) and `mentions` (logged by the user, keyed by id). Each function opens
 * its own transaction, so a worker stopped mid-way loses at most that one write.
 */
import { openDB, type IDBPDatabase } from 'idb';
import {
  canonicalUrl,
  sightingKey,
  type Mention,
  type MentionDraft,
  type Sighting,
  type TermCount,
} from '../core/mention.ts';
import type { PageReport, ResultHistory, ResultReport } from '../core/messages.ts';
import { mergeMentions, mergeSightings, parseImport } from '../core/exchange.ts';
import type { ImportSummary } from '../core/messages.ts';
import { LOG_DB_NAME, LOG_DB_VERSION, upgradeLog, type LogSchema } from './log-schema.ts';

// A cache of the connection, not state: a restarted worker simply opens it again.
let connection: Promise<IDBPDatabase<LogSchema>> | undefined;

/** The log database, opened (and upgraded) on first use; retention.ts and erase.ts use it too. */
export function db(): Promise<IDBPDatabase<LogSchema>> {
  connection ??= openDB<LogSchema>(LOG_DB_NAME, LOG_DB_VERSION, {
    upgrade(database, oldVersion, _newVersion, transaction) {
      upgradeLog(database, oldVersion, transaction);
    },
    terminated() {
      connection = undefined;
    },
  }).catch((error: unknown) => {
    connection = undefined;
    throw error;
  });
  return connection;
}

/** Records (or refreshes) the sighting of a page with hits. */
export async function recordPageSighting(report: PageReport, now = new Date()): Promise<void> {
  if (report.total === 0) return;
  const key = sightingKey(report.url, 'page');
  const database = await db();
  const tx = database.transaction('sightings', 'readwrite');
  const old = await tx.store.get(key);
  const time = now.toISOString();
  await tx.store.put({
    key,
    kind: 'page',
    url: canonicalUrl(report.url),
    title: report.title || old?.title || '',
    terms: report.terms,
    hits: report.total,
    firstSeen: old?.firstSeen ?? time,
    lastSeen: time,
    visits: (old?.visits ?? 0) + (report.firstReport || !old ? 1 : 0),
  });
  await tx.done;
}

const rankKey = (engine: string, query: string, url: string): string =>
  JSON.stringify([engine, query.trim().toLowerCase(), canonicalUrl(url)]);

/**
 * Records search results that mention a brand and answers, for each, what was
 * known before this visit: when it was first seen and its previous rank.
 */
export async function recordResults(
  results: ResultReport[],
  now = new Date(),
): Promise<ResultHistory[]> {
  const database = await db();
  const tx = database.transaction(['sightings', 'ranks'], 'readwrite');
  const sightings = tx.objectStore('sightings');
  const ranks = tx.objectStore('ranks');
  const time = now.toISOString();
  const history: ResultHistory[] = [];
  for (const result of results) {
    const key = sightingKey(result.url, result.kind);
    const old = await sightings.get(key);
    const entry: ResultHistory = { url: result.url };
    if (old) entry.firstSeen = old.firstSeen;
    // Each report is one visit to a results page (the content script reports a result once per page load).
    const rk = rankKey(result.search.engine, result.search.query, result.url);
    const previousRank = (await ranks.get(rk))?.rank;
    if (previousRank !== undefined) entry.previousRank = previousRank;
    if (result.search.rank !== undefined)
      await ranks.put({ key: rk, rank: result.search.rank, seenAt: time });
    await sightings.put({
      key,
      kind: result.kind,
      url: canonicalUrl(result.url),
      title: result.title,
      terms: result.terms,
      hits: sumCounts(result.terms),
      firstSeen: old?.firstSeen ?? time,
      lastSeen: time,
      visits: (old?.visits ?? 0) + 1,
      search: result.search,
    });
    history.push(entry);
  }
  await tx.done;
  return history;
}

const sumCounts = (terms: TermCount[]): number => terms.reduce((sum, t) => sum + t.count, 0);

export async function addMention(draft: MentionDraft, now = new Date()): Promise<Mention> {
  const time = now.toISOString();
  const mention: Mention = {
    ...draft,
    url: canonicalUrl(draft.url),
    id: crypto.randomUUID(),
    createdAt: time,
    updatedAt: time,
  };
  await (await db()).put('mentions', mention);
  return mention;
}

export async function updateMention(
  id: string,
  patch: Partial<Pick<Mention, 'sentiment' | 'tags' | 'note'>>,
  now = new Date(),
): Promise<Mention | null> {
  const database = await db();
  const tx = database.transaction('mentions', 'readwrite');
  const old = await tx.store.get(id);
  if (!old) return null;
  const next: Mention = { ...old, updatedAt: now.toISOString() };
  // Field by field: an absent or undefined field leaves the stored one as it is.
  if (patch.sentiment !== undefined) next.sentiment = patch.sentiment;
  if (patch.tags !== undefined) next.tags = patch.tags;
  if (patch.note !== undefined) next.note = patch.note;
  await tx.store.put(next);
  await tx.done;
  return next;
}

export async function deleteMention(id: string): Promise<boolean> {
  const database = await db();
  const tx = database.transaction('mentions', 'readwrite');
  const existed = (await tx.store.getKey(id)) !== undefined;
  await tx.store.delete(id);
  await tx.done;
  return existed;
}

/** Newest first; `limit` applies to mentions and sightings alike. */
export async function readLog(
  limit?: number,
): Promise<{ mentions: Mention[]; sightings: Sighting[] }> {
  const database = await db();
  const newestFirst = async <S extends 'mentions' | 'sightings'>(
    store: S,
    index: S extends 'mentions' ? 'createdAt' : 'lastSeen',
  ) => {
    const out: LogSchema[S]['value'][] = [];
    let cursor = await database
      .transaction(store)
      .store.index(index as never)
      .openCursor(null, 'prev');
    while (cursor && (limit === undefined || out.length < limit)) {
      out.push(cursor.value);
      cursor = await cursor.continue();
    }
    return out;
  };
  return {
    mentions: await newestFirst('mentions', 'createdAt'),
    sightings: await newestFirst('sightings', 'lastSeen'),
  };
}

/** Merges an export file into the log; nothing already logged is lost. */
export async function importLog(text: string): Promise<ImportSummary> {
  const parsed = parseImport(text);
  const database = await db();
  const tx = database.transaction(['mentions', 'sightings'], 'readwrite');
  const existingMentions = await Promise.all(
    parsed.mentions.map((m) => tx.objectStore('mentions').get(m.id)),
  );
  const merged = mergeMentions(
    existingMentions.filter((m): m is Mention => m !== undefined),
    parsed.mentions,
  );
  for (const mention of merged.merged) await tx.objectStore('mentions').put(mention);
  const existingSightings = await Promise.all(
    parsed.sightings.map((s) => tx.objectStore('sightings').get(s.key)),
  );
  const sightings = mergeSightings(
    existingSightings.filter((s): s is Sighting => s !== undefined),
    parsed.sightings,
  );
  for (const sighting of sightings) await tx.objectStore('sightings').put(sighting);
  await tx.done;
  return {
    added: merged.added,
    updated: merged.updated,
    unchanged: merged.unchanged,
    sightings: parsed.sightings.length,
    problems: parsed.problems,
  };
}

export async function clearLog(): Promise<void> {
  const database = await db();
  const tx = database.transaction(['mentions', 'sightings', 'ranks'], 'readwrite');
  await Promise.all([
    tx.objectStore('mentions').clear(),
    tx.objectStore('sightings').clear(),
    tx.objectStore('ranks').clear(),
    tx.done,
  ]);
}
