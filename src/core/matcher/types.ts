/**
 * The matcher's types, shared by its face (../matcher.ts) and the checks
 * after a raw match (verify.ts).
 */

/** The character the content script puts between blocks; no hit may cross it. */
export const BLOCK_SEPARATOR = '\u2029';

/**
 * Why a hit matched, for the "explain" UI. The first entries say how the name
 * was spelled (`exact`, `folded`, `stripped`: without umlauts, `joined`:
 * without separators); a last entry may name what followed it (`genitive`,
 * `legal-form`, or `compound`: the name starts a longer word).
 */
export type MatchHow =
  'exact' | 'folded' | 'stripped' | 'genitive' | 'legal-form' | 'compound' | 'joined';

/** One highlighted name. */
export interface MatchHit {
  /** UTF-16 offset in the original string passed to `find()`, inclusive. */
  start: number;
  /** Exclusive; `text.slice(start, end)` is the highlighted name, with its legal form or genitive "s". */
  end: number;
  /** Index into the brands given to `compileMatcher`. */
  brandIndex: number;
  /** Index into `brands[brandIndex].terms`. */
  termIndex: number;
  /** Why it matched, e.g. `['folded', 'legal-form']`. */
  how: MatchHow[];
}

/**
 * What became of a candidate: a `hit`; cancelled by an exclusion phrase; part
 * of a longer word; wrong case for a case-sensitive term; or lost to a
 * longer (or earlier) overlapping hit.
 */
export type Verdict = 'hit' | 'excluded' | 'not-whole-word' | 'case-mismatch' | 'overlapped';

/**
 * A candidate with its verdict, for the options page's "try it" panel, which
 * says why in the user's language from `verdict`, `how` and `excludedBy`.
 */
export interface Explanation extends MatchHit {
  verdict: Verdict;
  /** The exclusion phrase, when `verdict` is `excluded`. */
  excludedBy?: string;
}

/** A compiled profile. */
export interface BrandMatcher {
  /** All hits, sorted by start, non-overlapping. Cheap to call many thousands of times on short strings. */
  find(text: string): MatchHit[];
  /** Every candidate with its verdict, sorted by start, for the options page's "try it" panel. */
  explain(text: string): Explanation[];
  /** Number of usable terms compiled. */
  readonly termCount: number;
}
