/**
 * The log database's name and the stores a page may read, in one place for
 * the worker's schema (background/log-schema.ts, which alone creates and
 * upgrades them and checks these names against its own) and the
 * workspace's read-only export reader (ui/log/exchange/log-read.ts).
 */
export const LOG_DB_NAME = 'markenlotse';

/** Stores the workspace reads itself (whole-log exports); every write goes through the worker. */
export const PAGE_READ_STORES = ['mentions', 'sightings'] as const;

export type PageReadStore = (typeof PAGE_READ_STORES)[number];
