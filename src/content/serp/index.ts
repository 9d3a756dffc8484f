/**
 * Results-page recognition: which engine, which query, which page, and each
 * result entry (title, target URL, snippet, rank, kind) on the page.
 *
 * Engine rules are data in ./engines (one module per engine), interpreted by
 * ./extract.ts; ./generic.ts is the heuristic fallback. See
 * docs/serp-adapters.md.
 */
import { all, first, norm, splitSelectors } from './dom.ts';
import { runLayout, layoutMatches, type Found } from './extract.ts';
import { readGeneric } from './generic.ts';
import type {
  EngineDef,
  Layout,
  ReadSerpOptions,
  ResultKind,
  SerpPage,
  SerpResult,
} from './types.ts';
import {
  engineForUrl,
  isConsentPage,
  isConsentUrl,
  pageFromUrl,
  parseUrl,
  queryFromUrl,
} from './urls.ts';

export type { EngineId, ReadSerpOptions, ResultKind, SerpPage, SerpResult } from './types.ts';
export { isConsentPage, isSearchUrl } from './urls.ts';
export { unwrapUrl } from './decode.ts';

function queryOf(engine: EngineDef, doc: Document, u: URL): string {
  const fromUrl = queryFromUrl(engine, u);
  if (fromUrl) return fromUrl;
  for (const sel of splitSelectors(engine.searchInput)) {
    const el = first(doc, sel);
    if (!el) continue;
    const v =
      el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement
        ? el.value
        : el.getAttribute('value');
    if (v && v.trim()) return norm(v);
  }
  return '';
}

function pageOf(engine: EngineDef, layout: Layout | null, doc: Document, u: URL): number {
  for (const sel of splitSelectors(layout?.currentPage ?? '')) {
    for (const el of all(doc, sel)) {
      const n = Number(norm(el.textContent));
      if (Number.isInteger(n) && n >= 1 && n < 1000) return n;
    }
  }
  return pageFromUrl(engine, u) ?? 1;
}

function rank(found: readonly Found[]): SerpResult[] {
  const counters: Record<ResultKind, number> = { organic: 0, news: 0, video: 0, ad: 0 };
  return found.map((f) => ({ ...f, rank: ++counters[f.kind] }));
}

interface Chosen {
  adapter: string;
  layout: Layout | null;
  found: Found[];
  lateResults: boolean;
}

function choose(engine: EngineDef, doc: Document, u: URL, options: ReadSerpOptions): Chosen {
  let adsOnly: Chosen | null = null;
  let firstMatched: Layout | null = null;
  if (!options.disableEngineAdapters) {
    for (const layout of engine.layouts) {
      if (!layoutMatches(layout.match, doc, u)) continue;
      firstMatched ??= layout;
      let found: Found[];
      try {
        found = runLayout(layout, doc, u);
      } catch {
        continue; // a rule the page trips over: try the next layout, then the heuristics
      }
      const chosen = { adapter: layout.adapter, layout, found, lateResults: layout.lateResults };
      if (found.some((f) => f.kind !== 'ad')) return chosen;
      if (found.length > 0) adsOnly ??= chosen;
    }
  }
  let generic: Found[];
  try {
    generic = readGeneric(doc, u);
  } catch {
    generic = [];
  }
  if (generic.some((f) => f.kind !== 'ad') || !adsOnly) {
    return {
      adapter: 'generic',
      layout: firstMatched,
      found: generic,
      lateResults: firstMatched?.lateResults ?? engine.lateResults,
    };
  }
  return adsOnly;
}

/**
 * Read a results page. Null when the URL is not a results page of a known
 * engine, or is a consent interstitial. Never throws.
 */
export function readSerp(
  doc: Document,
  url: string,
  options: ReadSerpOptions = {},
): SerpPage | null {
  const u = parseUrl(url);
  if (!u || isConsentUrl(u)) return null;
  const engine = engineForUrl(u);
  if (!engine || isConsentPage(url, doc)) return null;
  let chosen: Chosen;
  try {
    chosen = choose(engine, doc, u, options);
  } catch {
    chosen = { adapter: 'generic', layout: null, found: [], lateResults: engine.lateResults };
  }
  return {
    engine: engine.engine,
    adapter: chosen.adapter,
    query: queryOf(engine, doc, u),
    page: pageOf(engine, chosen.layout, doc, u),
    results: rank(chosen.found),
    lateResults: chosen.lateResults,
  };
}
