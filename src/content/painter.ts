/**
 * Paints hits with the CSS Custom Highlight API: one `Highlight` per brand,
 * registered in `CSS.highlights` as `markenlotse-<brand index>`, one
 * StaticRange per hit. The page's DOM is never touched.
 *
 * StaticRange rather than Range: live ranges are updated by the browser on
 * every DOM mutation, a cost thousands of hits would add to every page script.
 * The scanner re-matches whatever changes, so static ranges stay correct.
 *
 * The ::highlight() rules go into a constructed stylesheet adopted by the
 * document and by every scanned shadow root: adopted sheets are not subject
 * to the page's style-src CSP, and document rules do not reach into shadow trees.
 */
import { FOCUS_COLOR, readableTextColor } from '../core/color.ts';
import type { Brand, HighlightStyle } from '../core/profile.ts';

export const HIGHLIGHT_PREFIX = 'markenlotse';
/** The hit being revealed is moved here for a moment (never in two highlights at once). */
export const FOCUS_HIGHLIGHT = `${HIGHLIGHT_PREFIX}-focus`;

export interface PaintedRange {
  brandIndex: number;
  range: StaticRange;
}

/** How hits are painted; the scanner does not care which. */
export interface Painter {
  readonly kind: 'highlight-api' | 'mark-elements';
  /** True when painting changes the DOM (the scanner then ignores its own mutations). */
  readonly changesDom: boolean;
  configure(brands: readonly Brand[], style: HighlightStyle): void;
  /** Makes the styles apply inside a shadow root (or the document). */
  adopt(root: Document | ShadowRoot): void;
  /** Paints the hits of one block, given in text order. */
  paintBlock(hits: readonly PaintedRange[]): void;
  unpaintBlock(hits: readonly PaintedRange[]): void;
  /** Marks one hit as the one being revealed, or not. */
  focus(hit: PaintedRange, on: boolean): void;
  /** An element to scroll to for a hit. */
  elementOf(hit: PaintedRange): Element | null;
  /** Removes everything this painter added. */
  dispose(): void;
}

/** The fallback wraps hits in <mark data-markenlotse="<brand index>">. */
export const MARK_ATTRIBUTE = 'data-markenlotse';
const MARK_FOCUS_ATTRIBUTE = 'data-markenlotse-focus';

export function highlightName(brandIndex: number): string {
  return `${HIGHLIGHT_PREFIX}-${brandIndex}`;
}

/**
 * The selector for a highlight's style. In Chromium not the bare
 * `::highlight(x)` (that is `*::highlight(x)`: adopting it makes the browser
 * restyle every element, 317 ms on the WHATWG spec page): the style is set on
 * the root (and on shadow hosts) and inherited by the highlight
 * pseudo-elements below (CSS Highlight inheritance,
 * https://drafts.csswg.org/css-pseudo-4/#highlight-cascade).
 * Firefox ESR 153 (checked 2026-11-27) does not inherit custom highlight
 * styles, so it keeps the universal rule.
 */
const onRoots = (name: string): string =>
  __BROWSER__ === 'firefox'
    ? `::highlight(${name})`
    : `:root::highlight(${name}), :host::highlight(${name})`;

/** The stylesheet text for a profile. */
export function highlightCss(
  brands: readonly Pick<Brand, 'color'>[],
  style: HighlightStyle,
): string {
  const rules = brands.map((brand, index) => {
    const body =
      style === 'underline'
        ? `text-decoration: underline 3px ${brand.color}; text-decoration-skip-ink: none; text-underline-offset: 2px;`
        : `background-color: ${brand.color}; color: ${readableTextColor(brand.color)};`;
    return `${onRoots(highlightName(index))} { ${body} }`;
  });
  rules.push(
    `${onRoots(FOCUS_HIGHLIGHT)} { background-color: ${FOCUS_COLOR}; color: ${readableTextColor(FOCUS_COLOR)}; }`,
  );
  // The same colours for the <mark> fallback.
  brands.forEach((brand, index) => {
    const body =
      style === 'underline'
        ? `background: none; color: inherit; text-decoration: underline 3px ${brand.color};`
        : `background-color: ${brand.color}; color: ${readableTextColor(brand.color)};`;
    rules.push(`mark[${MARK_ATTRIBUTE}="${index}"] { ${body} padding: 0; }`);
  });
  rules.push(
    `mark[${MARK_ATTRIBUTE}][${MARK_FOCUS_ATTRIBUTE}] { outline: 3px solid ${FOCUS_COLOR}; }`,
  );
  return rules.join('\n');
}

export function highlightApiAvailable(win: Window & typeof globalThis): boolean {
  return (
    typeof win.CSS !== 'undefined' && 'highlights' in win.CSS && typeof win.Highlight === 'function'
  );
}

/** The stylesheet both painters adopt into the document and each shadow root. */
class AdoptedStyles {
  private sheet: CSSStyleSheet | null = null;
  private readonly roots = new Set<Document | ShadowRoot>();

  private css = '';

  /** Rewriting a sheet restyles the page; an unchanged profile (a setting that does not touch colours) skips it. */
  write(css: string): void {
    if (css === this.css && this.sheet) return;
    this.css = css;
    (this.sheet ??= new CSSStyleSheet()).replaceSync(css);
  }

  adopt(root: Document | ShadowRoot): void {
    const sheet = this.sheet;
    if (!sheet || (this.roots.has(root) && root.adoptedStyleSheets.includes(sheet))) return;
    this.roots.add(root);
    root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
  }

  dispose(): void {
    const sheet = this.sheet;
    for (const root of this.roots)
      root.adoptedStyleSheets = root.adoptedStyleSheets.filter((s) => s !== sheet);
    this.roots.clear();
  }
}

export class HighlightPainter implements Painter {
  readonly kind = 'highlight-api';
  readonly changesDom = false;
  private readonly highlights = new Map<string, Highlight>();
  private readonly styles = new AdoptedStyles();
  /** The same highlights by brand index: painting a hit looks up no name. */
  private byBrand: (Highlight | undefined)[] = [];

  constructor(private readonly doc: Document) {}

  /** Registers one highlight per brand (dropping those of brands that are gone) and writes the styles. */
  configure(brands: readonly Brand[], style: HighlightStyle): void {
    this.styles.write(highlightCss(brands, style));
    this.adopt(this.doc);
    const wanted = new Set([...brands.map((_, i) => highlightName(i)), FOCUS_HIGHLIGHT]);
    for (const name of [...this.highlights.keys()]) {
      if (!wanted.has(name)) {
        CSS.highlights.delete(name);
        this.highlights.delete(name);
      }
    }
    for (const name of wanted) {
      if (!this.highlights.has(name)) {
        const highlight = new Highlight();
        this.highlights.set(name, highlight);
        CSS.highlights.set(name, highlight);
      }
    }
    this.byBrand = brands.map((_, i) => this.highlights.get(highlightName(i)));
  }

  adopt(root: Document | ShadowRoot): void {
    this.styles.adopt(root);
  }

  paintBlock(hits: readonly PaintedRange[]): void {
    for (const hit of hits) this.byBrand[hit.brandIndex]?.add(hit.range);
  }

  unpaintBlock(hits: readonly PaintedRange[]): void {
    const focus = this.highlights.get(FOCUS_HIGHLIGHT);
    for (const hit of hits) {
      this.byBrand[hit.brandIndex]?.delete(hit.range);
      focus?.delete(hit.range);
    }
  }

  elementOf(hit: PaintedRange): Element | null {
    return hit.range.startContainer.parentElement;
  }

  /** Moves a hit into the focus highlight and back, so it is in exactly one highlight at any time. */
  focus(hit: PaintedRange, on: boolean): void {
    const from = this.highlights.get(on ? highlightName(hit.brandIndex) : FOCUS_HIGHLIGHT);
    const to = this.highlights.get(on ? FOCUS_HIGHLIGHT : highlightName(hit.brandIndex));
    if (from?.delete(hit.range)) to?.add(hit.range);
  }

  dispose(): void {
    for (const name of this.highlights.keys()) CSS.highlights.delete(name);
    this.highlights.clear();
    this.byBrand = [];
    this.styles.dispose();
  }
}

/**
 * The fallback where the Highlight API is missing (or the user chose it):
 * wraps each hit's text in <mark data-markenlotse="<brand index>"> elements,
 * and unwraps them again without leaving anything behind.
 */
export class MarkPainter implements Painter {
  readonly kind = 'mark-elements';
  readonly changesDom = true;
  private readonly styles = new AdoptedStyles();
  private readonly marks = new Map<PaintedRange, HTMLElement[]>();

  constructor(private readonly doc: Document) {}

  configure(brands: readonly Brand[], style: HighlightStyle): void {
    this.styles.write(highlightCss(brands, style));
    this.adopt(this.doc);
  }

  adopt(root: Document | ShadowRoot): void {
    this.styles.adopt(root);
  }

  paintBlock(hits: readonly PaintedRange[]): void {
    // Last hit first: splitting a text node keeps offsets before the split valid.
    for (let i = hits.length - 1; i >= 0; i--) {
      const hit = hits[i] as PaintedRange;
      this.marks.set(hit, this.wrap(hit));
    }
  }

  unpaintBlock(hits: readonly PaintedRange[]): void {
    for (const hit of hits) {
      for (const mark of this.marks.get(hit) ?? []) mark.replaceWith(...mark.childNodes);
      this.marks.delete(hit);
    }
  }

  focus(hit: PaintedRange, on: boolean): void {
    for (const mark of this.marks.get(hit) ?? []) mark.toggleAttribute(MARK_FOCUS_ATTRIBUTE, on);
  }

  elementOf(hit: PaintedRange): Element | null {
    return this.marks.get(hit)?.[0] ?? null;
  }

  dispose(): void {
    this.unpaintBlock([...this.marks.keys()]);
    this.styles.dispose();
  }

  private wrap({ range, brandIndex }: PaintedRange): HTMLElement[] {
    const texts: Text[] = [];
    const walker = this.doc.createTreeWalker(
      range.startContainer.getRootNode(),
      NodeFilter.SHOW_TEXT,
    );
    walker.currentNode = range.startContainer;
    for (let node: Node | null = range.startContainer; node; node = walker.nextNode()) {
      texts.push(node as Text);
      if (node === range.endContainer) break;
    }
    const marks: HTMLElement[] = [];
    for (const text of texts) {
      const from = text === range.startContainer ? range.startOffset : 0;
      const to = text === range.endContainer ? range.endOffset : text.length;
      if (from >= to) continue;
      const piece = from > 0 ? text.splitText(from) : text;
      if (to - from < piece.length) piece.splitText(to - from);
      const mark = this.doc.createElement('mark');
      mark.setAttribute(MARK_ATTRIBUTE, String(brandIndex));
      piece.replaceWith(mark);
      mark.append(piece);
      marks.push(mark);
    }
    return marks;
  }
}
