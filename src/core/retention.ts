/**
 * Which records the retention settings delete (README, "Retention"): a
 * sighting (and a result's rank) goes once it was last seen more than
 * `retentionDays` days ago; a mention once it was logged more than
 * `mentionRetentionDays` days ago. 0 keeps them. The worker deletes at
 * start-up, daily, and when the setting changes (background/retention.ts).
 */

export const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The ISO time before which records go, or undefined when `days` keeps
 * them all. Records exactly `days` days old stay.
 */
export function retentionCutoff(days: number, now: Date): string | undefined {
  if (!Number.isInteger(days) || days <= 0) return undefined;
  return new Date(now.getTime() - days * DAY_MS).toISOString();
}

/**
 * Is a record with this time (ISO 8601, as stored) older than the cutoff?
 * Compared as instants, not as text, so an imported time with an offset
 * counts right too; a time that is no time is never expired (it is not
 * ours to judge, and deleting on a parse error would lose data).
 */
export function isExpired(time: string | undefined, cutoff: string | undefined): boolean {
  if (cutoff === undefined || time === undefined) return false;
  const at = Date.parse(time);
  return Number.isFinite(at) && at < Date.parse(cutoff);
}

/** The keys of the records that go, of those given. */
export function expiredKeys<R>(
  records: Iterable<R>,
  cutoff: string | undefined,
  timeOf: (record: R) => string | undefined,
  keyOf: (record: R) => string,
): string[] {
  const keys: string[] = [];
  if (cutoff === undefined) return keys;
  for (const record of records) if (isExpired(timeOf(record), cutoff)) keys.push(keyOf(record));
  return keys;
}
