/**
 * Property: any valid log survives a JSON export and an import unchanged,
 * with no problems. Written against the signatures of toJsonExport and
 * parseImport only, so it holds whatever validates the import inside.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseImport, toJsonExport } from '../exchange.ts';
import {
  MENTION_STATUSES,
  SENTIMENTS,
  SIGHTING_KINDS,
  type Mention,
  type SearchContext,
  type Sighting,
  type TermCount,
} from '../mention.ts';

/** Text of every kind: any code point, the characters JSON and CSV escape, lone surrogates, blanks. */
const text = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 24 }),
  fc.string({
    unit: fc.constantFrom(
      '"',
      '\\',
      '\n',
      '\r',
      '\t',
      '\u0000',
      '\u001F',
      '\u2028',
      '\uFEFF',
      'ü',
      'ß',
      '😀',
      '\uD800',
      '\uDFFF',
      ' ',
      '\u3000',
      '=',
    ),
    maxLength: 8,
  }),
  fc.constantFrom('', ' ', '\u00A0'),
);
const nonBlank = text.filter((s) => s.trim() !== '');

/** Any instant toISOString writes with a four-digit year, with the odd ones favoured. */
const time = fc
  .oneof(
    fc.integer({ min: -62_167_219_200_000, max: 253_402_300_799_999 }),
    fc.constantFrom(
      -62_167_219_200_000, // 0000-01-01T00:00:00.000Z
      253_402_300_799_999, // 9999-12-31T23:59:59.999Z
      0,
      -1,
      Date.UTC(2024, 1, 29, 23, 59, 59, 999),
      Date.UTC(1900, 1, 28),
      Date.UTC(2026, 9, 25, 1, 0, 0), // the hour clocks go back in Berlin
    ),
  )
  .map((ms) => new Date(ms).toISOString());

/** fast-check builds records with optional keys without a prototype; stored records have one. */
const plain = <T extends object>(record: T): T => ({ ...record });

const whole = (min: number) => fc.integer({ min, max: Number.MAX_SAFE_INTEGER });

const search: fc.Arbitrary<SearchContext> = fc
  .record(
    { engine: nonBlank, query: text, rank: whole(1), page: whole(1) },
    { requiredKeys: ['engine', 'query'] },
  )
  .map(plain);

const mention: fc.Arbitrary<Mention> = fc
  .record(
    {
      id: nonBlank,
      url: nonBlank,
      title: text,
      brands: fc.array(text, { maxLength: 3 }),
      terms: fc.array(text, { maxLength: 3 }),
      sentiment: fc.constantFrom(...SENTIMENTS),
      status: fc.constantFrom(...MENTION_STATUSES),
      tags: fc.array(text, { maxLength: 3 }),
      note: text,
      snippet: text,
      createdAt: time,
      updatedAt: time,
      search,
    },
    {
      requiredKeys: [
        'id',
        'url',
        'title',
        'brands',
        'terms',
        'sentiment',
        'status',
        'tags',
        'note',
        'snippet',
        'createdAt',
        'updatedAt',
      ],
    },
  )
  .map(plain);

const termCount: fc.Arbitrary<TermCount> = fc
  .record({
    brand: text,
    term: nonBlank,
    count: whole(0),
  })
  .map(plain);

const sighting: fc.Arbitrary<Sighting> = fc
  .record(
    {
      key: nonBlank,
      kind: fc.constantFrom(...SIGHTING_KINDS),
      url: nonBlank,
      title: text,
      // A stored sighting has each (brand, term) once: a merge keeps them apart.
      terms: fc.uniqueArray(termCount, {
        selector: (t) => JSON.stringify([t.brand, t.term]),
        maxLength: 4,
      }),
      hits: whole(0),
      firstSeen: time,
      lastSeen: time,
      visits: whole(1),
      search,
    },
    {
      requiredKeys: [
        'key',
        'kind',
        'url',
        'title',
        'terms',
        'hits',
        'firstSeen',
        'lastSeen',
        'visits',
      ],
    },
  )
  .map(plain);

const log = fc.record({
  mentions: fc.uniqueArray(mention, { selector: (m) => m.id, maxLength: 6 }),
  sightings: fc.uniqueArray(sighting, { selector: (s) => s.key, maxLength: 6 }),
});

void test('property: a JSON export imports back equal, with no problems', () => {
  fc.assert(
    fc.property(log, ({ mentions, sightings }) => {
      const result = parseImport(toJsonExport(mentions, sightings));
      assert.deepEqual(result.problems, []);
      assert.deepEqual(result.mentions, mentions);
      assert.deepEqual(result.sightings, sightings);
    }),
    { numRuns: 300 },
  );
});

void test('property: exporting what was imported gives the same file', () => {
  const now = new Date('2026-12-01T12:00:00.000Z');
  fc.assert(
    fc.property(log, ({ mentions, sightings }) => {
      const file = toJsonExport(mentions, sightings, now);
      const again = parseImport(file);
      assert.equal(toJsonExport(again.mentions, again.sightings, now), file);
    }),
    { numRuns: 100 },
  );
});
