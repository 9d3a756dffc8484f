/**
 * All patterns of a profile in one trie over folded text, as a dense table.
 *
 * Every folded code unit that occurs in some pattern gets a small class
 * number (all others share class 0), and the table holds one row of `width`
 * child states per state (0: no child; the root is state 0 and never a child).
 * Following the trie is one table look-up per code unit, however many
 * patterns there are: 1,000 terms cost the same per character as 10, only
 * the table is bigger.
 *
 * Why a trie and not a full Aho–Corasick automaton: a name must begin a word
 * (or begin with a non-word character such as "(" or "."), so the scanner
 * only ever starts matching at such places, and a match that has started
 * mid-word would be thrown away anyway. Starting from the root at each
 * possible beginning needs no failure links, and lets the scanner skip the
 * inside of words without looking anything up (see scan.ts).
 */
import { ASCII_FOLD, SPACE, isWordCode } from '../fold.ts';

/** `Automaton.startInfo` bits: a word character. */
export const START_WORD = 1;
/** Some pattern begins with this character (folded). */
export const START_BEGINS = 2;
/** Invisible (soft hyphen, zero-width space): changes nothing. */
export const START_IGNORE = 4;
/** An umlaut or a combining diaeresis: the 'din1' scan may find more. */
export const START_UMLAUT = 8;
/** Always set once computed. */
export const START_KNOWN = 16;

/** The compiled trie; states are numbered from 0 (the root). */
export interface Automaton {
  /**
   * ASCII code unit → class * 2, + 1 if it folds to a space: the scanner's
   * fast path reads one table instead of two.
   */
  asciiClass: Uint16Array;
  /** ASCII code unit → `START_WORD` | `START_BEGINS` bits. */
  asciiStart: Uint8Array;
  /**
   * Any code unit → what the scanner needs to know to decide whether a match
   * may begin there, as `START_*` bits. Filled for ASCII here and for the
   * rest lazily by the scanner (0: not looked at yet).
   */
  startInfo: Uint8Array;
  /** Folded code unit → class (0: in no pattern). 65,536 entries. */
  classOf: Uint16Array;
  /** Number of classes (row length of `next`). */
  width: number;
  /** `next[state * width + class]` is the child state, or 0 for none. */
  next: Uint16Array | Uint32Array;
  /** States from this number on end a pattern; those below do not. */
  firstOutput: number;
  /** Patterns ending at `state` are `outList[outStart[state] .. outStart[state + 1])`. */
  outStart: Uint32Array;
  /** Pattern ids. */
  outList: Uint32Array;
}

/**
 * Builds the trie for `patterns` (folded, non-empty strings; the index is
 * the pattern id reported on a match). Equal strings may appear more than once.
 */
export function buildAutomaton(patterns: readonly string[]): Automaton {
  // 1. Alphabet classes.
  const classOf = new Uint16Array(0x10000);
  let width = 1;
  for (const p of patterns) {
    for (let i = 0; i < p.length; i++) {
      const c = p.charCodeAt(i);
      if (classOf[c] === 0) classOf[c] = width++;
    }
  }

  // 2. The trie, straight into a growing dense table (0: no child yet).
  let capacity = 64;
  let table = new Uint32Array(capacity * width);
  let count = 1;
  const endState = new Uint32Array(patterns.length);
  patterns.forEach((p, id) => {
    let state = 0;
    for (let i = 0; i < p.length; i++) {
      const slot = state * width + classOf[p.charCodeAt(i)]!;
      let child = table[slot]!;
      if (child === 0) {
        if (count === capacity) {
          capacity *= 2;
          const bigger = new Uint32Array(capacity * width);
          bigger.set(table);
          table = bigger;
        }
        child = count++;
        table[slot] = child;
      }
      state = child;
    }
    endState[id] = state;
  });

  // 3. Number the states so that those ending a pattern come last: the
  //    scanner's "anything to report here?" is then one comparison. The root
  //    ends no pattern (there are no empty ones) and stays 0.
  const ends = new Uint32Array(count);
  for (const state of endState) ends[state]!++;
  const newId = new Uint32Array(count);
  let id = 0;
  for (let s = 0; s < count; s++) if (ends[s] === 0) newId[s] = id++;
  const firstOutput = id;
  for (let s = 0; s < count; s++) if (ends[s] !== 0) newId[s] = id++;

  // 4. The final table (16-bit where it fits) and the flat output lists.
  const next = count < 0x10000 ? new Uint16Array(count * width) : new Uint32Array(count * width);
  for (let s = 0; s < count; s++) {
    const from = s * width;
    const to = newId[s]! * width;
    for (let cls = 0; cls < width; cls++) {
      const child = table[from + cls]!;
      if (child !== 0) next[to + cls] = newId[child]!;
    }
  }
  const outStart = new Uint32Array(count + 1);
  for (let s = 0; s < count; s++) outStart[newId[s]! + 1] = ends[s]!;
  for (let s = 0; s < count; s++) outStart[s + 1]! += outStart[s]!;
  const fill = outStart.slice();
  const outList = new Uint32Array(patterns.length);
  endState.forEach((state, pattern) => (outList[fill[newId[state]!]!++] = pattern));

  return withScanTables({ classOf, width, next, firstOutput, outStart, outList });
}

/** The trie alone: what the scanner's look-up tables are made from. */
export type Trie = Pick<
  Automaton,
  'classOf' | 'width' | 'next' | 'firstOutput' | 'outStart' | 'outList'
>;

/** Adds the scanner's ASCII fast-path tables to a trie. */
export function withScanTables(trie: Trie): Automaton {
  const { classOf, next } = trie;
  const asciiClass = new Uint16Array(128);
  const asciiStart = new Uint8Array(128);
  const startInfo = new Uint8Array(0x10000);
  for (let c = 0; c < 128; c++) {
    const f = ASCII_FOLD[c]!;
    asciiClass[c] = classOf[f]! * 2 + (f === SPACE ? 1 : 0);
    asciiStart[c] = (isWordCode(c) ? START_WORD : 0) | (next[classOf[f]!] !== 0 ? START_BEGINS : 0);
    startInfo[c] = START_KNOWN | asciiStart[c]!;
  }
  return { ...trie, asciiClass, asciiStart, startInfo };
}
