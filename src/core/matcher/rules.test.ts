// The matcher, part 3: case, exclusions, overlaps, odd terms, validation, explain.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compileMatcher, termTextIssue } from '../matcher.ts';
import { brand, found, matcherFor } from './testing.ts';

test('case: "auto" is exact for all-capital terms of up to four letters', () => {
  const sap = matcherFor('SAP');
  assert.deepEqual(found(sap, 'sap Sap SAP'), ['SAP']);
  assert.deepEqual(found(sap, "SAP's Kunden, die SAP SE, SAPs"), ["SAP's", 'SAP SE', 'SAPs']);
  assert.deepEqual(found(matcherFor('BMW'), 'bmw BMW'), ['BMW']);
  // Longer or mixed-case terms are case-insensitive.
  assert.deepEqual(found(matcherFor('ADIDAS'), 'adidas Adidas'), ['adidas', 'Adidas']);
  assert.deepEqual(found(matcherFor('Bosch'), 'BOSCH bosch'), ['BOSCH', 'bosch']);
});

test('case: an umlaut spelled out keeps its case ("ÖBB" is "OEBB", not "Oebb")', () => {
  assert.deepEqual(found(matcherFor('ÖBB'), 'ÖBB OEBB Oebb öbb'), ['ÖBB', 'OEBB']);
});

test('case: true and false override "auto"', () => {
  assert.deepEqual(found(matcherFor({ text: 'SAP', caseSensitive: false }), 'sap Sap'), [
    'sap',
    'Sap',
  ]);
  assert.deepEqual(
    found(matcherFor({ text: 'Otto', caseSensitive: true }), 'OTTO otto Otto Ottos'),
    ['Otto', 'Ottos'],
  );
  assert.deepEqual(found(matcherFor({ text: 'Straße', caseSensitive: true }), 'Strasse STRASSE'), [
    'Strasse',
  ]);
});

test('exclusions cancel hits inside them, folded the same way', () => {
  const m = compileMatcher([brand('Otto', ['Otto'], ['Otto Normalverbraucher', 'Otto Waalkes'])]);
  assert.deepEqual(found(m, 'Otto Waalkes wirbt nicht für Otto.'), ['Otto']);
  assert.deepEqual(m.find('Otto Waalkes wirbt nicht für Otto.')[0]?.start, 29);
  assert.deepEqual(found(m, 'Otto Normalverbraucher, OTTO WAALKES, Otto-Normalverbraucher'), []);
  assert.deepEqual(found(m, 'Otto und Waalkes, Otto Normal'), ['Otto', 'Otto']);
  // The phrase must start at a word boundary.
  assert.deepEqual(found(m, 'LOtto Waalkes'), []);
});

test('an exclusion only concerns its own brand', () => {
  const m = compileMatcher([
    brand('Otto', ['Otto'], ['Otto Waalkes']),
    brand('Waalkes Fanclub', ['Otto Waalkes']),
  ]);
  const hits = m.find('Heute: Otto Waalkes');
  assert.deepEqual(
    hits.map((h) => [h.brandIndex, h.termIndex]),
    [[1, 0]],
  );
});

test('overlaps: the longest term wins, results are sorted and disjoint', () => {
  const m = compileMatcher([brand('ACME', ['ACME', 'ACME Robotics', 'Robotics'])]);
  const text = 'ACME Robotics baut Robotics für ACME.';
  assert.deepEqual(found(m, text), ['ACME Robotics', 'Robotics', 'ACME']);
  const hits = m.find(text);
  for (let i = 1; i < hits.length; i++) assert.ok(hits[i - 1]!.end <= hits[i]!.start);
  assert.deepEqual(
    hits.map((h) => h.termIndex),
    [1, 2, 0],
  );
});

test('overlaps: a hit belongs to exactly one brand (the first, on a tie)', () => {
  const m = compileMatcher([brand('A', ['Müller']), brand('B', ['Mueller', 'Müller Werke'])]);
  const hits = m.find('Mueller und Müller Werke');
  assert.deepEqual(
    hits.map((h) => [h.brandIndex, h.termIndex]),
    [
      [0, 0],
      [1, 1],
    ],
  );
});

test('regex metacharacters match literally', () => {
  assert.deepEqual(found(matcherFor('C++'), 'Wir mögen C++ und C#, nicht C und XC++'), ['C++']);
  assert.deepEqual(found(matcherFor('C#'), 'C# oder C++'), ['C#']);
  assert.deepEqual(found(matcherFor('Yahoo!'), 'Yahoo! Mail, Yahoo Mail'), ['Yahoo!']);
  assert.deepEqual(found(matcherFor('A.B.C.'), 'A.B.C. und AxBxCx'), ['A.B.C.']);
  assert.deepEqual(found(matcherFor('(Beta)'), 'Version (Beta) und Beta'), ['(Beta)']);
  assert.deepEqual(found(matcherFor('.NET'), 'das .NET Framework'), ['.NET']);
  assert.deepEqual(found(matcherFor('Procter & Gamble'), 'Procter & Gamble, Procter and Gamble'), [
    'Procter & Gamble',
  ]);
});

test('boundaries at non-word ends: only a word edge of the term needs a word boundary', () => {
  // "C++" starts with a letter: "XC++" is not it. It ends with "+": what follows is free.
  assert.deepEqual(found(matcherFor('C++'), 'XC++ C++11 (C++)'), ['C++', 'C++']);
  // "(Beta)" has no word edge at all.
  assert.deepEqual(found(matcherFor('(Beta)'), 'x(Beta)y'), ['(Beta)']);
});

test('empty and blank terms are skipped; termTextIssue says why', () => {
  const m = compileMatcher([brand('X', ['', '   ', '\u200b', '---', 'Otto'])]);
  assert.equal(m.termCount, 1);
  assert.deepEqual(m.find('Otto')[0]?.termIndex, 4);
  assert.equal(termTextIssue(''), 'empty');
  assert.equal(termTextIssue(' \t\u00a0'), 'empty');
  assert.equal(termTextIssue('\u00ad\u200b'), 'empty');
  assert.equal(termTextIssue('+++'), 'no-letters');
  assert.equal(termTextIssue('C++'), null);
  assert.equal(termTextIssue('3M'), null);
  assert.equal(compileMatcher([]).find('anything').length, 0);
});

test('explain gives every candidate a verdict, and says how hits matched', () => {
  const m = compileMatcher([
    brand('Otto', ['Otto'], ['Otto Waalkes']),
    brand('SAP', ['SAP', 'SAP Ariba']),
  ]);
  const text = 'Otto Waalkes, Lotto, sap, SAP Ariba, Ottos';
  const got = m
    .explain(text)
    .map((e) => [text.slice(e.start, e.end), e.verdict, e.brandIndex, e.termIndex, e.how]);
  assert.deepEqual(got, [
    ['Otto', 'excluded', 0, 0, ['exact']],
    ['otto', 'not-whole-word', 0, 0, ['folded']],
    ['sap', 'case-mismatch', 1, 0, ['folded']],
    ['SAP Ariba', 'hit', 1, 1, ['exact']],
    ['SAP', 'overlapped', 1, 0, ['exact']],
    ['Ottos', 'hit', 0, 0, ['exact', 'genitive']],
  ]);
  assert.equal(m.explain(text)[0]?.excludedBy, 'Otto Waalkes');
  assert.ok(
    m.explain(text).every((e) => !('detail' in e)),
    'no English text in explanations',
  );
  const boschhammer = matcherFor('Bosch').explain('Boschhammer')[0];
  assert.deepEqual([boschhammer?.verdict, boschhammer?.how], ['not-whole-word', ['exact']]);
});

test('a thousand terms: every one is found, in one pass', () => {
  const terms = Array.from({ length: 1000 }, (_, i) => `Firma${i.toString(36)} Werk`);
  const m = compileMatcher([brand('Viele', terms)]);
  assert.equal(m.termCount, 1000);
  const text = terms.map((t, i) => (i % 2 ? t.toUpperCase() : t)).join(', ');
  const hits = m.find(text);
  assert.equal(hits.length, 1000);
  assert.deepEqual(
    hits.map((h) => h.termIndex),
    terms.map((_, i) => i),
  );
  assert.deepEqual(m.find('Firma0 Werkstatt, Firma Werk'), []);
});
