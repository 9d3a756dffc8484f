/**
 * Staged import. The page streams the file and sends its records in chunks;
 * each chunk is checked record by record and kept in the `staged` store, with
 * counts of what its records are against the log kept in the session. The
 * preview adds those up; the commit merges everything with the user's choices
 * (exchange/merge-plan.ts) in ONE transaction, so a worker stopped half-way
 * leaves the log as it was, and asking to commit again after a commit changes
 * nothing (the session remembers its summary).
 */
import { exportHeaderProblem, readMention, readSighting } from '../core/exchange.ts';
import {
  classifyMentions,
  classifySightings,
  idsToLookUp,
  suggestedOf,
  writesFor,
} from '../core/import-classes.ts';

import type { Mention, Sighting } from '../core/mention.ts';
import type {
  ImportPreview,
  ImportSummary,
  MentionDifference,
  MergeChoices,
} from '../core/messages.ts';
import { joinPath, problem, type Problem } from '../core/problem.ts';
import { changeCounts } from './log-counts.ts';
import { db, LogError, shared } from './log-db.ts';
import { mentionsChanged, storesChanged } from './log-changes.ts';
import type { ChunkCounts, ImportSession, StagedChunk } from './log-schema.ts';
import { forgetMentionIds, storedMentionIds } from './log-import-keys.ts';
import { putSightings } from './log-sites.ts';
import { tellPorts } from './log-port.ts';

/** The largest file an import takes (streamed by the page, staged in IndexedDB). */
export const MAX_IMPORT_BYTES = 1024 * 1024 * 1024;
/** Problems kept per chunk and shown in the preview. */
const MAX_PROBLEMS = 100;
/** Records merged per step of the commit (and between progress notices). */
const COMMIT_PART = 5_000;

/** A refusal with the problem the page shows. */
export class ImportRefusal extends LogError {
  constructor(readonly problem: Problem) {
    super('import-refused');
  }
}

const chunkRange = (importId: string) =>
  IDBKeyRange.bound([importId, 0], [importId, Number.MAX_SAFE_INTEGER]);

export async function beginImport(args: {
  name: string;
  size: number;
  format: unknown;
  version: unknown;
}): Promise<{ importId: string }> {
  const refusal = exportHeaderProblem(args.format, args.version);
  if (refusal) throw new ImportRefusal(refusal);
  if (args.size > MAX_IMPORT_BYTES)
    throw new ImportRefusal(problem('', 'file-too-large', { max: MAX_IMPORT_BYTES / 2 ** 20 }));
  const importId = crypto.randomUUID();
  forgetMentionIds();
  const tx = (await db()).transaction(['imports', 'staged'], 'readwrite');
  // One import at a time: an earlier one (given up, or committed) goes.
  await Promise.all([tx.objectStore('imports').clear(), tx.objectStore('staged').clear()]);
  await tx.objectStore('imports').put({
    importId,
    state: 'staging',
    name: args.name,
    size: args.size,
    createdAt: new Date().toISOString(),
    chunks: {},
  });
  await tx.done;
  return { importId };
}

async function session(importId: string): Promise<ImportSession> {
  const found = await (await db()).get('imports', importId);
  if (!found) throw new LogError('import-gone');
  return found;
}

async function staging(importId: string): Promise<ImportSession> {
  const found = await session(importId);
  if (found.state !== 'staging') throw new LogError('import-gone');
  return found;
}

function counts(classes: string[], keys: readonly string[]): Record<string, number> {
  const out: Record<string, number> = Object.fromEntries(keys.map((k) => [k, 0]));
  for (const c of classes) out[c] = (out[c] ?? 0) + 1;
  return out;
}

export async function stageChunk(args: {
  importId: string;
  seq: number;
  first: { mentions: number; sightings: number };
  mentions: unknown[];
  sightings: unknown[];
}): Promise<{ problems: Problem[] }> {
  await staging(args.importId);
  const problems: Problem[] = [];
  const mentions: Mention[] = [];
  const sightings: Sighting[] = [];
  args.mentions.forEach((value, i) => {
    const m = readMention(value, joinPath('mentions', args.first.mentions + i), problems);
    if (m) mentions.push(m);
  });
  args.sightings.forEach((value, i) => {
    const s = readSighting(value, joinPath('sightings', args.first.sightings + i), problems);
    if (s) sightings.push(s);
  });
  const database = await db();
  const present = await storedMentionIds(args.importId);
  const tx = database.transaction(['mentions', 'sightings', 'staged', 'imports'], 'readwrite');
  const [storedMentions, storedSightings] = await Promise.all([
    Promise.all(
      idsToLookUp(mentions)
        .filter((id) => present.has(id))
        .map((id) => tx.objectStore('mentions').get(id)),
    ),
    Promise.all(sightings.map((s) => tx.objectStore('sightings').get(s.key))),
  ]);
  const mine = storedMentions.filter((m): m is Mention => m !== undefined);
  const mentionClasses = classifyMentions(mentions, mine);
  const sightingClasses = classifySightings(
    sightings,
    storedSightings.filter((s) => s !== undefined),
  );
  // The session may have been replaced meanwhile: check inside the write.
  const current = await tx.objectStore('imports').get(args.importId);
  if (current?.state !== 'staging') {
    tx.abort();
    throw new LogError('import-gone');
  }
  const chunk: StagedChunk = {
    importId: args.importId,
    seq: args.seq,
    mentions,
    sightings,
    problems: problems.slice(0, MAX_PROBLEMS),
    differing: mentions.filter((_, i) => mentionClasses[i] === 'differing').map((m) => m.id),
  };
  const summary: ChunkCounts = {
    mentions: counts(mentionClasses, [
      'added',
      'identical',
      'differing',
    ]) as ChunkCounts['mentions'],
    sightings: counts(sightingClasses, [
      'added',
      'combined',
      'identical',
    ]) as ChunkCounts['sightings'],
    received: { mentions: mentions.length, sightings: sightings.length },
    problems: problems.length,
  };
  // A chunk sent again (same seq) replaces the first one, and its counts.
  await tx.objectStore('staged').put(chunk);
  await tx.objectStore('imports').put({
    ...current,
    chunks: { ...current.chunks, [args.seq]: summary },
  });
  await tx.done;
  return { problems: chunk.problems };
}

export async function previewImport(importId: string): Promise<ImportPreview> {
  const found = await staging(importId);
  const preview: ImportPreview = {
    mentions: { added: 0, identical: 0, differing: 0 },
    sightings: { added: 0, combined: 0, identical: 0 },
    received: { mentions: 0, sightings: 0 },
    problems: [],
    problemCount: 0,
  };
  for (const c of Object.values(found.chunks)) {
    preview.mentions.added += c.mentions.added;
    preview.mentions.identical += c.mentions.identical;
    preview.mentions.differing += c.mentions.differing;
    preview.sightings.added += c.sightings.added;
    preview.sightings.combined += c.sightings.combined;
    preview.sightings.identical += c.sightings.identical;
    preview.received.mentions += c.received.mentions;
    preview.received.sightings += c.received.sightings;
    preview.problemCount += c.problems;
  }
  if (preview.problemCount > 0) {
    // Problems are rare; only then are the chunks read.
    for (const chunk of await (await db()).getAll('staged', chunkRange(importId))) {
      preview.problems.push(...chunk.problems.slice(0, MAX_PROBLEMS - preview.problems.length));
      if (preview.problems.length >= MAX_PROBLEMS) break;
    }
  }
  return preview;
}

export async function importDifferences(args: {
  importId: string;
  offset: number;
  limit: number;
}): Promise<{ rows: MentionDifference[]; total: number }> {
  await staging(args.importId);
  const database = await db();
  const chunks = await database.getAll('staged', chunkRange(args.importId));
  const differing: Mention[] = [];
  for (const chunk of chunks) {
    const ids = new Set(chunk.differing);
    for (const m of chunk.mentions) if (ids.has(m.id)) differing.push(m);
  }
  const page = differing.slice(args.offset, args.offset + args.limit);
  const tx = database.transaction('mentions');
  const mine = await Promise.all(page.map((m) => tx.store.get(m.id)));
  const rows: MentionDifference[] = [];
  page.forEach((theirs, i) => {
    const stored = mine[i];
    if (stored)
      rows.push({ id: theirs.id, mine: stored, theirs, suggested: suggestedOf(stored, theirs) });
  });
  return { rows, total: differing.length };
}

export async function commitImport(
  importId: string,
  choices: MergeChoices,
): Promise<ImportSummary> {
  const found = await session(importId);
  if (found.state === 'committed' && found.summary) return found.summary;
  const database = await db();
  const tx = database.transaction(
    ['mentions', 'sightings', 'sites', 'meta', 'staged', 'imports'],
    'readwrite',
  );
  const staged = await tx.objectStore('staged').getAll(chunkRange(importId));
  const summary: ImportSummary = {
    added: 0,
    updated: 0,
    copied: 0,
    unchanged: 0,
    sightings: 0,
    problems: [],
  };
  // Of one id listed twice in the file, the later updatedAt counts (as planImport keeps it).
  const latest = new Map<string, Mention>();
  for (const chunk of staged)
    for (const m of chunk.mentions) {
      const seen = latest.get(m.id);
      if (!seen || Date.parse(m.updatedAt) > Date.parse(seen.updatedAt)) latest.set(m.id, m);
    }
  const mentions = [...latest.values()];
  const sightings = staged.flatMap((c) => c.sightings);
  const total = mentions.length + sightings.length;
  const put: Mention[] = [];
  const mentionStore = tx.objectStore('mentions');
  // One read of the ids, then only mentions that are there (a get per id, most missing, was slow).
  const present = new Set(await mentionStore.getAllKeys());
  for (let from = 0; from < mentions.length; from += COMMIT_PART) {
    const part = mentions.slice(from, from + COMMIT_PART);
    const stored = await Promise.all(
      idsToLookUp(part)
        .filter((id) => present.has(id))
        .map((id) => mentionStore.get(id)),
    );
    const writes = writesFor(
      { mentions: part, sightings: [] },
      { mentions: stored.filter((m): m is Mention => m !== undefined), sightings: [] },
      choices,
    );
    summary.added += writes.added;
    summary.updated += writes.replaced;
    summary.copied += writes.copied;
    summary.unchanged += writes.unchanged;
    for (const m of writes.mentions) {
      void mentionStore.put(m);
      present.add(m.id);
    }
    put.push(...writes.mentions);
    tellPorts({ type: 'import-progress', importId, done: from + part.length, total });
  }
  const sightingStore = tx.objectStore('sightings');
  for (let from = 0; from < sightings.length; from += COMMIT_PART) {
    const part = sightings.slice(from, from + COMMIT_PART);
    const stored = await Promise.all(part.map((s) => sightingStore.get(s.key)));
    const mine = stored.filter((s) => s !== undefined);
    const writes = writesFor(
      { mentions: [], sightings: part },
      { mentions: [], sightings: mine },
      {},
    );
    const byKey = new Map(mine.map((s) => [s.key, s]));
    await putSightings(
      tx,
      writes.sightings.map((next) => ({ before: byKey.get(next.key), next })),
    );
    summary.sightings += writes.sightings.length;
    tellPorts({
      type: 'import-progress',
      importId,
      done: mentions.length + from + part.length,
      total,
    });
  }
  await changeCounts(shared(tx), { mentions: summary.added + summary.copied });
  for (const chunk of staged)
    summary.problems.push(...chunk.problems.slice(0, MAX_PROBLEMS - summary.problems.length));
  await tx.objectStore('staged').delete(chunkRange(importId));
  await tx.objectStore('imports').put({ ...found, state: 'committed', chunks: {}, summary });
  await tx.done;
  forgetMentionIds();
  mentionsChanged({ put, deleted: [] });
  storesChanged(['sightings']);
  return summary;
}

export async function cancelImport(importId: string): Promise<boolean> {
  const tx = (await db()).transaction(['imports', 'staged'], 'readwrite');
  const existed = (await tx.objectStore('imports').getKey(importId)) !== undefined;
  await tx.objectStore('imports').delete(importId);
  await tx.objectStore('staged').delete(chunkRange(importId));
  await tx.done;
  forgetMentionIds();
  return existed;
}
