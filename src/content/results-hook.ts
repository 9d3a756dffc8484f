/**
 * The seam to the results-page script (results.js, src/content/results/):
 * the manifest loads it only on search engines' hosts, beside the content
 * script, and it registers a factory here. Content scripts of one extension
 * share an isolated world per frame, so the factory is a property of that
 * world's global, which the page never sees. Everywhere else there is no
 * factory, and none of the results-page code is even parsed.
 */
import type { BrandMatcher } from '../core/matcher.ts';
import type { PageResults } from '../core/messages.ts';
import type { Brand } from '../core/profile/types.ts';
import type { PageHits } from './page-highlights.ts';

/** A results page being badged. */
export interface ResultsPage {
  /** The results page as the popup lists it. */
  state(): PageResults | null;
  /** Removes the badges and stops following the page. */
  dispose(): void;
}

/** Badges `url` if it is a results page of a known engine (null if not). */
export type ResultsPageFactory = (
  url: string,
  hits: PageHits,
  brands: readonly Brand[],
  matcher: BrandMatcher,
) => ResultsPage | null;

const KEY = Symbol.for('markenlotse.results-page');

export function registerResultsPage(factory: ResultsPageFactory): void {
  (globalThis as Record<symbol, unknown>)[KEY] = factory;
}

/** The factory results.js registered, if it is loaded in this frame. */
export function resultsPageFactory(): ResultsPageFactory | null {
  const factory = (globalThis as Record<symbol, unknown>)[KEY];
  return typeof factory === 'function' ? (factory as ResultsPageFactory) : null;
}
