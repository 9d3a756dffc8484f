/**
 * CSV export for spreadsheets, in two dialects:
 *
 * - **Excel (Deutsch)** (`'excel-de'`): `;` between fields, local times as
 *   `27.11.2026 10:30`, headers and values in the words of the labels. What
 *   Excel with German regional settings opens right on a double click.
 * - **Standard** (`'standard'`): `,` between fields, local times as ISO 8601
 *   with the offset, the column keys as headers and values as stored. For
 *   scripts and for spreadsheets set to English.
 *
 * Both: UTF-8 with a byte order mark (Excel reads umlauts only with it), CRLF
 * after every row, RFC 4180 quoting, one row per record of equal width, and
 * cells a spreadsheet would run made inert ({@link neutraliseFormula}).
 */
import { type Mention, type Sighting } from '../mention.ts';
import { ENGLISH_LABELS, MENTION_COLUMNS, type ExchangeLabels } from './labels.ts';
import { germanDateTime, isoWithOffset, localClock, type LocalClock } from './local-time.ts';
import { neutraliseFormula } from './neutralise.ts';
import { logTable, type Cell, type LogRecords, type Table } from './table.ts';

export type CsvDialect = 'excel-de' | 'standard';
export const CSV_DIALECTS: readonly CsvDialect[] = ['excel-de', 'standard'];

/** The dialect offered first: Excel (Deutsch) for a German UI (`de`, `de-AT`, …), else Standard. */
export function defaultCsvDialect(uiLanguage: string): CsvDialect {
  return /^de(?:[-_]|$)/i.test(uiLanguage) ? 'excel-de' : 'standard';
}

export interface CsvOptions {
  dialect: CsvDialect;
  /** Headers and values of the Excel (Deutsch) dialect; English by default. Standard ignores them. */
  labels?: ExchangeLabels;
  /** IANA time zone of the local times (`'Europe/Berlin'`); the runtime's own by default. */
  timeZone?: string;
}

/** The mention columns, as headers of the Standard dialect. */
export const CSV_COLUMNS: readonly string[] = MENTION_COLUMNS;

export const CSV_MIME_TYPE = 'text/csv;charset=utf-8';

export function mentionsToCsv(mentions: readonly Mention[], options: CsvOptions): string {
  return logToCsv({ kind: 'mentions', records: mentions }, options);
}

export function sightingsToCsv(sightings: readonly Sighting[], options: CsvOptions): string {
  return logToCsv({ kind: 'sightings', records: sightings }, options);
}

export function logToCsv(log: LogRecords, options: CsvOptions): string {
  const excel = options.dialect === 'excel-de';
  const table = logTable(log, excel ? (options.labels ?? ENGLISH_LABELS) : 'codes');
  const clock = localClock(options.timeZone);
  const separator = excel ? ';' : ',';
  const timeText = excel ? germanDateTime : isoWithOffset;
  return (
    '\uFEFF' + tableLines(table, (cell) => csvCell(cell, separator, clock, timeText), separator)
  );
}

/**
 * The mentions in the Standard dialect.
 * @deprecated Use {@link mentionsToCsv} with the dialect the user chose.
 */
export function toCsv(mentions: readonly Mention[]): string {
  return mentionsToCsv(mentions, { dialect: 'standard' });
}

/** Every row, header first, each ended by CRLF: one array of lines, one join. */
function tableLines(table: Table, render: (cell: Cell) => string, separator: string): string {
  const lines: string[] = [table.header.map(render).join(separator), '\r\n'];
  for (const row of table.rows) lines.push(row.map(render).join(separator), '\r\n');
  return lines.join('');
}

function csvCell(
  cell: Cell,
  separator: string,
  clock: LocalClock,
  timeText: (time: number, clock: LocalClock) => string,
): string {
  if (cell === undefined) return '';
  if (typeof cell === 'number') return String(cell);
  if (typeof cell === 'object') return timeText(cell.time, clock);
  return quoteCsv(neutraliseFormula(cell), separator);
}

/** RFC 4180: a field holding a quote, the separator, CR or LF is quoted, its quotes doubled. */
export function quoteCsv(text: string, separator: string): string {
  const needsQuotes =
    text.includes('"') || text.includes(separator) || text.includes('\r') || text.includes('\n');
  return needsQuotes ? `"${text.replaceAll('"', '""')}"` : text;
}
