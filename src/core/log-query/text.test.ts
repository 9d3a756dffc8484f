import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fold } from '../fold.ts';
import { holdsAll, queryKey, searchFold, searchWords } from './text.ts';

test('folds like the matcher on German text, and on the usual diacritics', () => {
  for (const text of [
    'Müller Straße',
    'MÜLLER STRASSE',
    'Mu\u0308ller', // NFD
    'Nestlé Crème brûlée',
    'Øresund Łódź Æther Œuvre',
    'ÄÖÜ äöü ß',
    'Soft\u00adhyphen zero\u200bwidth',
  ])
    assert.equal(searchFold(text), fold(text).replace(/ /g, ' '), text);
});

test('every word of the query must occur somewhere', () => {
  const haystack = searchFold('Müller-Werke liefern RoboDrill 3000 an die Straße');
  assert.ok(holdsAll(haystack, searchWords('mueller robodrill')));
  assert.ok(holdsAll(haystack, searchWords('MÜLLER-WERKE strasse')));
  assert.ok(!holdsAll(haystack, searchWords('müller bosch')));
  assert.deepEqual(searchWords('  –  '), []);
});

test('a search query is compared folded and trimmed', () => {
  assert.equal(queryKey('  ACME   Preis '), 'acme preis');
  assert.equal(queryKey('Müller GmbH'), queryKey('mueller gmbh'));
});

test('German text folds to ASCII: umlauts, ß and typographic punctuation spelt out', () => {
  assert.equal(searchFold('„Müller“ – Preis… ‚groß‘'), '"mueller" - preis... \'gross\'');
  assert.ok(holdsAll(searchFold('Rückruf… bei Müller'), searchWords('RUECKRUF... müller')));
  // Beyond that the full fold still applies (NFD umlauts, other diacritics).
  assert.equal(searchFold('Mu\u0308ller – Crème'), 'mueller - creme');
});
