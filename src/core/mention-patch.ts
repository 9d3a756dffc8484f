/**
 * How a patch or a bulk edit changes a mention: only the fields it names, tags
 * added and removed as sets (so two tabs adding different tags both keep
 * theirs). Pure; the worker applies it inside the write transaction.
 *
 * The optimistic check compares each field a patch changes with the value
 * its sender saw (not the record's `updatedAt`): two tabs changing different
 * fields, or adding different tags, never conflict; only the same field
 * changed to different values does.
 */
import type { Mention } from './mention.ts';
import type { BulkChange, ConflictField, MentionPatch, MentionSeen } from './messages/log.ts';

const CONFLICT_FIELDS: readonly ConflictField[] = ['sentiment', 'status', 'note'];

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

const sameList = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((x, i) => x === b[i]);

/**
 * The patch to apply to `stored`, given what the sender saw, or the fields
 * someone else changed meanwhile (then nothing may be applied). A field is
 * in conflict when it is stored neither as the sender saw it nor as the
 * sender wants it. Tags seen differently are rebased: what the sender added
 * and removed, applied to the tags stored now.
 */
export function checkPatch(
  stored: Mention,
  patch: MentionPatch,
  before: MentionSeen | undefined,
): { ok: true; patch: MentionPatch } | { ok: false; fields: ConflictField[] } {
  if (!before) return { ok: true, patch };
  const fields = CONFLICT_FIELDS.filter((field) => {
    const wanted = patch[field];
    const seen = before[field];
    return (
      wanted !== undefined &&
      seen !== undefined &&
      stored[field] !== seen &&
      stored[field] !== wanted
    );
  });
  if (fields.length > 0) return { ok: false, fields };
  if (patch.tags === undefined || before.tags === undefined) return { ok: true, patch };
  const seen = unique(before.tags);
  const mine = unique(patch.tags);
  if (sameList(stored.tags, seen)) return { ok: true, patch };
  const rest = { ...patch };
  delete rest.tags;
  const added = mine.filter((t) => !seen.includes(t));
  const removed = seen.filter((t) => !mine.includes(t));
  return {
    ok: true,
    patch: {
      ...rest,
      addTags: [...added, ...(patch.addTags ?? [])],
      removeTags: [...removed, ...(patch.removeTags ?? [])],
    },
  };
}

/**
 * A form's values as a patch of the fields that differ from `mention` (the
 * version the form was filled from), with what they were: a form that sends
 * every field would otherwise overwrite what another tab changed in a field
 * this user never touched.
 */
export function changedFields(
  mention: Mention,
  values: MentionSeen,
): { patch: MentionPatch; before: MentionSeen } {
  const patch: MentionPatch = {};
  const before: MentionSeen = {};
  if (values.sentiment !== undefined && values.sentiment !== mention.sentiment) {
    patch.sentiment = values.sentiment;
    before.sentiment = mention.sentiment;
  }
  if (values.status !== undefined && values.status !== mention.status) {
    patch.status = values.status;
    before.status = mention.status;
  }
  const tags = values.tags === undefined ? mention.tags : unique(values.tags);
  if (!sameList(tags, mention.tags)) {
    patch.tags = tags;
    before.tags = [...mention.tags];
  }
  if (values.note !== undefined && values.note !== mention.note) {
    patch.note = values.note;
    before.note = mention.note;
  }
  return { patch, before };
}
