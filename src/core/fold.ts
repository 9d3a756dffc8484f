/**
 * Folding: turns text into the form names are compared in.
 *
 * - full case folding (ß → ss, ẞ → ss, İ/ı → i, ﬁ → fi, ς → σ);
 * - German umlauts by DIN 5007-2 ("phone book": ä → ae, ö → oe, ü → ue) or,
 *   in `'din1'` mode, by DIN 5007-1 (ä → a); NFC and NFD spellings fold alike;
 * - every other diacritic dropped (é → e, ł → l, ø → o);
 * - every run of white space and dashes becomes one space (so "Müller-Werke",
 *   "Müller – Werke" and "Müller\u00a0Werke" all fold to "mueller werke");
 * - curly apostrophes become "'";
 * - soft hyphens, zero-width and bidi control characters disappear.
 *
 * The matcher folds on the fly while it scans (see matcher/scan.ts) using the
 * per-code-unit tables below; `foldText` is the same thing materialised, with
 * an offset map back to the original, for terms, tests and the rare slow path.
 * Both must follow the same rules: keep them together here.
 */

import { categoryOf, isMarkCode } from './unicode.ts';

/** `'din2'`: ä → ae (the default); `'din1'`: ä → a (the "stripped" spelling). */
export type FoldMode = 'din2' | 'din1';

/**
 * What one UTF-16 code unit folds to; see `foldKind`. Plain numbers (not an
 * enum) so the scanner's hot loop compares small integers.
 */
export type Kind = number;
// 0: not computed yet (internal).
/** One folded code unit: `foldChar(c)`. */
export const SINGLE = 1;
/** Several folded code units: `foldMulti(c)` (ß → "ss"). */
export const MULTI = 2;
/** Dropped without trace (soft hyphen, zero-width space). */
export const IGNORE = 3;
/** White space or a dash: one space per run. */
export const WHITE_SPACE = 4;
/** A combining mark: dropped, belongs to the character before it. */
export const MARK = 5;
/** ä, ö, ü (either case): base letter `foldChar(c)`, then "e" in DIN 5007-2. */
export const UMLAUT = 6;
/** U+0308 COMBINING DIAERESIS: like MARK, but "e" after a/o/u in DIN 5007-2. */
export const DIAERESIS = 7;

/** The folded space. */
export const SPACE = 0x20;
/** The paragraph separator; never folded into anything else. */
const PARAGRAPH_SEPARATOR = 0x2029;

// Lazily filled tables over all 65,536 code units (192 KB, shared by every
// matcher). A code unit's entry is computed the first time it is seen; the
// tables themselves are made then too (empty until, so that a frame that
// never matches anything does not make them: an out-of-range read is
// undefined, which reads as "not computed").
let KIND = new Uint8Array(0);
let CHAR = new Uint16Array(0);
const MULTI_TEXT = new Map<number, string>();

// prettier-ignore
const IGNORABLE = new Set([
  0x00ad, 0x034f, 0x061c, 0x180e, 0x200b, 0x200c, 0x200d, 0x200e, 0x200f, 0x202a, 0x202b, 0x202c,
  0x202d, 0x202e, 0x2060, 0x2061, 0x2062, 0x2063, 0x2064, 0x2066, 0x2067, 0x2068, 0x2069, 0xfeff,
]);
// prettier-ignore
const DASHES = new Set([
  0x2d, 0x2010, 0x2011, 0x2012, 0x2013, 0x2014, 0x2015, 0x2212, 0x2e3a, 0x2e3b, 0xfe58, 0xfe63,
  0xff0d,
]);
const APOSTROPHES = new Set([0x60, 0xb4, 0x2018, 0x2019, 0x201b, 0x2032, 0x02bc, 0xff07]);
/** Letters that have no canonical decomposition but a conventional ASCII spelling. */
// prettier-ignore
const SPECIAL: Record<string, string> = {
  ß: 'ss', ø: 'o', ł: 'l', đ: 'd', ħ: 'h', ŧ: 't', æ: 'ae', œ: 'oe', þ: 'th', ð: 'd', ı: 'i',
  ĳ: 'ij', ŀ: 'l', ʼ: "'",
};
const UMLAUT_NFD = /^[aou]\u0308$/;
const WHITE = /\s/;

function set(c: number, kind: Kind, folded = ''): Kind {
  if (KIND.length === 0) {
    KIND = new Uint8Array(0x10000);
    CHAR = new Uint16Array(0x10000);
  }
  KIND[c] = kind;
  if (folded.length === 1) CHAR[c] = folded.charCodeAt(0);
  else if (folded.length > 1) MULTI_TEXT.set(c, folded);
  return kind;
}

function compute(c: number): Kind {
  if (c >= 0xd800 && c <= 0xdfff) return set(c, SINGLE, String.fromCharCode(c));
  if (IGNORABLE.has(c)) return set(c, IGNORE);
  if (c === PARAGRAPH_SEPARATOR) return set(c, SINGLE, '\u2029');
  const s = String.fromCharCode(c);
  if (WHITE.test(s) || DASHES.has(c)) return set(c, WHITE_SPACE, ' ');
  if (APOSTROPHES.has(c)) return set(c, SINGLE, "'");
  if (c === 0x0308) return set(c, DIAERESIS);
  if (isMarkCode(c)) return set(c, MARK);
  // Fullwidth ASCII (Ａ, ｂ, ！) folds like the ASCII it stands for.
  if (c >= 0xff01 && c <= 0xff5e) {
    const kind = foldKind(c - 0xfee0);
    return set(c, kind, kind === WHITE_SPACE ? ' ' : String.fromCharCode(CHAR[c - 0xfee0]!));
  }
  // Upper then lower case approximates Unicode full case folding without a
  // table: "ß" → "SS" → "ss", "ﬁ" → "FI" → "fi", "ς" → "Σ" → "σ".
  const decomposed = s.toUpperCase().toLowerCase().normalize('NFD');
  if (UMLAUT_NFD.test(decomposed)) return set(c, UMLAUT, decomposed.charAt(0));
  let folded = '';
  for (const ch of decomposed) if (!isMarkCode(ch.codePointAt(0)!)) folded += SPECIAL[ch] ?? ch;
  if (folded === '') return set(c, IGNORE);
  return set(c, folded.length === 1 ? SINGLE : MULTI, folded);
}

/** How code unit `c` folds (computing and caching it on first sight). */
export function foldKind(c: number): Kind {
  // 0 (not computed) or undefined (no tables yet): compute it.
  return KIND[c] || compute(c);
}

/** The folded code unit for the SINGLE kind, and the base letter for UMLAUT. */
export function foldChar(c: number): number {
  return CHAR[c]!;
}

/** The folded text for the MULTI kind. */
export function foldMulti(c: number): string {
  return MULTI_TEXT.get(c) ?? '';
}

/**
 * ASCII folded in advance: the hot path of the scanner never calls
 * `foldKind` for it. Written out rather than computed with `foldKind`, which
 * would run the slow path 128 times as each frame starts (fold.test.ts
 * checks both agree): white space and "-" fold to a space, "`" to "'",
 * capitals to small letters.
 */
export const ASCII_FOLD: Uint16Array = (() => {
  const table = new Uint16Array(128);
  for (let c = 0; c < 128; c++) {
    table[c] =
      c === 0x20 || (c >= 0x09 && c <= 0x0d) || c === 0x2d
        ? SPACE
        : c === 0x60
          ? 0x27
          : c >= 0x41 && c <= 0x5a
            ? c + 0x20
            : c;
  }
  return table;
})();

// ---------------------------------------------------------------------------
// Word characters

/**
 * Is code point `cp` part of a word? Letters (any script, so ä, ß, é too),
 * digits, combining marks and "_" — unlike JavaScript's \b, which only knows ASCII.
 */
export function isWordCode(cp: number): boolean {
  return cp === 0x5f || categoryOf(cp) !== 0;
}

/** Characters that vanish in folding: soft hyphen, zero-width and bidi controls. */
export function isIgnorable(c: number): boolean {
  return foldKind(c) === IGNORE;
}

// ---------------------------------------------------------------------------
// Materialised folding

/** Folded text with maps back to the original. */
export interface Folded {
  folded: string;
  /** For each folded code unit, where its source starts in the original. */
  toOriginal: Int32Array;
  /** For each folded code unit, where its source ends (exclusive) in the original. */
  toOriginalEnd: Int32Array;
  /**
   * For each folded code unit, the case of its source: 0 caseless, 1 lower, 2 upper.
   * Code units after the first of an expansion (the second "s" of "ß", the "e"
   * of "ü") are caseless, so "ÜBER" and "UEBER" have comparable cases.
   */
  caseCodes: Uint8Array;
}

function caseCode(c: number): number {
  if (c < 128) return c >= 0x41 && c <= 0x5a ? 2 : c >= 0x61 && c <= 0x7a ? 1 : 0;
  if (c === 0xdf || c === 0x1e9e) return 0; // ß has no case of its own in practice
  const s = String.fromCharCode(c);
  if (s !== s.toLowerCase()) return 2;
  if (s !== s.toUpperCase()) return 1;
  return 0;
}

const isAou = (f: number): boolean => f === 0x61 || f === 0x6f || f === 0x75;

/**
 * Folds `text` (see the top of this file) and maps every folded code unit
 * back to the original. White space at the start is dropped; a run of white
 * space elsewhere becomes one space mapped to the whole run.
 */
export function foldText(text: string, mode: FoldMode = 'din2'): Folded {
  const chars: number[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  const cases: number[] = [];
  const push = (f: number, start: number, end: number, cc: number): void => {
    chars.push(f);
    starts.push(start);
    ends.push(end);
    cases.push(cc);
  };
  let lastSpace = true;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const kind = foldKind(c);
    const last = chars.length - 1;
    if (kind === IGNORE) continue;
    if (kind === WHITE_SPACE) {
      if (lastSpace) {
        if (last >= 0) ends[last] = i + 1;
      } else push(SPACE, i, i + 1, 0);
      lastSpace = true;
      continue;
    }
    if (kind === MARK || kind === DIAERESIS) {
      // A combining mark belongs to the letter before it.
      if (last < 0 || ends[last] !== i || chars[last] === SPACE) continue;
      const start = starts[last]!;
      for (let k = last; k >= 0 && starts[k] === start; k--) ends[k] = i + 1;
      if (kind === DIAERESIS && mode === 'din2' && isAou(chars[last]!)) {
        push(0x65, start, i + 1, 0);
      }
      continue;
    }
    lastSpace = false;
    const cc = caseCode(c);
    if (kind === SINGLE) push(foldChar(c), i, i + 1, cc);
    else if (kind === UMLAUT) {
      push(foldChar(c), i, i + 1, cc);
      if (mode === 'din2') push(0x65, i, i + 1, 0);
    } else {
      const multi = foldMulti(c);
      for (let k = 0; k < multi.length; k++) push(multi.charCodeAt(k), i, i + 1, k === 0 ? cc : 0);
    }
  }
  let folded = '';
  for (let k = 0; k < chars.length; k += 4096) {
    folded += String.fromCharCode(...chars.slice(k, k + 4096));
  }
  return {
    folded,
    toOriginal: Int32Array.from(starts),
    toOriginalEnd: Int32Array.from(ends),
    caseCodes: Uint8Array.from(cases),
  };
}

/** Just the folded string. */
export function fold(text: string, mode: FoldMode = 'din2'): string {
  return foldText(text, mode).folded;
}
