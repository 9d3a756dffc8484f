/** Small helpers for the matcher's unit tests (not used by the extension). */
import { compileMatcher, type BrandMatcher } from '../matcher.ts';
import { defaultTerm, type Brand, type Term } from '../profile.ts';

/** A term as text, or text with some flags. */
export type TermSpec = string | (Partial<Term> & { text: string });

/** A brand from terms given as text or with flags. */
export function brand(
  name: string,
  terms: readonly TermSpec[] = [name],
  exclude: readonly string[] = [],
): Brand {
  return {
    id: name.toLowerCase(),
    name,
    color: '#ffd54f',
    role: 'own',
    sites: [],
    terms: terms.map((t) =>
      typeof t === 'string' ? defaultTerm(t) : { ...defaultTerm(t.text), ...t },
    ),
    exclude: [...exclude],
  };
}

/** A matcher for one brand with these terms. */
export function matcherFor(...terms: TermSpec[]): BrandMatcher {
  return compileMatcher([brand('Test', terms)]);
}

/** The highlighted strings of `find(text)`. */
export function found(matcher: BrandMatcher, text: string): string[] {
  return matcher.find(text).map((h) => text.slice(h.start, h.end));
}
