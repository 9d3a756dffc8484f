// The scanner folds on the fly; foldText folds into a string. They must agree:
// every raw match of the scanner (looking everywhere, as for explain) is an
// occurrence in the folded string that begins and ends on whole original
// characters, and vice versa.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BLOCK_SEPARATOR, compileMatcher } from '../matcher.ts';
import { foldText, type FoldMode } from '../fold.ts';
import { buildAutomaton } from './automaton.ts';
import { afterMarks } from './boundary.ts';
import { Candidates, scan } from './scan.ts';
import { brand } from './testing.ts';
import { seededRandom as random } from '../random.ts';

// prettier-ignore
const PIECES = [
  'a', 'u', 'o', 'e', 's', 'S', 'x', 'i', 'f', 'ß', 'ẞ', 'ü', 'Ü', 'ä', 'u\u0308', 'e\u0301', 'é', 'İ', 'ı',
  'ﬁ', '\u00ad', '\u200b', ' ', '  ', '\u00a0', '-', '–', '\u2029', "'", '’', '😀', 'ж',
];
const PATTERNS = [
  'ue',
  'u',
  'ss',
  'sse',
  'ue ss',
  'fi',
  'i',
  'e',
  'ae',
  "s's",
  'ss ue',
  'ueu',
  'x x',
  'ei',
  'a',
  'uex',
];

function viaScanner(text: string, mode: FoldMode): string[] {
  const automaton = buildAutomaton(PATTERNS);
  const out = new Candidates();
  scan(text, automaton, mode, out, true);
  const got: string[] = [];
  for (let k = 0; k < out.length; k++) {
    const p = PATTERNS[out.pattern[k]!]!;
    const end = afterMarks(text, out.end[k]!, mode === 'din2', p.charCodeAt(p.length - 1));
    if (end >= 0) got.push(`${p}@${out.start[k]}-${end}`);
  }
  return got.sort();
}

function viaFoldText(text: string, mode: FoldMode): string[] {
  const f = foldText(text, mode);
  const got: string[] = [];
  for (const p of PATTERNS) {
    for (let q = f.folded.indexOf(p); q >= 0; q = f.folded.indexOf(p, q + 1)) {
      const last = q + p.length - 1;
      const wholeStart = q === 0 || f.toOriginal[q - 1] !== f.toOriginal[q];
      const wholeEnd =
        last === f.folded.length - 1 || f.toOriginal[last + 1] !== f.toOriginal[last];
      if (wholeStart && wholeEnd) got.push(`${p}@${f.toOriginal[q]}-${f.toOriginalEnd[last]}`);
    }
  }
  return got.sort();
}

test('the scanner and foldText agree on random tricky text, in both modes', () => {
  const rnd = random(7);
  let matches = 0;
  for (let round = 0; round < 2000; round++) {
    let text = '';
    const length = 1 + Math.floor(rnd() * 12);
    for (let i = 0; i < length; i++) text += PIECES[Math.floor(rnd() * PIECES.length)];
    for (const mode of ['din2', 'din1'] as const) {
      const expected = viaFoldText(text, mode);
      assert.deepEqual(viaScanner(text, mode), expected, `${mode} ${JSON.stringify(text)}`);
      matches += expected.length;
    }
  }
  assert.ok(matches > 2000, `only ${matches} matches: the test text is too tame`);
});

test('the scanner reports the text had umlauts (so the stripped scan is needed)', () => {
  const automaton = buildAutomaton(['x']);
  assert.equal(scan('Muller', automaton, 'din2', new Candidates()), false);
  assert.equal(scan('Müller', automaton, 'din2', new Candidates()), true);
  assert.equal(scan('Mu\u0308ller', automaton, 'din2', new Candidates()), true);
});

test('find() (which skips the inside of words) keeps exactly the hits explain() finds', () => {
  const m = compileMatcher([
    brand('Otto', ['Otto', { text: 'Otto Versand', compounds: true }], ['Otto Waalkes']),
    brand('Müller', [
      { text: 'Müller', stripUmlauts: true },
      'Müller Werke',
      { text: 'Bosch', compounds: true },
    ]),
    brand('SAP', ['SAP', 'C++', '(Beta)', 'Straße']),
  ]);
  // prettier-ignore
  const words = [
    'Otto', 'otto', 'Lotto', 'Ottos', "Otto's", 'Versand', 'Waalkes', 'Müller', 'Muller', 'Mueller', 'MÜLLER',
    'Mu\u0308ller', 'Werke', 'Bosch', 'Boschhammer', 'SAP', 'sap', 'XC++', 'C++', '(Beta)', 'Straße', 'STRASSE',
    'GmbH', 'AG', 'und', 'Mül\u00adler', 'über', 'ACME', '😀',
  ];
  const gaps = [' ', ' ', '-', '–', '\u00a0', '', ', ', BLOCK_SEPARATOR, '\u200b', '\n'];
  const rnd = random(11);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)]!;
  let total = 0;
  for (let round = 0; round < 1500; round++) {
    let text = pick(words);
    for (let i = Math.floor(rnd() * 8); i > 0; i--) text += pick(gaps) + pick(words);
    const hits = m.find(text).map((h) => [h.start, h.end, h.brandIndex, h.termIndex]);
    const explained = m
      .explain(text)
      .filter((e) => e.verdict === 'hit')
      .map((e) => [e.start, e.end, e.brandIndex, e.termIndex]);
    assert.deepEqual(hits, explained, JSON.stringify(text));
    total += hits.length;
  }
  assert.ok(total > 1500, `only ${total} hits: the test text is too tame`);
});
