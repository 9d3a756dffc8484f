// The matcher, part 2: what may follow a name (legal forms, genitive,
// compounds) and what may stand between the words of a name.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BLOCK_SEPARATOR } from '../matcher.ts';
import { found, matcherFor } from './testing.ts';

// prettier-ignore
const FORMS = [
  'GmbH', 'GmbH & Co. KG', 'GmbH & Co KG', 'GmbH & Co. KGaA', 'AG', 'AG & Co. KG', 'SE', 'SE & Co. KGaA',
  'KG', 'KGaA', 'OHG', 'e.K.', 'e.V.', 'eG', 'UG (haftungsbeschränkt)', 'UG', 'mbH', 'gGmbH', 'GesmbH',
  'Ltd.', 'Ltd', 'Limited', 'Inc.', 'Inc', 'LLC', 'LLP', 'plc', 'PLC', 'Corp.', 'Corporation', 'Co.',
  'S.A.', 'SA', 'SARL', 'S.à r.l.', 'S.p.A.', 'S.r.l.', 'B.V.', 'N.V.', 'AB', 'A/S', 'Oy', 'GMBH', 'INC.',
];

test('German legal forms: one hit covers "ACME GmbH & Co. KG" and friends', () => {
  const m = matcherFor('ACME');
  for (const form of FORMS) {
    const name = `ACME ${form}`;
    assert.deepEqual(found(m, `Die ${name} meldet Gewinne.`), [name], form);
    assert.deepEqual(found(m, `Bei ${name}`), [name], `${form} at the end`);
  }
  assert.deepEqual(found(m, 'ACME'), ['ACME']);
  const hit = m.find('die ACME GmbH')[0];
  assert.deepEqual(hit?.how, ['exact', 'legal-form']);
});

test('legal forms after a comma, across any white space, with a folded name', () => {
  const m = matcherFor('ACME');
  assert.deepEqual(found(m, 'ACME, Inc. and ACME\u00a0GmbH'), ['ACME, Inc.', 'ACME\u00a0GmbH']);
  assert.deepEqual(found(matcherFor('Bosch'), 'BOSCH\n\nGmbH'), ['BOSCH\n\nGmbH']);
  assert.deepEqual(found(m, 'Müller & Co. KG'), []);
  assert.deepEqual(found(matcherFor('Müller'), 'Mueller & Co. KG.'), ['Mueller & Co. KG']);
  assert.deepEqual(found(matcherFor('Müller Werke'), 'Müller-Werke GmbH'), ['Müller-Werke GmbH']);
});

test('legal forms are matched in their own case: "ACME as" is no company', () => {
  const m = matcherFor('ACME');
  assert.deepEqual(found(m, 'tools such as ACME as well as ACME ag or ACME inc'), [
    'ACME',
    'ACME',
    'ACME',
  ]);
  assert.deepEqual(found(m, 'ACME AGB lesen'), ['ACME']);
  assert.deepEqual(found(m, 'ACME AG.'), ['ACME AG']);
});

test('a legal form never crosses a block', () => {
  assert.deepEqual(found(matcherFor('ACME'), `ACME${BLOCK_SEPARATOR}GmbH`), ['ACME']);
  assert.deepEqual(found(matcherFor('ACME'), `ACME ${BLOCK_SEPARATOR}GmbH`), ['ACME']);
});

test("genitive and possessive: Ottos, Otto's, Otto’s count as the name, with the s", () => {
  const m = matcherFor('Otto');
  assert.deepEqual(found(m, "Ottos Katalog, Otto's Shop, Otto’s Angebot, Ottoʼs Lager"), [
    'Ottos',
    "Otto's",
    'Otto’s',
    'Ottoʼs',
  ]);
  assert.deepEqual(m.find('Ottos')[0]?.how, ['exact', 'genitive']);
  assert.deepEqual(found(m, 'Ottosee, Ottomotor, Otto-Motor'), ['Otto']);
  assert.deepEqual(found(matcherFor('Müller'), 'MÜLLERS Laden, Muellers Laden'), [
    'MÜLLERS',
    'Muellers',
  ]);
  assert.deepEqual(found(matcherFor('Otto'), 'OttoS'), []);
});

test('compounds: "Bosch-Hammer" always, "Boschhammer" only with compounds', () => {
  const text = 'Der Bosch-Hammer und der Boschhammer';
  assert.deepEqual(found(matcherFor('Bosch'), text), ['Bosch']);
  const m = matcherFor({ text: 'Bosch', compounds: true });
  assert.deepEqual(found(m, text), ['Bosch', 'Bosch']);
  assert.deepEqual(
    m.find(text).map((h) => h.how),
    [['exact'], ['exact', 'compound']],
  );
  // A compound is a name followed by more word, never preceded by one:
  // "Otto" does not light up in "Lotto", nor "Bosch" in "Akkubosch".
  assert.deepEqual(
    found(matcherFor({ text: 'Otto', compounds: true }), 'Lotto Motto Ottoversand'),
    ['Otto'],
  );
  assert.deepEqual(found(m, 'Akkubosch'), []);
  // The genitive still wins over the compound.
  assert.deepEqual(found(m, 'Boschs Hammer')[0], 'Boschs');
});

test('separators: "Müller Werke" across spaces, newlines, hyphens and dashes', () => {
  const m = matcherFor('Müller Werke');
  for (const sep of [' ', '-', '–', '—', '\u2011', '  ', ' \n\t ', '\u00a0', ' – ', '\r\n']) {
    const name = `Müller${sep}Werke`;
    assert.deepEqual(found(m, `Die ${name}.`), [name], JSON.stringify(sep));
  }
  assert.deepEqual(found(matcherFor('Müller-Werke'), 'Müller Werke'), ['Müller Werke']);
  assert.deepEqual(found(m, 'Müller.Werke Müller/Werke Müller_Werke'), []);
});

test('joined: "MüllerWerke" only when the term has compounds', () => {
  assert.deepEqual(found(matcherFor('Müller Werke'), 'Die MüllerWerke, die Müllerwerke'), []);
  const m = matcherFor({ text: 'Müller Werke', compounds: true });
  assert.deepEqual(found(m, 'Die MüllerWerke, die Muellerwerke, die Müller Werke'), [
    'MüllerWerke',
    'Muellerwerke',
    'Müller Werke',
  ]);
  assert.deepEqual(m.find('MüllerWerke')[0]?.how, ['joined']);
});

test('names never cross the block separator', () => {
  assert.deepEqual(found(matcherFor('Müller Werke'), `Müller${BLOCK_SEPARATOR}Werke`), []);
  assert.deepEqual(found(matcherFor('Müller Werke'), `Müller ${BLOCK_SEPARATOR} Werke`), []);
  assert.deepEqual(found(matcherFor('Otto'), `Otto${BLOCK_SEPARATOR}s`), ['Otto']);
  const text = `Müller${BLOCK_SEPARATOR}Müller Werke${BLOCK_SEPARATOR}Werke`;
  const hits = matcherFor('Müller', 'Müller Werke').find(text);
  assert.deepEqual(
    hits.map((h) => text.slice(h.start, h.end)),
    ['Müller', 'Müller Werke'],
  );
  assert.deepEqual(
    hits.map((h) => h.start),
    [0, 7],
  );
});
