import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  ASCII_FOLD,
  SPACE,
  WHITE_SPACE,
  fold,
  foldChar,
  foldKind,
  foldText,
  isWordCode,
} from './fold.ts';

test('German: DIN 5007-2 spells umlauts with e, in both cases', () => {
  for (const s of ['Müller', 'Mueller', 'MÜLLER', 'MUELLER', 'mÜller'])
    assert.equal(fold(s), 'mueller');
  assert.equal(fold('Österreich'), fold('Oesterreich'));
  assert.equal(fold('Ärger'), 'aerger');
});

test('German: ß and ẞ fold to ss', () => {
  for (const s of ['Straße', 'STRASSE', 'Strasse', 'STRAẞE']) assert.equal(fold(s), 'strasse');
});

test('German: DIN 5007-1 mode strips umlauts instead', () => {
  assert.equal(fold('Müller', 'din1'), 'muller');
  assert.equal(fold('Über', 'din1'), 'uber');
  assert.equal(fold('Mu\u0308ller', 'din1'), 'muller');
});

test('NFC and NFD spellings fold alike', () => {
  assert.equal(fold('Mu\u0308ller'), 'mueller');
  assert.equal(fold('O\u0308sterreich'), 'oesterreich');
  assert.equal(fold('Nestle\u0301'), fold('Nestlé'));
});

test('other diacritics are dropped', () => {
  assert.equal(fold('Nestlé'), 'nestle');
  assert.equal(fold('Łódź'), 'lodz');
  assert.equal(fold('Øresund'), 'oresund');
  assert.equal(fold('Œuvre Ærø'), 'oeuvre aero');
  assert.equal(fold('Citroën Škoda'), 'citroen skoda');
});

test('full case folding: dotted and dotless i, ligatures, final sigma, fullwidth', () => {
  assert.equal(fold('İstanbul'), 'istanbul');
  assert.equal(fold('ISPARTA ıspanak'), 'isparta ispanak');
  assert.equal(fold('ﬁnanz ﬂug Aﬀe'), 'finanz flug affe');
  assert.equal(fold('ΟΔΟΣ οδος'), 'οδοσ οδοσ');
  assert.equal(fold('ＡＣＭＥ'), 'acme');
});

test('white space and dashes: every run is one space, leading space dropped', () => {
  assert.equal(fold('  Müller\u00a0Werke'), 'mueller werke');
  assert.equal(fold('Müller\u2009Werke'), 'mueller werke');
  assert.equal(fold('Müller\u202fWerke'), 'mueller werke');
  assert.equal(fold('Müller \n\t Werke'), 'mueller werke');
  for (const dash of ['-', '\u2010', '\u2011', '\u2013', '\u2014', '\u2212']) {
    assert.equal(
      fold(`Müller${dash}Werke`),
      'mueller werke',
      `dash U+${dash.charCodeAt(0).toString(16)}`,
    );
  }
  assert.equal(fold('Müller – Werke'), 'mueller werke');
});

test('soft hyphens and zero-width characters vanish', () => {
  for (const z of ['\u00ad', '\u200b', '\u200c', '\u200d', '\u2060', '\ufeff']) {
    assert.equal(fold(`Mül${z}ler`), 'mueller', `U+${z.charCodeAt(0).toString(16)}`);
  }
});

test('curly apostrophes become straight ones; the block separator stays', () => {
  assert.equal(fold('Otto’s Ottoʼs Otto‘s'), "otto's otto's otto's");
  assert.equal(fold('a\u2029b'), 'a\u2029b');
});

test('the offset map leads every folded unit back to its source', () => {
  const text = 'Grüße aus\u00a0 Kö\u00adln';
  const f = foldText(text);
  assert.equal(f.folded, 'gruesse aus koeln');
  const sources = [...f.folded].map((_, i) => text.slice(f.toOriginal[i], f.toOriginalEnd[i]));
  assert.deepEqual(sources, [
    'G',
    'r',
    'ü',
    'ü',
    'ß',
    'ß',
    'e',
    ' ',
    'a',
    'u',
    's',
    '\u00a0 ',
    'K',
    'ö',
    'ö',
    'l',
    'n',
  ]);
});

test('the offset map covers combining marks with their letter', () => {
  const text = 'Mu\u0308ller';
  const f = foldText(text);
  assert.equal(f.folded, 'mueller');
  assert.equal(text.slice(f.toOriginal[1], f.toOriginalEnd[2]), 'u\u0308');
});

test('case codes make ÜBER and UEBER comparable, and tell Sap from SAP', () => {
  assert.deepEqual([...foldText('ÜBER').caseCodes], [2, 0, 2, 2, 2]);
  assert.deepEqual([...foldText('UEBER').caseCodes], [2, 2, 2, 2, 2]);
  assert.deepEqual([...foldText('Sap').caseCodes], [2, 1, 1]);
  assert.deepEqual([...foldText('Straße').caseCodes], [2, 1, 1, 1, 0, 0, 1]);
});

test('word characters are Unicode letters, digits and marks (unlike \\b)', () => {
  for (const ch of ['a', 'Z', 'ä', 'ß', 'é', 'Ł', '7', '_', 'ж', '東', '\u0308']) {
    assert.ok(isWordCode(ch.codePointAt(0)!), ch);
  }
  for (const ch of [' ', '-', '’', "'", '.', '+', '\u2029', '\u00a0'])
    assert.ok(!isWordCode(ch.codePointAt(0)!), ch);
  assert.ok(isWordCode('𝐀'.codePointAt(0)!));
});

test('ASCII_FOLD, written out, folds as foldKind does', () => {
  for (let c = 0; c < 128; c++) {
    const expected = foldKind(c) === WHITE_SPACE ? SPACE : foldChar(c);
    assert.equal(ASCII_FOLD[c], expected, `U+${c.toString(16).padStart(4, '0')}`);
  }
});
