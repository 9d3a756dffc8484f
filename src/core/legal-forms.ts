/**
 * Legal forms that may follow a company name: "ACME GmbH", "ACME GmbH & Co. KG",
 * "ACME, Inc.". A hit on "ACME" grows over such a tail, so the highlight covers
 * the whole company name.
 *
 * Legal forms are matched case-sensitively, in their usual spelling or in
 * capitals ("GmbH", "GMBH"): many are short words too ("AG", "SE", "SA",
 * "as"), and "such as ACME as well" must not become a company "ACME as".
 */

/** Usual spellings; a space stands for any run of white space (not crossing blocks). */
// prettier-ignore
const FORMS = [
  // Germany, Austria, Switzerland
  'GmbH', 'gGmbH', 'mbH', 'AG', 'SE', 'KG', 'KGaA', 'OHG', 'oHG', 'GbR', 'eG', 'e.G.', 'e.K.',
  'e.Kfm.', 'e.Kfr.', 'e.V.', 'UG (haftungsbeschränkt)', 'UG (haftungsbeschraenkt)', 'UG',
  'PartG', 'PartG mbB', 'VVaG', 'GesmbH', 'Ges.m.b.H.', 'GesbR',
  // English-speaking countries
  'Ltd.', 'Ltd', 'Limited', 'Inc.', 'Inc', 'Incorporated', 'LLC', 'L.L.C.', 'LLP', 'L.P.', 'LP',
  'plc', 'Plc', 'Corp.', 'Corp', 'Corporation', 'Co.', 'Pty Ltd', 'Pty. Ltd.', 'Pte. Ltd.',
  'Pte Ltd',
  // Romance languages
  'S.A.', 'SA', 'S.A.S.', 'SAS', 'SARL', 'S.à r.l.', 'S.a.r.l.', 'S.p.A.', 'SpA', 'S.r.l.', 'Srl',
  'S.L.', 'S.A.U.', 'Lda.', 'Ltda.',
  // Benelux, Nordic, Central and Eastern Europe, Japan
  'B.V.', 'BV', 'N.V.', 'NV', 'AB', 'ASA', 'A/S', 'ApS', 'Oy', 'Oyj', 'Kft.', 'Zrt.', 's.r.o.',
  'a.s.', 'Sp. z o.o.', 'd.o.o.', 'K.K.',
];

/** Partnership forms that follow "& Co." ("GmbH & Co. KG"). */
const CO_TAILS = ['KGaA', 'KG', 'OHG', 'oHG'];

const WS = '[^\\S\\u2029]'; // white space, but never the block separator
const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
const toSource = (form: string): string => escape(form).replace(/ /g, `${WS}+`);

function alternatives(forms: readonly string[]): string {
  const all = new Set<string>();
  for (const form of forms) {
    all.add(form);
    all.add(form.toUpperCase());
  }
  // Longest first: a regex alternation takes the first alternative that fits.
  return [...all]
    .sort((a, b) => b.length - a.length)
    .map(toSource)
    .join('|');
}

const CO = `(?:&|\\+|und|and)${WS}*(?:Co\\.?|CO\\.?|Cie\\.?)(?:${WS}*(?:${alternatives(CO_TAILS)}))?`;
const TAIL = new RegExp(
  `,?${WS}+(?:(?:${alternatives(FORMS)})(?:${WS}*${CO})?|${CO})(?![\\p{L}\\p{N}_])`,
  'uy',
);

/**
 * If a legal form starts right after `end` in `text` (after white space or a
 * comma), returns where it ends; otherwise -1.
 */
export function legalFormEnd(text: string, end: number): number {
  if (end >= text.length) return -1;
  const next = text.charCodeAt(end);
  // Fast exit: a tail always starts with white space or a comma.
  if (
    next !== 0x20 &&
    next !== 0x2c &&
    next !== 0xa0 &&
    !(next <= 0x0d && next >= 0x09) &&
    next < 0x2000
  ) {
    return -1;
  }
  TAIL.lastIndex = end;
  const match = TAIL.exec(text);
  return match ? end + match[0].length : -1;
}
