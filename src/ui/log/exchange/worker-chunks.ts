/** The worker's export chunks as the async lists export-file.ts writes from. */
import type { LogFilter, MentionSort } from '../../../core/log-query.ts';
import type { Mention, Sighting } from '../../../core/mention.ts';
import type { ExportChunk } from '../../../core/messages.ts';
import { selectedCount, type Selection } from '../grid/selection.ts';
import { selectedRecords } from '../mentions/bulk-target.ts';
import type { Ask } from '../services.ts';
import type { Chunk } from './export-file.ts';

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

/** Mentions of a query in its order (`filter` null: the whole log). */
export function mentionChunks(
  ask: Ask,
  filter: LogFilter | null,
  sort: MentionSort,
): AsyncGenerator<Chunk<Mention>> {
  return prefetched((after) =>
    ask('export/mentions', { filter, sort, after, limit: EXPORT_CHUNK }),
  );
}

export function sightingChunks(
  ask: Ask,
  filter: LogFilter | null,
): AsyncGenerator<Chunk<Sighting>> {
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
