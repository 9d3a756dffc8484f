/**
 * URL-only checks: cheap, no DOM. The content script calls `isSearchUrl`
 * on every page to decide whether the results-page logic runs at all.
 */
import { ENGINES } from './engines/index.ts';
import type { EngineDef, PageRule } from './types.ts';

/** Consent and "unusual traffic" interstitials: never results pages. */
const INTERSTITIALS: readonly { host: RegExp; path?: RegExp }[] = [
  { host: /^consent\.(google|youtube)\.[a-z.]+$/ },
  { host: /^(www\.)?google\.(com?\.)?[a-z]{2,3}$/, path: /^\/sorry\// },
  { host: /^consent\.yahoo\.com$/ },
  { host: /^guce\.yahoo\.com$/ },
  { host: /^(consent|account)\.(bing|microsoft)\.com$/, path: /consent/i },
];

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

export function isConsentUrl(u: URL): boolean {
  const host = u.hostname.toLowerCase();
  return INTERSTITIALS.some((i) => i.host.test(host) && (!i.path || i.path.test(u.pathname)));
}

export function queryFromUrl(engine: EngineDef, u: URL): string {
  for (const p of engine.queryParams) {
    const v = u.searchParams.get(p);
    if (v && v.trim()) return v.replace(/\s+/g, ' ').trim();
  }
  return '';
}

/** The engine whose URL patterns match, or null. */
export function engineForUrl(u: URL): EngineDef | null {
  if (u.protocol !== 'https:' && u.protocol !== 'http:') return null;
  if (isConsentUrl(u)) return null;
  const host = u.hostname.toLowerCase();
  for (const e of ENGINES) {
    for (const p of e.urls) {
      if (!p.host.test(host) || !p.path.test(u.pathname)) continue;
      if (p.needsQuery && !queryFromUrl(e, u)) continue;
      if (
        p.notParams &&
        Object.entries(p.notParams).some(([name, re]) => re.test(u.searchParams.get(name) ?? ''))
      )
        continue;
      return e;
    }
  }
  return null;
}

function pageFromRule(rule: PageRule, u: URL): number | null {
  const raw = u.searchParams.get(rule.param);
  if (raw === null || !/^\d+$/.test(raw.trim())) return null;
  const n = Number(raw);
  if (rule.toPage) return rule.toPage(n);
  switch (rule.type) {
    case 'page':
      return Math.max(1, n);
    case 'page0':
      return n + 1;
    case 'offset': {
      const perRaw = rule.perPageParam ? Number(u.searchParams.get(rule.perPageParam)) : NaN;
      const per = Number.isFinite(perRaw) && perRaw > 0 ? perRaw : (rule.perPage ?? 10);
      return Math.floor(n / per) + 1;
    }
  }
}

/** Page number from the URL, or null when the URL does not say. */
export function pageFromUrl(engine: EngineDef, u: URL): number | null {
  for (const r of engine.pages) {
    const p = pageFromRule(r, u);
    if (p !== null && Number.isFinite(p) && p >= 1) return p;
  }
  return null;
}

/** Cheap URL-only check: is this a results page of a known engine? */
export function isSearchUrl(url: string): boolean {
  const u = parse(url);
  return u !== null && engineForUrl(u) !== null;
}

/** A consent or bot-check interstitial (consent.google.com and the like). */
export function isConsentPage(url: string, doc?: Document): boolean {
  const u = parse(url);
  if (u && isConsentUrl(u)) return true;
  if (!doc) return false;
  // The consent wall served in place of the results (no results behind it).
  return (
    doc.querySelector(
      'form[action*="consent.google"], form[action*="consent.youtube"], form[action*="guce.yahoo"]',
    ) !== null &&
    doc.querySelector('#rso, #search, #b_results, #links, .result, [data-testid="result"]') === null
  );
}

export { parse as parseUrl };
