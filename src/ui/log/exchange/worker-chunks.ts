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

/** Mentions of a query in its order (`filter` null: the whole log). */
export async function* mentionChunks(
  ask: Ask,
  filter: LogFilter | null,
  sort: MentionSort,
): AsyncGenerator<Chunk<Mention>> {
  let after: string | null = null;
  do {
    const chunk: ExportChunk<Mention> = await ask('export/mentions', {
      filter,
      sort,
      after,
      limit: EXPORT_CHUNK,
    });
    yield { rows: chunk.rows, total: chunk.total };
    after = chunk.next;
  } while (after !== null);
}

export async function* sightingChunks(
  ask: Ask,
  filter: LogFilter | null,
): AsyncGenerator<Chunk<Sighting>> {
  let after: string | null = null;
  do {
    const chunk: ExportChunk<Sighting> = await ask('export/sightings', {
      filter,
      after,
      limit: EXPORT_CHUNK,
    });
    yield { rows: chunk.rows, total: chunk.total };
    after = chunk.next;
  } while (after !== null);
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
