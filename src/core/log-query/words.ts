/**
 * The words a sighting search looks up. A million sightings cannot be held in
 * memory nor scanned per keystroke, so each stored sighting keeps the folded
 * words of its title and address (`words`, a multiEntry index of the store)
 * and a search word is looked up in that index as a key range: it finds the
 * sightings with a word that starts with it. Mentions (in memory) are still
 * searched for the text anywhere.
 *
 * So for sightings a search word matches at the start of a word: "hof" finds
 * "Hofladen" and "hof-24.de", not "Bahnhof". Words are split at anything
 * that is not a letter or a digit ("example.de/seite-17" is example, de,
 * seite, 17), for the record and the search alike, and folded as every
 * search is (text.ts: "Müller" finds "MUELLER").
 */
import { searchFold } from './text.ts';

/** Longer words are cut (a token in an address can be very long; the index keeps its start). */
export const MAX_WORD = 32;
/** At most this many words of a sighting are kept (a page title is short; a few addresses are not). */
export const MAX_WORDS = 64;

const SEPARATORS = /[^\p{L}\p{N}]+/u;
/** The scheme and "www." say nothing about a page: left out of its words. */
const SCHEME = /^[a-z][a-z0-9+.-]*:\/\/(www\.)?/;

/** The folded words of `text`, each cut to MAX_WORD, in order, with repeats. */
export function searchTokens(text: string): string[] {
  return searchFold(text)
    .split(SEPARATORS)
    .filter(Boolean)
    .map((w) => w.slice(0, MAX_WORD));
}

/** What a sighting is found by: the words of its title and address, each once (at most MAX_WORDS). */
export function sightingWords(s: { title: string; url: string }): string[] {
  const address = s.url.toLowerCase().replace(SCHEME, '');
  const words = new Set([...searchTokens(s.title), ...searchTokens(address)]);
  return [...words].slice(0, MAX_WORDS);
}

/**
 * The search's words as the index looks them up: each once, and none that is
 * the start of another (the longer one is the stricter test).
 */
export function lookupWords(text: string): string[] {
  const unique = [...new Set(searchTokens(text))];
  return unique.filter((w) => !unique.some((other) => other !== w && other.startsWith(w)));
}

/** Does every search word start one of the words? (What the index answers, for a record at hand.) */
export function startsWords(words: readonly string[], search: readonly string[]): boolean {
  return search.every((s) => words.some((w) => w.startsWith(s)));
}

/** The key range of the index entries a search word finds. */
export function wordRange(word: string): [lower: string, upper: string] {
  return [word, `${word}\uffff`];
}
