/**
 * Streams an export file into the worker's staging area: the file is read
 * piece by piece (never as one string), the reader (core/export-reader.ts)
 * yields its records, and every thousand of them go to the worker in one
 * `import/chunk`. Nothing in the log changes until the user commits the
 * preview; a file that is refused or broken leaves at most a staged import
 * behind, which is cancelled.
 */
import { exportHeaderProblem } from '../../../core/exchange.ts';
import { ExportReader, type ReaderEvent } from '../../../core/export-reader.ts';
import { problem, type Problem } from '../../../core/problem.ts';
import type { Ask } from '../services.ts';

/** Records per `import/chunk` message. */
export const IMPORT_CHUNK = 1000;

export interface StageProgress {
  bytes: number;
  size: number;
  records: number;
}

export type StageResult =
  | { ok: true; importId: string; problems: Problem[] }
  /** The file cannot be imported; nothing was changed. */
  | { ok: false; problem: Problem };

/** Reads `file` and stages its records; `refusal` turns a worker's refusal into its problem. */
export async function stageFile(
  file: Blob & { name: string },
  ask: Ask,
  onProgress: (progress: StageProgress) => void,
  refusal: (error: unknown) => Problem | undefined,
): Promise<StageResult> {
  const reader = new ExportReader();
  const decoder = new TextDecoder('utf-8');
  const header: { format?: unknown; version?: unknown } = {};
  let importId: string | null = null;
  let seq = 0;
  let records = 0;
  let bytes = 0;
  const problems: Problem[] = [];
  const pending = { mentions: [] as unknown[], sightings: [] as unknown[] };
  const first = { mentions: 0, sightings: 0 };

  /** Refused here already what the worker would refuse (a missing field cannot travel in a message). */
  class Refused extends Error {
    constructor(readonly problem: Problem) {
      super(problem.code);
    }
  }
  const begin = async () => {
    const refusal = exportHeaderProblem(header.format, header.version);
    if (refusal) throw new Refused(refusal);
    importId = (
      await ask('import/begin', {
        name: file.name,
        size: file.size,
        format: header.format,
        version: header.version,
      })
    ).importId;
  };
  const send = async () => {
    if (pending.mentions.length + pending.sightings.length === 0) return;
    if (importId === null) await begin();
    const reply = await ask('import/chunk', {
      importId: importId ?? '',
      seq: seq++,
      first: { ...first },
      mentions: pending.mentions,
      sightings: pending.sightings,
    });
    problems.push(...reply.problems);
    first.mentions += pending.mentions.length;
    first.sightings += pending.sightings.length;
    pending.mentions = [];
    pending.sightings = [];
  };
  /** Handles what the reader found; a problem ends the import. */
  const take = async (events: ReaderEvent[]): Promise<Problem | undefined> => {
    for (const event of events) {
      if (event.type === 'problem') return event.problem;
      if (event.type === 'not-a-list') return problem(event.list, 'expected-list');
      if (event.type === 'field') {
        if (event.name !== 'exportedAt') header[event.name] = event.value;
        // A real export names itself first: asking at once refuses a foreign file before it is read.
        if (importId === null && 'format' in header && 'version' in header) await begin();
        continue;
      }
      pending[event.list].push(event.value);
      records++;
      if (pending.mentions.length + pending.sightings.length >= IMPORT_CHUNK) await send();
    }
    return undefined;
  };

  try {
    const stream = file.stream().getReader();
    for (;;) {
      const { done, value } = await stream.read();
      const text = done ? decoder.decode() : decoder.decode(value, { stream: true });
      const fault = await take(done ? [...reader.push(text), ...reader.end()] : reader.push(text));
      if (fault) {
        void stream.cancel();
        await cancel(ask, importId);
        return { ok: false, problem: fault };
      }
      if (done) break;
      bytes += value.byteLength;
      onProgress({ bytes, size: file.size, records });
    }
    // A file without records still has to be an export.
    if (importId === null) await begin();
    await send();
    onProgress({ bytes: file.size, size: file.size, records });
    return { ok: true, importId: importId ?? '', problems };
  } catch (error) {
    await cancel(ask, importId);
    if (error instanceof Refused) return { ok: false, problem: error.problem };
    const refused = refusal(error);
    if (refused) return { ok: false, problem: refused };
    throw error;
  }
}

async function cancel(ask: Ask, importId: string | null): Promise<void> {
  if (importId !== null) await ask('import/cancel', { importId }).catch(() => false);
}
