/**
 * The log's queries, pure: the filter (shared by mentions and sightings), its
 * form in the workspace's address, the predicates and orders the worker runs,
 * and the compact projection of a mention they run on. The worker answers the
 * messages of messages/log.ts with these; the workspace builds its filter
 * bar and address with them.
 */
export * from './log-query/filter.ts';
export * from './log-query/text.ts';
export * from './log-query/entry.ts';
export * from './log-query/predicate.ts';
export * from './log-query/sort.ts';
export * from './log-query/address.ts';
export * from './log-query/run.ts';
export * from './log-query/words.ts';
