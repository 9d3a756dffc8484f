/** Small DOM helpers shared by the rule interpreter and the heuristic reader. */
import { isRedirect, targetOf } from './decode.ts';

/** Collapse white space; drop invisible format characters (LRM, zero-width space). */
export function norm(text: string | null | undefined): string {
  return (text ?? '')
    .replace(/[\u200b-\u200f\u2060\ufeff]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

const SKIP_TEXT = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'svg', 'SVG']);

/**
 * Elements that start a line of their own in every engine's layout, so their
 * text is a word apart from what stands before and after it. By tag, not by
 * computed style: reading styles of every result would force layouts.
 */
const BLOCKS = new Set(
  (
    'ADDRESS ARTICLE ASIDE BLOCKQUOTE CAPTION DD DETAILS DIV DL DT FIELDSET FIGCAPTION FIGURE ' +
    'FOOTER FORM H1 H2 H3 H4 H5 H6 HEADER HR LI MAIN NAV OL P PRE SECTION SUMMARY TABLE TBODY ' +
    'TD TFOOT TH THEAD TR UL'
  ).split(' '),
);

const isBlock = (el: Element): boolean => BLOCKS.has(el.tagName.toUpperCase());

/** The nearest block around `node`, up to `stop`. */
function blockOf(node: Node, stop: Element): Node {
  for (let p = node.parentElement; p && p !== stop; p = p.parentElement) if (isBlock(p)) return p;
  return stop;
}

/**
 * Element text without scripts, styles and inline-hidden parts. Text in
 * different blocks (a card's price, merchant and rating in their own
 * <div>s) and around a <br> stays apart by a space, as the page shows it:
 * "…ctox13pw11p1c4001 $909.00 Dell (545)", not "…ctox13pw11p1c4001$909.00Dell(545)".
 */
export function textOf(el: Element): string {
  const doc = el.ownerDocument;
  const walker = doc.createTreeWalker(el, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT, {
    acceptNode(node) {
      if (node.nodeType === Node.TEXT_NODE) return NodeFilter.FILTER_ACCEPT;
      const e = node as Element;
      if (SKIP_TEXT.has(e.tagName) || isInlineHidden(e)) return NodeFilter.FILTER_REJECT;
      return e.tagName.toUpperCase() === 'BR' ? NodeFilter.FILTER_ACCEPT : NodeFilter.FILTER_SKIP;
    },
  });
  let out = '';
  let block: Node | null = null;
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    if (n.nodeType !== Node.TEXT_NODE) {
      out += ' ';
      continue;
    }
    const here = blockOf(n, el);
    if (block !== null && here !== block) out += ' ';
    block = here;
    out += n.nodeValue ?? '';
  }
  return norm(out);
}

export function isInlineHidden(el: Element): boolean {
  if (el.hasAttribute('hidden')) return true;
  const style = el.getAttribute('style');
  return style !== null && /display\s*:\s*none/i.test(style);
}

/**
 * Split a selector list at its top-level commas, so that each part can be
 * tried in priority order ("a.result__a, h2 a": prefer the first).
 */
export function splitSelectors(list: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quote = '';
  let start = 0;
  for (let i = 0; i < list.length; i++) {
    const c = list[i];
    if (quote) {
      if (c === quote) quote = '';
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '(' || c === '[') depth++;
    else if (c === ')' || c === ']') depth--;
    else if (c === ',' && depth === 0) {
      parts.push(list.slice(start, i).trim());
      start = i + 1;
    }
  }
  parts.push(list.slice(start).trim());
  return parts.filter((p) => p.length > 0);
}

/** querySelectorAll that never throws (a selector the browser does not know matches nothing). */
export function all(root: ParentNode, selector: string): Element[] {
  try {
    return Array.from(root.querySelectorAll(selector));
  } catch {
    return [];
  }
}

export function first(root: ParentNode, selector: string): Element | null {
  try {
    return root.querySelector(selector);
  } catch {
    return null;
  }
}

export function matches(el: Element, selector: string | undefined): boolean {
  if (!selector) return false;
  try {
    return el.matches(selector);
  } catch {
    return false;
  }
}

export function closest(el: Element, selector: string | undefined): Element | null {
  if (!selector) return null;
  try {
    return el.closest(selector);
  } catch {
    return null;
  }
}

/** The first element matching the selector list, trying its parts in order. */
export function firstByPriority(
  root: Element,
  list: string,
  accept?: (el: Element) => boolean,
): Element | null {
  for (const sel of splitSelectors(list)) {
    if (matches(root, sel) && (!accept || accept(root))) return root;
    for (const el of all(root, sel)) if (!accept || accept(el)) return el;
  }
  return null;
}

/** Document order comparator. */
export function byDocumentOrder(a: Node, b: Node): number {
  if (a === b) return 0;
  return a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1;
}

export interface PickedLink {
  link: HTMLAnchorElement | null;
  url: URL;
  /** The href went through a known redirect that could be decoded. */
  viaRedirect: boolean;
}

function urlOfAnchor(a: Element, base: string): PickedLink | null {
  const href = a.getAttribute('href');
  if (!href) return null;
  const raw = (() => {
    try {
      return new URL(href, base);
    } catch {
      return null;
    }
  })();
  const url = targetOf(href, base);
  if (!raw || !url) return null;
  return { link: a as HTMLAnchorElement, url, viaRedirect: url.href !== raw.href };
}

/**
 * Google ads whose click URL is opaque still name their target: text ads in
 * data-pcu (the display URL), shopping ads in data-dtld (the merchant's domain).
 */
function urlFromAdData(a: Element): URL | null {
  const pcu = a.getAttribute('data-pcu');
  for (const part of (pcu ?? '').split(',')) {
    try {
      const u = new URL(part.trim());
      if (u.protocol === 'http:' || u.protocol === 'https:') return u;
    } catch {
      /* next */
    }
  }
  const dtld = a.closest('[data-dtld]')?.getAttribute('data-dtld');
  if (dtld && /^[a-z0-9.-]+\.[a-z]{2,}$/i.test(dtld)) return new URL(`https://${dtld}/`);
  return null;
}

/**
 * The link of a result: around the title, inside it, or given by a rule.
 * Prefers visible links whose target is known over hidden click trackers.
 */
export function pickLink(
  titleEl: Element,
  root: Element,
  base: string,
  linkSelector?: string,
): PickedLink | null {
  const cands: Element[] = [];
  if (linkSelector) for (const sel of splitSelectors(linkSelector)) cands.push(...all(root, sel));
  const around = titleEl.closest('a[href]');
  if (around) cands.push(around);
  cands.push(...all(titleEl, 'a[href]'));
  let fallback: PickedLink | null = null;
  for (const a of cands) {
    if (a.tagName !== 'A' && a.tagName !== 'a') continue;
    const p = urlOfAnchor(a, base);
    if (!p) continue;
    const tracker = isRedirect(p.url);
    if (tracker) {
      const fromData = urlFromAdData(a);
      if (fromData) return { link: p.link, url: fromData, viaRedirect: true };
    }
    if (!tracker && !isInlineHidden(a)) return p;
    fallback ??= p;
  }
  return fallback;
}

/**
 * A link to the engine's own pages (another search, a tab, a settings
 * page) rather than to a result. Absolute links to other paths of the same
 * host are kept: a search for "google" has www.google.com/maps as a result.
 */
export function isInternalLink(p: PickedLink, page: URL): boolean {
  if (p.url.hostname.toLowerCase() !== page.hostname.toLowerCase()) return false;
  if (p.url.pathname === page.pathname) return true;
  if (p.viaRedirect) return false;
  const href = p.link?.getAttribute('href') ?? '';
  return !/^(https?:)?\/\//i.test(href);
}

/**
 * The longest text block in the root outside the title (and outside its
 * link and URL lines, unless the link is a whole card holding the text).
 */
export function fallbackSnippet(root: Element, titleEl: Element, link: Element | null): string {
  const blocks = all(root, 'div, p, span, td').filter(
    (el) => !el.contains(titleEl) && !titleEl.contains(el) && !el.closest('cite, script, style'),
  );
  for (const avoidLink of [true, false]) {
    let best: Element | null = null;
    let bestLen = 0;
    for (const el of blocks) {
      if (avoidLink && link && (el.contains(link) || link.contains(el))) continue;
      const len = norm(el.textContent).length;
      if (len > bestLen) {
        best = el;
        bestLen = len;
      }
    }
    if (best) return clip(textOf(best));
  }
  return '';
}

export function clip(text: string, max = 1000): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
