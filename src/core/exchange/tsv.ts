/**
 * Rows as tab-separated text, for the clipboard: Excel, LibreOffice and
 * Google Sheets split a paste on tabs and line breaks, and an e-mail shows it
 * as lines of text.
 */
import { ENGLISH_LABELS } from './labels.ts';
import { type CsvOptions } from './csv.ts';
import { germanDateTime, isoWithOffset, localClock } from './local-time.ts';
import { neutraliseFormula } from './neutralise.ts';
import { logTable, type Cell, type LogRecords } from './table.ts';

export interface TsvOptions extends CsvOptions {
  /** Start with the header row (default true). */
  header?: boolean;
}

/**
 * The records as tab-separated text, in the words and time form of the
 * dialect (a German spreadsheet reads `27.11.2026 10:30` as a time), rows
 * ended by CRLF as Excel puts them on the clipboard.
 *
 * Inside a cell: a tab becomes a space (no reader can tell it from a column
 * break, and none keeps it); line breaks stay, as LF, in a cell put in double
 * quotes with its quotes doubled, which is how Excel itself copies a
 * multi-line cell and what spreadsheets read back as one cell. A cell that
 * begins with a quote is quoted too, or the paste would take that quote for
 * one. Formula-like cells are neutralised: pasting runs formulas just as
 * opening a CSV does.
 */
export function logToTsv(log: LogRecords, options: TsvOptions): string {
  const excel = options.dialect === 'excel-de';
  const table = logTable(log, excel ? (options.labels ?? ENGLISH_LABELS) : 'codes');
  const clock = localClock(options.timeZone);
  const timeText = excel ? germanDateTime : isoWithOffset;
  const render = (cell: Cell): string => {
    if (cell === undefined) return '';
    if (typeof cell === 'number') return String(cell);
    if (typeof cell === 'object') return timeText(cell.time, clock);
    return tsvCell(cell);
  };
  const rows = options.header === false ? table.rows : [table.header, ...table.rows];
  return rows.map((row) => row.map(render).join('\t') + '\r\n').join('');
}

export function tsvCell(text: string): string {
  const cell = neutraliseFormula(text.replaceAll('\t', ' ')).replace(/\r\n?/g, '\n');
  return cell.includes('\n') || cell.startsWith('"') ? `"${cell.replaceAll('"', '""')}"` : cell;
}
