import { test } from 'node:test';
import assert from 'node:assert/strict';
import { neutraliseFormula } from './neutralise.ts';

/** [case, cell, written as]: every leading character OWASP lists, and what stays as it is. */
const CASES: [string, string, string][] = [
  ['equals sign', '=HYPERLINK("http://x","y")', `'=HYPERLINK("http://x","y")`],
  ['plus sign', '+1', `'+1`],
  ['minus sign before a formula', '-2+3', `'-2+3`],
  ['minus sign before text', '- Stichpunkt', `'- Stichpunkt`],
  ['at sign', '@SUM(A1)', `'@SUM(A1)`],
  ['tab', '\tTab', `'\tTab`],
  ['carriage return', '\rCR', `'\rCR`],
  ['line feed', '\nLF', `'\nLF`],
  ['equals sign after spaces', '  =1+1', `'  =1+1`],
  ['plus sign after a no-break space', '\u00A0+1', `'\u00A0+1`],
  ['minus sign after an ideographic space', '\u3000-1+1', `'\u3000-1+1`],
  ['at sign after a space', ' @SUM(A1)', `' @SUM(A1)`],
  ['full-width equals sign', '＝1+1', `'＝1+1`],
  ['full-width plus sign', '＋1', `'＋1`],
  ['full-width minus sign', '－1', `'－1`],
  ['full-width at sign', '＠SUM(A1)', `'＠SUM(A1)`],
  ['full-width equals sign after spaces', '  ＝1+1', `'  ＝1+1`],
  ['a negative whole number stays a number', '-2', '-2'],
  ['a negative decimal with a point stays a number', '-0.5', '-0.5'],
  ['a negative decimal with a comma stays a number', '-2,5', '-2,5'],
  ['a negative number with a trailing formula is neutralised', '-2,5+A1', `'-2,5+A1`],
  ['a negative number after a space is neutralised', ' -2', `' -2`],
  ['a sign inside the text stays', 'ACME = gut', 'ACME = gut'],
  ['an e-mail address stays', 'info@acme.de', 'info@acme.de'],
  ['an empty cell stays empty', '', ''],
  ['blanks only stay', '   ', '   '],
];

for (const [name, cell, expected] of CASES) {
  void test(`formula neutralisation: ${name}`, () => {
    assert.equal(neutraliseFormula(cell), expected);
  });
}
