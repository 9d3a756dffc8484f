/**
 * From a profile to patterns: every term becomes one or more folded patterns
 * (its spelling, its joined spelling, its stripped spelling), every exclusion
 * phrase one more. Each pattern carries what the checks after a raw match
 * need to know about it.
 */
import type { Brand, Term } from '../profile.ts';
import { SPACE, foldText, isWordCode, type FoldMode } from '../fold.ts';
import { termTextIssue } from '../term-text.ts';
import { isLetterCode } from '../unicode.ts';

/** One pattern of the automaton and where it comes from. */
export interface Entry {
  /** The folded pattern. */
  pattern: string;
  /** An exclusion phrase of `brand` rather than a term. */
  exclude: boolean;
  brand: number;
  /** Index into the brand's terms (or exclusions). */
  term: number;
  /** The term or phrase as typed (trimmed), for "exact" and for messages. */
  text: string;
  /** Separators dropped: "muellerwerke" for "Müller Werke". */
  joined: boolean;
  /** The DIN 5007-1 spelling: "muller" for "Müller". */
  stripped: boolean;
  caseSensitive: boolean;
  compounds: boolean;
  /** Does the pattern begin / end with a word character (then a boundary is needed there)? */
  startsWord: boolean;
  endsWord: boolean;
  /** May a genitive "s" follow (the term ends in a letter)? */
  genitive: boolean;
  /** Case of each pattern code unit (see `Folded.caseCodes`), for case-sensitive terms. */
  caseCodes: Uint8Array;
}

/** Patterns for the main scan (DIN 5007-2 text) and for the 'din1' scan. */
export interface Compiled {
  main: Entry[];
  stripped: Entry[];
  termCount: number;
}

/** `'auto'`: exact case for all-capital terms of one to four letters (SAP, BMW, 3M). */
export function isCaseSensitive(term: Term): boolean {
  if (term.caseSensitive !== 'auto') return term.caseSensitive;
  let letters = 0;
  for (const char of term.text) {
    if (!isLetterCode(char.codePointAt(0)!)) continue;
    if (++letters > 4 || char === char.toLowerCase()) return false;
  }
  return letters > 0;
}

interface Variant {
  pattern: string;
  caseCodes: Uint8Array;
}

/** The folded term without spaces at its ends ("Öko-" folds to "oeko "). */
function variant(text: string, mode: FoldMode, joined: boolean): Variant {
  const f = foldText(text, mode);
  let from = 0;
  let to = f.folded.length;
  while (from < to && f.folded.charCodeAt(from) === SPACE) from++;
  while (to > from && f.folded.charCodeAt(to - 1) === SPACE) to--;
  let pattern = f.folded.slice(from, to);
  let caseCodes = f.caseCodes.slice(from, to);
  if (joined) {
    caseCodes = caseCodes.filter((_, k) => pattern.charCodeAt(k) !== SPACE);
    pattern = pattern.replace(/ /g, '');
  }
  return { pattern, caseCodes };
}

function entry(
  v: Variant,
  base: Omit<Entry, 'pattern' | 'caseCodes' | 'startsWord' | 'endsWord' | 'genitive'>,
): Entry {
  const first = v.pattern.codePointAt(0) ?? 0;
  const lastUnit = v.pattern.charCodeAt(v.pattern.length - 1);
  const lastCp =
    lastUnit >= 0xdc00 && lastUnit <= 0xdfff
      ? (v.pattern.codePointAt(v.pattern.length - 2) ?? 0)
      : lastUnit;
  return {
    ...base,
    pattern: v.pattern,
    caseCodes: v.caseCodes,
    startsWord: isWordCode(first),
    endsWord: isWordCode(lastCp),
    genitive: isLetterCode(lastUnit),
  };
}

/** Compiles the terms and exclusions of `brands` into pattern entries. */
export function compileEntries(brands: readonly Brand[]): Compiled {
  const main: Entry[] = [];
  const stripped: Entry[] = [];
  let termCount = 0;
  brands.forEach((brand, b) => {
    brand.terms.forEach((term, t) => {
      // The block separator can never be part of a hit; in a term it is just a space.
      const text = term.text.replace(/\u2029/g, ' ').trim();
      if (termTextIssue(text) !== null) return;
      const primary = variant(text, 'din2', false);
      if (!primary.pattern) return;
      termCount++;
      const base = {
        exclude: false,
        brand: b,
        term: t,
        text,
        joined: false,
        stripped: false,
        caseSensitive: isCaseSensitive(term),
        compounds: term.compounds,
      };
      const hasSpace = primary.pattern.includes(' ');
      main.push(entry(primary, base));
      if (term.compounds && hasSpace) {
        main.push(entry(variant(text, 'din2', true), { ...base, joined: true }));
      }
      if (!term.stripUmlauts) return;
      // The stripped spelling is looked for in ordinary (DIN 5007-2) text,
      // where it is literal ("Muller"), and in the 'din1' scan of text with
      // umlauts, where "Müller" and "über" read "muller" and "uber".
      for (const joined of hasSpace && term.compounds ? [false, true] : [false]) {
        const s = entry(variant(text, 'din1', joined), { ...base, joined, stripped: true });
        stripped.push(s);
        const ordinary = joined ? variant(text, 'din2', true).pattern : primary.pattern;
        if (s.pattern !== ordinary) main.push(s);
      }
    });
    brand.exclude.forEach((phrase, x) => {
      const text = phrase.replace(/\u2029/g, ' ').trim();
      const v = variant(text, 'din2', false);
      if (!v.pattern) return;
      main.push(
        entry(v, {
          exclude: true,
          brand: b,
          term: x,
          text,
          joined: false,
          stripped: false,
          caseSensitive: false,
          compounds: false,
        }),
      );
    });
  });
  return { main, stripped, termCount };
}
