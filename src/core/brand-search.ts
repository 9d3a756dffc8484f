/**
 * The first-run "search for my brand": the company's first own brand, and a
 * web search for its name. Google, because that is where the product's
 * results-page features are richest and what its users start with (README,
 * "What a user sees"); the browser's default engine would need the `search`
 * permission, which the extension does not ask for.
 */
import type { Brand } from './profile.ts';

/** The first brand that is the user's own (not a competitor's) and has a name. */
export function firstOwnBrand<B extends Pick<Brand, 'name' | 'role'>>(
  brands: readonly B[],
): B | undefined {
  return brands.find((brand) => brand.role !== 'competitor' && brand.name.trim() !== '');
}

/** A Google search for `name`, its interface in the user's language. */
export function brandSearchUrl(name: string, uiLanguage: string): string {
  const url = new URL('https://www.google.com/search');
  url.searchParams.set('q', name.trim());
  const lang = /^[a-z]{2,3}/i.exec(uiLanguage)?.[0]?.toLowerCase();
  if (lang) url.searchParams.set('hl', lang);
  return url.href;
}
