/**
 * The whole log in and out the way the extension's pages move it: an export
 * file staged chunk by chunk and committed (`import/*`, as the workspace
 * imports), and the log read back in export chunks (`export/*`). No message
 * carries the whole log (Chrome caps one at 64 MiB).
 */
import type {
  ExportChunk,
  ImportSummary,
  LogSnapshot,
  MergeChoices,
  WorkerProtocol,
} from '../../src/core/messages.ts';
import type { Mention, Sighting } from '../../src/core/mention.ts';
import type { Problem } from '../../src/core/problem.ts';

/** What the helpers need of a driver: its `askWorker`. */
export interface WorkerAsker {
  askWorker<N extends keyof WorkerProtocol>(
    type: N,
    args: WorkerProtocol[N]['args'],
  ): Promise<WorkerProtocol[N]['reply']>;
}

/** An export file's content (anything: the worker checks each record). */
export interface LogFile {
  format?: unknown;
  version?: unknown;
  exportedAt?: unknown;
  mentions?: unknown[];
  sightings?: unknown[];
}

/** Records per chunk; the worker takes up to 5,000. */
const CHUNK = 1_000;

/** Stages the file's records in chunks (`import/begin`, `import/chunk`), not committed yet. */
export async function stageRecords(
  driver: WorkerAsker,
  file: LogFile,
  options: { name?: string; size?: number } = {},
): Promise<{ importId: string; problems: Problem[] }> {
  const mentions = file.mentions ?? [];
  const sightings = file.sightings ?? [];
  const { importId } = await driver.askWorker('import/begin', {
    name: options.name ?? 'log.json',
    size: options.size ?? 1,
    format: file.format,
    version: file.version,
  });
  const problems: Problem[] = [];
  for (let i = 0, seq = 0; i < Math.max(mentions.length, sightings.length, 1); i += CHUNK, seq++) {
    const staged = await driver.askWorker('import/chunk', {
      importId,
      seq,
      first: { mentions: Math.min(i, mentions.length), sightings: Math.min(i, sightings.length) },
      mentions: mentions.slice(i, i + CHUNK),
      sightings: sightings.slice(i, i + CHUNK),
    });
    problems.push(...staged.problems);
  }
  return { importId, problems };
}

/**
 * Stages the file's records in chunks and commits them in one transaction
 * (the newer record wins unless `choices` say otherwise). The problems are
 * those of every chunk and of the commit.
 */
export async function importRecords(
  driver: WorkerAsker,
  file: LogFile,
  options: { name?: string; size?: number; choices?: MergeChoices } = {},
): Promise<ImportSummary> {
  const { importId, problems } = await stageRecords(driver, file, options);
  const summary = await driver.askWorker('import/commit', {
    importId,
    choices: options.choices ?? {},
  });
  return { ...summary, problems: [...problems, ...summary.problems] };
}

/** An export file's text, imported as the workspace imports it (staged, then committed). */
export function importFile(
  driver: WorkerAsker,
  text: string,
  options: { name?: string; choices?: MergeChoices } = {},
): Promise<ImportSummary> {
  return importRecords(driver, JSON.parse(text) as LogFile, { ...options, size: text.length });
}

/** Every chunk of an export, in the worker's order. */
async function allChunks<T>(read: (after: string | null) => Promise<ExportChunk<T>>): Promise<T[]> {
  const rows: T[] = [];
  let after: string | null = null;
  do {
    const chunk: ExportChunk<T> = await read(after);
    rows.push(...chunk.rows);
    after = chunk.next;
  } while (after !== null);
  return rows;
}

const newestFirst = (a: [string, string], b: [string, string]) =>
  a[0] === b[0] ? (a[1] < b[1] ? 1 : -1) : a[0] < b[0] ? 1 : -1;

/**
 * The whole log, read in export chunks: mentions newest first (by creation),
 * sightings by when they were last seen, newest first.
 */
export async function readWholeLog(driver: WorkerAsker, chunk = 1_000): Promise<LogSnapshot> {
  const mentions = await allChunks<Mention>((after) =>
    driver.askWorker('export/mentions', {
      filter: null,
      sort: { key: 'date', descending: true },
      after,
      limit: chunk,
    }),
  );
  const sightings = await allChunks<Sighting>((after) =>
    driver.askWorker('export/sightings', { filter: null, after, limit: chunk }),
  );
  mentions.sort((a, b) => newestFirst([a.createdAt, a.id], [b.createdAt, b.id]));
  sightings.sort((a, b) => newestFirst([a.lastSeen, a.key], [b.lastSeen, b.key]));
  return { mentions, sightings };
}
