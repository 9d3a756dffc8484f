/**
 * The heuristic reader: result-like blocks are "a heading with a link, plus
 * some text". It knows no engine; it runs when an engine's layouts find
 * nothing (a redesign), for engines without layouts, and in tests with the
 * adapters switched off. It never throws on odd markup; it may miss results
 * or find a few extra ones.
 */
import {
  all,
  byDocumentOrder,
  closest,
  first,
  isInternalLink,
  norm,
  pickLink,
  textOf,
  fallbackSnippet,
} from './dom.ts';
import { ancestorCounts, climbRoot, outerOf, type Found } from './extract.ts';
import type { ResultKind } from './types.ts';
import { VIDEO_URL } from './engines/video-hosts.ts';

const HEADINGS = 'h1, h2, h3, h4, h5, h6, [role="heading"]';

/**
 * Structural ad markers that engines have used for years (ids, data
 * attributes, class names: never the localised "Ad"/"Anzeige" label).
 */
const AD_MARKERS = [
  '#tads',
  '#tadsb',
  '#bottomads',
  '[data-text-ad]',
  '.pla-unit',
  '.commercial-unit-desktop-top',
  '.commercial-unit-mobile-top',
  '.ads-ad',
  '.b_ad',
  '.sb_add',
  '.result--ad',
  '.results--ads',
  '.result-sponsored',
  '[data-testid="ad"]',
  '[data-layout="ad"]',
  '[data-testid="adResult"]',
  '[data-test-id="mainline-result-ad"]',
  '.ad-result',
  '.a-gl-result',
].join(', ');

/** Page chrome: navigation, header, footer, sidebars. */
const CHROME_TAGS = new Set(['HEADER', 'FOOTER', 'NAV', 'ASIDE', 'DIALOG']);
const CHROME_ROLES = new Set([
  'navigation',
  'banner',
  'contentinfo',
  'search',
  'complementary',
  'dialog',
]);
const CHROME_TOKEN = /^(foot|footer|header|navbar|nav|sidebar|menu)([_-]|$)/i;

function inChrome(el: Element, stop: Element): boolean {
  for (let e: Element | null = el; e && e !== stop; e = e.parentElement) {
    if (CHROME_TAGS.has(e.tagName.toUpperCase())) return true;
    const role = e.getAttribute('role');
    if (role && CHROME_ROLES.has(role)) return true;
    if (e.id && CHROME_TOKEN.test(e.id)) return true;
    const cls = e.getAttribute('class');
    if (cls && cls.split(/\s+/).some((c) => CHROME_TOKEN.test(c))) return true;
  }
  return false;
}

/** Minimum text outside the title for a block to look like a result. */
const MIN_EXTRA_TEXT = 10;

export function readGeneric(doc: Document, page: URL): Found[] {
  const scope =
    first(doc, '[role="main"]') ?? first(doc, 'main') ?? doc.body ?? doc.documentElement;
  if (!scope) return [];
  const stop = doc.body ?? doc.documentElement;

  interface Cand {
    titleEl: Element;
    link: HTMLAnchorElement | null;
    url: URL;
    start: Element;
    viaRedirect: boolean;
  }
  const cands: Cand[] = [];
  const seenLinks = new Set<Element>();
  for (const h of all(scope, HEADINGS)) {
    // A heading inside another heading: the outer one speaks for both.
    if (h.parentElement && closest(h.parentElement, HEADINGS)) continue;
    const picked = pickLink(h, h, page.href);
    if (!picked) continue;
    if (picked.link && seenLinks.has(picked.link)) continue;
    const titleEl = picked.link && h.contains(picked.link) ? picked.link : h;
    if (picked.link) seenLinks.add(picked.link);
    cands.push({
      titleEl,
      link: picked.link,
      url: picked.url,
      start: outerOf(h, picked.link),
      viaRedirect: picked.viaRedirect,
    });
  }

  const counts = ancestorCounts(
    cands.map((c) => c.start),
    scope,
  );
  const out: Found[] = [];
  const roots = new Set<Element>();
  for (const c of cands) {
    const isAd = closest(c.start, AD_MARKERS) !== null;
    if (!isAd && isInternalLink({ link: c.link, url: c.url, viaRedirect: c.viaRedirect }, page))
      continue;
    if (inChrome(c.start, stop)) continue;
    const title = textOf(c.titleEl);
    if (!title) continue;
    const root = climbRoot(c.start, scope, counts);
    if (roots.has(root)) continue;
    if (norm(root.textContent).length - title.length < MIN_EXTRA_TEXT) continue;
    roots.add(root);
    const kind: ResultKind = isAd ? 'ad' : VIDEO_URL.test(c.url.href) ? 'video' : 'organic';
    out.push({
      kind,
      title,
      url: c.url.href,
      snippet: fallbackSnippet(root, c.titleEl, c.link),
      root,
      titleElement: c.titleEl,
      linkElement: c.link,
    });
  }
  return out.sort((a, b) => byDocumentOrder(a.titleElement, b.titleElement));
}
