/**
 * Bulk edits of mentions (a selection, or all that pass a filter) with one
 * undo. The edit and its before-images are written in one transaction; the
 * images stay in the `undo` store until the next bulk edit replaces them, so
 * an undo works after the worker was stopped too.
 *
 * Undo restores a mention only if nobody changed it since the edit (its
 * updatedAt is still the edit's), or brings it back if the edit deleted it
 * and it is still gone: an undo never throws away a later edit.
 */
import { applyPatch } from '../core/mention-patch.ts';
import type { Mention } from '../core/mention.ts';
import type { BulkChange, BulkResult, MentionTarget } from '../core/messages.ts';
import { changeCounts } from './log-counts.ts';
import { db, shared } from './log-db.ts';
import { mentionsChanged } from './log-changes.ts';
import { idsMatching } from './log-mention-queries.ts';
import { timeAfter } from './log-mentions.ts';

/** Before-images per undo record. */
const UNDO_PART = 1_000;

export async function bulkEdit(
  target: MentionTarget,
  change: BulkChange,
  now = new Date(),
): Promise<BulkResult> {
  const ids = 'ids' in target ? [...new Set(target.ids)] : await idsMatching(target.filter);
  const token = crypto.randomUUID();
  const time = now.toISOString();
  const database = await db();
  const tx = database.transaction(['mentions', 'undo', 'meta'], 'readwrite');
  const mentions = tx.objectStore('mentions');
  const undo = tx.objectStore('undo');
  await undo.clear();
  const before: Mention[] = [];
  const after: (string | null)[] = [];
  const put: Mention[] = [];
  const deleted: string[] = [];
  const stored = await Promise.all(ids.map((id) => mentions.get(id)));
  for (const old of stored) {
    if (!old) continue;
    if (change.delete) {
      void mentions.delete(old.id);
      deleted.push(old.id);
      before.push(old);
      after.push(null);
      continue;
    }
    const next = applyPatch(old, change, timeAfter(old.updatedAt, now));
    if (next === old) continue;
    void mentions.put(next);
    put.push(next);
    before.push(old);
    after.push(next.updatedAt);
  }
  for (let part = 0; part * UNDO_PART < before.length; part++) {
    const from = part * UNDO_PART;
    void undo.put({
      token,
      part,
      time,
      mentions: before.slice(from, from + UNDO_PART),
      after: after.slice(from, from + UNDO_PART),
    });
  }
  await changeCounts(shared(tx), { mentions: -deleted.length });
  await tx.done;
  mentionsChanged({ put, deleted });
  return { changed: before.length, undo: before.length ? token : null };
}

export async function undoBulkEdit(token: string): Promise<{ restored: number }> {
  const database = await db();
  const tx = database.transaction(['mentions', 'undo', 'meta'], 'readwrite');
  const mentions = tx.objectStore('mentions');
  let revived = 0;
  const parts = await tx
    .objectStore('undo')
    .getAll(IDBKeyRange.bound([token, 0], [token, Infinity]));
  const restored: Mention[] = [];
  for (const part of parts) {
    const current = await Promise.all(part.mentions.map((m) => mentions.get(m.id)));
    part.mentions.forEach((old, i) => {
      const now = current[i];
      const editedAt = part.after[i];
      const untouched = editedAt === null ? now === undefined : now?.updatedAt === editedAt;
      if (!untouched) return;
      if (editedAt === null) revived++;
      void mentions.put(old);
      restored.push(old);
    });
  }
  await tx.objectStore('undo').clear();
  await changeCounts(shared(tx), { mentions: revived });
  await tx.done;
  mentionsChanged({ put: restored, deleted: [] });
  return { restored: restored.length };
}
