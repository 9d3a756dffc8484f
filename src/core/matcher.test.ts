// The matcher, part 1: German spelling, Unicode, word boundaries.
// Part 2 (tails: legal forms, genitive, compounds, separators) and part 3
// (case, exclusions, blocks, overlaps, odd terms, explain) are in ./matcher/.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compileMatcher } from './matcher.ts';
import { brand, found, matcherFor } from './matcher/testing.ts';

test('German: Müller = Mueller = MÜLLER = MUELLER, from either spelling of the term', () => {
  const text = 'Müller, Mueller, MÜLLER, MUELLER und mÜller';
  const all = ['Müller', 'Mueller', 'MÜLLER', 'MUELLER', 'mÜller'];
  assert.deepEqual(found(matcherFor('Müller'), text), all);
  assert.deepEqual(found(matcherFor('Mueller'), text), all);
  assert.deepEqual(found(matcherFor('MUELLER'), text), all);
});

test('German: Straße = Strasse = STRASSE = STRAẞE, both directions', () => {
  const text = 'Straße Strasse STRASSE STRAẞE';
  assert.deepEqual(found(matcherFor('Straße'), text), text.split(' '));
  assert.deepEqual(found(matcherFor('Strasse'), text), text.split(' '));
});

test('German: Österreich = Oesterreich, both directions', () => {
  const text = 'Österreich, Oesterreich, ÖSTERREICH.';
  const all = ['Österreich', 'Oesterreich', 'ÖSTERREICH'];
  assert.deepEqual(found(matcherFor('Österreich'), text), all);
  assert.deepEqual(found(matcherFor('Oesterreich'), text), all);
});

test('German: the stripped spelling only with stripUmlauts ("Uber" is not "über")', () => {
  const text = 'Wir fahren über die Brücke mit Uber. Über Uber: Muller, Müller.';
  assert.deepEqual(found(matcherFor('Uber'), text), ['Uber', 'Uber']);
  assert.deepEqual(found(matcherFor('Müller'), text), ['Müller']);
  assert.deepEqual(found(matcherFor({ text: 'Uber', stripUmlauts: true }), text), [
    'über',
    'Uber',
    'Über',
    'Uber',
  ]);
  assert.deepEqual(found(matcherFor({ text: 'Müller', stripUmlauts: true }), text), [
    'Muller',
    'Müller',
  ]);
  assert.deepEqual(found(matcherFor({ text: 'Muller', stripUmlauts: true }), text), [
    'Muller',
    'Müller',
  ]);
  const hits = matcherFor({ text: 'Uber', stripUmlauts: true }).find('über Uber');
  assert.deepEqual(
    hits.map((h) => h.how),
    [['stripped'], ['exact']],
  );
});

test('German: stripUmlauts works for NFD text and multi-word terms', () => {
  const m = matcherFor({ text: 'Müller Werke', stripUmlauts: true });
  assert.deepEqual(found(m, 'Muller Werke, Mu\u0308ller-Werke, Müller Werke'), [
    'Muller Werke',
    'Mu\u0308ller-Werke',
    'Müller Werke',
  ]);
});

test('other diacritics fold: Nestlé = Nestle, Łódź = Lodz, both directions', () => {
  assert.deepEqual(found(matcherFor('Nestlé'), 'Nestle und Nestlé und NESTLÉ'), [
    'Nestle',
    'Nestlé',
    'NESTLÉ',
  ]);
  assert.deepEqual(found(matcherFor('Nestle'), 'Nestlé'), ['Nestlé']);
  assert.deepEqual(found(matcherFor('Lodz'), 'Werk in Łódź'), ['Łódź']);
  assert.deepEqual(found(matcherFor('Łódź'), 'Werk in Lodz'), ['Lodz']);
});

test('NFC and NFD spellings of the same word, with exact original offsets', () => {
  const nfd = 'Die Mu\u0308ller AG und Nestle\u0301.';
  assert.deepEqual(found(matcherFor('Müller'), nfd), ['Mu\u0308ller AG']);
  assert.deepEqual(found(matcherFor('Nestlé'), nfd), ['Nestle\u0301']);
  assert.deepEqual(found(matcherFor('Mu\u0308ller'), 'Müller'), ['Müller']);
  // A combining mark after the name belongs to it: "Peru" + U+0301 is "Perú".
  assert.deepEqual(found(matcherFor('Peru'), 'Peru\u0301 und Peru'), ['Peru\u0301', 'Peru']);
});

test('full case folding: ß, İ and ı, ligatures', () => {
  assert.deepEqual(found(matcherFor('Istanbul'), 'İSTANBUL, İstanbul, ıstanbul'), [
    'İSTANBUL',
    'İstanbul',
    'ıstanbul',
  ]);
  assert.deepEqual(found(matcherFor('Firma Fischer'), 'Die ﬁrma Fischer'), ['ﬁrma Fischer']);
  assert.deepEqual(found(matcherFor('Offizin'), 'die Oﬃzin'), ['Oﬃzin']);
});

test('non-breaking and thin spaces, soft hyphens and zero-width characters', () => {
  const m = matcherFor('Müller Werke');
  for (const space of ['\u00a0', '\u2009', '\u202f', '\u2007', '\u3000']) {
    assert.deepEqual(found(m, `Die Müller${space}Werke`), [`Müller${space}Werke`]);
  }
  for (const z of ['\u00ad', '\u200b', '\u200c', '\u200d', '\u2060', '\ufeff']) {
    assert.deepEqual(
      found(m, `Die Mül${z}ler Wer${z}ke.`),
      [`Mül${z}ler Wer${z}ke`],
      `U+${z.charCodeAt(0).toString(16)}`,
    );
  }
});

test('offsets are UTF-16 offsets into the original text, also after astral characters', () => {
  const text = '😀 Grüße von der Müller-Werke 🎉 Müller';
  const m = compileMatcher([brand('Müller', ['Müller Werke', 'Müller'])]);
  assert.deepEqual(
    m.find(text).map((h) => [h.start, h.end, h.termIndex]),
    [
      [17, 29, 0],
      [33, 39, 1],
    ],
  );
});

test('word boundaries know umlauts: "Öko" hits once in "Ökotest lobt Öko-Müller"', () => {
  const text = 'Ökotest lobt Öko-Müller';
  // JavaScript's \b does not: ä, ö, ü, ß are not word characters to it.
  assert.equal(/\bÖko\b/.exec(text), null);
  const hits = matcherFor('Öko').find(text);
  assert.deepEqual(
    hits.map((h) => [h.start, h.end]),
    [[13, 16]],
  );
});

test('word boundaries know umlauts: "Mü" hits nothing in "Müller"', () => {
  assert.ok(/\bMü\b/.test('Müller'));
  assert.deepEqual(found(matcherFor('Mü'), 'Müller, Muenchen, Mueller'), []);
  assert.deepEqual(found(matcherFor('Mü'), 'Mü, Mue.'), ['Mü', 'Mue']);
  assert.deepEqual(found(matcherFor('Stra'), 'Straße'), []);
});

test('a match never splits a letter, even where compounds are allowed', () => {
  // "Mu" is a prefix of "mueller" once folded, but not of "Müller".
  assert.deepEqual(found(matcherFor({ text: 'Mu', compounds: true }), 'Müller Mu\u0308ller'), []);
  assert.deepEqual(found(matcherFor({ text: 'Strass', compounds: true }), 'Straße'), ['Straß']);
  assert.deepEqual(found(matcherFor({ text: 'Mü', compounds: true }), 'Müller Mu\u0308ller'), [
    'Mü',
    'Mu\u0308',
  ]);
});

test('letters of other scripts are word characters too', () => {
  assert.deepEqual(found(matcherFor('Lada'), 'Ладa Lada ЛадаLada'), ['Lada']);
  assert.deepEqual(found(matcherFor('Sony'), 'ソニーSony Sony'), ['Sony']);
});

test('curly and straight apostrophes inside a name are the same', () => {
  const text = "L’Oréal, L'Oreal, Lʼoréal";
  assert.deepEqual(found(matcherFor("L'Oréal"), text), ['L’Oréal', "L'Oreal", 'Lʼoréal']);
  assert.deepEqual(found(matcherFor('L’Oréal'), text), ['L’Oréal', "L'Oreal", 'Lʼoréal']);
});
