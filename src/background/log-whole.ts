/**
 * The log as a whole, in the shapes the popup and the current log page use:
 * the newest records (`log/get`), an import file's text in one message
 * (`log/import`, staged like a streamed import), and clearing everything.
 */
import { parseImport } from '../core/exchange.ts';
import { plainSighting } from '../core/log-records.ts';
import type { ImportSummary, LogSnapshot } from '../core/messages.ts';
import { db } from './log-db.ts';
import { mentionsChanged, storesChanged } from './log-changes.ts';
import { beginImport, commitImport, stageChunk } from './log-import.ts';
import { EXPORT_FORMAT, EXPORT_VERSION } from '../core/exchange.ts';

/** Newest first; `limit` applies to mentions and sightings alike. */
export async function readLog(limit?: number): Promise<LogSnapshot> {
  const database = await db();
  const tx = database.transaction(['mentions', 'sightings']);
  const newest = async <T>(source: {
    openCursor(q: null, d: 'prev'): Promise<{ value: T; continue(): Promise<unknown> } | null>;
  }) => {
    const out: T[] = [];
    let cursor = await source.openCursor(null, 'prev');
    while (cursor && (limit === undefined || out.length < limit)) {
      out.push(cursor.value);
      cursor = (await cursor.continue()) as typeof cursor;
    }
    return out;
  };
  const mentions = await newest(tx.objectStore('mentions').index('createdAt'));
  const sightings = await newest(tx.objectStore('sightings').index('lastSeen'));
  return { mentions, sightings: sightings.map(plainSighting) };
}

const CHUNK = 5_000;

/** An export file's text: checked as a whole, then staged and committed (newer record wins). */
export async function importLogText(text: string): Promise<ImportSummary> {
  const parsed = parseImport(text);
  const empty: ImportSummary = {
    added: 0,
    updated: 0,
    copied: 0,
    unchanged: 0,
    sightings: 0,
    problems: parsed.problems,
  };
  if (parsed.problems.some((p) => p.path === '' || p.path === 'format' || p.path === 'version'))
    return empty;
  const { importId } = await beginImport({
    name: '',
    size: text.length,
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
  });
  const rounds = Math.max(parsed.mentions.length, parsed.sightings.length);
  for (let seq = 0; seq * CHUNK < rounds || seq === 0; seq++) {
    const from = seq * CHUNK;
    await stageChunk({
      importId,
      seq,
      first: { mentions: from, sightings: from },
      mentions: parsed.mentions.slice(from, from + CHUNK),
      sightings: parsed.sightings.slice(from, from + CHUNK),
    });
  }
  const summary = await commitImport(importId, {});
  return { ...summary, problems: parsed.problems };
}

export async function clearLog(): Promise<void> {
  const stores = [
    'mentions',
    'sightings',
    'ranks',
    'sites',
    'visits',
    'undo',
    'imports',
    'staged',
    'meta',
  ] as const;
  const tx = (await db()).transaction([...stores], 'readwrite');
  await Promise.all([...stores.map((s) => tx.objectStore(s).clear()), tx.done]);
  mentionsChanged({ put: [], deleted: [], reset: true });
  storesChanged(['sightings']);
}
