/**
 * Writing mentions: add (idempotent by id), patch fields, delete, read by id,
 * and promote a sighting. Each is one transaction; the in-memory index and
 * open workspaces hear of it once it has committed.
 */
import { canonicalUrl, type Mention, type MentionDraft } from '../core/mention.ts';
import { applyPatch, checkPatch } from '../core/mention-patch.ts';
import type { MentionPatch, MentionSeen, MentionUpdate, WorkerProtocol } from '../core/messages.ts';
import { plainSighting } from '../core/log-records.ts';
import { changeCounts } from './log-counts.ts';
import { db, shared, type WriteTx } from './log-db.ts';
import { mentionsChanged } from './log-changes.ts';

/** An ISO time after `previous` (clocks can step back; an edit must still be the later one). */
export function timeAfter(previous: string | undefined, now = new Date()): string {
  const at = now.getTime();
  const before = previous ? Date.parse(previous) : NaN;
  return new Date(Number.isNaN(before) || at > before ? at : before + 1).toISOString();
}

function mentionOf(draft: MentionDraft & { id?: string }, time: string): Mention {
  const mention: Mention = {
    id: draft.id ?? crypto.randomUUID(),
    url: canonicalUrl(draft.url),
    title: draft.title,
    brands: draft.brands,
    terms: draft.terms,
    sentiment: draft.sentiment,
    status: draft.status ?? 'new',
    tags: draft.tags,
    note: draft.note,
    snippet: draft.snippet,
    createdAt: time,
    updatedAt: time,
  };
  if (draft.search) mention.search = draft.search;
  return mention;
}

/** Adds a mention; with the id of one already stored, changes nothing and answers that one. */
/** Adds a new mention in `tx` (over mentions and meta), counts it, and tells the index once it committed. */
async function storeNew(
  tx: WriteTx,
  draft: MentionDraft & { id?: string },
  now: Date,
): Promise<Mention> {
  const mention = mentionOf(draft, now.toISOString());
  await tx.objectStore('mentions').add(mention);
  await changeCounts(tx, { mentions: 1 });
  await tx.done;
  mentionsChanged({ put: [mention], deleted: [] });
  return mention;
}

export async function addMention(
  draft: MentionDraft & { id?: string },
  now = new Date(),
): Promise<Mention> {
  const database = await db();
  const tx = database.transaction(['mentions', 'meta'], 'readwrite');
  const mentions = tx.objectStore('mentions');
  const stored = draft.id === undefined ? undefined : await mentions.get(draft.id);
  if (stored) {
    await tx.done;
    return stored;
  }
  return storeNew(shared(tx), draft, now);
}

/**
 * Patches a mention, checked against what the sender saw (`before`) in the
 * same transaction as the write, so no other write can come between.
 */
export async function updateMention(
  id: string,
  patch: MentionPatch,
  before?: MentionSeen,
  now = new Date(),
): Promise<MentionUpdate> {
  const database = await db();
  const tx = database.transaction('mentions', 'readwrite');
  const old = await tx.store.get(id);
  if (!old) {
    await tx.done;
    return { kind: 'gone' };
  }
  const checked = checkPatch(old, patch, before);
  if (!checked.ok) {
    await tx.done;
    return { kind: 'conflict', stored: old, fields: checked.fields };
  }
  const next = applyPatch(old, checked.patch, timeAfter(old.updatedAt, now));
  if (next !== old) await tx.store.put(next);
  await tx.done;
  if (next !== old) mentionsChanged({ put: [next], deleted: [] });
  return { kind: 'saved', stored: next };
}

export async function deleteMention(id: string): Promise<boolean> {
  const database = await db();
  const tx = database.transaction(['mentions', 'meta'], 'readwrite');
  const mentions = tx.objectStore('mentions');
  const existed = (await mentions.getKey(id)) !== undefined;
  if (existed) {
    await mentions.delete(id);
    await changeCounts(shared(tx), { mentions: -1 });
  }
  await tx.done;
  if (existed) mentionsChanged({ put: [], deleted: [id] });
  return existed;
}

/** Full records in the order of `ids` (null where there is none). */
export async function getMentions(ids: readonly string[]): Promise<(Mention | null)[]> {
  const tx = (await db()).transaction('mentions');
  const found = await Promise.all(ids.map((id) => tx.store.get(id)));
  await tx.done;
  return found.map((m) => m ?? null);
}

/** Logs a sighting as a mention, with the sighting's page, title, names and search. */
export async function promoteSighting(
  args: WorkerProtocol['sighting/promote']['args'],
  now = new Date(),
): Promise<Mention> {
  const database = await db();
  const tx = database.transaction(['mentions', 'sightings', 'meta'], 'readwrite');
  const mentions = tx.objectStore('mentions');
  const stored = await mentions.get(args.id);
  if (stored) {
    await tx.done;
    return stored;
  }
  const found = await tx.objectStore('sightings').get(args.key);
  if (!found) {
    await tx.done;
    throw new Error('not-found');
  }
  const sighting = plainSighting(found);
  const draft: MentionDraft & { id: string } = {
    id: args.id,
    url: sighting.url,
    title: sighting.title,
    brands: [...new Set(sighting.terms.map((t) => t.brand))],
    terms: [...new Set(sighting.terms.map((t) => t.term))],
    sentiment: args.sentiment ?? 'neutral',
    tags: args.tags ?? [],
    note: args.note ?? '',
    snippet: '',
  };
  if (args.status) draft.status = args.status;
  if (sighting.search) draft.search = { ...sighting.search };
  return storeNew(shared(tx), draft, now);
}
