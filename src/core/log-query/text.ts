/**
 * Full-text search over the log: a record's searchable text and a query's
 * words, both folded alike (case, German umlauts as in DIN 5007-2, ß, other
 * diacritics, dashes and white space: "Müller" finds "MUELLER" and
 * "Mueller-Werke"), so that every word of the query is looked up with a
 * plain `includes`: 100,000 records in tens of milliseconds.
 *
 * Not the matcher's fold (core/fold.ts), which maps back to every original
 * character and costs some microseconds per character: this one is built of
 * the engine's own string functions, since the worker folds every mention's
 * texts when it builds its index. The two agree on German text; both sides of
 * a search go through this one, so it is consistent with itself.
 */

// eslint-disable-next-line no-control-regex
const ASCII = /^[\u0000-\u007f]*$/;
/** Umlauts (DIN 5007-2) and the letters that Unicode does not decompose into a base and a mark. */
const LETTERS = /[äöüßæœøłđħıŧþðﬁﬂſ]/g;
const LETTER_FOLD: Record<string, string> = {
  ä: 'ae',
  ö: 'oe',
  ü: 'ue',
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  ł: 'l',
  đ: 'd',
  ħ: 'h',
  ı: 'i',
  ŧ: 't',
  þ: 'th',
  ð: 'd',
  ﬁ: 'fi',
  ﬂ: 'fl',
  ſ: 's',
};
const MARKS = /[\u0300-\u036f]/g;
const INVISIBLE =
  /\u034f|[\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/g;
const SPACES = /[\s\u2010-\u2015\u2212-]+/g;
const APOSTROPHES = /[\u2018\u2019\u02bc]/g;

/**
 * Umlauts, ß and typographic punctuation: in German text mostly all there is
 * beyond ASCII. Spelt out in ASCII, the folded text is a one-byte string in
 * V8, which `includes` searches faster.
 */
const GERMAN = /[äöüß…–—‒―“”„‟«»‘’‚‛]/g;
const TYPOGRAPHY: Record<string, string> = {
  '…': '...',
  '–': '-',
  '—': '-',
  '‒': '-',
  '―': '-',
  '“': '"',
  '”': '"',
  '„': '"',
  '‟': '"',
  '«': '"',
  '»': '"',
  '‘': "'",
  '’': "'",
  '‚': "'",
  '‛': "'",
};
const spellOut = (c: string): string => LETTER_FOLD[c] ?? TYPOGRAPHY[c] ?? c;

/** The folded form of `text` for searching. */
export function searchFold(text: string): string {
  const lower = text.toLowerCase();
  if (ASCII.test(lower)) return lower;
  // German text that is ASCII once its umlauts and ß are spelt out needs nothing more
  // (the worker folds every mention as it builds its index: this halves that).
  const german = lower.replace(GERMAN, spellOut);
  if (ASCII.test(german)) return german;
  return german
    .normalize('NFC')
    .replace(LETTERS, (c) => LETTER_FOLD[c] ?? c)
    .normalize('NFD')
    .replace(MARKS, '')
    .replace(INVISIBLE, '')
    .replace(APOSTROPHES, "'");
}

/** The words of a search box, folded; empty when it is blank. Dashes separate words. */
export function searchWords(query: string): string[] {
  return searchFold(query).replace(SPACES, ' ').split(' ').filter(Boolean);
}

/** Does `haystack` (already folded) hold every word? */
export function holdsAll(haystack: string, words: readonly string[]): boolean {
  for (const word of words) if (!haystack.includes(word)) return false;
  return true;
}

/** A search query as filters compare it: folded, trimmed, one space between words. */
export const queryKey = (query: string): string => searchWords(query).join(' ');
