/**
 * Search engines by the names their users know them by. The log stores an
 * engine's id (`google`, `duckduckgo`); a user never sees that id.
 */

const NAMES: Record<string, string> = {
  google: 'Google',
  bing: 'Bing',
  duckduckgo: 'DuckDuckGo',
  ecosia: 'Ecosia',
  startpage: 'Startpage',
  qwant: 'Qwant',
};

/**
 * The engine's own name, or undefined for an id it has none for (`generic`,
 * an engine a later version added): the page then says "another search
 * engine" in the user's language.
 */
export function engineName(id: string): string | undefined {
  return Object.hasOwn(NAMES, id) ? NAMES[id] : undefined;
}
