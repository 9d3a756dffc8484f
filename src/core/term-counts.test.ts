import { test } from 'node:test';
import assert from 'node:assert/strict';
import { normalizeSettings } from './profile.ts';
import { countTerms } from './term-counts.ts';

test('hits are counted per brand and term, in the order first met', () => {
  const { brands } = normalizeSettings({
    brands: [{ name: 'ACME', terms: ['ACME', 'RoboDrill'] }, { name: 'Otto' }],
  }).settings;
  const hits = [
    { brandIndex: 0, termIndex: 1 },
    { brandIndex: 1, termIndex: 0 },
    { brandIndex: 0, termIndex: 1 },
    { brandIndex: 0, termIndex: 0 },
  ];
  assert.deepEqual(countTerms(hits, brands), [
    { brand: 'ACME', term: 'RoboDrill', count: 2 },
    { brand: 'Otto', term: 'Otto', count: 1 },
    { brand: 'ACME', term: 'ACME', count: 1 },
  ]);
});
