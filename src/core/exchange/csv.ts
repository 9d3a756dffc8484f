/** CSV export for spreadsheets: RFC 4180, UTF-8 with BOM, formula-like cells neutralised. */
import { type Mention } from '../mention.ts';

/** The CSV columns, in order. One row per mention. */
export const CSV_COLUMNS: readonly string[] = [
  'id',
  'createdAt',
  'updatedAt',
  'sentiment',
  'status',
  'brands',
  'terms',
  'tags',
  'title',
  'url',
  'snippet',
  'note',
  'engine',
  'query',
  'rank',
  'page',
];

/** How list fields (brands, terms, tags) are joined into one cell. */
export const CSV_LIST_SEPARATOR = '; ';

export interface CsvOptions {
  /**
   * Field delimiter. `','` (the default) is RFC 4180; `';'` is what Excel
   * expects on a double click where the decimal separator is a comma (German
   * locale).
   */
  delimiter?: ',' | ';';
}

/**
 * The mentions as CSV: a UTF-8 byte order mark (so that Excel reads umlauts),
 * one header row, CRLF line ends, RFC 4180 quoting, and cells that a
 * spreadsheet would run as a formula made inert (see {@link neutraliseFormula}).
 */
export function toCsv(mentions: Mention[], options: CsvOptions = {}): string {
  const delimiter = options.delimiter ?? ',';
  const rows = [CSV_COLUMNS, ...mentions.map(csvRow)];
  const lines = rows.map((cells) => cells.map((cell) => csvCell(cell, delimiter)).join(delimiter));
  return '\uFEFF' + lines.map((line) => line + '\r\n').join('');
}

function csvRow(m: Mention): string[] {
  const rank = m.search?.rank;
  const page = m.search?.page;
  return [
    m.id,
    m.createdAt,
    m.updatedAt,
    m.sentiment,
    m.status,
    m.brands.join(CSV_LIST_SEPARATOR),
    m.terms.join(CSV_LIST_SEPARATOR),
    m.tags.join(CSV_LIST_SEPARATOR),
    m.title,
    m.url,
    m.snippet,
    m.note,
    m.search?.engine ?? '',
    m.search?.query ?? '',
    rank === undefined ? '' : String(rank),
    page === undefined ? '' : String(page),
  ];
}

function csvCell(value: string, delimiter: string): string {
  const cell = neutraliseFormula(value);
  const needsQuotes = cell.includes('"') || cell.includes(delimiter) || /[\r\n]/.test(cell);
  return needsQuotes ? `"${cell.replaceAll('"', '""')}"` : cell;
}

/** A plain negative number ("-2", "-0.5", "-2,5"): no formula, left as it is. */
const NEGATIVE_NUMBER = /^-\d+(?:[.,]\d+)?$/;

/**
 * CSV injection: Excel, LibreOffice and Google Sheets run a cell that begins
 * with = + - @ (and, in some versions, tab or CR) as a formula, which can open
 * links or run commands. As OWASP advises
 * (https://owasp.org/www-community/attacks/CSV_Injection), such cells get a
 * leading single quote so they are read as text. Plain negative numbers are
 * left alone: they cannot run anything, and stay numbers.
 */
export function neutraliseFormula(cell: string): string {
  if (!/^[=+\-@\t\r]/.test(cell) || NEGATIVE_NUMBER.test(cell)) return cell;
  return `'${cell}`;
}
