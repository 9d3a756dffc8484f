/**
 * A compiled profile as data: what the worker compiles once per change of
 * settings, stores, and every content script turns back into a matcher at
 * once, without folding a term or building the trie again.
 *
 * Extension storage keeps JSON, so the trie's typed arrays travel as Base64
 * (../base64.ts) and only its edges are stored: the dense table is made
 * again from them (one write per edge), the ASCII tables from the trie.
 */
import { arrayToBase64, base64ToUint16, base64ToUint32 } from '../base64.ts';
import { withScanTables, type Automaton } from './automaton.ts';
import type { Entry } from './compile.ts';

/** Raised when the shape below changes; a stored profile of another format is compiled again. */
export const MATCHER_DATA_FORMAT = 1;

/** One pass's patterns (columns, one entry per pattern id) and its trie. */
export interface PassData {
  patterns: string[];
  texts: string[];
  brands: number[];
  terms: number[];
  /** FLAG_* bits. */
  flags: number[];
  /** Digits 0–2 per pattern code unit (Folded.caseCodes), for case-sensitive entries; else ''. */
  caseCodes: string[];
  trie: {
    width: number;
    states: number;
    firstOutput: number;
    /** Uint16, Base64: the code unit of class 1, 2, … (width - 1 of them). */
    classes: string;
    /** Uint32, Base64: the non-zero cells of the table, and what they hold. */
    slots: string;
    children: string;
    /** Uint32, Base64. */
    outStart: string;
    outList: string;
  };
}

export interface MatcherData {
  format: typeof MATCHER_DATA_FORMAT;
  termCount: number;
  main: PassData | null;
  stripped: PassData | null;
}

const FLAG_EXCLUDE = 1;
const FLAG_JOINED = 2;
const FLAG_STRIPPED = 4;
const FLAG_CASE_SENSITIVE = 8;
const FLAG_COMPOUNDS = 16;
const FLAG_STARTS_WORD = 32;
const FLAG_ENDS_WORD = 64;
const FLAG_GENITIVE = 128;

const flagsOf = (e: Entry): number =>
  (e.exclude ? FLAG_EXCLUDE : 0) |
  (e.joined ? FLAG_JOINED : 0) |
  (e.stripped ? FLAG_STRIPPED : 0) |
  (e.caseSensitive ? FLAG_CASE_SENSITIVE : 0) |
  (e.compounds ? FLAG_COMPOUNDS : 0) |
  (e.startsWord ? FLAG_STARTS_WORD : 0) |
  (e.endsWord ? FLAG_ENDS_WORD : 0) |
  (e.genitive ? FLAG_GENITIVE : 0);

export function encodePass(entries: readonly Entry[], a: Automaton): PassData {
  const classes = new Uint16Array(a.width - 1);
  for (let c = 0; c < 0x10000; c++) {
    const k = a.classOf[c]!;
    if (k !== 0) classes[k - 1] = c;
  }
  const slots: number[] = [];
  const children: number[] = [];
  for (let i = 0; i < a.next.length; i++) {
    const child = a.next[i]!;
    if (child === 0) continue;
    slots.push(i);
    children.push(child);
  }
  return {
    patterns: entries.map((e) => e.pattern),
    texts: entries.map((e) => e.text),
    brands: entries.map((e) => e.brand),
    terms: entries.map((e) => e.term),
    flags: entries.map(flagsOf),
    caseCodes: entries.map((e) => (e.caseSensitive ? e.caseCodes.join('') : '')),
    trie: {
      width: a.width,
      states: a.next.length / a.width,
      firstOutput: a.firstOutput,
      classes: arrayToBase64(classes),
      slots: arrayToBase64(Uint32Array.from(slots)),
      children: arrayToBase64(Uint32Array.from(children)),
      outStart: arrayToBase64(a.outStart),
      outList: arrayToBase64(a.outList),
    },
  };
}

export function decodePass(data: PassData): { entries: Entry[]; automaton: Automaton } {
  const { trie } = data;
  const classOf = new Uint16Array(0x10000);
  const classes = base64ToUint16(trie.classes);
  for (let k = 0; k < classes.length; k++) classOf[classes[k]!] = k + 1;
  const size = trie.states * trie.width;
  const next = trie.states < 0x10000 ? new Uint16Array(size) : new Uint32Array(size);
  const slots = base64ToUint32(trie.slots);
  const children = base64ToUint32(trie.children);
  for (let e = 0; e < slots.length; e++) next[slots[e]!] = children[e]!;
  const automaton = withScanTables({
    classOf,
    width: trie.width,
    next,
    firstOutput: trie.firstOutput,
    outStart: base64ToUint32(trie.outStart),
    outList: base64ToUint32(trie.outList),
  });
  const entries = data.patterns.map((pattern, i): Entry => {
    const flags = data.flags[i]!;
    const codes = data.caseCodes[i] ?? '';
    const caseCodes = new Uint8Array(codes.length);
    for (let k = 0; k < codes.length; k++) caseCodes[k] = codes.charCodeAt(k) - 0x30;
    return {
      pattern,
      exclude: (flags & FLAG_EXCLUDE) !== 0,
      brand: data.brands[i]!,
      term: data.terms[i]!,
      text: data.texts[i]!,
      joined: (flags & FLAG_JOINED) !== 0,
      stripped: (flags & FLAG_STRIPPED) !== 0,
      caseSensitive: (flags & FLAG_CASE_SENSITIVE) !== 0,
      compounds: (flags & FLAG_COMPOUNDS) !== 0,
      startsWord: (flags & FLAG_STARTS_WORD) !== 0,
      endsWord: (flags & FLAG_ENDS_WORD) !== 0,
      genitive: (flags & FLAG_GENITIVE) !== 0,
      caseCodes,
    };
  });
  return { entries, automaton };
}
