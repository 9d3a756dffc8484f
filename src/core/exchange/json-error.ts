import { problem, type Problem } from '../problem.ts';
/**
 * Where a text stops being JSON. JSON.parse says so only in its engine's own
 * English, and differently in each (V8: "… at position 48", or no position
 * at all for "Unexpected token …" and "Unexpected end of JSON input";
 * SpiderMonkey: "… at line 3 column 15 of the JSON data"), so the import
 * finds the place itself and the page says it in the user's language.
 */

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const HEX = /^[0-9a-fA-F]$/;
const ESCAPES = '"\\/bfnrt';

type Expect = 'value' | 'key' | 'after';

/**
 * The offset of the first character that cannot stand where it stands in
 * JSON (RFC 8259), `source.length` when the text ends too early, or -1 when
 * `source` is JSON. Iterative, so deep nesting cannot overflow the stack.
 */
export function jsonErrorOffset(source: string): number {
  const n = source.length;
  const open: string[] = [];
  let i = 0;
  let expect: Expect = 'value';
  const skipSpace = () => {
    for (let c = source.charCodeAt(i); c === 32 || c === 9 || c === 10 || c === 13;)
      c = source.charCodeAt(++i);
  };
  /** Reads a string at `i` (a quote); false with `i` at the fault. */
  const string = (): boolean => {
    for (i++; i < n;) {
      const c = source.charCodeAt(i);
      if (c === 34) {
        i++;
        return true;
      }
      if (c < 0x20) return false;
      if (c !== 92) {
        i++;
        continue;
      }
      const escape = source[i + 1];
      if (escape === undefined) return ((i = n), false);
      if (ESCAPES.includes(escape)) i += 2;
      else if (escape === 'u') {
        for (let k = 2; k < 6; k++) if (!HEX.test(source[i + k] ?? '')) return ((i += k), false);
        i += 6;
      } else return ((i += 1), false);
    }
    return false;
  };
  const literal = (word: string): boolean => {
    let k = 0;
    while (k < word.length && source[i + k] === word[k]) k++;
    i += k;
    return k === word.length;
  };

  for (;;) {
    skipSpace();
    if (expect === 'after' && open.length === 0) return i < n ? i : -1;
    if (i >= n) return n;
    const c = source[i];
    if (expect === 'key') {
      if (c !== '"' || !string()) return i;
      skipSpace();
      if (i >= n) return n;
      if (source[i] !== ':') return i;
      i++;
      expect = 'value';
    } else if (expect === 'after') {
      const top = open[open.length - 1];
      if (c === ',') {
        i++;
        expect = top === '{' ? 'key' : 'value';
      } else if ((top === '{' && c === '}') || (top === '[' && c === ']')) {
        i++;
        open.pop();
      } else return i;
    } else if (c === '{' || c === '[') {
      i++;
      skipSpace();
      if (source[i] === (c === '{' ? '}' : ']')) {
        i++;
        expect = 'after';
      } else {
        open.push(c);
        expect = c === '{' ? 'key' : 'value';
      }
    } else {
      if (c === '"') {
        if (!string()) return i;
      } else if (c === 't' || c === 'f' || c === 'n') {
        if (!literal(c === 't' ? 'true' : c === 'f' ? 'false' : 'null')) return Math.min(i, n);
      } else {
        NUMBER.lastIndex = i;
        if (!NUMBER.test(source)) return i;
        i = NUMBER.lastIndex;
      }
      expect = 'after';
    }
  }
}

/** 1-based line and column (in UTF-16 code units) of `offset`. */
export function lineAndColumn(source: string, offset: number): { line: number; column: number } {
  let line = 1;
  for (let k = source.indexOf('\n'); k >= 0 && k < offset; k = source.indexOf('\n', k + 1)) line++;
  return { line, column: offset - source.lastIndexOf('\n', offset - 1) };
}

/**
 * A file's text as JSON: a leading byte-order mark dropped, an empty file
 * and a syntax error (with its line and column where they can be found)
 * told as problems instead of thrown.
 */
export function parseJsonFile(
  text: string,
): { ok: true; doc: unknown } | { ok: false; problem: Problem } {
  const source = text.replace(/^\uFEFF/, '');
  if (source.trim() === '') return { ok: false, problem: problem('', 'empty-file') };
  try {
    return { ok: true, doc: JSON.parse(source) as unknown };
  } catch {
    const offset = jsonErrorOffset(source);
    return {
      ok: false,
      problem:
        offset < 0
          ? problem('', 'not-json')
          : problem('', 'not-json-at', lineAndColumn(source, offset)),
    };
  }
}
