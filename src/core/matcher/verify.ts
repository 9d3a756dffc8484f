/**
 * From raw automaton matches to verdicts: boundaries, tails (legal form,
 * genitive), case, exclusions, and finally overlaps.
 */
import { foldText, type FoldMode } from '../fold.ts';
import { legalFormEnd } from '../legal-forms.ts';
import { afterMarks, genitiveEnd, wordAt, wordBefore } from './boundary.ts';
import type { Entry } from './compile.ts';
import type { MatchHow, Verdict } from './types.ts';

/** A candidate hit on its way through the checks. */
export interface Candidate {
  start: number;
  /** End including the legal-form or genitive tail. */
  end: number;
  /** End of the name itself. */
  coreEnd: number;
  entry: Entry;
  how: MatchHow[];
  verdict: Verdict;
  excludedBy?: string;
}

/** An occurrence of an exclusion phrase. */
export interface Exclusion {
  brand: number;
  start: number;
  end: number;
  text: string;
}

function sameCase(text: string, start: number, end: number, entry: Entry, mode: FoldMode): boolean {
  const codes = foldText(text.slice(start, end), mode).caseCodes;
  const want = entry.caseCodes;
  if (codes.length !== want.length) return false;
  for (let k = 0; k < codes.length; k++) {
    const a = codes[k]!;
    const b = want[k]!;
    if (a !== 0 && b !== 0 && a !== b) return false;
  }
  return true;
}

/**
 * Checks one raw match [start, end) of `entry`. Returns null where there is
 * no candidate at all (the match splits a letter), or, unless `all` is set,
 * where the candidate fails.
 */
export function verify(
  text: string,
  entry: Entry,
  start: number,
  end: number,
  mode: FoldMode,
  all: boolean,
): Candidate | null {
  const coreEnd = afterMarks(
    text,
    end,
    mode === 'din2',
    entry.pattern.charCodeAt(entry.pattern.length - 1),
  );
  if (coreEnd < 0) return null;
  let verdict: Verdict = 'hit';
  let tailEnd = coreEnd;
  let tail: MatchHow | null = null;
  const g = entry.genitive ? genitiveEnd(text, coreEnd) : -1;
  if (entry.startsWord && wordBefore(text, start)) verdict = 'not-whole-word';
  else if (g >= 0) {
    tailEnd = g;
    tail = 'genitive';
  } else if (entry.endsWord && wordAt(text, coreEnd)) {
    if (entry.compounds) tail = 'compound';
    else verdict = 'not-whole-word';
  } else {
    const l = legalFormEnd(text, coreEnd);
    if (l >= 0) {
      tailEnd = l;
      tail = 'legal-form';
    }
  }
  if (verdict === 'hit' && entry.caseSensitive && !sameCase(text, start, coreEnd, entry, mode)) {
    verdict = 'case-mismatch';
  }
  if (verdict !== 'hit' && !all) return null;

  const how: MatchHow[] = [];
  if (entry.stripped) how.push('stripped');
  if (entry.joined) how.push('joined');
  if (how.length === 0) how.push(text.slice(start, coreEnd) === entry.text ? 'exact' : 'folded');
  if (tail) how.push(tail);
  return { start, end: tailEnd, coreEnd, entry, how, verdict };
}

/** Cancels hits that lie inside an exclusion phrase of their brand. */
export function applyExclusions(
  candidates: readonly Candidate[],
  exclusions: readonly Exclusion[],
): void {
  for (const c of candidates) {
    if (c.verdict !== 'hit') continue;
    const x = exclusions.find(
      (x) => x.brand === c.entry.brand && x.start <= c.start && c.coreEnd <= x.end,
    );
    if (x) {
      c.verdict = 'excluded';
      c.excludedBy = x.text;
    }
  }
}

/**
 * Keeps non-overlapping hits, longest first (then leftmost, then the first
 * brand and term of the profile); the others become 'overlapped'. Returns the
 * kept hits sorted by start.
 */
export function resolveOverlaps(candidates: readonly Candidate[]): Candidate[] {
  const hits = candidates.filter((c) => c.verdict === 'hit');
  if (hits.length < 2) return hits;
  hits.sort(
    (a, b) =>
      b.end - b.start - (a.end - a.start) ||
      a.start - b.start ||
      a.entry.brand - b.entry.brand ||
      a.entry.term - b.entry.term,
  );
  const kept: Candidate[] = []; // sorted by start, disjoint
  for (const h of hits) {
    let lo = 0;
    let hi = kept.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (kept[mid]!.start < h.start) lo = mid + 1;
      else hi = mid;
    }
    const before = kept[lo - 1];
    const after = kept[lo];
    const winner =
      before && before.end > h.start ? before : after && after.start < h.end ? after : null;
    if (winner) h.verdict = 'overlapped';
    else kept.splice(lo, 0, h);
  }
  return kept;
}
