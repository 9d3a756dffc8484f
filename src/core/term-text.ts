/**
 * The one rule for what text can be a term: used by the options page while
 * the user types, by the settings reader, and by the matcher when it compiles.
 */

import { isLetterOrNumberCode } from './unicode.ts';

/** Why a term's text cannot be used (codes shared with {@link Problem}). */
export type TermTextIssue = 'empty' | 'no-letters';

// Spaces, and the soft hyphen and zero-width characters that folding drops
// (see fold.ts): a term of nothing else would match nothing.
const INVISIBLE = /[\s\u00ad\u200b-\u200d\u2060\ufeff]/g;

/** Null when `text` can be looked for; else why not. */
export function termTextIssue(text: string): TermTextIssue | null {
  if (!text.replace(INVISIBLE, '')) return 'empty';
  for (const char of text) if (isLetterOrNumberCode(char.codePointAt(0)!)) return null;
  return 'no-letters';
}

const PLAIN_VOWEL: Readonly<Record<string, string>> = {
  ä: 'a',
  ö: 'o',
  ü: 'u',
  Ä: 'A',
  Ö: 'O',
  Ü: 'U',
};

/**
 * The term as written without umlauts ("Müller" → "Muller"), which "also
 * without umlauts" adds to the search; null when it has none (then the
 * option changes nothing).
 */
export function withoutUmlauts(text: string): string | null {
  const written = text.trim().normalize('NFC');
  const plain = written.replace(/[äöüÄÖÜ]/g, (c) => PLAIN_VOWEL[c] ?? c);
  return plain === written ? null : plain;
}
