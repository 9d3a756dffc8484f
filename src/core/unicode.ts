/**
 * The Unicode general category of a code point, as far as matching needs it:
 * letter, number, mark or none. For the Basic Multilingual Plane from the
 * generated ranges in ./unicode-tables.ts (no regex: compiling a
 * Unicode-property regex costs 1–4 ms, paid in every frame of every page
 * load); above it, rare on pages, a regex made on first use.
 */
import { BMP_CATEGORY_RANGES } from './unicode-tables.ts';

export const LETTER = 1;
export const NUMBER = 2;
export const MARK = 4;
/** Set on a cached answer (0: not looked up yet). */
const KNOWN = 8;

/** Made on the first look-up, not as a frame starts. */
let cache: Uint8Array | null = null;
let astral: { letter: RegExp; number: RegExp; mark: RegExp } | undefined;

/** Binary search over the ranges (three code units each: first, last, category). */
function lookUp(c: number): number {
  const ranges = BMP_CATEGORY_RANGES;
  let lo = 0;
  let hi = ranges.length / 3 - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const at = mid * 3;
    if (c < ranges.charCodeAt(at)) hi = mid - 1;
    else if (c > ranges.charCodeAt(at + 1)) lo = mid + 1;
    else return ranges.charCodeAt(at + 2);
  }
  return 0;
}

/** LETTER, NUMBER, MARK or 0 for code point `cp`. */
export function categoryOf(cp: number): number {
  if (cp < 0x10000) {
    cache ??= new Uint8Array(0x10000);
    const known = cache[cp]!;
    if (known !== 0) return known & ~KNOWN;
    const category = lookUp(cp);
    cache[cp] = category | KNOWN;
    return category;
  }
  astral ??= { letter: /\p{L}/u, number: /\p{N}/u, mark: /\p{M}/u };
  const s = String.fromCodePoint(cp);
  return astral.letter.test(s)
    ? LETTER
    : astral.number.test(s)
      ? NUMBER
      : astral.mark.test(s)
        ? MARK
        : 0;
}

export const isLetterCode = (cp: number): boolean => categoryOf(cp) === LETTER;
export const isMarkCode = (cp: number): boolean => categoryOf(cp) === MARK;
/** A letter or a digit of any script (what makes a term usable). */
export const isLetterOrNumberCode = (cp: number): boolean =>
  (categoryOf(cp) & (LETTER | NUMBER)) !== 0;
