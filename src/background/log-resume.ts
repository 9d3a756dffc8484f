/**
 * Going on where the last reply of a budgeted scan stopped: at the index key
 * and primary key of the last record it looked at.
 *
 * The cursor is opened on a key range that starts at that index key, so no
 * reply walks over the records the replies before it saw. Only records with
 * the same index key (ties) are stepped over, by continuePrimaryKey. A cursor
 * opened on the whole index and moved there by continuePrimaryKey alone cost
 * more with every reply in Chromium on a 'prev' cursor (newest first, the
 * default view), as if it stepped back record by record instead of seeking: a
 * search that matched almost nothing took 420 s over 100,000 sightings, 154 s
 * with the key range (docs/bench-log.md, runs of 2026-12-02).
 */

/** The index key and primary key of the last record a reply scanned. */
export type Position = [IDBValidKey, string];

/** A continuation as the page hands it back (JSON), or undefined if it is none of ours. */
export function readPosition(after: string | null): Position | undefined {
  if (after === null) return undefined;
  try {
    const value = JSON.parse(after) as unknown;
    if (Array.isArray(value) && value.length === 2 && typeof value[1] === 'string')
      return value as Position;
  } catch {
    // a continuation from another version: start over
  }
  return undefined;
}

/** `range` cut so that it starts at `key` in the cursor's direction; null if nothing is left. */
export function rangeFrom(
  range: IDBKeyRange | null,
  key: IDBValidKey,
  direction: 'next' | 'prev',
): IDBKeyRange | null {
  try {
    if (direction === 'next') {
      if (!range || range.upper === undefined) return IDBKeyRange.lowerBound(key);
      return IDBKeyRange.bound(key, range.upper, false, range.upperOpen);
    }
    if (!range || range.lower === undefined) return IDBKeyRange.upperBound(key);
    return IDBKeyRange.bound(range.lower, key, range.lowerOpen, false);
  } catch {
    // lower above upper: the position is past the end of the range
    return null;
  }
}

/** The least a cursor of `idb` needs here (IDBPCursorWithValue of any store or index). */
export interface ResumableCursor {
  key: IDBValidKey;
  primaryKey: IDBValidKey;
  continue(): Promise<this | null>;
  continuePrimaryKey(key: never, primaryKey: never): Promise<this | null>;
}

interface CursorSource<C extends ResumableCursor> {
  openCursor(range: IDBKeyRange | null, direction: 'next' | 'prev'): Promise<C | null>;
}

/**
 * A cursor over `range` of `source` on the first record after `position`
 * (or on the first record of all, without a position).
 */
export async function openAfter<C extends ResumableCursor>(
  source: CursorSource<C>,
  range: IDBKeyRange | null,
  direction: 'next' | 'prev',
  position: Position | undefined,
): Promise<C | null> {
  if (!position) return source.openCursor(range, direction);
  const [key, primaryKey] = position;
  const from = rangeFrom(range, key, direction);
  if (!from) return null;
  let cursor = await source.openCursor(from, direction);
  if (!cursor || indexedDB.cmp(cursor.key, key) !== 0) return cursor;
  // Among the ties of `key`: before the last record (in the cursor's order), on it, or past it
  // (it was deleted meanwhile).
  const sign = direction === 'next' ? 1 : -1;
  const order = sign * indexedDB.cmp(cursor.primaryKey, primaryKey);
  if (order < 0) cursor = await cursor.continuePrimaryKey(key as never, primaryKey as never);
  if (cursor && indexedDB.cmp(cursor.key, key) === 0 && cursor.primaryKey === primaryKey)
    cursor = await cursor.continue();
  return cursor;
}
