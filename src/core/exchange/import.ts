/** Reading an export file back: JSON, validated record by record; never throws. */
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
} from '../mention.ts';
import { EXPORT_FORMAT, EXPORT_VERSION } from './format.ts';
import { compareTimes, mergeSightings } from './merge.ts';

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
