/** The mentions a bulk action applies to, as the worker's protocol names them. */
import type { LogFilter, MentionSort } from '../../../core/log-query.ts';
import type { MentionTarget } from '../../../core/messages.ts';
import type { Selection } from '../grid/selection.ts';
import type { Ask } from '../services.ts';

/**
 * Picked rows by id; "all that match" as the filter itself, so that 100,000
 * ids never travel. Only "all but a few" needs the ids: the query's, minus
 * those clicked off.
 */
export async function bulkTarget(
  ask: Ask,
  selection: Selection,
  filter: LogFilter,
  sort: MentionSort,
): Promise<MentionTarget> {
  if (selection.mode === 'some') return { ids: [...selection.ids] };
  if (selection.except.size === 0) return { filter };
  const ids = await ask('mentions/ids', { filter, sort, offset: 0, limit: selection.total });
  return { ids: ids.filter((id) => !selection.except.has(id)) };
}

/** The full records of the selection, in the order of the list, chunk by chunk (copy as text, export). */
export async function* selectedRecords<T>(
  ask: Ask,
  selection: Selection,
  filter: LogFilter,
  sort: MentionSort,
  /** Rows of the query now. */
  total: number,
  read: (ids: string[]) => Promise<T[]>,
  chunk = 1000,
): AsyncGenerator<T[]> {
  const ids =
    selection.mode === 'some'
      ? await orderedIds(ask, selection.ids, filter, sort, total)
      : (await ask('mentions/ids', { filter, sort, offset: 0, limit: total })).filter(
          (id) => !selection.except.has(id),
        );
  for (let i = 0; i < ids.length; i += chunk) yield await read(ids.slice(i, i + chunk));
}

/** Picked ids in the order the list shows them (a click order would scramble a copied table). */
async function orderedIds(
  ask: Ask,
  picked: ReadonlySet<string>,
  filter: LogFilter,
  sort: MentionSort,
  total: number,
): Promise<string[]> {
  if (picked.size <= 1) return [...picked];
  const all = await ask('mentions/ids', { filter, sort, offset: 0, limit: total });
  const inOrder = all.filter((id) => picked.has(id));
  // Rows picked that left the filter meanwhile (edited in another tab) go last, not lost.
  const seen = new Set(inOrder);
  return [...inOrder, ...[...picked].filter((id) => !seen.has(id))];
}
