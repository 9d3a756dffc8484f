/**
 * Export files built from the log in chunks: the page asks the worker for a
 * few thousand records at a time and turns each chunk into text at once, so
 * no message and no string holds the whole log; the file is a Blob of those
 * parts. Pure apart from Blob (in every browser, and in Node).
 */
import {
  EXPORT_FORMAT,
  EXPORT_VERSION,
  logToCsv,
  logToXlsx,
  CSV_MIME_TYPE,
  XLSX_MIME_TYPE,
  type CsvOptions,
  type XlsxOptions,
} from '../../../core/exchange.ts';
import { copyMention, copySighting } from '../../../core/exchange/format.ts';
import type { Mention, Sighting } from '../../../core/mention.ts';

/** A chunk of records and how many the export will have in all. */
export interface Chunk<T> {
  rows: T[];
  total: number;
}

export type Chunks<T> = AsyncIterable<Chunk<T>>;

/** Told after each chunk: records written so far and in all. */
export type Progress = (done: number, total: number) => void;

async function* none<T>(): AsyncGenerator<Chunk<T>> {}

/**
 * A chunk's records as they stand in the file's list, each on its own lines at
 * the list's depth, joined by commas; "" for none. One stringify of the chunk,
 * nested as deep as in the file, then its wrapping cut off: one stringify per
 * record, re-indented by replaceAll, took six times as long (bench:log).
 */
export function chunkText(records: readonly unknown[]): string {
  if (records.length === 0) return '';
  const text = JSON.stringify({ list: records }, null, 2);
  return text.slice('{\n  "list": ['.length, -'\n  ]\n}'.length);
}

/**
 * The JSON export (docs/export-format.md), written as the chunks come: the
 * same document as toJsonExport, two-space indented, so a file of 100,000
 * mentions imports back the same as a small one. Nothing in it names the
 * user but `identity`: the name they chose for "exported by", if any.
 */
export async function jsonFile(
  source: { mentions?: Chunks<Mention>; sightings?: Chunks<Sighting> },
  now: Date,
  progress: Progress = () => {},
  identity: { exportedBy?: string } = {},
): Promise<Blob> {
  const by =
    identity.exportedBy === undefined
      ? ''
      : `  "exportedBy": ${JSON.stringify(identity.exportedBy)},\n`;
  const parts: string[] = [
    `{\n  "format": ${JSON.stringify(EXPORT_FORMAT)},\n  "version": ${EXPORT_VERSION},\n  "exportedAt": ${JSON.stringify(now.toISOString())},\n${by}`,
  ];
  let done = 0;
  const totals = { mentions: 0, sightings: 0 };
  const list = async <T>(
    name: 'mentions' | 'sightings',
    chunks: Chunks<T>,
    copy: (record: T) => T,
    last: boolean,
  ): Promise<void> => {
    parts.push(`  "${name}": [`);
    let first = true;
    for await (const chunk of chunks) {
      totals[name] = chunk.total;
      const text = chunkText(chunk.rows.map(copy));
      if (text) {
        parts.push(first ? text : `,${text}`);
        first = false;
      }
      done += chunk.rows.length;
      progress(done, Math.max(done, totals.mentions + totals.sightings));
    }
    parts.push(first ? `]${last ? '' : ','}\n` : `\n  ]${last ? '' : ','}\n`);
  };
  await list('mentions', source.mentions ?? none<Mention>(), copyMention, false);
  await list('sightings', source.sightings ?? none<Sighting>(), copySighting, true);
  parts.push('}\n');
  return new Blob(parts, { type: 'application/json' });
}

/**
 * A CSV file of mentions or of sightings in a dialect: one header and a byte
 * order mark at the start, then each chunk's rows. Each chunk is written by
 * the same writer (core/exchange/csv.ts) as a whole file would be; its
 * header line is left out after the first.
 */
export async function csvFile<K extends 'mentions' | 'sightings'>(
  kind: K,
  chunks: Chunks<K extends 'mentions' ? Mention : Sighting>,
  options: CsvOptions,
  progress: Progress = () => {},
): Promise<Blob> {
  const head = logToCsv({ kind, records: [] }, options);
  const parts: string[] = [head];
  let done = 0;
  for await (const chunk of chunks) {
    if (chunk.rows.length === 0) continue;
    const text = logToCsv({ kind, records: chunk.rows } as Parameters<typeof logToCsv>[0], options);
    parts.push(text.slice(head.length));
    done += chunk.rows.length;
    progress(done, chunk.total);
  }
  return new Blob(parts, { type: CSV_MIME_TYPE });
}

/**
 * The .xlsx workbook with a sheet of mentions and one of sightings. The zip
 * writer needs every row before it finishes (the sheet's size and the shared
 * strings), so the records are gathered first; they stay only for the
 * export, not in the page's lists.
 */
export async function xlsxFile(
  source: { mentions: Chunks<Mention>; sightings: Chunks<Sighting> },
  options: XlsxOptions,
  progress: Progress = () => {},
): Promise<Blob> {
  const mentions: Mention[] = [];
  const sightings: Sighting[] = [];
  let mentionTotal = 0;
  for await (const chunk of source.mentions) {
    mentions.push(...chunk.rows);
    mentionTotal = chunk.total;
    progress(mentions.length, mentionTotal);
  }
  for await (const chunk of source.sightings) {
    sightings.push(...chunk.rows);
    progress(mentions.length + sightings.length, mentionTotal + chunk.total);
  }
  const bytes = logToXlsx({ mentions, sightings }, options);
  // logToXlsx's bytes are on a plain ArrayBuffer; TypeScript's Uint8Array type cannot say so.
  return new Blob([bytes as Uint8Array<ArrayBuffer>], { type: XLSX_MIME_TYPE });
}
