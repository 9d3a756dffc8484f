/**
 * The mention ids the log holds, read once per staged import. Classifying a
 * chunk needs the stored mentions with the ids of its records (and of their
 * copies); a get for each of them, most finding nothing, was most of the
 * preview's time (bench:log). With the ids at hand, only mentions that are
 * there are read.
 *
 * Read before a chunk's transaction, so a mention logged while the file is
 * staged is counted as new in the preview; the commit reads the ids again in
 * its own transaction, so what it writes is exact.
 */
import { db } from './log-db.ts';

let held: { importId: string; ids: Promise<Set<string>> } | undefined;

/** The stored mention ids, as read at the first chunk of the import (one import at a time). */
export function storedMentionIds(importId: string): Promise<Set<string>> {
  if (held?.importId !== importId) {
    const ids = db().then(async (database) => new Set(await database.getAllKeys('mentions')));
    held = { importId, ids };
    // A failed read is tried again by the next chunk.
    ids.catch(() => (held = undefined));
  }
  return held.ids;
}

/** Lets go of the ids (the import was committed, cancelled or replaced). */
export function forgetMentionIds(): void {
  held = undefined;
}
