/**
 * Checks on the original text around a raw match: word boundaries (Unicode
 * aware: ä, ß and é are letters here, unlike in JavaScript's \b), combining
 * marks after the match, and the genitive "s".
 */
import { DIAERESIS, MARK, foldKind, isIgnorable, isWordCode } from '../fold.ts';

/** An ASCII word character: \w. */
const asciiWord = (c: number): boolean =>
  (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39) || c === 0x5f;

const isHigh = (c: number): boolean => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number): boolean => c >= 0xdc00 && c <= 0xdfff;

/** Is there a word character just before `i` (soft hyphens and zero-width characters skipped)? */
export function wordBefore(text: string, i: number): boolean {
  for (let j = i - 1; j >= 0; j--) {
    const c = text.charCodeAt(j);
    if (c < 128) return asciiWord(c);
    if (isIgnorable(c)) continue;
    if (isLow(c) && j > 0 && isHigh(text.charCodeAt(j - 1)))
      return isWordCode(text.codePointAt(j - 1)!);
    return isWordCode(c);
  }
  return false;
}

/** Is there a word character at `i` (soft hyphens and zero-width characters skipped)? */
export function wordAt(text: string, i: number): boolean {
  for (let j = i; j < text.length; j++) {
    const c = text.charCodeAt(j);
    if (c < 128) return asciiWord(c);
    if (isIgnorable(c)) continue;
    return isWordCode(isHigh(c) ? text.codePointAt(j)! : c);
  }
  return false;
}

/**
 * Combining marks right after a match belong to its last letter: "Peru" +
 * U+0301 is "Perú", and the hit grows over the mark. Returns the new end, or
 * -1 if the marks change the letter's folded spelling (u + U+0308 is "ue", so
 * "Mu" does not end there).
 */
export function afterMarks(text: string, end: number, din2: boolean, lastFolded: number): number {
  let j = end;
  for (; j < text.length; j++) {
    const kind = foldKind(text.charCodeAt(j));
    if (kind === DIAERESIS) {
      if (din2 && (lastFolded === 0x61 || lastFolded === 0x6f || lastFolded === 0x75)) return -1;
    } else if (kind !== MARK) break;
  }
  return j;
}

const APOSTROPHES = "'\u2019\u02bc\u2018`\u00b4";

/**
 * The end of a genitive or possessive "s" right after `end` ("Ottos",
 * "Otto's", "Otto’s"), or -1. A capital "S" counts only after a capital
 * ("SAP'S"), and the "s" must end the word.
 */
export function genitiveEnd(text: string, end: number): number {
  let j = end;
  if (j < text.length && APOSTROPHES.includes(text.charAt(j))) j++;
  const s = text.charCodeAt(j);
  if (s !== 0x73 && s !== 0x53) return -1;
  if (s === 0x53) {
    const before = text.charAt(end - 1);
    if (before === before.toLowerCase()) return -1;
  }
  return wordAt(text, j + 1) ? -1 : j + 1;
}
