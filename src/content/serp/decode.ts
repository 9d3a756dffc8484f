/**
 * Redirect decoders: engines wrap result links in click-tracking redirects;
 * these rules recover the target. Data, one entry per redirect format.
 */

export interface RedirectDecoder {
  name: string;
  host: RegExp;
  path: RegExp;
  /** Query parameters that may hold the target, first non-empty wins. */
  params?: string[];
  /** A path segment that holds the target (Yahoo's `/RU=<target>/`). */
  pathParam?: RegExp;
  /** 'bing': base64url, optionally prefixed with 'a1', optionally percent-encoded inside. */
  encoding?: 'plain' | 'bing';
}

const GOOGLE_HOST = /(^|\.)google\.(com?\.)?[a-z]{2,3}$/;

export const REDIRECT_DECODERS: readonly RedirectDecoder[] = [
  { name: 'google-url', host: GOOGLE_HOST, path: /^\/url$/, params: ['q', 'url'] },
  {
    name: 'google-aclk',
    host: /(^|\.)(google\.(com?\.)?[a-z]{2,3}|googleadservices\.com)$/,
    path: /^\/(pagead\/)?aclk$/,
    params: ['adurl'],
  },
  { name: 'bing-ck', host: /(^|\.)bing\.com$/, path: /^\/ck\/a$/, params: ['u'], encoding: 'bing' },
  {
    name: 'bing-aclick',
    host: /(^|\.)bing\.com$/,
    path: /^\/aclick$/,
    params: ['u'],
    encoding: 'bing',
  },
  { name: 'duckduckgo-l', host: /(^|\.)duckduckgo\.com$/, path: /^\/l\/?$/, params: ['uddg'] },
  { name: 'duckduckgo-ad', host: /(^|\.)duckduckgo\.com$/, path: /^\/y\.js$/, params: ['u3', 'u'] },
  { name: 'yahoo-ru', host: /^r\.search\.yahoo\.com$/, path: /\/RU=/, pathParam: /\/RU=([^/]+)\// },
];

function isHttp(u: URL): boolean {
  return u.protocol === 'http:' || u.protocol === 'https:';
}

function decodeBing(value: string): string | null {
  let v = value.startsWith('a1') ? value.slice(2) : value;
  v = v.replace(/-/g, '+').replace(/_/g, '/');
  while (v.length % 4 !== 0) v += '=';
  let text: string;
  try {
    const bytes = Uint8Array.from(atob(v), (c) => c.charCodeAt(0));
    text = new TextDecoder().decode(bytes);
  } catch {
    return null;
  }
  if (/^https?%3a/i.test(text)) {
    try {
      text = decodeURIComponent(text);
    } catch {
      return null;
    }
  }
  return /^https?:\/\//i.test(text) ? text : null;
}

function decodeOnce(u: URL): URL | null {
  const host = u.hostname.toLowerCase();
  for (const d of REDIRECT_DECODERS) {
    if (!d.host.test(host) || !d.path.test(u.pathname)) continue;
    const values: string[] = [];
    for (const p of d.params ?? []) {
      const v = u.searchParams.get(p);
      if (v) values.push(v);
    }
    if (d.pathParam) {
      const m = d.pathParam.exec(u.pathname);
      if (m?.[1]) {
        try {
          values.push(decodeURIComponent(m[1]));
        } catch {
          /* malformed escape: ignore */
        }
      }
    }
    for (const raw of values) {
      const text = d.encoding === 'bing' && !/^https?:/i.test(raw) ? decodeBing(raw) : raw;
      if (!text) continue;
      try {
        const next = new URL(text, u);
        if (isHttp(next)) return next;
      } catch {
        /* not a URL: try the next value */
      }
    }
    // DuckDuckGo ads name the advertiser's domain even when the target is opaque.
    const adDomain = d.name === 'duckduckgo-ad' ? u.searchParams.get('ad_domain') : null;
    if (adDomain && /^[a-z0-9.-]+$/i.test(adDomain)) return new URL(`https://${adDomain}/`);
    return null;
  }
  return null;
}

/** True when the URL is one of the known click-tracking redirects. */
export function isRedirect(u: URL): boolean {
  const host = u.hostname.toLowerCase();
  return REDIRECT_DECODERS.some((d) => d.host.test(host) && d.path.test(u.pathname));
}

/** Follow known redirect wrappers (nested ones too) to the target URL. */
export function unwrapUrl(u: URL): URL {
  let cur = u;
  for (let i = 0; i < 4; i++) {
    const next = decodeOnce(cur);
    if (!next) break;
    cur = next;
  }
  return cur;
}

/** Resolve `href` against `base` and unwrap redirects; null for non-http(s) links. */
export function targetOf(href: string, base: string): URL | null {
  let u: URL;
  try {
    u = new URL(href, base);
  } catch {
    return null;
  }
  if (!isHttp(u)) return null;
  return unwrapUrl(u);
}
