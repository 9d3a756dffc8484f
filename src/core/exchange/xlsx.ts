/**
 * The log as an .xlsx workbook for Excel users: a sheet for mentions and one
 * for sightings, times as real date cells, the header row frozen, an
 * autofilter over the data.
 *
 * The zip is fflate's (small, no eval, works in extension pages under
 * `script-src 'self'`); the SpreadsheetML inside is ours (spreadsheetml.ts).
 * Cells are typed strings, never formulas, so nothing needs neutralising.
 */
import { Zip, ZipDeflate } from 'fflate';
import { type Mention, type Sighting } from '../mention.ts';
import {
  ENGLISH_LABELS,
  MENTION_COLUMNS,
  SIGHTING_COLUMNS,
  type ExchangeLabels,
  type MentionColumn,
  type SightingColumn,
} from './labels.ts';
import { excelSerial, isoWithOffset, localClock } from './local-time.ts';
import { workbookParts, type Sheet, type SheetCell } from './spreadsheetml.ts';
import { mentionTable, sightingTable, type Cell, type Table } from './table.ts';

export const XLSX_MIME_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export interface XlsxOptions {
  /** Headers, values and sheet names; English by default. */
  labels?: ExchangeLabels;
  /** IANA time zone the date cells show (`'Europe/Berlin'`); the runtime's own by default. */
  timeZone?: string;
  /** Number format of date cells; see {@link defaultXlsxDateFormat}. */
  dateFormat?: string;
  /** Modification time stamped on the zip entries (default: now). */
  now?: Date;
}

/**
 * The date format for the UI language: `dd.mm.yyyy hh:mm` in German,
 * `yyyy-mm-dd hh:mm` otherwise (read the same everywhere). A format code is
 * stored as written, so Excel shows these whatever its own locale.
 */
export function defaultXlsxDateFormat(uiLanguage: string): string {
  return /^de(?:[-_]|$)/i.test(uiLanguage) ? 'dd.mm.yyyy hh:mm' : 'yyyy-mm-dd hh:mm';
}

/** A workbook with a sheet for each list given (mentions first), as the bytes of an .xlsx file. */
export function logToXlsx(
  log: { mentions?: readonly Mention[]; sightings?: readonly Sighting[] },
  options: XlsxOptions = {},
): Uint8Array {
  const labels = options.labels ?? ENGLISH_LABELS;
  const clock = localClock(options.timeZone);
  const sheetCell = (cell: Cell): SheetCell => {
    if (typeof cell !== 'object') return cell;
    const serial = excelSerial(cell.time, clock);
    // Before 1900-03-01 Excel cannot show the date; the text keeps it.
    return serial === undefined ? isoWithOffset(cell.time, clock) : { serial };
  };
  const sheet = (name: string, table: Table, repeated: ReadonlySet<number>): Sheet => ({
    name,
    header: table.header,
    rows: table.rows.map((row) => row.map(sheetCell)),
    repeated,
  });
  const mentionSheet = (mentions: readonly Mention[]) =>
    sheet(labels.sheets.mentions, mentionTable(mentions, labels), REPEATED_MENTION_COLUMNS);
  const sheets: Sheet[] = [];
  if (log.mentions) sheets.push(mentionSheet(log.mentions));
  if (log.sightings)
    sheets.push(
      sheet(
        labels.sheets.sightings,
        sightingTable(log.sightings, labels),
        REPEATED_SIGHTING_COLUMNS,
      ),
    );
  if (sheets.length === 0) sheets.push(mentionSheet([]));
  return zipParts(
    workbookParts(sheets, { dateFormat: options.dateFormat ?? 'yyyy-mm-dd hh:mm' }),
    options.now,
  );
}

/** Columns whose values repeat from row to row: their texts go in the shared-strings table. */
const REPEATED_MENTION_COLUMNS = columnIndexes<MentionColumn>(MENTION_COLUMNS, [
  'sentiment',
  'status',
  'brands',
  'terms',
  'tags',
  'engine',
  'query',
]);
const REPEATED_SIGHTING_COLUMNS = columnIndexes<SightingColumn>(SIGHTING_COLUMNS, [
  'kind',
  'brands',
  'engine',
  'query',
]);

function columnIndexes<C extends string>(columns: readonly C[], repeated: C[]): Set<number> {
  return new Set(repeated.map((c) => columns.indexOf(c)));
}

/**
 * The parts deflated into one zip, [Content_Types].xml first as readers
 * expect, piece by piece (fflate's streaming zip runs synchronously). Level 1:
 * of a 100,000-row sheet, a file some 10 % larger than level 3 in three
 * quarters of the time (docs/bench-log.md). The browser's own
 * CompressionStream('deflate-raw') was measured too, and took longer than
 * fflate at level 3 (zlib's level 6; bench:log probe, 2026-12-02).
 */
export function zipParts(parts: Map<string, Iterable<string>>, now = new Date()): Uint8Array {
  const out: Uint8Array[] = [];
  const failures: Error[] = [];
  const zip = new Zip((error, data) => {
    if (error) failures.push(error);
    else out.push(data);
  });
  const encoder = new TextEncoder();
  for (const [path, pieces] of parts) {
    const file = new ZipDeflate(path, { level: 1 });
    file.mtime = now;
    zip.add(file);
    for (const piece of pieces) file.push(encoder.encode(piece));
    file.push(new Uint8Array(0), true);
  }
  zip.end();
  if (failures[0]) throw failures[0];
  const bytes = new Uint8Array(out.reduce((sum, chunk) => sum + chunk.length, 0));
  let at = 0;
  for (const chunk of out) {
    bytes.set(chunk, at);
    at += chunk.length;
  }
  return bytes;
}
