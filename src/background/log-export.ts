/**
 * Export in chunks: the page asks for records a chunk at a time and builds the
 * file from the parts (`new Blob(parts)`), so no message and no string holds
 * the whole log. "Everything" is read in key order (stable while the log
 * changes); a query's records in the query's order.
 */
import type { LogFilter, MentionSort } from '../core/log-query.ts';
import { plainSighting } from '../core/log-records.ts';
import type { Mention, Sighting } from '../core/mention.ts';
import type { ExportChunk } from '../core/messages.ts';
import { readCounts, sightingTotal } from './log-counts.ts';
import { db } from './log-db.ts';
import { mentionIndex } from './log-index.ts';
import { getMentions } from './log-mentions.ts';
import { brandRoles } from './log-roles.ts';
import { querySightings } from './log-sighting-queries.ts';

const after = (key: string | null) => (key === null ? null : IDBKeyRange.lowerBound(key, true));

export async function exportMentions(args: {
  filter: LogFilter | null;
  sort: MentionSort;
  after: string | null;
  limit: number;
}): Promise<ExportChunk<Mention>> {
  if (args.filter === null) {
    const database = await db();
    const rows = await database.getAll('mentions', after(args.after), args.limit);
    const total = args.after === null ? (await readCounts()).mentions : -1;
    const last = rows[rows.length - 1];
    return { rows, next: rows.length === args.limit && last ? last.id : null, total };
  }
  const result = (await mentionIndex()).query(args.filter, args.sort, await brandRoles());
  const offset = args.after === null ? 0 : Number(args.after) || 0;
  const ids = result.slice(offset, offset + args.limit).map((e) => e.id);
  const rows = (await getMentions(ids)).filter((m): m is Mention => m !== null);
  const end = offset + ids.length;
  return { rows, next: end < result.length ? String(end) : null, total: result.length };
}

export async function exportSightings(args: {
  filter: LogFilter | null;
  after: string | null;
  limit: number;
}): Promise<ExportChunk<Sighting>> {
  if (args.filter === null) {
    const database = await db();
    const stored = await database.getAll('sightings', after(args.after), args.limit);
    const total = args.after === null ? sightingTotal(await readCounts()) : -1;
    const last = stored[stored.length - 1];
    return {
      rows: stored.map(plainSighting),
      next: stored.length === args.limit && last ? last.key : null,
      total,
    };
  }
  // A filtered export scans on until the chunk is full (no time budget: the page waits for it).
  const rows: Sighting[] = [];
  let next: string | null = args.after;
  do {
    const page = await querySightings({
      filter: args.filter,
      sort: { key: 'lastSeen', descending: true },
      limit: args.limit - rows.length,
      after: next,
    });
    rows.push(...page.rows);
    next = page.next;
  } while (next !== null && rows.length < args.limit);
  return { rows, next, total: -1 };
}
