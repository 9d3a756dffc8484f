/**
 * The hot loop: finds where a match may begin, and from there follows the
 * trie while folding the original text on the fly (without building a folded
 * string). Raw matches come out with exact original offsets: the start is
 * where the walk began, the end is just after the character whose last
 * folded code unit completed the pattern.
 *
 * The folding rules are those of `foldText` in ../fold.ts (scan.test.ts
 * checks that both agree).
 */
import * as fold from '../fold.ts';
import type { FoldMode } from '../fold.ts';
import * as automaton from './automaton.ts';
import type { Automaton } from './automaton.ts';

// Local copies of the imports, read once at load. Where exports are reached
// through an object of getters (esbuild's `__export` for a namespace object, or
// CommonJS output; https://github.com/evanw/esbuild/issues/2636 measured such
// reads at 4x a plain property), a getter call per access would dominate the
// hot loop. (Checked 2026-12-01: with esbuild 0.28, dist/*/content.js builds
// `fold` and `automaton` as such objects.)
const { ASCII_FOLD, DIAERESIS, IGNORE, MULTI, SINGLE, SPACE, UMLAUT, WHITE_SPACE } = fold;
const { foldChar, foldKind, foldMulti, isWordCode } = fold;
const { START_BEGINS, START_IGNORE, START_KNOWN, START_UMLAUT, START_WORD } = automaton;

/** Raw matches: pattern id and original [start, end), in growable typed arrays. */
export class Candidates {
  pattern: Int32Array = new Int32Array(64);
  start: Int32Array = new Int32Array(64);
  end: Int32Array = new Int32Array(64);
  length = 0;

  push(pattern: number, start: number, end: number): void {
    if (this.length === this.pattern.length) {
      const grow = (a: Int32Array): Int32Array => {
        const b = new Int32Array(a.length * 2);
        b.set(a);
        return b;
      };
      this.pattern = grow(this.pattern);
      this.start = grow(this.start);
      this.end = grow(this.end);
    }
    this.pattern[this.length] = pattern;
    this.start[this.length] = start;
    this.end[this.length] = end;
    this.length++;
  }
}

/**
 * Scans `text`, appending every raw match to `out`. Returns whether the text
 * had an umlaut (then a scan in 'din1' mode may find more, see the matcher).
 *
 * A match may begin at a character that some pattern begins with, if that
 * is not a word character or if it begins a word: a name inside a word would
 * fail the boundary check anyway ("Otto" in "Lotto"), so the inside of words
 * is skipped at the cost of one table look-up per character. With
 * `everywhere`, matches inside words are reported too (for `explain`).
 *
 * The flag bits' meanings are in automaton.ts (`START_*`).
 */
export function scan(
  text: string,
  a: Automaton,
  mode: FoldMode,
  out: Candidates,
  everywhere = false,
): boolean {
  const { asciiStart, startInfo, asciiClass, width, next, firstOutput, outStart, outList } = a;
  const din2 = mode === 'din2';
  // Bit arithmetic instead of branches where possible: which characters
  // begin a match is unpredictable, and a mispredicted branch costs more than
  // the rest of the loop. (Measured when the matcher was written, 2026-11-27:
  // this loop is about 1.5x faster than the plain if/else version.)
  const inside = everywhere ? 0 : START_WORD; // must a word character begin a word?
  let prevWord = 0; // START_WORD if the last visible character was a word character
  let seen = 0; // all bits seen, for START_UMLAUT
  for (let i = 0, n = text.length; i < n; i++) {
    const c = text.charCodeAt(i);
    let k: number;
    if (c < 128) k = asciiStart[c]!;
    else {
      k = startInfo[c]!;
      if (k === 0) k = learn(a, c);
      if ((k & START_IGNORE) !== 0) continue; // invisible: not even a word boundary
      seen |= k;
    }
    const begins = ((k & START_BEGINS) >> 1) & ~(k & prevWord & inside);
    prevWord = k & START_WORD;
    if (begins === 0) continue;
    // Follow the trie from here. ASCII is handled inline (a call per word
    // start costs more than the one or two steps most walks take); at the
    // first other character, `walk` starts over from `i` and does it all.
    const mark = out.length;
    let state = 0;
    let lastSpace = 0; // 1 after a space: runs of white space fold to one
    for (let j = i; j < n; j++) {
      const d = text.charCodeAt(j);
      if (d >= 128) {
        out.length = mark;
        walk(text, i, a, din2, out);
        break;
      }
      const ac = asciiClass[d]!; // class * 2, + 1 if it folds to a space
      const space = ac & 1;
      if ((space & lastSpace) !== 0) continue;
      lastSpace = space;
      state = next[state * width + (ac >> 1)]!;
      if (state === 0) break;
      if (state >= firstOutput) {
        for (let o = outStart[state]!, end = outStart[state + 1]!; o < end; o++)
          out.push(outList[o]!, i, j + 1);
      }
    }
  }
  return (seen & START_UMLAUT) !== 0;
}

/** Computes and stores `startInfo` for a code unit met for the first time. */
function learn(a: Automaton, c: number): number {
  const kind = foldKind(c);
  // Spaces and combining marks never begin a pattern; surrogates count as
  // non-word characters, so what follows them may begin a word (the safe side).
  const first =
    kind === SINGLE || kind === UMLAUT
      ? foldChar(c)
      : kind === MULTI
        ? foldMulti(c).charCodeAt(0)
        : -1;
  const info =
    START_KNOWN |
    (kind === IGNORE ? START_IGNORE : 0) |
    (kind === UMLAUT || kind === DIAERESIS ? START_UMLAUT : 0) |
    (isWordCode(c) ? START_WORD : 0) |
    (first >= 0 && a.next[a.classOf[first]!] !== 0 ? START_BEGINS : 0);
  a.startInfo[c] = info;
  return info;
}

/** Follows the trie from `start`, reporting each pattern completed on the way. */
function walk(text: string, start: number, a: Automaton, din2: boolean, out: Candidates): void {
  const { asciiClass, classOf, width, next, firstOutput, outStart, outList } = a;
  let state = 0;
  let lastSpace = 0; // 1 after a space: runs of white space fold to one
  for (let j = start, n = text.length; j < n; j++) {
    const c = text.charCodeAt(j);
    if (c < 128) {
      // Fast path: ASCII folds to exactly one code unit.
      const ac = asciiClass[c]!; // class * 2, + 1 if it folds to a space
      const space = ac & 1;
      if ((space & lastSpace) !== 0) continue;
      lastSpace = space;
      state = next[state * width + (ac >> 1)]!;
      if (state === 0) return;
      if (state >= firstOutput) {
        for (let k = outStart[state]!, end = outStart[state + 1]!; k < end; k++)
          out.push(outList[k]!, start, j + 1);
      }
      continue;
    }

    // Everything else: the folded units of this character, then the same steps.
    const kind = foldKind(c);
    let f: number; // the first folded unit
    let units = 1;
    let multi = ''; // all units, when there is more than one and it is not an umlaut
    if (kind === SINGLE) f = foldChar(c);
    else if (kind === WHITE_SPACE) {
      if (lastSpace !== 0) continue;
      f = SPACE;
    } else if (kind === UMLAUT) {
      f = foldChar(c);
      if (din2) units = 2; // ü → u, e
    } else if (kind === MULTI) {
      multi = foldMulti(c);
      f = multi.charCodeAt(0);
      units = multi.length;
    } else if (kind === DIAERESIS && din2 && isAou(foldedAt(text, j - 1))) {
      f = 0x65; // the "e" of an NFD umlaut: u + U+0308 → u, e
    } else continue; // ignorable, or a combining mark that adds nothing

    for (let u = 0; u < units; u++) {
      const g = u === 0 ? f : multi ? multi.charCodeAt(u) : 0x65;
      state = next[state * width + classOf[g]!]!;
      if (state === 0) return;
    }
    // Only the last unit of a character may end a match: "mu" does not end
    // inside "ü", nor "stras" inside "ß".
    if (state >= firstOutput) {
      for (let k = outStart[state]!, end = outStart[state + 1]!; k < end; k++)
        out.push(outList[k]!, start, j + 1);
    }
    lastSpace = f === SPACE ? 1 : 0;
  }
}

const isAou = (f: number): boolean => f === 0x61 || f === 0x6f || f === 0x75;

/** What the code unit at `j` folds to, if that is one code unit (else 0). */
function foldedAt(text: string, j: number): number {
  const c = text.charCodeAt(j);
  if (c < 128) return ASCII_FOLD[c]!;
  return foldKind(c) === SINGLE ? foldChar(c) : 0;
}
