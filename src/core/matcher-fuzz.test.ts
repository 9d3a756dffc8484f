/**
 * Properties of reading any profile and matching any text (issue 10,
 * "Fuzzing of input"): whatever a settings document holds (terms with regex
 * metacharacters, emoji, RTL, zero-width characters, wrong types, 10,000
 * terms, a 1 MB term), normalizeSettings, compileMatcher, find and explain
 * never throw, and every hit lies within the text, in order, without
 * overlaps, and names a brand and term that exist. A plain term is always
 * found in a text that is just that term.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { compileMatcher, type MatchHit } from './matcher.ts';
import { normalizeSettings } from './profile.ts';
import type { Brand } from './profile.ts';

/** Characters that break naive matchers: regex syntax, scripts, joiners, marks, separators. */
const odd = fc.constantFrom(
  ...'.*+?^${}()|[]\\/-&\'"’,;:!#%@~`<>= '.split(''),
  '\u00ad', // soft hyphen
  '\u200b',
  '\u200c',
  '\u200d',
  '\u2060',
  '\ufeff',
  '\u200e',
  '\u200f',
  '\u202e',
  '\u0301', // combining acute
  '\u2029', // the block separator
  '\u00a0',
  '\u3000',
  '\n',
  '\t',
  'ß',
  'ẞ',
  'ü',
  'Ü',
  'İ',
  'ı',
  'ǅ',
  'ﬁ',
  'Σ',
  'ς',
  'ش',
  'א',
  '中',
  '😀',
  '👩‍👩‍👧',
  '🇩🇪',
  '\ud800',
  '\udfff',
  'GmbH',
  ' & Co. KG',
  "'s",
);
const letters = fc.constantFrom(...'abcxyzABCXYZäöüÄÖÜß0123456789'.split(''));
const termText = fc.oneof(
  fc.string({ unit: fc.oneof(letters, odd), maxLength: 16 }),
  fc.string({ unit: 'binary', maxLength: 12 }),
  fc.string({ unit: letters, minLength: 1, maxLength: 12 }),
);
const term = fc.oneof(
  termText,
  fc.record(
    {
      text: termText,
      caseSensitive: fc.constantFrom(true, false, 'auto', 'yes', 1, null),
      compounds: fc.constantFrom(true, false, 'no'),
      stripUmlauts: fc.constantFrom(true, false, 0),
    },
    { requiredKeys: ['text'] },
  ),
  fc.anything({ maxDepth: 2 }),
);
const brand = fc.oneof(
  fc.record(
    {
      id: fc.oneof(termText, fc.integer()),
      name: fc.oneof(termText, fc.constant(undefined), fc.integer()),
      color: fc.constantFrom('#ffd54f', '#FFF', 'red', '', 12, '#1234567'),
      terms: fc.oneof(fc.array(term, { maxLength: 8 }), term),
      exclude: fc.oneof(fc.array(termText, { maxLength: 3 }), termText, fc.anything()),
      role: fc.constantFrom('own', 'competitor', 'other', undefined),
      sites: fc.oneof(fc.array(termText, { maxLength: 3 }), fc.anything()),
    },
    { requiredKeys: [] },
  ),
  fc.anything({ maxDepth: 2 }),
);
const settingsDocument = fc.oneof(
  { weight: 5, arbitrary: fc.record({ brands: fc.array(brand, { maxLength: 6 }) }) },
  {
    weight: 1,
    arbitrary: fc.record(
      {
        version: fc.constantFrom(0, 1, 2, '1', -1, 1.5, null),
        brands: fc.oneof(fc.array(brand, { maxLength: 4 }), fc.anything()),
        highlightStyle: fc.anything(),
        highlightMethod: fc.anything(),
        paused: fc.anything(),
        pausedSites: fc.anything(),
      },
      { requiredKeys: [] },
    ),
  },
  { weight: 1, arbitrary: fc.anything() },
  {
    // Own `__proto__` and `constructor` keys, as JSON.parse makes them.
    weight: 1,
    arbitrary: fc
      .constantFrom(
        '{"__proto__":{"brands":[{"name":"ACME","terms":["ACME"]}]},"brands":[]}',
        '{"brands":[{"__proto__":{"terms":["x"]},"name":"ACME","terms":["ACME"]}]}',
        '{"brands":[{"name":"ACME","terms":[{"__proto__":{"text":"x"},"text":"ACME"}]}]}',
        '{"brands":[{"name":"constructor","terms":["constructor","__proto__","toString"]}]}',
        '{"constructor":{"prototype":{"polluted":true}},"brands":[]}',
      )
      .map((json) => JSON.parse(json) as unknown),
  },
);

/** Text to search: odd characters and the profile's own term texts, side by side. */
function textFor(brands: readonly Brand[]) {
  const texts = brands.flatMap((b) => b.terms.map((t) => t.text));
  const piece = texts.length
    ? fc.oneof(fc.constantFrom(...texts), fc.string({ unit: fc.oneof(letters, odd), maxLength: 6 }))
    : fc.string({ unit: fc.oneof(letters, odd), maxLength: 6 });
  return fc.array(piece, { maxLength: 12 }).map((parts) => parts.join(''));
}

function assertSaneHits(hits: readonly MatchHit[], text: string, brands: readonly Brand[]): void {
  let end = 0;
  for (const hit of hits) {
    // (Messages made only on failure: there may be thousands of hits.)
    const sane =
      Number.isInteger(hit.start) &&
      Number.isInteger(hit.end) &&
      hit.start >= end &&
      hit.start < hit.end &&
      hit.end <= text.length &&
      brands[hit.brandIndex]?.terms[hit.termIndex] !== undefined;
    if (!sane)
      assert.fail(
        `not in bounds, out of order or overlapping: ${JSON.stringify(hit)} after ${end}`,
      );
    end = hit.end;
  }
}

test('any settings document: read, compiled and matched against any text without throwing; hits in bounds, sorted, apart', () => {
  fc.assert(
    fc.property(
      settingsDocument.chain((doc) => {
        const { settings } = normalizeSettings(doc);
        return fc.tuple(fc.constant(settings.brands), textFor(settings.brands));
      }),
      ([brands, text]) => {
        const matcher = compileMatcher(brands);
        const hits = matcher.find(text);
        assertSaneHits(hits, text, brands);
        const explained = matcher.explain(text);
        // explain() says the same about the hits as find().
        assert.deepEqual(
          explained
            .filter((e) => e.verdict === 'hit')
            .map(({ start, end, brandIndex }) => [start, end, brandIndex]),
          hits.map(({ start, end, brandIndex }) => [start, end, brandIndex]),
        );
      },
    ),
    { numRuns: 1_000 },
  );
});

test('a plain term (letters, digits, spaces) is found in a text that is just that term', () => {
  const word = fc.string({ unit: letters, minLength: 1, maxLength: 8 });
  const plain = fc.array(word, { minLength: 1, maxLength: 3 }).map((w) => w.join(' '));
  fc.assert(
    fc.property(plain, fc.constantFrom('', ' ', '\n', '(', '„', '"', '👉 '), (text, around) => {
      const { settings } = normalizeSettings({ brands: [{ name: 'X', terms: [text] }] });
      const hits = compileMatcher(settings.brands).find(
        `${around}${text}${around.trim() ? ')' : around}`,
      );
      assert.deepEqual(
        hits.map((h) => [h.start, h.end]),
        [[around.length, around.length + text.length]],
        `"${text}" in "${around}${text}"`,
      );
    }),
    { numRuns: 500 },
  );
});

test('10,000 terms and a 1 MB term: compiled and matched within seconds, hits sane', () => {
  const next = fc.sample(fc.string({ unit: fc.oneof(letters, odd), minLength: 3, maxLength: 14 }), {
    numRuns: 10_000,
    seed: 10,
  });
  const big = `${'Zorbix'.repeat(174_763)}`.slice(0, 1_048_576);
  const doc = {
    brands: [
      { name: 'Viele', terms: next.slice(0, 5_000) },
      { name: 'Mehr', terms: next.slice(5_000), exclude: next.slice(0, 100) },
      { name: 'Groß', terms: [big] },
    ],
  };
  const started = Date.now();
  const { settings } = normalizeSettings(doc);
  const matcher = compileMatcher(settings.brands);
  const text = `${next.slice(0, 2_000).join(' ')} ${big} ${next.slice(8_000).join(', ')}`;
  const hits = matcher.find(text);
  assertSaneHits(hits, text, settings.brands);
  assert.ok(hits.length > 1_000, `found ${hits.length}`);
  // The 1 MB name is one hit of its own brand, where it stands.
  const at = text.indexOf(big);
  assert.ok(hits.some((h) => h.brandIndex === 2 && h.start === at && h.end === at + big.length));
  assert.ok(Date.now() - started < 10_000, `took ${Date.now() - started} ms`);
});

test('a settings document with a list nested 100,000 levels deep in any field is read, not thrown', () => {
  const deep: unknown = JSON.parse('['.repeat(100_000) + ']'.repeat(100_000));
  for (const doc of [
    { highlightStyle: deep },
    { highlightMethod: deep, paused: deep, pausedSites: deep, version: deep },
    {
      brands: [{ name: 'ACME', terms: ['ACME', deep, { text: deep }], role: deep, exclude: deep }],
    },
    { brands: deep },
    deep,
  ]) {
    const { settings, problems } = normalizeSettings(doc);
    assert.ok(problems.length > 0);
    assert.doesNotThrow(() => compileMatcher(settings.brands).find('ACME'));
  }
  assert.deepEqual(normalizeSettings({ highlightStyle: deep }).problems, [
    {
      path: 'highlightStyle',
      code: 'expected-one-of',
      params: { allowed: '"fill", "underline"', found: '[…]' },
    },
  ]);
});
