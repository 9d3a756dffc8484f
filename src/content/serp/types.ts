/**
 * Types of the results-page reader and of the engine rules.
 *
 * The engine rules are plain data (selectors, URL patterns, parameter names);
 * `extract.ts` interprets them. A few rules carry a small function where data
 * alone cannot say it (an odd page-offset scheme); see `PageRule.toPage`.
 */

export type ResultKind = 'organic' | 'news' | 'video' | 'ad';

export type EngineId =
  'google' | 'bing' | 'duckduckgo' | 'ecosia' | 'startpage' | 'qwant' | 'generic';

export interface SerpResult {
  /**
   * 1-based position among the results of the same kind on this page:
   * organic results count among organic results, ads among ads, news among
   * news, videos among videos. Results that arrive later (continuous
   * scrolling) keep counting on.
   */
  rank: number;
  kind: ResultKind;
  title: string;
  /** Target URL, unwrapped from the engine's redirect links. */
  url: string;
  snippet: string;
  /** The result's container element. */
  root: Element;
  /** The element holding the title text: where a badge goes. */
  titleElement: Element;
  /**
   * The link that opens the result (may contain `titleElement`, as in
   * Google's `a > h3`, or sit inside it, as in Bing's `h2 > a`). Place a
   * badge outside it so a click on the badge does not follow the link.
   */
  linkElement: HTMLAnchorElement | null;
}

export interface SerpPage {
  engine: EngineId;
  /** Which adapter ran, e.g. 'google', 'google-mobile', 'google-nojs', 'generic'. */
  adapter: string;
  query: string;
  /** 1-based results page number. */
  page: number;
  /** All results in document order (ads included, see `kind`). */
  results: SerpResult[];
  /** Whether results may arrive after load; re-run `readSerp` on mutations. */
  lateResults: boolean;
}

export interface ReadSerpOptions {
  /** Skip the engine's layout rules and use the heuristic reader only (tests, diagnostics). */
  disableEngineAdapters?: boolean;
}

/** Matches a URL: host and path patterns (host is lower-case, without port). */
export interface UrlPattern {
  host: RegExp;
  /**
   * The hosts `host` matches, as globs (`*`: any characters), for the
   * manifest: the results-page script is loaded only on these hosts
   * (scripts/build.ts). They may match more than `host`, never less
   * (urls.test.ts checks both against sample addresses).
   */
  hosts: readonly string[];
  path: RegExp;
  /** The URL only counts when it carries one of the engine's query parameters. */
  needsQuery?: boolean;
  /** Not a web results page when a parameter matches (image, shopping, map tabs). */
  notParams?: Record<string, RegExp>;
}

/** How to read the results page number. */
export interface PageRule {
  /** URL parameter holding a page number or an offset. */
  param: string;
  /**
   * 'page': the parameter is the 1-based page number;
   * 'page0': the 0-based page number;
   * 'offset': the offset of the first result (page = offset / perPage + 1).
   */
  type: 'page' | 'page0' | 'offset';
  perPage?: number;
  /** URL parameter that overrides `perPage` (Google's `num`). */
  perPageParam?: string;
  /** For offsets that follow no simple rule: offset -> 1-based page. */
  toPage?: (offset: number) => number;
}

/** One way to find results of one kind. */
export interface ResultRule {
  /**
   * Root-first: every element matching `root` is one result, its title is
   * the first `title` inside it. Without `root`, title-first: every `title`
   * is one result and its root is the largest ancestor that holds no other
   * title (see `Layout.rootStop`).
   */
  root?: string;
  title: string;
  /** Link inside the root; default: the link around or inside the title. */
  link?: string;
  /** Snippet inside the root; default: the longest text block outside the title. */
  snippet?: string;
  /** Also look for the snippet in this many following siblings of the root (table layouts). */
  snippetSiblings?: number;
  /** Kind of every result this rule finds (default: the layout's `defaultKind`, or 'ad' in `ads`). */
  kind?: ResultKind;
  /** Drop matches inside these. */
  exclude?: string;
}

/** Kind of a result by structure or by target URL. */
export interface KindRule {
  kind: ResultKind;
  /** The root matches, is inside, or contains an element matching this. */
  selector?: string;
  url?: RegExp;
}

/** Conditions under which a layout applies. All given conditions must hold. */
export interface LayoutMatch {
  host?: RegExp;
  path?: RegExp;
  /** URL parameters and the patterns their values must match. */
  params?: Record<string, RegExp>;
  /** An element matching this exists. */
  selector?: string;
  /** No element matches this. */
  notSelector?: string;
}

export interface Layout {
  adapter: string;
  match?: LayoutMatch;
  /** Containers holding the results; the first one present is used (default: body). */
  scope?: string;
  organic: ResultRule[];
  ads: ResultRule[];
  /** Containers holding the ads (default: the whole body; ads sit above and beside the results). */
  adScope?: string;
  /** Containers whose whole content is advertising: never organic. */
  adZones?: string;
  /** Parts of the page that never hold results (questions, knowledge panels). */
  exclude?: string;
  /** Title-first roots stop climbing at the first ancestor matching this. */
  rootStop?: string;
  kinds?: KindRule[];
  defaultKind?: ResultKind;
  lateResults: boolean;
  /** Selectors of the current page in the pagination (its text is the number). */
  currentPage?: string;
}

export interface EngineDef {
  engine: EngineId;
  urls: UrlPattern[];
  /** URL parameters holding the query, first non-empty wins. */
  queryParams: string[];
  /** Search box, for the query when the URL has none (POST forms). */
  searchInput: string;
  pages: PageRule[];
  /** Tried in order; the first that matches and finds results runs. */
  layouts: Layout[];
  /** For the heuristic reader: are late results possible on this engine? */
  lateResults: boolean;
}
