/**
 * The records of an export file, as schemas (docs/export-format.md describes
 * the same fields; keep the two in step). Optional fields get their defaults
 * here; a bad field is a problem at its path, and its record is skipped.
 */
import * as v from 'valibot';
import {
  MENTION_STATUSES,
  SENTIMENTS,
  SIGHTING_KINDS,
  sightingKey,
  type Mention,
  type SearchContext,
  type Sighting,
} from '../mention.ts';
import type { Problem } from '../problem.ts';
import { coded, count, object, oneOf, validate } from '../schema.ts';
import { normaliseIsoTime } from './iso-time.ts';

let schemas: Schemas | undefined;

/** The record schemas, made on first use (see "Shared schemas" in ../schema.ts). */
function makeSchemas() {
  /** A string that is not blank; required. */
  const filled = v.pipe(
    v.string(),
    v.check((s) => s.trim() !== '', coded('empty')),
  );
  /** Missing or null: `""`. */
  const optionalText = v.nullish(v.string(), '');
  /** Missing or null: `[]`. */
  const strings = v.nullish(v.array(v.string()), () => []);
  /** An ISO 8601 time, normalised to UTC (`toISOString()`). */
  const time = v.pipe(
    v.custom<string>(
      (x) => typeof x === 'string' && normaliseIsoTime(x) !== undefined,
      coded('expected-time'),
    ),
    v.transform((x) => normaliseIsoTime(x) ?? x),
  );

  const search = object({
    engine: filled,
    query: optionalText,
    rank: v.nullish(count(1)),
    page: v.nullish(count(1)),
  });

  const mention = v.pipe(
    object({
      id: filled,
      url: filled,
      title: optionalText,
      brands: strings,
      terms: strings,
      sentiment: v.nullish(oneOf(SENTIMENTS), 'neutral'),
      status: v.nullish(oneOf(MENTION_STATUSES), 'new'),
      tags: strings,
      note: optionalText,
      snippet: optionalText,
      createdAt: v.nullish(time),
      updatedAt: v.nullish(time),
      search: v.nullish(search),
    }),
    // Either time stands in for a missing other; one of them is required.
    v.forward(
      v.partialCheck(
        [['createdAt'], ['updatedAt']],
        (m) => m.createdAt != null || m.updatedAt != null,
        coded('missing'),
      ),
      ['createdAt'],
    ),
  );

  const termCount = object({
    brand: optionalText,
    term: filled,
    count: v.nullish(count(0), 1),
  });

  const sighting = v.pipe(
    object({
      kind: v.nullish(oneOf(SIGHTING_KINDS), 'page'),
      url: filled,
      terms: v.nullish(v.array(termCount), () => []),
      firstSeen: v.nullish(time),
      lastSeen: v.nullish(time),
      key: v.nullish(filled),
      title: optionalText,
      hits: v.nullish(count(0)),
      visits: v.nullish(count(1), 1),
      search: v.nullish(search),
    }),
    v.forward(
      v.partialCheck(
        [['firstSeen'], ['lastSeen']],
        (s) => s.firstSeen != null || s.lastSeen != null,
        coded('missing'),
      ),
      ['firstSeen'],
    ),
  );
  return { search, mention, sighting };
}

type Schemas = ReturnType<typeof makeSchemas>;

function searchContext(s: v.InferOutput<Schemas['search']>): SearchContext {
  const context: SearchContext = { engine: s.engine, query: s.query };
  if (s.rank != null) context.rank = s.rank;
  if (s.page != null) context.page = s.page;
  return context;
}

/** One mention of an import file, or undefined (with its problems noted). */
export function readMention(
  value: unknown,
  path: string,
  problems: Problem[],
): Mention | undefined {
  const result = validate((schemas ??= makeSchemas()).mention, value, path);
  if (!result.ok) return void problems.push(...result.problems);
  const m = result.value;
  const createdAt = m.createdAt ?? m.updatedAt ?? '';
  const record: Mention = {
    id: m.id,
    url: m.url,
    title: m.title,
    brands: m.brands,
    terms: m.terms,
    sentiment: m.sentiment,
    status: m.status,
    tags: m.tags,
    note: m.note,
    snippet: m.snippet,
    createdAt,
    updatedAt: m.updatedAt ?? createdAt,
  };
  if (m.search) record.search = searchContext(m.search);
  return record;
}

/** One sighting of an import file, or undefined (with its problems noted). */
export function readSighting(
  value: unknown,
  path: string,
  problems: Problem[],
): Sighting | undefined {
  const result = validate((schemas ??= makeSchemas()).sighting, value, path);
  if (!result.ok) return void problems.push(...result.problems);
  const s = result.value;
  const firstSeen = s.firstSeen ?? s.lastSeen ?? '';
  const record: Sighting = {
    // The key is derived as the extension derives it, where the file has none.
    key: s.key ?? sightingKey(s.url, s.kind),
    kind: s.kind,
    url: s.url,
    title: s.title,
    terms: s.terms.map((t) => ({ brand: t.brand, term: t.term, count: t.count })),
    hits: s.hits ?? s.terms.reduce((sum, t) => sum + t.count, 0),
    firstSeen,
    lastSeen: s.lastSeen ?? firstSeen,
    visits: s.visits,
  };
  if (s.search) record.search = searchContext(s.search);
  return record;
}
