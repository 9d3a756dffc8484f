/**
 * Where the results-page script is loaded: the manifest's `include_globs`
 * for it, made from the engines' host globs (UrlPattern.hosts) by
 * scripts/build.ts, so that the manifest and `isSearchUrl` know the same
 * engines.
 */
import { ENGINES } from './engines/index.ts';

/** One glob per host pattern of every engine, any scheme and path: `*://www.google.*\/*`. */
export function resultsPageGlobs(): string[] {
  const globs = ENGINES.flatMap((engine) => engine.urls.flatMap((url) => url.hosts));
  return [...new Set(globs)].map((host) => `*://${host}/*`);
}

/** A manifest glob as a regular expression (`*`: any characters, `?`: one), as browsers read them. */
export function globToRegExp(glob: string): RegExp {
  const source = glob
    .split('')
    .map((c) => (c === '*' ? '.*' : c === '?' ? '.' : c.replace(/[.+^${}()|[\]\\/]/g, '\\$&')))
    .join('');
  return new RegExp(`^${source}$`);
}
