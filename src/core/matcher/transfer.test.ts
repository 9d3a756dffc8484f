// A matcher stored as data and read back finds what the compiled one finds.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  compileMatcher,
  compileMatcherData,
  matcherFromData,
  type BrandMatcher,
} from '../matcher.ts';
import type { Brand } from '../profile.ts';
import { seededRandom } from '../random.ts';
import { brand } from './testing.ts';

/** Through JSON, as extension storage carries it. */
function viaStorage(brands: readonly Brand[]): BrandMatcher {
  const data = JSON.parse(JSON.stringify(compileMatcherData(brands))) as ReturnType<
    typeof compileMatcherData
  >;
  const matcher = matcherFromData(data);
  assert.ok(matcher);
  return matcher;
}

const PROFILES: Brand[][] = [
  [brand('ACME', ['ACME', 'RoboDrill 3000'], ['ACME Looney'])],
  [
    brand('Müller', [
      { text: 'Müller Werkzeugbau', compounds: true, stripUmlauts: true },
      'Straße',
    ]),
    brand('SAP', ['SAP', { text: 'sap', caseSensitive: true }, { text: 'Bosch', compounds: true }]),
    brand('Nestlé', ['Nestlé', 'Ötker', 'İstanbul', '😀 Smile', 'C++', '(Beta)']),
  ],
  [
    brand(
      'Many',
      Array.from({ length: 1000 }, (_, i) => `Name${i.toString(36)} Werk${i % 7}`),
    ),
  ],
];

// prettier-ignore
const WORDS = [
  'ACME', 'acme', 'ACME Looney', 'GmbH', '&', 'Co.', 'KG', 'RoboDrill', '3000', 'Müller', 'Mueller',
  'Muller', 'MÜLLER', 'Werkzeugbau', 'Werkzeugbaus', 'Müller-Werkzeugbau', 'MüllerWerkzeugbau',
  'Strasse', 'STRAẞE', 'SAP', 'sap', 'Sap', 'Boschhammer', 'Nestle', 'Nestle\u0301', 'Oetker',
  'istanbul', '😀', 'Smile', 'C++', '(Beta)', 'Name1 Werk1', 'Namez Werk0', 'Namea Werk3', 'Name2s Werk2', 'NAMEDW WERK3', 'name2s-werk2', "Otto's", 'und',
  '\u00ad', '\u2029', ',', '.', '-', ' ', ' ', '\n', 'مرحبا', 'שלום',
];

test('a matcher read back from stored data finds and explains exactly what the compiled one does', () => {
  const random = seededRandom(1201);
  for (const brands of PROFILES) {
    const compiled = compileMatcher(brands);
    const stored = viaStorage(brands);
    assert.equal(stored.termCount, compiled.termCount);
    let hits = 0;
    for (let i = 0; i < 400; i++) {
      const words = Array.from(
        { length: 1 + Math.floor(random() * 12) },
        () => WORDS[Math.floor(random() * WORDS.length)],
      );
      const text = words.join(random() < 0.5 ? ' ' : '');
      assert.deepEqual(stored.find(text), compiled.find(text), JSON.stringify(text));
      assert.deepEqual(stored.explain(text), compiled.explain(text), JSON.stringify(text));
      hits += compiled.find(text).length;
    }
    // The texts hold names of every profile often enough to mean something.
    assert.ok(hits > 40, `${hits} hits`);
  }
});

test('data of another format is not read', () => {
  const data = { ...compileMatcherData(PROFILES[0]!), format: 0 as never };
  assert.equal(matcherFromData(data), null);
});
