/**
 * The XML parts of an .xlsx workbook (Office Open XML SpreadsheetML, ECMA-376),
 * written by hand: one sheet per table, a bold header row frozen in place, an
 * autofilter over the data, date cells with a date number format. Text of
 * columns whose values repeat (sentiments, brands, tags) is in the
 * shared-strings table, each value once; text that is mostly unique (titles,
 * addresses, snippets) is written inline in its cell: a table entry for it
 * would be a second copy of the XML around it and a lookup by the whole
 * text (the .xlsx of 100,000 mentions: ~40 % of its time, bench:log). Both
 * are read by every reader. Zipping is left to the caller.
 */
import { escapeXml } from './xml.ts';

/** Text, a number, a date (an Excel serial), or an empty cell. */
export type SheetCell = string | number | { serial: number } | undefined;

export interface Sheet {
  name: string;
  header: readonly string[];
  rows: readonly (readonly SheetCell[])[];
  /** Columns (by index) whose texts repeat: in the shared-strings table; the others' inline. */
  repeated?: ReadonlySet<number>;
}

export interface WorkbookOptions {
  /** Number format of date cells, e.g. `dd.mm.yyyy hh:mm` or `yyyy-mm-dd hh:mm`. */
  dateFormat: string;
}

/** Excel refuses cells longer than this (https://support.microsoft.com/office/excel-specifications-and-limits-1672b34d-7043-467e-8e27-269d656771c3). */
export const MAX_CELL_TEXT = 32_767;

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';
const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml';

/** Style indexes in styles.xml's cellXfs. */
const STYLE_HEADER = 1;
const STYLE_DATE = 2;

/**
 * Every part of the package, by its path in the zip, as pieces of text: a
 * sheet comes in pieces of {@link ROWS_PER_PIECE} rows, so that 100,000 rows
 * are never one string of 100 MB.
 */
export function workbookParts(
  sheets: readonly Sheet[],
  options: WorkbookOptions,
): Map<string, Iterable<string>> {
  const names = sheetNames(sheets.map((s) => s.name));
  const parts = new Map<string, Iterable<string>>();
  parts.set('[Content_Types].xml', [contentTypes(sheets.length)]);
  parts.set('_rels/.rels', [
    `${XML_HEAD}<Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
  ]);
  parts.set('xl/workbook.xml', [workbook(sheets, names)]);
  parts.set('xl/_rels/workbook.xml.rels', [workbookRels(sheets.length)]);
  parts.set('xl/styles.xml', [styles(options.dateFormat)]);
  const strings = new SharedStrings();
  sheets.forEach((sheet, i) =>
    parts.set(`xl/worksheets/sheet${i + 1}.xml`, worksheet(sheet, i === 0, strings)),
  );
  // Lazy, and last: the table is complete only once every sheet has been read.
  parts.set('xl/sharedStrings.xml', strings.xml());
  return parts;
}

export const ROWS_PER_PIECE = 1000;

function contentTypes(sheetCount: number): string {
  const sheets = range(sheetCount)
    .map(
      (i) =>
        `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="${TYPE}.worksheet+xml"/>`,
    )
    .join('');
  return (
    `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
    '<Default Extension="xml" ContentType="application/xml"/>' +
    `<Override PartName="/xl/workbook.xml" ContentType="${TYPE}.sheet.main+xml"/>` +
    `<Override PartName="/xl/styles.xml" ContentType="${TYPE}.styles+xml"/>` +
    `<Override PartName="/xl/sharedStrings.xml" ContentType="${TYPE}.sharedStrings+xml"/>` +
    `${sheets}</Types>`
  );
}

function workbook(sheets: readonly Sheet[], names: string[]): string {
  const list = names
    .map((name, i) => `<sheet name="${escapeXml(name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`)
    .join('');
  // Excel keeps an autofilter's range in this hidden name as well; without it
  // some versions drop the filter on save.
  const filters = sheets
    .map((sheet, i) => {
      const quoted = `'${(names[i] ?? '').replaceAll("'", "''")}'`;
      const end = `$${columnName(sheet.header.length - 1)}$${sheet.rows.length + 1}`;
      return `<definedName name="_xlnm._FilterDatabase" localSheetId="${i}" hidden="1">${escapeXml(quoted)}!$A$1:${end}</definedName>`;
    })
    .join('');
  return (
    `${XML_HEAD}<workbook xmlns="${MAIN}" xmlns:r="${REL}"><bookViews><workbookView/></bookViews>` +
    `<sheets>${list}</sheets><definedNames>${filters}</definedNames></workbook>`
  );
}

function workbookRels(sheetCount: number): string {
  const sheets = range(sheetCount)
    .map(
      (i) =>
        `<Relationship Id="rId${i + 1}" Type="${REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`,
    )
    .join('');
  return (
    `${XML_HEAD}<Relationships xmlns="${PKG_REL}">${sheets}` +
    `<Relationship Id="rId${sheetCount + 1}" Type="${REL}/styles" Target="styles.xml"/>` +
    `<Relationship Id="rId${sheetCount + 2}" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`
  );
}

function styles(dateFormat: string): string {
  const font = (bold: boolean) =>
    `<font>${bold ? '<b/>' : ''}<sz val="11"/><name val="Calibri"/><family val="2"/></font>`;
  return (
    `${XML_HEAD}<styleSheet xmlns="${MAIN}">` +
    `<numFmts count="1"><numFmt numFmtId="164" formatCode="${escapeXml(dateFormat)}"/></numFmts>` +
    `<fonts count="2">${font(false)}${font(true)}</fonts>` +
    '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
    '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
    '<cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>' +
    '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>' +
    '<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>' +
    '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
    '</styleSheet>'
  );
}

function* worksheet(sheet: Sheet, selected: boolean, strings: SharedStrings): Generator<string> {
  const width = sheet.header.length;
  const last = `${columnName(width - 1)}${sheet.rows.length + 1}`;
  const columns = range(width).map(columnName);
  const header = sheet.header
    .map(
      (text, c) =>
        `<c r="${columns[c]}1" s="${STYLE_HEADER}" t="s"><v>${strings.index(text)}</v></c>`,
    )
    .join('');
  yield (
    `${XML_HEAD}<worksheet xmlns="${MAIN}" xmlns:r="${REL}"><dimension ref="A1:${last}"/>` +
    `<sheetViews><sheetView workbookViewId="0"${selected ? ' tabSelected="1"' : ''}>` +
    '<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>' +
    '<selection pane="bottomLeft" activeCell="A2" sqref="A2"/></sheetView></sheetViews>' +
    `<sheetFormatPr defaultRowHeight="15"/>${cols(sheet)}` +
    `<sheetData><row r="1">${header}</row>`
  );
  const shared = range(width).map((c) => sheet.repeated?.has(c) ?? false);
  for (let start = 0; start < sheet.rows.length; start += ROWS_PER_PIECE) {
    const piece: string[] = [];
    const end = Math.min(start + ROWS_PER_PIECE, sheet.rows.length);
    for (let r = start; r < end; r++) {
      const row = sheet.rows[r] ?? [];
      const ref = r + 2;
      let text = `<row r="${ref}">`;
      for (let c = 0; c < width; c++)
        text += cell(`${columns[c] ?? ''}${ref}`, row[c], shared[c] ? strings : null);
      piece.push(text, '</row>');
    }
    yield piece.join('');
  }
  yield `</sheetData><autoFilter ref="A1:${last}"/></worksheet>`;
}

/** A cell; text in the shared-strings table if `strings` is given, else inline. */
function cell(ref: string, value: SheetCell, strings: SharedStrings | null): string {
  if (value === undefined || value === '') return '';
  if (typeof value === 'number')
    return Number.isFinite(value) ? `<c r="${ref}"><v>${value}</v></c>` : '';
  if (typeof value === 'object')
    return `<c r="${ref}" s="${STYLE_DATE}"><v>${value.serial}</v></c>`;
  if (strings) return `<c r="${ref}" t="s"><v>${strings.index(value)}</v></c>`;
  return `<c r="${ref}" t="inlineStr"><is>${textElement(value)}</is></c>`;
}

/** The workbook's shared-strings table: each distinct text once, cells refer to it by index. */
class SharedStrings {
  private readonly indexes = new Map<string, number>();
  private references = 0;

  index(text: string): number {
    this.references++;
    let index = this.indexes.get(text);
    if (index === undefined) {
      index = this.indexes.size;
      this.indexes.set(text, index);
    }
    return index;
  }

  *xml(): Generator<string> {
    yield `${XML_HEAD}<sst xmlns="${MAIN}" count="${this.references}" uniqueCount="${this.indexes.size}">`;
    let piece = '';
    let n = 0;
    for (const text of this.indexes.keys()) {
      piece += `<si>${textElement(text)}</si>`;
      if (++n % ROWS_PER_PIECE === 0) {
        yield piece;
        piece = '';
      }
    }
    yield `${piece}</sst>`;
  }
}

/** The `<t>` of a text, in a shared string (`<si>`) or an inline one (`<is>`). */
function textElement(text: string): string {
  const fitted = text.length > MAX_CELL_TEXT ? `${text.slice(0, MAX_CELL_TEXT - 1)}…` : text;
  let literal = fitted.includes('\r') ? fitted.replace(/\r\n?/g, '\n') : fitted;
  // Excel reads "_x0041_" in a string as an escaped character; a literal one
  // keeps its underscore by escaping it as _x005F_ (ECMA-376 Part 1, 22.4.2.4).
  if (literal.includes('_x')) literal = literal.replace(/_(?=x[0-9A-Fa-f]{4}_)/g, '_x005F_');
  const space = edgeBlank(literal) ? ' xml:space="preserve"' : '';
  return `<t${space}>${escapeXml(literal)}</t>`;
}

/** A blank at either end (which XML readers drop unless told to keep it). */
function edgeBlank(text: string): boolean {
  const plain = (c: number) => c > 32 && c < 127;
  if (plain(text.charCodeAt(0)) && plain(text.charCodeAt(text.length - 1))) return false;
  return /^\s|\s$/.test(text);
}

/** Column widths from the header and the first rows, so that the sheet opens readable. */
function cols(sheet: Sheet): string {
  const sample = sheet.rows.slice(0, 200);
  const widths = sheet.header.map((title, c) => {
    let chars = title.length + 3; // room for the filter button
    for (const row of sample) {
      const value = row[c];
      const length =
        typeof value === 'object' ? 16 : value === undefined ? 0 : String(value).length;
      chars = Math.max(chars, length + 1);
    }
    return Math.min(chars, 60);
  });
  return `<cols>${widths.map((w, c) => `<col min="${c + 1}" max="${c + 1}" width="${w}" customWidth="1"/>`).join('')}</cols>`;
}

/** A, B, …, Z, AA, AB, … for a 0-based column index. */
export function columnName(index: number): string {
  let name = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) {
    name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  }
  return name;
}

/**
 * Names Excel accepts: 1 to 31 characters, none of `: \ / ? * [ ]`, no
 * apostrophe at either end, each one unique (case-insensitively).
 */
export function sheetNames(wanted: readonly string[]): string[] {
  const taken = new Set<string>();
  return wanted.map((name, i) => {
    const base =
      name
        .replace(/[:\\/?*[\]]/g, ' ')
        .replace(/^'+|'+$/g, '')
        .trim()
        .slice(0, 31) || `Sheet${i + 1}`;
    let unique = base;
    for (let n = 2; taken.has(unique.toLowerCase()); n++)
      unique = `${base.slice(0, 31 - String(n).length - 1)} ${n}`;
    taken.add(unique.toLowerCase());
    return unique;
  });
}

function range(n: number): number[] {
  return Array.from({ length: n }, (_, i) => i);
}
