import { test } from 'node:test';
import assert from 'node:assert/strict';
import { legalFormEnd } from './legal-forms.ts';
import { seededRandom } from './random.ts';

/**
 * The regular expression legalFormEnd replaced (as of 2026-11-27), as the
 * oracle: the hand-written matcher must end every tail where it did.
 */
function regexOracle(): (text: string, end: number) => number {
  // prettier-ignore
  const forms = [
    'GmbH', 'gGmbH', 'mbH', 'AG', 'SE', 'KG', 'KGaA', 'OHG', 'oHG', 'GbR', 'eG', 'e.G.', 'e.K.',
    'e.Kfm.', 'e.Kfr.', 'e.V.', 'UG (haftungsbeschränkt)', 'UG (haftungsbeschraenkt)', 'UG',
    'PartG', 'PartG mbB', 'VVaG', 'GesmbH', 'Ges.m.b.H.', 'GesbR',
    'Ltd.', 'Ltd', 'Limited', 'Inc.', 'Inc', 'Incorporated', 'LLC', 'L.L.C.', 'LLP', 'L.P.', 'LP',
    'plc', 'Plc', 'Corp.', 'Corp', 'Corporation', 'Co.', 'Pty Ltd', 'Pty. Ltd.', 'Pte. Ltd.',
    'Pte Ltd',
    'S.A.', 'SA', 'S.A.S.', 'SAS', 'SARL', 'S.à r.l.', 'S.a.r.l.', 'S.p.A.', 'SpA', 'S.r.l.', 'Srl',
    'S.L.', 'S.A.U.', 'Lda.', 'Ltda.',
    'B.V.', 'BV', 'N.V.', 'NV', 'AB', 'ASA', 'A/S', 'ApS', 'Oy', 'Oyj', 'Kft.', 'Zrt.', 's.r.o.',
    'a.s.', 'Sp. z o.o.', 'd.o.o.', 'K.K.',
  ];
  const ws = '[^\\S\\u2029]';
  const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  const alternatives = (list: readonly string[]): string =>
    [...new Set(list.flatMap((f) => [f, f.toUpperCase()]))]
      .sort((a, b) => b.length - a.length)
      .map((f) => escape(f).replace(/ /g, `${ws}+`))
      .join('|');
  const co = `(?:&|\\+|und|and)${ws}*(?:Co\\.?|CO\\.?|Cie\\.?)(?:${ws}*(?:${alternatives(['KGaA', 'KG', 'OHG', 'oHG'])}))?`;
  const tail = new RegExp(
    `,?${ws}+(?:(?:${alternatives(forms)})(?:${ws}*${co})?|${co})(?![\\p{L}\\p{N}_])`,
    'uy',
  );
  return (text, end) => {
    if (end >= text.length) return -1;
    tail.lastIndex = end;
    const match = tail.exec(text);
    return match ? end + match[0].length : -1;
  };
}

test('legal-form tails end where the regular expression they replaced ended them', () => {
  const oracle = regexOracle();
  const random = seededRandom(20261201);
  // Pieces of tails, glued at random: forms, joins, spellings of "Co.", spaces, stops, letters.
  // prettier-ignore
  const pieces = [
    'GmbH', 'AG', 'KG', 'KGaA', 'KGAA', 'OHG', 'oHG', 'SE', 'Inc', 'Inc.', 'Ltd', 'Ltd.', 'LTD.',
    'Pty', 'Ltd', 'S.A.', 'S.à r.l.', 'UG', '(haftungsbeschränkt)', 'Sp.', 'z', 'o.o.', 'e.V.', 'PartG',
    'mbB', 'Co', 'Co.', 'CO', 'Cie', 'Cie.', '&', '+', 'und', 'and', ' ', ' ', '  ', '\u00a0', '\n',
    '\u2029', ',', '.', 'x', 'B', 'ä', '_', '3', '-', '😀', '\u0301', 'GMBH', 'gmbh',
  ];
  let tails = 0;
  for (let i = 0; i < 20000; i++) {
    // Most tails begin with a space or a comma and a space.
    let text = ['ACME ', 'ACME, ', 'ACME', 'ACME\u00a0'][Math.floor(random() * 4)] as string;
    const count = 1 + Math.floor(random() * 7);
    for (let k = 0; k < count; k++) text += pieces[Math.floor(random() * pieces.length)];
    const expected = oracle(text, 4);
    if (expected >= 0) tails++;
    assert.equal(legalFormEnd(text, 4), expected, JSON.stringify(text));
  }
  // The generator reaches tails often enough to mean something.
  assert.ok(tails > 3000, `${tails} tails`);
});

test('every form of the list is a tail, alone and before "& Co. KG"', () => {
  const oracle = regexOracle();
  for (const text of [
    'ACME GmbH & Co. KG',
    'ACME AG und Cie',
    'ACME, Inc.',
    'ACME & Co.',
    'ACME Pty  Ltd',
  ]) {
    assert.equal(legalFormEnd(text, 4), oracle(text, 4), text);
    assert.equal(legalFormEnd(text, 4), text.length, text);
  }
});
