/**
 * The rule interpreter: runs one engine layout (data from engines/*.ts) over
 * a document and returns the results it finds, in document order, without
 * ranks (index.ts numbers them).
 */
import {
  all,
  byDocumentOrder,
  clip,
  closest,
  fallbackSnippet,
  first,
  firstByPriority,
  isInternalLink,
  matches,
  pickLink,
  splitSelectors,
  textOf,
} from './dom.ts';
import type { KindRule, Layout, LayoutMatch, ResultKind, ResultRule, SerpResult } from './types.ts';

export type Found = Omit<SerpResult, 'rank'>;

const STRUCTURAL_STOP = new Set(['BODY', 'HTML', 'MAIN', 'OL', 'UL', 'TABLE', 'TBODY', 'THEAD']);

/** The first container of the list present in the document (parts tried in order), else body. */
export function pickScope(doc: Document, scope: string | undefined): Element | null {
  if (scope) {
    for (const sel of splitSelectors(scope)) {
      const el = first(doc, sel);
      if (el) return el;
    }
  }
  return doc.body ?? doc.documentElement;
}

/** How many candidate starts each ancestor (below `scope`) holds. */
export function ancestorCounts(starts: readonly Element[], scope: Element): Map<Element, number> {
  const counts = new Map<Element, number>();
  for (const s of starts) {
    for (let p = s.parentElement; p && p !== scope; p = p.parentElement)
      counts.set(p, (counts.get(p) ?? 0) + 1);
  }
  return counts;
}

/**
 * The result's root for a title: climb from the title (or its link) while
 * the parent holds no other title, stopping at lists, tables, the scope,
 * and at the first ancestor matching `rootStop`.
 */
export function climbRoot(
  start: Element,
  scope: Element,
  counts: Map<Element, number>,
  rootStop?: string,
): Element {
  let el = start;
  if (matches(el, rootStop)) return el;
  for (;;) {
    const p = el.parentElement;
    if (
      !p ||
      p === scope ||
      STRUCTURAL_STOP.has(p.tagName.toUpperCase()) ||
      p.getAttribute('role') === 'main'
    )
      break;
    if ((counts.get(p) ?? 0) > 1) break;
    el = p;
    if (matches(el, rootStop)) break;
  }
  return el;
}

/** The outer one of a title and its link (a > h3: the link; h2 > a: the heading). */
export function outerOf(titleEl: Element, link: Element | null): Element {
  if (link && link.contains(titleEl)) return link;
  return titleEl;
}

function urlParamsMatch(u: URL, params: Record<string, RegExp>): boolean {
  for (const [name, re] of Object.entries(params)) {
    if (!re.test(u.searchParams.get(name) ?? '')) return false;
  }
  return true;
}

export function layoutMatches(m: LayoutMatch | undefined, doc: Document, u: URL): boolean {
  if (!m) return true;
  if (m.host && !m.host.test(u.hostname.toLowerCase())) return false;
  if (m.path && !m.path.test(u.pathname)) return false;
  if (m.params && !urlParamsMatch(u, m.params)) return false;
  if (m.selector && !first(doc, m.selector)) return false;
  if (m.notSelector && first(doc, m.notSelector)) return false;
  return true;
}

export function kindByRules(
  root: Element,
  link: Element | null,
  url: URL,
  rules: readonly KindRule[] | undefined,
): ResultKind | null {
  for (const k of rules ?? []) {
    if (k.url && k.url.test(url.href)) return k.kind;
    if (k.selector) {
      if (matches(root, k.selector) || closest(root, k.selector) || first(root, k.selector))
        return k.kind;
      if (link && matches(link, k.selector)) return k.kind;
    }
  }
  return null;
}

function hasText(el: Element): boolean {
  return /\S/.test(el.textContent ?? '');
}

function snippetOf(
  rule: ResultRule,
  root: Element,
  titleEl: Element,
  link: Element | null,
): string {
  if (rule.snippet) {
    const apart = (el: Element) => !el.contains(titleEl) && !titleEl.contains(el) && hasText(el);
    const places: Element[] = [root];
    let sib = root.nextElementSibling;
    for (let i = 0; i < (rule.snippetSiblings ?? 0) && sib; i++, sib = sib.nextElementSibling)
      places.push(sib);
    for (const place of places) {
      const el = firstByPriority(place, rule.snippet, apart);
      if (el) return clip(textOf(el));
    }
  }
  return fallbackSnippet(root, titleEl, link);
}

interface RunContext {
  layout: Layout;
  /** Where the rules running now look. */
  scope: Element;
  page: URL;
  takenTitles: Set<Element>;
  takenRoots: Set<Element>;
  out: Found[];
}

function insideAny(el: Element, selector: string | undefined): boolean {
  return selector !== undefined && closest(el, selector) !== null;
}

function excluded(el: Element, rule: ResultRule, ctx: RunContext, isAd: boolean): boolean {
  if (insideAny(el, ctx.layout.exclude) || insideAny(el, rule.exclude)) return true;
  return !isAd && insideAny(el, ctx.layout.adZones);
}

function emit(
  ctx: RunContext,
  rule: ResultRule,
  isAd: boolean,
  titleEl: Element,
  rootGiven: Element | null,
  counts: Map<Element, number> | null,
  climbScope: Element = ctx.scope,
): void {
  if (ctx.takenTitles.has(titleEl)) return;
  const picked = pickLink(
    titleEl,
    rootGiven ?? titleEl,
    ctx.page.href,
    rootGiven ? rule.link : undefined,
  );
  if (!picked) return;
  if (!isAd && isInternalLink(picked, ctx.page)) return;
  const title = textOf(titleEl) || (picked.link ? textOf(picked.link) : '');
  if (!title) return;
  const root =
    rootGiven ??
    climbRoot(
      outerOf(titleEl, picked.link),
      climbScope,
      counts ?? new Map<Element, number>(),
      ctx.layout.rootStop,
    );
  if (ctx.takenRoots.has(root)) return;
  let kind: ResultKind;
  if (isAd) kind = 'ad';
  else
    kind =
      rule.kind ??
      kindByRules(root, picked.link, picked.url, ctx.layout.kinds) ??
      ctx.layout.defaultKind ??
      'organic';
  ctx.takenTitles.add(titleEl);
  ctx.takenRoots.add(root);
  ctx.out.push({
    kind,
    title,
    url: picked.url.href,
    snippet: snippetOf(rule, root, titleEl, picked.link),
    root,
    titleElement: titleEl,
    linkElement: picked.link,
  });
}

function runRule(ctx: RunContext, rule: ResultRule, isAd: boolean): void {
  if (rule.root) {
    const roots = all(ctx.scope, rule.root);
    const set = new Set(roots);
    for (const root of roots) {
      let nested = false;
      for (let p = root.parentElement; p && p !== ctx.scope; p = p.parentElement) {
        if (set.has(p) || ctx.takenRoots.has(p)) {
          nested = true;
          break;
        }
      }
      if (nested || excluded(root, rule, ctx, isAd)) continue;
      const titleEl = firstByPriority(root, rule.title, hasText);
      if (titleEl) emit(ctx, rule, isAd, titleEl, root, null);
    }
    return;
  }
  const titles = all(ctx.scope, rule.title);
  const outer = titles.filter((t) => !titles.some((o) => o !== t && o.contains(t)));
  const counts = ancestorCounts(outer, ctx.scope);
  for (const t of outer) {
    if (excluded(t, rule, ctx, isAd)) continue;
    emit(ctx, rule, isAd, t, null, counts);
  }
}

/** Run one layout; results in document order, ads and organic apart by `kind`. */
export function runLayout(layout: Layout, doc: Document, page: URL): Found[] {
  const scope = pickScope(doc, layout.scope);
  if (!scope) return [];
  const adScope = pickScope(doc, layout.adScope) ?? scope;
  const ctx: RunContext = {
    layout,
    scope: adScope,
    page,
    takenTitles: new Set(),
    takenRoots: new Set(),
    out: [],
  };
  for (const rule of layout.ads) runRule(ctx, rule, true);
  ctx.scope = scope;
  for (const rule of layout.organic) runRule(ctx, rule, false);
  // Any other titled link inside an ad zone is an ad too: a new ad format
  // must never pass as an organic result.
  if (layout.adZones) {
    const zones = layout.adZones;
    for (const rule of layout.organic) {
      if (rule.root) continue;
      const left = all(adScope, rule.title).filter(
        (t) =>
          insideAny(t, zones) &&
          !ctx.takenTitles.has(t) &&
          ![...ctx.takenRoots].some((r) => r.contains(t)),
      );
      const counts = ancestorCounts(left, adScope);
      for (const t of left) {
        const zone = closest(t, zones);
        if (zone) emit(ctx, { title: rule.title }, true, t, null, counts, zone);
      }
    }
  }
  return ctx.out.sort((a, b) => byDocumentOrder(a.titleElement, b.titleElement));
}
