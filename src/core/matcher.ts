/**
 * The brand matcher: compile a profile once, then find every name in a text
 * in one pass.
 *
 * How it works (details in ./matcher/):
 * 1. compile.ts folds every term (see fold.ts: case, umlauts, diacritics,
 *    separators) into patterns; automaton.ts builds one trie over all of
 *    them, however many there are (not Aho–Corasick: no failure links, see
 *    docs/design-notes.md).
 * 2. scan.ts folds the text on the fly and enters the trie wherever a name
 *    may begin, and maps every raw match back to exact offsets in the
 *    original text.
 * 3. verify.ts checks each raw match against the original text: Unicode word
 *    boundaries, compounds, genitive "s", legal-form tails, case, exclusions,
 *    and finally keeps the longest of overlapping hits.
 *
 * Text with umlauts is scanned a second time in DIN 5007-1 form ("über" reads
 * "uber") when, and only when, some term asks for the stripped spelling.
 */
import type { Brand } from './profile.ts';
import { buildAutomaton, type Automaton } from './matcher/automaton.ts';
import { compileEntries, type Entry } from './matcher/compile.ts';
import { Candidates, scan } from './matcher/scan.ts';
import { wordBefore } from './matcher/boundary.ts';
import {
  applyExclusions,
  resolveOverlaps,
  verify,
  type Candidate,
  type Exclusion,
} from './matcher/verify.ts';
import type { FoldMode } from './fold.ts';
import type { BrandMatcher, Explanation, MatchHit } from './matcher/types.ts';
import {
  decodePass,
  encodePass,
  MATCHER_DATA_FORMAT,
  type MatcherData,
  type PassData,
} from './matcher/transfer.ts';

export type { BrandMatcher, Explanation, MatchHit, MatchHow, Verdict } from './matcher/types.ts';
export { MATCHER_DATA_FORMAT, type MatcherData } from './matcher/transfer.ts';
/** For the options page: does a term match case (its `'auto'` resolved)? */
export { isCaseSensitive } from './matcher/compile.ts';
/** The one rule for usable term text (the matcher skips any other). */
export { termTextIssue, type TermTextIssue } from './term-text.ts';

export { BLOCK_SEPARATOR } from './matcher/types.ts';

/** Shared empty result inside the matcher (never handed out: find() makes its own array). */
const NOTHING: readonly Candidate[] = [];

/** One automaton with its entries and scratch space. */
class Pass {
  /** Raw matches of the current text (reused from call to call). */
  readonly raw = new Candidates();

  constructor(
    readonly entries: readonly Entry[],
    readonly mode: FoldMode,
    readonly automaton: Automaton = buildAutomaton(entries.map((e) => e.pattern)),
  ) {}
}

class Matcher implements BrandMatcher {
  constructor(
    readonly termCount: number,
    private readonly main: Pass | null,
    private readonly stripped: Pass | null,
  ) {}

  /** The matcher as data (see ./matcher/transfer.ts). */
  data(): MatcherData {
    return {
      format: MATCHER_DATA_FORMAT,
      termCount: this.termCount,
      main: this.main && encodePass(this.main.entries, this.main.automaton),
      stripped: this.stripped && encodePass(this.stripped.entries, this.stripped.automaton),
    };
  }

  find(text: string): MatchHit[] {
    const kept = this.collect(text, false);
    if (kept.length === 0) return [];
    return kept.map((c) => ({
      start: c.start,
      end: c.end,
      brandIndex: c.entry.brand,
      termIndex: c.entry.term,
      how: c.how,
    }));
  }

  explain(text: string): Explanation[] {
    const all: Candidate[] = [];
    this.collect(text, true, all);
    return all
      .sort((a, b) => a.start - b.start || b.end - a.end)
      .map((c) => {
        const e: Explanation = {
          start: c.start,
          end: c.end,
          brandIndex: c.entry.brand,
          termIndex: c.entry.term,
          how: c.how,
          verdict: c.verdict,
        };
        if (c.excludedBy !== undefined) e.excludedBy = c.excludedBy;
        return e;
      });
  }

  /** The kept hits, sorted; with `sink`, every candidate is also pushed there. */
  private collect(text: string, explain: boolean, sink?: Candidate[]): readonly Candidate[] {
    const main = this.main;
    if (!main) return NOTHING;
    main.raw.length = 0;
    // find() lets the scanner skip the inside of words; explain() shows those candidates too.
    const sawUmlaut = scan(text, main.automaton, main.mode, main.raw, explain);
    const second = sawUmlaut ? this.stripped : null;
    if (second) {
      second.raw.length = 0;
      scan(text, second.automaton, second.mode, second.raw, explain);
    }
    // The common case on a page: nothing at all.
    if (main.raw.length === 0 && (!second || second.raw.length === 0)) return NOTHING;

    const exclusions: Exclusion[] = [];
    const candidates: Candidate[] = sink ?? [];
    // The same span of the same term can come from both scans; keep one.
    const seen = second ? new Set<string>() : null;
    for (const pass of second ? [main, second] : [main]) {
      const { raw, entries } = pass;
      for (let k = 0; k < raw.length; k++) {
        const entry = entries[raw.pattern[k]!]!;
        const start = raw.start[k]!;
        const end = raw.end[k]!;
        if (entry.exclude) {
          if (!(entry.startsWord && wordBefore(text, start))) {
            exclusions.push({ brand: entry.brand, start, end, text: entry.text });
          }
          continue;
        }
        if (seen) {
          const key = `${start},${end},${entry.brand},${entry.term}`;
          if (seen.has(key)) continue;
          seen.add(key);
        }
        const c = verify(text, entry, start, end, pass.mode, explain);
        if (c) candidates.push(c);
      }
    }
    if (exclusions.length > 0) applyExclusions(candidates, exclusions);
    return resolveOverlaps(candidates);
  }
}

function compile(brands: readonly Brand[]): Matcher {
  const compiled = compileEntries(brands);
  return new Matcher(
    compiled.termCount,
    compiled.main.length > 0 ? new Pass(compiled.main, 'din2') : null,
    compiled.stripped.length > 0 ? new Pass(compiled.stripped, 'din1') : null,
  );
}

/** Compiles `brands` once; the result is reused for every text. Unusable terms are skipped. */
export function compileMatcher(brands: readonly Brand[]): BrandMatcher {
  return compile(brands);
}

/**
 * Compiles `brands` into data that can be stored and sent as JSON, for
 * `matcherFromData` (the worker compiles once per change of settings; each
 * content script only decodes).
 */
export function compileMatcherData(brands: readonly Brand[]): MatcherData {
  return compile(brands).data();
}

/** The matcher `compileMatcherData` described; null for data of another format. */
export function matcherFromData(data: MatcherData): BrandMatcher | null {
  if (data.format !== MATCHER_DATA_FORMAT) return null;
  const pass = (d: PassData | null, mode: FoldMode): Pass | null => {
    if (!d) return null;
    const { entries, automaton } = decodePass(d);
    return new Pass(entries, mode, automaton);
  };
  return new Matcher(data.termCount, pass(data.main, 'din2'), pass(data.stripped, 'din1'));
}
