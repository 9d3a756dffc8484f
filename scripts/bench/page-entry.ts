// Runs inside the benchmarked page (bundled by scripts/bench/run.ts with esbuild
// as an IIFE and injected with page.evaluate). Exposes BenchApi on
// window.__mlBench. mark.js is injected separately from
// node_modules/mark.js/dist/mark.min.js and found as window.Mark.
//
// Markenlotse is driven only through its public APIs: PageScanner,
// HighlightPainter, compileMatcher, and (for the stage-by-stage breakdown)
// walkBlocks / positionAt from collect.ts.
import { isSkippedElement, positionAt, walkBlocks } from '../../src/content/collect.ts';
import { HighlightPainter, highlightCss } from '../../src/content/painter.ts';
import { PageScanner } from '../../src/content/scanner.ts';
import { compileMatcher, type BrandMatcher } from '../../src/core/matcher.ts';
import { normalizeSettings, type Brand } from '../../src/core/profile.ts';
import {
  BREAKDOWN_STAGES,
  type BenchApi,
  type BenchWindow,
  type BreakdownResult,
  type IncrementalSetup,
  type ReplaceSetup,
  type Prepared,
} from './api.ts';
import { floorPass, floorRegex as floorRegexOf, floorWalker } from './floor.ts';
import { markAll, type MarkConstructor } from './markjs-run.ts';

/** Brands are groups of this many terms (a brand and its product names). */
const TERMS_PER_BRAND = 10;

interface PreparedSet {
  terms: string[];
  brands: Brand[];
  matcher: BrandMatcher;
  floorRegex: RegExp;
}

const prepared = new Map<number, PreparedSet>();
let current: { painter: HighlightPainter; scanner: PageScanner } | null = null;
/** The painter whose styles went in before the first render (see adoptStylesEarly). */
let earlyPainter: HighlightPainter | null = null;
let incrementalBlocks: Element[] = [];
let incrementalClones: Node[] = [];
let incrementalBefore = 0;
let rescansBefore = 0;
let replaceTarget: Element | null = null;

function need(n: number): PreparedSet {
  const set = prepared.get(n);
  if (!set) throw new Error(`prepare(${n}) was not called`);
  return set;
}

/** Brands as a settings document would hold them (read through normalizeSettings, so defaults are filled in). */
function brandsOf(terms: string[]): Brand[] {
  const brands: { name: string; terms: string[] }[] = [];
  for (let i = 0; i < terms.length; i += TERMS_PER_BRAND) {
    const group = terms.slice(i, i + TERMS_PER_BRAND);
    brands.push({ name: group[0] ?? `Brand ${i}`, terms: group });
  }
  const { settings, problems } = normalizeSettings({ brands });
  if (problems.length) throw new Error(`bench brands rejected: ${JSON.stringify(problems)}`);
  return settings.brands;
}

function body(): HTMLElement {
  return document.body ?? document.documentElement;
}

/** Characters of text under `root` that the content script reads (no script, style, …). */
function textChars(root: Node): number {
  const walker = floorWalker(root);
  let chars = 0;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) chars += (node as Text).length;
  return chars;
}

function markConstructor(): MarkConstructor {
  const ctor = (window as unknown as { Mark?: MarkConstructor }).Mark;
  if (!ctor) throw new Error('mark.js is not loaded');
  return ctor;
}

/** The block around a hit a page would append more of (a search result, a paragraph): the largest ancestor with at most this much text. */
const MAX_BLOCK_CHARS = 2000;

function resultBlockOf(start: Element): Element {
  let el = start;
  const root = body();
  for (;;) {
    const parent: HTMLElement | null = el.parentElement;
    if (!parent || parent === root || (parent.textContent ?? '').length > MAX_BLOCK_CHARS)
      return el;
    el = parent;
  }
}

const api: BenchApi = {
  stats() {
    const walker = floorWalker(body());
    let textNodes = 0;
    let textChars = 0;
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      textNodes++;
      textChars += (node as Text).length;
    }
    return { textNodes, textChars, elements: document.getElementsByTagName('*').length };
  },

  prepare(allTerms, n): Prepared {
    const terms = allTerms.slice(0, n);
    const brands = brandsOf(terms);
    const t0 = performance.now();
    const matcher = compileMatcher(brands);
    const compileMs = performance.now() - t0;
    const floorRegex = floorRegexOf(terms);
    prepared.set(n, { terms, brands, matcher, floorRegex });
    return { terms: terms.length, brands: brands.length, compileMs };
  },

  adoptStylesEarly(allTerms) {
    earlyPainter = new HighlightPainter(document);
    earlyPainter.configure(brandsOf(allTerms.slice(0, 1000)), 'fill');
  },

  settleLayout() {
    void body().offsetHeight;
  },

  async markenlotse(n, label) {
    const set = need(n);
    api.markenlotseCleanup();
    performance.mark(`${label}:s`);
    const t0 = performance.now();
    // What the content script does when a page opens: its styles are in since
    // document_start (adoptStylesEarly); it scans. Without early styles, configure now.
    const painter = earlyPainter ?? new HighlightPainter(document);
    if (!earlyPainter) painter.configure(set.brands, 'fill');
    const scanner = new PageScanner(document, painter);
    current = { painter, scanner };
    await scanner.start(set.matcher);
    const wallMs = performance.now() - t0;
    performance.mark(`${label}:e`);
    return { hits: scanner.total, wallMs };
  },

  markenlotseCleanup() {
    if (!current) return;
    current.scanner.stop();
    if (current.painter !== earlyPainter) current.painter.dispose();
    current = null;
  },

  async incrementalSetup(n): Promise<IncrementalSetup> {
    await api.markenlotse(n, 'incremental-setup');
    const scanner = current?.scanner;
    if (!scanner) throw new Error('no scanner');
    const hits = scanner.hitsInOrder();
    // Candidate blocks: from an even sample of the hits' elements, the result block around each.
    const parents = [...new Set(hits.map((hit) => hit.range.startContainer.parentElement))].filter(
      (el): el is HTMLElement => el !== null,
    );
    const step = Math.max(1, Math.floor(parents.length / 60));
    const candidates: Element[] = [];
    for (let i = 0; i < parents.length; i += step) {
      const block = resultBlockOf(parents[i] as HTMLElement);
      if (block === body() || !block.parentNode) continue;
      if (candidates.some((c) => c === block || c.contains(block) || block.contains(c))) continue;
      candidates.push(block);
    }
    // Ten of them, spread over the page (repeats where a page has fewer).
    incrementalBlocks = [];
    for (let i = 0; i < 10 && candidates.length; i++) {
      incrementalBlocks.push(candidates[Math.floor((i * candidates.length) / 10)] as Element);
    }
    let expectedAdded = 0;
    let appendedChars = 0;
    for (const block of incrementalBlocks) {
      expectedAdded += hits.filter((hit) => block.contains(hit.range.startContainer)).length;
      appendedChars += (block.textContent ?? '').length;
    }
    incrementalBefore = scanner.total;
    return {
      before: incrementalBefore,
      expectedAdded,
      blocks: incrementalBlocks.length,
      appendedChars,
    };
  },

  incrementalAppend(label) {
    const scanner = current?.scanner;
    if (!scanner) throw new Error('no scanner');
    rescansBefore = scanner.stats.rescans;
    performance.mark(`${label}:s`);
    incrementalClones = incrementalBlocks.map((block) => {
      const clone = block.cloneNode(true);
      block.parentNode?.appendChild(clone);
      return clone;
    });
    // The page lays out what it appended before the scanner's (delayed) rescan runs.
    void body().offsetHeight;
    performance.mark(`${label}:e`);
    // The scanner's MutationObserver callback runs right after this, in the same task.
  },

  async incrementalRescan() {
    const scanner = current?.scanner;
    if (!scanner) throw new Error('no scanner');
    // Polled from tasks of their own, so that nothing of the bench runs in the scanner's rescan task.
    const deadline = performance.now() + 5000;
    while (scanner.stats.rescans === rescansBefore || scanner.busy) {
      if (performance.now() > deadline)
        throw new Error('the scanner did not rescan within 5 s of the append');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    return { after: scanner.total };
  },

  incrementalCleanup() {
    for (const clone of incrementalClones) clone.parentNode?.removeChild(clone);
    incrementalClones = [];
    api.markenlotseCleanup();
  },

  async replaceSetup(n): Promise<ReplaceSetup> {
    await api.markenlotse(n, 'replace-setup');
    const scanner = current?.scanner;
    if (!scanner) throw new Error('no scanner');
    // The page's main content, as a single-page app would swap it: from the
    // body down, the child holding the most text, while it holds at least half.
    const all = textChars(body());
    let el: Element = body();
    for (;;) {
      let best: Element | null = null;
      let bestChars = 0;
      for (const child of el.children) {
        if (isSkippedElement(child)) continue;
        const chars = textChars(child);
        if (chars > bestChars) [best, bestChars] = [child, chars];
      }
      if (!best || bestChars < all / 2) break;
      el = best;
    }
    replaceTarget = el === body() ? null : el;
    return {
      before: scanner.total,
      replacedChars: replaceTarget ? textChars(replaceTarget) : 0,
      element: replaceTarget
        ? `${replaceTarget.tagName.toLowerCase()}${replaceTarget.id ? `#${replaceTarget.id}` : ''}`
        : '',
    };
  },

  replaceContent(label) {
    const scanner = current?.scanner;
    if (!scanner || !replaceTarget) throw new Error('replaceSetup() first');
    rescansBefore = scanner.stats.rescans;
    performance.mark(`${label}:s`);
    const fresh = replaceTarget.cloneNode(true) as Element;
    replaceTarget.replaceWith(fresh);
    replaceTarget = fresh;
    void body().offsetHeight;
    performance.mark(`${label}:e`);
  },

  markjs(n, label) {
    const set = need(n);
    const Mark = markConstructor();
    performance.mark(`${label}:s`);
    const t0 = performance.now();
    const marks = markAll(Mark, body(), set.terms);
    const wallMs = performance.now() - t0;
    performance.mark(`${label}:e`);
    return { marks, wallMs };
  },

  markjsCleanup() {
    new (markConstructor())(body()).unmark();
  },

  floor(n, label) {
    const { floorRegex } = need(n);
    performance.mark(`${label}:s`);
    const t0 = performance.now();
    const hits = floorPass(body(), floorRegex);
    const wallMs = performance.now() - t0;
    performance.mark(`${label}:e`);
    return { hits, wallMs };
  },

  noop(label) {
    performance.mark(`${label}:s`);
    performance.mark(`${label}:e`);
  },

  sheetCost(n, variant, label) {
    const { brands } = need(n);
    const root = document.documentElement;
    void body().offsetHeight;
    const sheet = new CSSStyleSheet();
    const css = highlightCss(brands, 'fill');
    sheet.replaceSync(
      variant === 'universal'
        ? css.replace(/:root::highlight\(([^)]*)\), :host::highlight\(\1\)/g, '::highlight($1)')
        : css,
    );
    performance.mark(`${label}:s`);
    if (variant !== 'none') document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
    void body().offsetHeight;
    performance.mark(`${label}:e`);
    performance.mark(`${label}-page:s`);
    root.style.setProperty('--markenlotse-bench', String(Math.random()));
    void body().offsetHeight;
    performance.mark(`${label}-page:e`);
    root.style.removeProperty('--markenlotse-bench');
    document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => s !== sheet);
    void body().offsetHeight;
  },

  breakdown(n, stageName, label): BreakdownResult {
    const { matcher } = need(n);
    const stage = BREAKDOWN_STAGES.indexOf(stageName);
    const root = body();
    const highlight = new Highlight();
    const scratch = 'markenlotse-bench-scratch';
    CSS.highlights.set(scratch, highlight);
    const visible = new Map<Element, boolean>();
    const result: BreakdownResult = {
      blocks: 0,
      blockChars: 0,
      hits: 0,
      visibilityChecks: 0,
      wallMs: 0,
    };
    performance.mark(`${label}:s`);
    const t0 = performance.now();
    for (const block of walkBlocks(root)) {
      result.blocks++;
      result.blockChars += block.text.length;
      if (stage < 1) continue;
      const matches = matcher.find(block.text);
      if (stage < 2) {
        result.hits += matches.length;
        continue;
      }
      for (const match of matches) {
        const start = positionAt(block, match.start, false);
        const end = positionAt(block, match.end, true);
        if (!start || !end) continue;
        if (stage >= 3) {
          // As the scanner does: asked only for hits, cached per element.
          const el = start.node.parentElement;
          if (el) {
            let v = visible.get(el);
            if (v === undefined) {
              v = el.checkVisibility();
              visible.set(el, v);
            }
            if (!v) continue;
          }
        }
        result.hits++;
        if (stage >= 4) {
          highlight.add(
            new StaticRange({
              startContainer: start.node,
              startOffset: start.offset,
              endContainer: end.node,
              endOffset: end.offset,
            }),
          );
        }
      }
    }
    result.wallMs = performance.now() - t0;
    performance.mark(`${label}:e`);
    result.visibilityChecks = visible.size;
    CSS.highlights.delete(scratch);
    return result;
  },
};

(window as unknown as BenchWindow).__mlBench = api;
