/**
 * Staged import. The page streams the file and sends its records in chunks;
 * each chunk is checked record by record and kept in the `staged` store with
 * what each record is against the log. The preview counts those; the commit
 * merges everything with the user's choices in ONE transaction, so a worker
 * stopped half-way leaves the log as it was, and asking to commit again after
 * a commit changes nothing (the session remembers its summary).
 */
import { readMention, readSighting, exportHeaderProblem } from '../core/exchange.ts';
import {
  choiceFor,
  classifyMention,
  classifySighting,
  copyIdOf,
  mentionToWrite,
  sightingToWrite,
  suggestedChoice,
} from '../core/import-classes.ts';
import type { Mention, Sighting } from '../core/mention.ts';
import type {
  ImportPreview,
  ImportSummary,
  MentionDifference,
  MergeChoices,
} from '../core/messages.ts';
import { joinPath, problem, type Problem } from '../core/problem.ts';
import { db, LogError } from './log-db.ts';
import { mentionsChanged, storesChanged } from './log-changes.ts';
import type { ImportSession, StagedChunk } from './log-schema.ts';
import { putSighting } from './log-sites.ts';
import { tellPorts } from './log-port.ts';

/** The largest file an import takes (staged in IndexedDB, streamed by the page). */
export const MAX_IMPORT_BYTES = 1024 * 1024 * 1024;
/** Problems kept per chunk and shown in the preview. */
const MAX_PROBLEMS = 100;

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
  const tx = (await db()).transaction(['imports', 'staged'], 'readwrite');
  // One import at a time: an earlier one (given up, or committed) goes.
  await Promise.all([tx.objectStore('imports').clear(), tx.objectStore('staged').clear()]);
  await tx.objectStore('imports').put({
    importId,
    state: 'staging',
    name: args.name,
    size: args.size,
    createdAt: new Date().toISOString(),
  });
  await tx.done;
  return { importId };
}

async function session(importId: string, state?: ImportSession['state']): Promise<ImportSession> {
  const found = await (await db()).get('imports', importId);
  if (!found || (state && found.state !== state)) throw new LogError('import-gone');
  return found;
}

export async function stageChunk(args: {
  importId: string;
  seq: number;
  first: { mentions: number; sightings: number };
  mentions: unknown[];
  sightings: unknown[];
}): Promise<{ problems: Problem[] }> {
  await session(args.importId, 'staging');
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
  const tx = database.transaction(['mentions', 'sightings', 'staged', 'imports'], 'readwrite');
  const stored = tx.objectStore('mentions');
  const [mine, copies, storedSightings] = await Promise.all([
    Promise.all(mentions.map((m) => stored.get(m.id))),
    Promise.all(mentions.map((m) => stored.get(copyIdOf(m)))),
    Promise.all(sightings.map((s) => tx.objectStore('sightings').get(s.key))),
  ]);
  // The session may have been replaced meanwhile: check inside the write.
  if ((await tx.objectStore('imports').get(args.importId))?.state !== 'staging') {
    tx.abort();
    throw new LogError('import-gone');
  }
  const chunk: StagedChunk = {
    importId: args.importId,
    seq: args.seq,
    mentions,
    sightings,
    problems: problems.slice(0, MAX_PROBLEMS),
    classes: mentions.map((m, i) => classifyMention(m, mine[i], copies[i])),
    sightingClasses: sightings.map((s, i) => classifySighting(s, storedSightings[i])),
  };
  await tx.objectStore('staged').put(chunk);
  await tx.done;
  return { problems: chunk.problems };
}

async function chunks(importId: string): Promise<StagedChunk[]> {
  return (await db()).getAll('staged', chunkRange(importId));
}

export async function previewImport(importId: string): Promise<ImportPreview> {
  await session(importId, 'staging');
  const preview: ImportPreview = {
    mentions: { added: 0, identical: 0, differing: 0 },
    sightings: { added: 0, combined: 0, identical: 0 },
    received: { mentions: 0, sightings: 0 },
    problems: [],
    problemCount: 0,
  };
  for (const chunk of await chunks(importId)) {
    for (const c of chunk.classes) preview.mentions[c]++;
    for (const c of chunk.sightingClasses) preview.sightings[c]++;
    preview.received.mentions += chunk.mentions.length;
    preview.received.sightings += chunk.sightings.length;
    preview.problemCount += chunk.problems.length;
    if (preview.problems.length < MAX_PROBLEMS)
      preview.problems.push(...chunk.problems.slice(0, MAX_PROBLEMS - preview.problems.length));
  }
  return preview;
}

export async function importDifferences(args: {
  importId: string;
  offset: number;
  limit: number;
}): Promise<{ rows: MentionDifference[]; total: number }> {
  await session(args.importId, 'staging');
  const differing: Mention[] = [];
  for (const chunk of await chunks(args.importId))
    chunk.mentions.forEach((m, i) => chunk.classes[i] === 'differing' && differing.push(m));
  const page = differing.slice(args.offset, args.offset + args.limit);
  const tx = (await db()).transaction('mentions');
  const mine = await Promise.all(page.map((m) => tx.store.get(m.id)));
  const rows: MentionDifference[] = [];
  page.forEach((theirs, i) => {
    const stored = mine[i];
    if (stored)
      rows.push({
        id: theirs.id,
        mine: stored,
        theirs,
        suggested: suggestedChoice(stored, theirs),
      });
  });
  return { rows, total: differing.length };
}

/** Progress is told every this many records. */
const PROGRESS_EVERY = 5_000;

export async function commitImport(
  importId: string,
  choices: MergeChoices,
): Promise<ImportSummary> {
  const found = await session(importId);
  if (found.state === 'committed' && found.summary) return found.summary;
  const database = await db();
  const tx = database.transaction(
    ['mentions', 'sightings', 'sites', 'staged', 'imports'],
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
  const total = staged.reduce((n, c) => n + c.mentions.length + c.sightings.length, 0);
  let done = 0;
  const put: Mention[] = [];
  const mentions = tx.objectStore('mentions');
  // Of one id listed twice in the file, the later updatedAt counts (as parseImport keeps it).
  const latest = new Map<string, Mention>();
  for (const chunk of staged)
    for (const m of chunk.mentions) {
      const seen = latest.get(m.id);
      if (!seen || Date.parse(m.updatedAt) > Date.parse(seen.updatedAt)) latest.set(m.id, m);
    }
  const incoming = [...latest.values()];
  for (let from = 0; from < incoming.length; from += PROGRESS_EVERY) {
    const part = incoming.slice(from, from + PROGRESS_EVERY);
    const [mine, copies] = await Promise.all([
      Promise.all(part.map((m) => mentions.get(m.id))),
      Promise.all(part.map((m) => mentions.get(copyIdOf(m)))),
    ]);
    part.forEach((theirs, i) => {
      const stored = mine[i];
      const kind = classifyMention(theirs, stored, copies[i]);
      const write =
        kind === 'added'
          ? theirs
          : kind === 'identical' || !stored
            ? undefined
            : mentionToWrite(choiceFor(choices, stored, theirs), theirs);
      if (!write) return void summary.unchanged++;
      if (kind === 'added') summary.added++;
      else if (write.id === theirs.id) summary.updated++;
      else summary.copied++;
      void mentions.put(write);
      put.push(write);
    });
    done += part.length;
    tellPorts({ type: 'import-progress', importId, done, total });
  }
  for (const chunk of staged) {
    for (const theirs of chunk.sightings) {
      const mine = await tx.objectStore('sightings').get(theirs.key);
      const write = sightingToWrite(theirs, mine);
      if (write) {
        await putSighting(tx, mine, write);
        summary.sightings++;
      }
    }
    done += chunk.sightings.length;
    tellPorts({ type: 'import-progress', importId, done, total });
    summary.problems.push(...chunk.problems.slice(0, MAX_PROBLEMS - summary.problems.length));
  }
  await tx.objectStore('staged').delete(chunkRange(importId));
  await tx.objectStore('imports').put({ ...found, state: 'committed', summary });
  await tx.done;
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
  return existed;
}
