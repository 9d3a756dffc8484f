/**
 * How a patch or a bulk edit changes a mention: only the fields it names, tags
 * added and removed as sets (so two tabs adding different tags both keep
 * theirs). Pure; the worker applies it inside the write transaction.
 */
import type { Mention } from './mention.ts';
import type { BulkChange, MentionPatch } from './messages/log.ts';

const unique = (tags: readonly string[]): string[] => [
  ...new Set(tags.map((t) => t.trim()).filter(Boolean)),
];

/** The mention after the patch, or the same object when the patch changes nothing. */
export function applyPatch(
  mention: Mention,
  patch: MentionPatch | BulkChange,
  now: string,
): Mention {
  const next: Mention = { ...mention };
  if (patch.sentiment !== undefined) next.sentiment = patch.sentiment;
  if (patch.status !== undefined) next.status = patch.status;
  if ('note' in patch && patch.note !== undefined) next.note = patch.note;
  let tags = 'tags' in patch && patch.tags !== undefined ? unique(patch.tags) : mention.tags;
  if (patch.addTags) tags = unique([...tags, ...patch.addTags]);
  if (patch.removeTags) {
    const removed = new Set(patch.removeTags.map((t) => t.trim()));
    tags = tags.filter((t) => !removed.has(t));
  }
  next.tags = tags;
  const same =
    next.sentiment === mention.sentiment &&
    next.status === mention.status &&
    next.note === mention.note &&
    next.tags.length === mention.tags.length &&
    next.tags.every((t, i) => t === mention.tags[i]);
  if (same) return mention;
  next.updatedAt = now;
  return next;
}
