/**
 * Legal forms that may follow a company name: "ACME GmbH", "ACME GmbH & Co. KG",
 * "ACME, Inc.". A hit on "ACME" grows over such a tail, so the highlight covers
 * the whole company name.
 *
 * Legal forms are matched case-sensitively, in their usual spelling or in
 * capitals ("GmbH", "GMBH"): many are short words too ("AG", "SE", "SA",
 * "as"), and "such as ACME as well" must not become a company "ACME as".
 */

import { isLetterOrNumberCode } from './unicode.ts';

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
/** What joins "Co." to a name or form, and how "Co." is spelled, in the order they are tried. */
const CO_JOINS = ['&', '+', 'und', 'and'];
const CO_SPELLINGS = ['Co.', 'Co', 'CO.', 'CO', 'Cie.', 'Cie'];
/** The code units a join can begin with. */
const CO_JOIN_FIRST = CO_JOINS.map((join) => join.charCodeAt(0));

/**
 * The spellings of `forms`, each also in capitals, longest first (then in
 * the order given): the first that fits, and ends a word, wins.
 */
function spellings(forms: readonly string[]): string[] {
  const all = new Set<string>();
  for (const form of forms) {
    all.add(form);
    all.add(form.toUpperCase());
  }
  return [...all].sort((a, b) => b.length - a.length);
}

/**
 * The spellings of the forms by their first code unit (each list longest
 * first): at a given place only the forms that begin with its character can
 * fit, and trying all hundred of them for every hit followed by a space was
 * most of the matcher's time on a page load (google-desktop-coffee, 2026-12-02).
 */
function byFirstUnit(forms: readonly string[]): Map<number, string[]> {
  const map = new Map<number, string[]>();
  for (const form of forms) {
    const first = form.charCodeAt(0);
    const list = map.get(first);
    if (list) list.push(form);
    else map.set(first, [form]);
  }
  return map;
}

const NO_FORMS: readonly string[] = [];
let tables: { forms: Map<number, string[]>; coTails: string[] } | undefined;

/**
 * White space, but never the block separator (U+2029): JavaScript's `\s`
 * without it, spelled out (this runs for every hit followed by a space).
 */
function isSpace(c: number): boolean {
  return (
    c === 0x20 ||
    (c >= 0x09 && c <= 0x0d) ||
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

function skipSpaces(text: string, at: number): number {
  while (at < text.length && isSpace(text.charCodeAt(at))) at++;
  return at;
}

/** Where `form` ends if it is spelled at `at` (a space in it stands for any run of white space), or -1. */
function spelledAt(text: string, at: number, form: string): number {
  for (let k = 0; k < form.length; k++) {
    const want = form.charCodeAt(k);
    if (want === 0x20) {
      const after = skipSpaces(text, at);
      if (after === at) return -1;
      at = after;
    } else if (text.charCodeAt(at) === want) at++;
    else return -1;
  }
  return at;
}

/** No letter, digit or "_" follows: the tail ends a word. */
function endsWord(text: string, at: number): boolean {
  if (at >= text.length) return true;
  const cp = text.codePointAt(at)!;
  return cp !== 0x5f && !isLetterOrNumberCode(cp);
}

/** The end of a "& Co." tail starting at `at` that ends a word, trying its spellings in order; or -1. */
function coEnd(text: string, at: number, coTails: readonly string[]): number {
  // Nearly every hit followed by a space: one look instead of a try per join.
  if (!CO_JOIN_FIRST.includes(text.charCodeAt(at))) return -1;
  for (const join of CO_JOINS) {
    const joined = spelledAt(text, at, join);
    if (joined < 0) continue;
    const co = skipSpaces(text, joined);
    for (const spelling of CO_SPELLINGS) {
      const end = spelledAt(text, co, spelling);
      if (end < 0) continue;
      const tail = skipSpaces(text, end);
      for (const form of coTails) {
        const formEnd = spelledAt(text, tail, form);
        if (formEnd >= 0 && endsWord(text, formEnd)) return formEnd;
      }
      if (endsWord(text, end)) return end;
    }
  }
  return -1;
}

/**
 * If a legal form starts right after `end` in `text` (after white space or a
 * comma), returns where it ends; otherwise -1. The spellings are tried as a
 * regular expression would try `,?\s+(?:FORM(?:\s*CO)?|CO)(?![\p{L}\p{N}_])`
 * with the forms longest first; written out because compiling that
 * expression (a Unicode property class, a hundred alternatives) cost a few
 * milliseconds on every page load.
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
  const at = next === 0x2c ? end + 1 : end;
  const start = skipSpaces(text, at);
  if (start === at) return -1;
  tables ??= { forms: byFirstUnit(spellings(FORMS)), coTails: spellings(CO_TAILS) };
  for (const form of tables.forms.get(text.charCodeAt(start)) ?? NO_FORMS) {
    const formEnd = spelledAt(text, start, form);
    if (formEnd < 0) continue;
    const co = coEnd(text, skipSpaces(text, formEnd), tables.coTails);
    if (co >= 0) return co;
    if (endsWord(text, formEnd)) return formEnd;
  }
  return coEnd(text, start, tables.coTails);
}
