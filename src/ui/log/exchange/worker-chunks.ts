/**
 * The export chunks as the async lists export-file.ts writes from: from the
 * worker, or for the whole log read by the page itself (log-read.ts) after
 * the worker's first chunk.
 */
import type { LogFilter, MentionSort } from '../../../core/log-query.ts';
import { plainSighting, type StoredSighting } from '../../../core/log-records.ts';
import type { PageReadStore } from '../../../core/log-stores.ts';
import type { Mention, Sighting } from '../../../core/mention.ts';
import type { ExportChunk } from '../../../core/messages.ts';
import { selectedCount, type Selection } from '../grid/selection.ts';
import { selectedRecords } from '../mentions/bulk-target.ts';
import type { Ask } from '../services.ts';
import type { Chunk } from './export-file.ts';
import { PAGE_READ_CHUNK, type LogReader } from './log-read.ts';

/** Records per message: some 3 MB of JSON, far below Chrome's 64 MiB per message. */
export const EXPORT_CHUNK = 5000;

/**
 * The chunks of one export, each asked for while the page writes the one
 * before it: the worker reads from IndexedDB while the page builds text, so
 * the export takes about the longer of the two, not their sum.
 */
async function* prefetched<T>(
  ask: (after: string | null) => Promise<ExportChunk<T>>,
): AsyncGenerator<Chunk<T>> {
  let coming: Promise<ExportChunk<T>> | null = ask(null);
  while (coming) {
    const chunk: ExportChunk<T> = await coming;
    coming = chunk.next === null ? null : ask(chunk.next);
    // A failed read ahead is thrown where it is awaited, not as an unhandled rejection.
    coming?.catch(() => undefined);
    yield { rows: chunk.rows, total: chunk.total };
  }
}

/**
 * The records of a whole store in key order: the worker's first chunk (it
 * opens and upgrades the database, and counts the total), then the page's
 * own reads of big chunks after it, each asked for while the one before is
 * written; the worker's chunks again where the page cannot read.
 */
async function* wholeStore<T>(
  ask: (after: string | null, limit: number) => Promise<ExportChunk<T>>,
  reader: LogReader,
  store: PageReadStore,
  plain: (stored: unknown) => T,
): AsyncGenerator<Chunk<T>> {
  let pageReads = true;
  const from = async (after: string): Promise<{ rows: T[]; next: string | null }> => {
    const read = pageReads ? await reader.read(store, after, PAGE_READ_CHUNK) : undefined;
    if (read)
      return {
        rows: read.rows.map(plain),
        next: read.rows.length === PAGE_READ_CHUNK ? read.last : null,
      };
    pageReads = false;
    const chunk = await ask(after, EXPORT_CHUNK);
    return { rows: chunk.rows, next: chunk.next };
  };
  try {
    const first = await ask(null, FIRST_CHUNK);
    const total = first.total;
    let coming = first.next === null ? null : from(first.next);
    coming?.catch(() => undefined);
    yield { rows: first.rows, total };
    while (coming) {
      const chunk = await coming;
      coming = chunk.next === null ? null : from(chunk.next);
      coming?.catch(() => undefined);
      yield { rows: chunk.rows, total };
    }
  } finally {
    reader.close();
  }
}

/** The worker's first chunk of a whole-store export: only what it takes to learn the total. */
const FIRST_CHUNK = 1000;

/**
 * Mentions of a query in its order (`filter` null: the whole log, in key
 * order; read by the page itself when a `reader` is given).
 */
export function mentionChunks(
  ask: Ask,
  filter: LogFilter | null,
  sort: MentionSort,
  reader?: LogReader,
): AsyncGenerator<Chunk<Mention>> {
  if (filter === null && reader)
    return wholeStore(
      (after, limit) => ask('export/mentions', { filter, sort, after, limit }),
      reader,
      'mentions',
      (stored) => stored as Mention,
    );
  return prefetched((after) =>
    ask('export/mentions', { filter, sort, after, limit: EXPORT_CHUNK }),
  );
}

/** Sightings of a filter, or (`filter` null) of the whole log, as {@link mentionChunks}. */
export function sightingChunks(
  ask: Ask,
  filter: LogFilter | null,
  reader?: LogReader,
): AsyncGenerator<Chunk<Sighting>> {
  if (filter === null && reader)
    return wholeStore(
      (after, limit) => ask('export/sightings', { filter, after, limit }),
      reader,
      'sightings',
      (stored) => plainSighting(stored as StoredSighting),
    );
  return prefetched((after) => ask('export/sightings', { filter, after, limit: EXPORT_CHUNK }));
}

/** The selected mentions, in the list's order. */
export async function* selectionChunks(
  ask: Ask,
  selection: Selection,
  filter: LogFilter,
  sort: MentionSort,
  total: number,
): AsyncGenerator<Chunk<Mention>> {
  const count = selectedCount(selection);
  for await (const rows of selectedRecords(ask, selection, filter, sort, total, async (ids) =>
    (await ask('mentions/get', { ids })).filter((m): m is Mention => m !== null),
  ))
    yield { rows, total: count };
}
