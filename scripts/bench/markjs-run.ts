// mark.js 8 with the options closest to Markenlotse's matching. Shared by the
// warm pass (page-entry.ts) and the page-load mode's mark.js extension
// (load-markjs-entry.ts), so both run it the same way.

/** What the bench needs of mark.js 8 (its own typings pull in jQuery's). */
interface MarkOptions {
  accuracy: { value: 'exactly'; limiters: string[] };
  diacritics: boolean;
  caseSensitive: boolean;
  separateWordSearch: boolean;
  acrossElements: boolean;
  exclude: string[];
  done: (marks: number) => void;
}
interface MarkInstance {
  mark(keywords: string[], options: MarkOptions): void;
  unmark(options?: { done?: () => void }): void;
}
export type MarkConstructor = new (context: HTMLElement) => MarkInstance;

/**
 * mark.js' "exactly" accepts a hit only between white space or these
 * characters: whole words, as close as mark.js gets to Markenlotse's Unicode
 * word boundaries.
 */
// prettier-ignore
const MARKJS_LIMITERS = [
  ',', '.', ';', ':', '!', '?', '"', "'", '(', ')', '[', ']', '{', '}', '<', '>', '-', '–', '—',
  '/', '\\', '|', '…', '«', '»', '‹', '›', '„', '“', '”', '‚', '‘', '’', '*', '&', '+', '=', '#',
  '@', '·', '•',
];
/** Terms per mark() call (see markAll()). */
const MARKJS_CHUNK = 100;
const MARKJS_EXCLUDE = [
  'script',
  'style',
  'noscript',
  'textarea',
  'input',
  'select',
  '[contenteditable]',
];

/**
 * Marks `terms` under `root`; returns the number of <mark> elements.
 * mark.js recurses once per term and overflows the stack at 1,000 terms in
 * one call: it gets at most MARKJS_CHUNK at a time, longest first (the order
 * mark.js itself sorts them in), which is the same work.
 */
export function markAll(
  Mark: MarkConstructor,
  root: HTMLElement,
  terms: readonly string[],
): number {
  const chunks: string[][] = [];
  const sorted =
    terms.length > MARKJS_CHUNK ? [...terms].sort((a, b) => b.length - a.length) : [...terms];
  for (let i = 0; i < sorted.length; i += MARKJS_CHUNK)
    chunks.push(sorted.slice(i, i + MARKJS_CHUNK));
  let marks = 0;
  let finished = 0;
  for (const chunk of chunks) {
    new Mark(root).mark(chunk, {
      accuracy: { value: 'exactly', limiters: MARKJS_LIMITERS },
      diacritics: true,
      caseSensitive: false,
      separateWordSearch: false,
      acrossElements: true,
      exclude: MARKJS_EXCLUDE,
      done: (count) => {
        marks += count;
        finished++;
      },
    });
  }
  if (finished !== chunks.length) throw new Error('mark.js did not finish synchronously');
  return marks;
}
