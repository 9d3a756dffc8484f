/**
 * Search engines as a user reads their names. Sightings and mentions store
 * the engine as an id ("duckduckgo"); every page shows it through this.
 */

const NAMES: Readonly<Record<string, string>> = {
  google: 'Google',
  bing: 'Bing',
  duckduckgo: 'DuckDuckGo',
  ecosia: 'Ecosia',
  startpage: 'Startpage',
  qwant: 'Qwant',
  yahoo: 'Yahoo',
};

/** The id of results read by the heuristic reader, on an engine without rules of its own. */
export const GENERIC_ENGINE = 'generic';

/**
 * The engine's name ("DuckDuckGo" for "duckduckgo"), or null for results
 * read on an engine that has no name of its own here (the heuristic reader's
 * "generic", or nothing): the pages say "another search engine" in the
 * user's language. An id this version does not know (an import written by a
 * newer one) is shown with capitals ("brave-search" -> "Brave Search"),
 * never as a lower-case id.
 */
export function engineName(id: string): string | null {
  const key = id.trim().toLowerCase();
  if (!key || key === GENERIC_ENGINE) return null;
  if (Object.hasOwn(NAMES, key)) return NAMES[key] ?? null;
  return key
    .split(/[-_\s]+/)
    .filter(Boolean)
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join(' ');
}
