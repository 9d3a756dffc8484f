/**
 * Moving the log in and out of the extension: JSON export and import (lossless,
 * validated record by record), CSV export for spreadsheets, and merging an
 * imported log into the one already stored.
 *
 * Pure TypeScript: runs in extension pages and in node. The format is
 * documented in docs/export-format.md; keep the two in step.
 */
import {
  SENTIMENTS,
  SIGHTING_KINDS,
  sightingKey,
  type Mention,
  type SearchContext,
  type Sentiment,
  type Sighting,
  type SightingKind,
  type TermCount,
} from './mention.ts';

export const EXPORT_FORMAT = 'markenlotse-log';
export const EXPORT_VERSION = 1;

/** The document written by {@link toJsonExport} and read by {@link parseImport}. */
export interface LogExport {
  format: typeof EXPORT_FORMAT;
  version: typeof EXPORT_VERSION;
  /** ISO 8601 time of the export (UTC). */
  exportedAt: string;
  mentions: Mention[];
  sightings: Sighting[];
}


// ---------------------------------------------------------------------------
// Export

/**
 * The whole log as pretty-printed JSON. Records are copied field by field, so
 * stray properties of stored objects do not leak into the file and every file
 * has the same shape.
 */
export function toJsonExport(mentions: Mention[], sightings: Sighting[], now = new Date()): string {
  const doc: LogExport = {
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    exportedAt: now.toISOString(),
    mentions: mentions.map(copyMention),
    sightings: sightings.map(copySighting),
  };
  return JSON.stringify(doc, null, 2) + '\n';
}

/** The CSV columns, in order. One row per mention. */
export const CSV_COLUMNS: readonly string[] = [
  'id',
  'createdAt',
  'updatedAt',
  'sentiment',
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

/** `markenlotse-2026-11-27.csv`, by the local date. */
export function exportFileName(kind: 'json' | 'csv', now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  const date = `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
  return `markenlotse-${date}.${kind}`;
}

function copySearch(s: SearchContext): SearchContext {
  const copy: SearchContext = { engine: s.engine, query: s.query };
  if (s.rank !== undefined) copy.rank = s.rank;
  if (s.page !== undefined) copy.page = s.page;
  return copy;
}

function copyMention(m: Mention): Mention {
  const copy: Mention = {
    id: m.id,
    url: m.url,
    title: m.title,
    brands: [...m.brands],
    terms: [...m.terms],
    sentiment: m.sentiment,
    tags: [...m.tags],
    note: m.note,
    snippet: m.snippet,
    createdAt: m.createdAt,
    updatedAt: m.updatedAt,
  };
  if (m.search) copy.search = copySearch(m.search);
  return copy;
}

function copySighting(s: Sighting): Sighting {
  const copy: Sighting = {
    key: s.key,
    kind: s.kind,
    url: s.url,
    title: s.title,
    terms: s.terms.map((t) => ({ brand: t.brand, term: t.term, count: t.count })),
    hits: s.hits,
    firstSeen: s.firstSeen,
    lastSeen: s.lastSeen,
    visits: s.visits,
  };
  if (s.search) copy.search = copySearch(s.search);
  return copy;
}

// ---------------------------------------------------------------------------
// Import

/** Something in an import file that was not taken over. */
export interface ImportProblem {
  /** Where: `mentions[3].url`; `""` for the file as a whole. */
  path: string;
  /** What, in English: `missing`, `expected a string`. */
  message: string;
}

export interface ImportResult {
  mentions: Mention[];
  sightings: Sighting[];
  problems: ImportProblem[];
}

/** `mentions[3].url: missing`, or the bare message for a file-level problem. */
export function formatProblem(problem: ImportProblem): string {
  return problem.path ? `${problem.path}: ${problem.message}` : problem.message;
}

/**
 * Reads a JSON export. Never throws: a file that is not an export gives one
 * problem and nothing else; a record with a bad field is skipped with a
 * problem per bad field, and the valid records are kept. Optional fields get
 * defaults; timestamps are normalised to UTC (`toISOString()`).
 */
export function parseImport(text: string): ImportResult {
  const result: ImportResult = { mentions: [], sightings: [], problems: [] };
  const fileProblem = (message: string) => {
    result.problems.push({ path: '', message });
    return result;
  };

  const source = text.replace(/^\uFEFF/, '');
  if (source.trim() === '') return fileProblem('The file is empty.');
  let doc: unknown;
  try {
    doc = JSON.parse(source);
  } catch (error) {
    return fileProblem(`The file is not valid JSON: ${describeJsonError(error, source)}`);
  }
  if (!isObject(doc)) {
    return fileProblem(
      `Expected a Markenlotse export (a JSON object with "format": "${EXPORT_FORMAT}").`,
    );
  }
  if (doc.format !== EXPORT_FORMAT) {
    const found =
      doc.format === undefined ? 'no "format" field' : `"format": ${JSON.stringify(doc.format)}`;
    return fileProblem(
      `Not a Markenlotse export: expected "format": "${EXPORT_FORMAT}", found ${found}.`,
    );
  }
  const version = doc.version;
  if (version !== EXPORT_VERSION) {
    return fileProblem(
      typeof version === 'number' && version > EXPORT_VERSION
        ? `This export has version ${version}, newer than this Markenlotse reads (${EXPORT_VERSION}). Update the extension.`
        : `Unsupported export version ${version === undefined ? '(none given)' : JSON.stringify(version)}; expected ${EXPORT_VERSION}.`,
    );
  }

  const byId = new Map<string, { mention: Mention; path: string }>();
  for (const [path, value] of listAt(doc, 'mentions', true, result.problems)) {
    const mention = readMention(value, path, result.problems);
    if (!mention) continue;
    const earlier = byId.get(mention.id);
    if (!earlier) {
      byId.set(mention.id, { mention, path });
      continue;
    }
    const keepNew = compareTimes(mention.updatedAt, earlier.mention.updatedAt) > 0;
    result.problems.push({
      path: `${path}.id`,
      message: `same id as ${earlier.path}; kept ${keepNew ? path : earlier.path}, the newer by updatedAt`,
    });
    if (keepNew) byId.set(mention.id, { mention, path });
  }
  result.mentions = [...byId.values()].map((entry) => entry.mention);

  const sightings: Sighting[] = [];
  for (const [path, value] of listAt(doc, 'sightings', false, result.problems)) {
    const sighting = readSighting(value, path, result.problems);
    if (sighting) sightings.push(sighting);
  }
  // Two records of one page in one file are folded as a merge would fold them.
  result.sightings = mergeSightings([], sightings);
  return result;
}

function describeJsonError(error: unknown, source: string): string {
  const message = error instanceof Error ? error.message : String(error);
  // V8 says "... in JSON at position 42"; newer versions add "(line 3 column 7)".
  const at = /at position (\d+)/.exec(message);
  if (!at || /\(line \d+ column \d+\)/.test(message)) return message;
  const before = source.slice(0, Number(at[1]));
  const line = before.split('\n').length;
  const column = before.length - before.lastIndexOf('\n');
  return `${message} (line ${line} column ${column})`;
}

function* listAt(
  doc: Record<string, unknown>,
  field: 'mentions' | 'sightings',
  required: boolean,
  problems: ImportProblem[],
): Generator<[string, unknown]> {
  const list = doc[field];
  if (list === undefined && !required) return;
  if (!Array.isArray(list)) {
    problems.push({ path: field, message: list === undefined ? 'missing' : 'expected a list' });
    return;
  }
  for (const [index, value] of (list as unknown[]).entries()) yield [`${field}[${index}]`, value];
}

/** Reads the fields of one record, noting every bad one. */
class FieldReader {
  ok = true;

  constructor(
    private readonly record: Record<string, unknown>,
    private readonly path: string,
    private readonly problems: ImportProblem[],
  ) {}

  fail(field: string, message: string): undefined {
    this.ok = false;
    this.problems.push({ path: `${this.path}.${field}`, message });
    return undefined;
  }

  has(field: string): boolean {
    const value = this.record[field];
    return value !== undefined && value !== null;
  }

  /** A string; without a fallback it is required, and must not be blank unless `allowBlank`. */
  string(
    field: string,
    fallback?: string,
    allowBlank = fallback !== undefined,
  ): string | undefined {
    const value = this.record[field];
    if (value === undefined || value === null) {
      return fallback ?? this.fail(field, 'missing');
    }
    if (typeof value !== 'string') return this.fail(field, 'expected a string');
    if (!allowBlank && value.trim() === '') return this.fail(field, 'empty');
    return value;
  }

  strings(field: string): string[] | undefined {
    const value = this.record[field] ?? [];
    if (!Array.isArray(value)) return this.fail(field, 'expected a list of strings');
    const list = value as unknown[];
    const bad = list.findIndex((item) => typeof item !== 'string');
    if (bad >= 0) return this.fail(`${field}[${bad}]`, 'expected a string');
    return list as string[];
  }

  count(field: string, fallback: number, min: number): number | undefined {
    const value = this.record[field] ?? fallback;
    if (typeof value !== 'number' || !Number.isInteger(value) || value < min) {
      return this.fail(field, `expected a whole number of at least ${min}`);
    }
    return value;
  }

  oneOf<T extends string>(field: string, allowed: readonly T[], fallback: T): T | undefined {
    const value = this.record[field] ?? fallback;
    if (typeof value === 'string' && (allowed as readonly string[]).includes(value))
      return value as T;
    return this.fail(
      field,
      `expected one of ${allowed.map((a) => `"${a}"`).join(', ')}, found ${JSON.stringify(value)}`,
    );
  }

  /**
   * Two ISO times of which either stands in for a missing other
   * (createdAt/updatedAt, firstSeen/lastSeen); one of them is required.
   */
  timeSpan(first: string, second: string): [string, string] | undefined {
    if (!this.has(first) && !this.has(second)) return this.fail(first, 'missing');
    const a = this.has(first) ? this.time(first) : undefined;
    const b = this.has(second) ? this.time(second) : undefined;
    const start = a ?? b;
    const end = b ?? a;
    return start && end && this.ok ? [start, end] : undefined;
  }

  private time(field: string): string | undefined {
    const value = this.record[field];
    const normalised = typeof value === 'string' ? normaliseIsoTime(value) : undefined;
    return (
      normalised ??
      this.fail(
        field,
        `expected an ISO 8601 time such as "2026-11-27T09:30:00.000Z", found ${JSON.stringify(value)}`,
      )
    );
  }

  search(field: string): SearchContext | undefined {
    if (!this.has(field)) return undefined;
    const value = this.record[field];
    if (!isObject(value)) return this.fail(field, 'expected an object');
    const inner = new FieldReader(value, `${this.path}.${field}`, this.problems);
    const context: SearchContext = {
      engine: inner.string('engine') ?? '',
      query: inner.string('query', '') ?? '',
    };
    if (inner.has('rank')) context.rank = inner.count('rank', 1, 1) ?? 1;
    if (inner.has('page')) context.page = inner.count('page', 1, 1) ?? 1;
    if (!inner.ok) this.ok = false;
    return context;
  }
}

function readMention(value: unknown, path: string, problems: ImportProblem[]): Mention | undefined {
  if (!isObject(value)) {
    problems.push({ path, message: 'expected an object' });
    return undefined;
  }
  const r = new FieldReader(value, path, problems);
  const mention: Mention = {
    id: r.string('id') ?? '',
    url: r.string('url') ?? '',
    title: r.string('title', '') ?? '',
    brands: r.strings('brands') ?? [],
    terms: r.strings('terms') ?? [],
    sentiment: r.oneOf<Sentiment>('sentiment', SENTIMENTS, 'neutral') ?? 'neutral',
    tags: r.strings('tags') ?? [],
    note: r.string('note', '') ?? '',
    snippet: r.string('snippet', '') ?? '',
    createdAt: '',
    updatedAt: '',
  };
  [mention.createdAt, mention.updatedAt] = r.timeSpan('createdAt', 'updatedAt') ?? ['', ''];
  const search = r.search('search');
  if (search) mention.search = search;
  return r.ok ? mention : undefined;
}

function readSighting(
  value: unknown,
  path: string,
  problems: ImportProblem[],
): Sighting | undefined {
  if (!isObject(value)) {
    problems.push({ path, message: 'expected an object' });
    return undefined;
  }
  const r = new FieldReader(value, path, problems);
  const kind = r.oneOf<SightingKind>('kind', SIGHTING_KINDS, 'page');
  const url = r.string('url');
  const terms = readTermCounts(value.terms, `${path}.terms`, problems);
  if (!terms) r.ok = false;
  const [firstSeen, lastSeen] = r.timeSpan('firstSeen', 'lastSeen') ?? ['', ''];
  const sighting: Sighting = {
    // The key is derived as the extension derives it, where the file has none.
    key: url && kind ? (r.string('key', sightingKey(url, kind), false) ?? '') : '',
    kind: kind ?? 'page',
    url: url ?? '',
    title: r.string('title', '') ?? '',
    terms: terms ?? [],
    hits: r.count('hits', terms?.reduce((sum, t) => sum + t.count, 0) ?? 0, 0) ?? 0,
    firstSeen,
    lastSeen,
    visits: r.count('visits', 1, 1) ?? 1,
  };
  const search = r.search('search');
  if (search) sighting.search = search;
  return r.ok ? sighting : undefined;
}

function readTermCounts(
  value: unknown,
  path: string,
  problems: ImportProblem[],
): TermCount[] | undefined {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) {
    problems.push({ path, message: 'expected a list of {brand, term, count}' });
    return undefined;
  }
  const terms: TermCount[] = [];
  let ok = true;
  for (const [index, item] of (value as unknown[]).entries()) {
    if (!isObject(item)) {
      problems.push({ path: `${path}[${index}]`, message: 'expected an object' });
      ok = false;
      continue;
    }
    const r = new FieldReader(item, `${path}[${index}]`, problems);
    const term = {
      brand: r.string('brand', '') ?? '',
      term: r.string('term') ?? '',
      count: r.count('count', 1, 0) ?? 0,
    };
    if (r.ok) terms.push(term);
    else ok = false;
  }
  return ok ? terms : undefined;
}

const ISO_TIME =
  /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?(Z|[+-]\d{2}:?\d{2}))?$/;

/**
 * An ISO 8601 date ("2026-11-27", taken as UTC midnight) or date-time with a
 * time zone, as `toISOString()`; undefined if it is not one or names a day
 * that does not exist (Date.parse would roll 30 February over into March).
 */
export function normaliseIsoTime(text: string): string | undefined {
  const m = ISO_TIME.exec(text.trim());
  if (!m) return undefined;
  const [year, month, day, hour, minute, second] = m
    .slice(1, 7)
    .map((part) => Number(part ?? 0)) as [number, number, number, number, number, number];
  const millis = Number(((m[7] ?? '') + '000').slice(0, 3));
  if (month < 1 || month > 12 || hour > 23 || minute > 59 || second > 59) return undefined;
  if (day < 1 || day > daysInMonth(year, month)) return undefined;
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  date.setUTCHours(hour, minute, second, millis);
  const zone = m[8];
  if (zone && zone !== 'Z') {
    const digits = zone.replace(':', '');
    const offset = Number(digits.slice(1, 3)) * 60 + Number(digits.slice(3, 5));
    date.setTime(date.getTime() - (zone.startsWith('-') ? -offset : offset) * 60_000);
  }
  return date.toISOString();
}

function daysInMonth(year: number, month: number): number {
  if (month !== 2) return [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 0;
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

// ---------------------------------------------------------------------------
// Merge

/** Orders two ISO times by the instant they name (not by their spelling). */
function compareTimes(a: string, b: string): number {
  const ta = Date.parse(a);
  const tb = Date.parse(b);
  if (Number.isNaN(ta) || Number.isNaN(tb)) return a < b ? -1 : a > b ? 1 : 0;
  return ta - tb;
}

export interface MentionMerge {
  merged: Mention[];
  /** Incoming mentions with an id not seen before, appended. */
  added: number;
  /** Existing mentions replaced by an incoming one with a later updatedAt. */
  updated: number;
  /** Incoming mentions whose stored version is as new or newer: the stored one is kept. */
  unchanged: number;
}

/**
 * Merges by id: the version with the later `updatedAt` wins; on a tie the
 * stored one stays. Nothing is dropped: stored mentions missing from the
 * import are kept, in their order, with new ones appended.
 */
export function mergeMentions(existing: Mention[], incoming: Mention[]): MentionMerge {
  const merged = [...existing];
  const index = new Map<string, number>();
  merged.forEach((m, i) => index.set(m.id, i));
  let added = 0;
  let updated = 0;
  let unchanged = 0;
  for (const mention of incoming) {
    const at = index.get(mention.id);
    const current = at === undefined ? undefined : merged[at];
    if (at === undefined || !current) {
      index.set(mention.id, merged.push(mention) - 1);
      added++;
    } else if (compareTimes(mention.updatedAt, current.updatedAt) > 0) {
      merged[at] = mention;
      updated++;
    } else {
      unchanged++;
    }
  }
  return { merged, added, updated, unchanged };
}

/**
 * Merges by key. Of two records of one page: the earlier `firstSeen`, the
 * later `lastSeen`, the larger `visits`; the union of the terms (the larger
 * count where both have one); kind, url, title, hits and search from the
 * record seen last (on a tie, the stored one), title and search from the other
 * where it lacks them. Stored order is kept, new ones appended.
 */
export function mergeSightings(existing: Sighting[], incoming: Sighting[]): Sighting[] {
  const merged = [...existing];
  const index = new Map<string, number>();
  merged.forEach((s, i) => index.set(s.key, i));
  for (const sighting of incoming) {
    const at = index.get(sighting.key);
    const current = at === undefined ? undefined : merged[at];
    if (at === undefined || !current) index.set(sighting.key, merged.push(sighting) - 1);
    else merged[at] = combineSightings(current, sighting);
  }
  return merged;
}

function combineSightings(a: Sighting, b: Sighting): Sighting {
  const [later, earlier] = compareTimes(b.lastSeen, a.lastSeen) > 0 ? [b, a] : [a, b];
  const terms = new Map<string, TermCount>();
  for (const t of [...later.terms, ...earlier.terms]) {
    const key = JSON.stringify([t.brand, t.term]);
    const seen = terms.get(key);
    if (!seen || t.count > seen.count) terms.set(key, { ...t });
  }
  const combined: Sighting = {
    ...copySighting(later),
    terms: [...terms.values()],
    firstSeen: compareTimes(a.firstSeen, b.firstSeen) <= 0 ? a.firstSeen : b.firstSeen,
    lastSeen: later.lastSeen,
    visits: Math.max(a.visits, b.visits),
  };
  // Fill what the later record lacks, so that nothing known is lost.
  if (!combined.title) combined.title = earlier.title;
  if (!combined.search && earlier.search) combined.search = copySearch(earlier.search);
  return combined;
}
