/**
 * Schemas for the log's messages (messages/log.ts), strict like the others:
 * a field a message does not name is refused, every value is bounded.
 */
import * as v from 'valibot';
import { MENTION_SORT_KEYS, readDay, SIGHTING_SORT_KEYS } from '../log-query.ts';
import { MENTION_STATUSES, SENTIMENTS, SIGHTING_KINDS } from '../mention.ts';
import { BRAND_ROLES } from '../profile.ts';
import { coded, count, list, oneOf, strictObject, text } from '../schema.ts';

/** Limits shared with the other messages (message-guards.ts). */
export interface Limits {
  text: number;
  name: number;
  items: number;
}

/** Rows a page or chunk may ask for at once. */
export const MAX_PAGE = 5_000;
/** Records in one import chunk. */
export const MAX_CHUNK = 5_000;
/** Ids in one request (a bulk edit of a selection, the mentions of a page). */
export const MAX_IDS = 100_000;

export function logSchemas(limits: Limits, nothing: v.GenericSchema<null>) {
  const name = text(limits.name);
  const longText = text(limits.text);
  const names = list(name, limits.items);
  const sentiment = oneOf(SENTIMENTS);
  const status = oneOf(MENTION_STATUSES);
  const day = v.custom<string>(
    (x) => typeof x === 'string' && readDay(x) === x,
    coded('expected-time'),
  );
  const many = <S extends v.GenericSchema>(item: S) =>
    v.optional(list(item, limits.items), () => []);
  const filter = strictObject({
    brands: many(name),
    role: v.optional(oneOf(BRAND_ROLES)),
    sentiments: many(sentiment),
    tags: many(name),
    statuses: many(status),
    kinds: many(oneOf(SIGHTING_KINDS)),
    sites: many(name),
    source: v.optional(oneOf(['search', 'page'] as const)),
    engines: many(name),
    queries: many(name),
    from: v.optional(day),
    to: v.optional(day),
    text: v.optional(text(limits.name), ''),
  });
  const mentionSort = strictObject({ key: oneOf(MENTION_SORT_KEYS), descending: v.boolean() });
  const sightingSort = strictObject({ key: oneOf(SIGHTING_SORT_KEYS), descending: v.boolean() });
  const pageSize = v.pipe(count(1), v.maxValue(MAX_PAGE, coded('too-many', { max: MAX_PAGE })));
  const after = v.nullable(name);
  const ids = list(name, MAX_IDS);
  const patch = {
    sentiment: v.optional(sentiment),
    status: v.optional(status),
    tags: v.optional(names),
    addTags: v.optional(names),
    removeTags: v.optional(names),
    note: v.optional(longText),
  };
  const query = strictObject({ filter, sort: mentionSort, offset: count(0), limit: pageSize });
  const importId = strictObject({ importId: name });
  const choice = oneOf(['mine', 'theirs', 'both'] as const);
  const records = list(v.unknown(), MAX_CHUNK);
  return {
    // Only what a user may change on a mention.
    'mention/update': strictObject({
      id: name,
      ...patch,
      before: v.optional(
        strictObject({
          sentiment: v.optional(sentiment),
          status: v.optional(status),
          tags: v.optional(names),
          note: v.optional(longText),
        }),
      ),
    }),
    'mention/delete': strictObject({ id: name }),
    'mentions/get': strictObject({ ids: list(name, MAX_PAGE) }),
    'mentions/query': query,
    'mentions/ids': strictObject({
      filter,
      sort: mentionSort,
      offset: count(0),
      limit: v.pipe(count(1), v.maxValue(MAX_IDS, coded('too-many', { max: MAX_IDS }))),
    }),
    'mentions/facets': nothing,
    'mentions/bulk': strictObject({
      target: v.union([strictObject({ ids }), strictObject({ filter })]),
      change: strictObject({
        sentiment: v.optional(sentiment),
        status: v.optional(status),
        addTags: v.optional(names),
        removeTags: v.optional(names),
        delete: v.optional(v.literal(true)),
      }),
    }),
    'mentions/undo': strictObject({ undo: name }),
    'sightings/query': strictObject({ filter, sort: sightingSort, limit: pageSize, after }),
    'sightings/sites': strictObject({ filter, limit: pageSize, after }),
    'sighting/promote': strictObject({
      key: longText,
      id: name,
      sentiment: v.optional(sentiment),
      status: v.optional(status),
      tags: v.optional(names),
      note: v.optional(longText),
    }),
    'log/overview': strictObject({ filter }),
    'log/status': nothing,
    'log/backup-reminder': strictObject({ on: v.boolean() }),
    'log/backup-done': nothing,
    'log/loss-seen': nothing,
    'export/mentions': strictObject({
      filter: v.nullable(filter),
      sort: mentionSort,
      after,
      limit: pageSize,
    }),
    'export/sightings': strictObject({ filter: v.nullable(filter), after, limit: pageSize }),
    'import/begin': strictObject({
      name: longText,
      size: count(0),
      format: v.unknown(),
      version: v.unknown(),
    }),
    'import/chunk': strictObject({
      importId: name,
      seq: count(0),
      first: strictObject({ mentions: count(0), sightings: count(0) }),
      mentions: records,
      sightings: records,
    }),
    'import/preview': importId,
    'import/differences': strictObject({ importId: name, offset: count(0), limit: pageSize }),
    'import/commit': strictObject({
      importId: name,
      choices: strictObject({
        all: v.optional(choice),
        each: v.optional(v.record(name, choice)),
      }),
    }),
    'import/cancel': importId,
  };
}
