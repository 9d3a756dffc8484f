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
import { readableTextColor } from '../core/color.ts';
import type { Brand, HighlightStyle } from '../core/profile.ts';

export const HIGHLIGHT_PREFIX = 'markenlotse';
/** The hit being revealed is moved here for a moment (never in two highlights at once). */
export const FOCUS_HIGHLIGHT = `${HIGHLIGHT_PREFIX}-focus`;

export interface PaintedRange {
  brandIndex: number;
  range: StaticRange;
}

export function highlightName(brandIndex: number): string {
  return `${HIGHLIGHT_PREFIX}-${brandIndex}`;
}

/** The stylesheet text for a profile. */
export function highlightCss(brands: readonly Pick<Brand, 'color'>[], style: HighlightStyle): string {
  const rules = brands.map((brand, index) => {
    const body =
      style === 'underline'
        ? `text-decoration: underline 3px ${brand.color}; text-decoration-skip-ink: none; text-underline-offset: 2px;`
        : `background-color: ${brand.color}; color: ${readableTextColor(brand.color)};`;
    return `::highlight(${highlightName(index)}) { ${body} }`;
  });
  rules.push(`::highlight(${FOCUS_HIGHLIGHT}) { background-color: #ff6d00; color: #ffffff; }`);
  return rules.join('\n');
}

export function highlightApiAvailable(win: Window & typeof globalThis): boolean {
  return typeof win.CSS !== 'undefined' && 'highlights' in win.CSS && typeof win.Highlight === 'function';
}

export class HighlightPainter {
  readonly kind = 'highlight-api';
  private readonly highlights = new Map<string, Highlight>();
  private readonly sheet: CSSStyleSheet;
  private readonly roots = new Set<Document | ShadowRoot>();

  constructor(private readonly doc: Document) {
    this.sheet = new CSSStyleSheet();
  }

  /** Registers one highlight per brand (dropping those of brands that are gone) and writes the styles. */
  configure(brands: readonly Brand[], style: HighlightStyle): void {
    this.sheet.replaceSync(highlightCss(brands, style));
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
  }

  /** Makes the highlight styles apply inside a shadow root (or the document). */
  adopt(root: Document | ShadowRoot): void {
    if (this.roots.has(root) && root.adoptedStyleSheets.includes(this.sheet)) return;
    this.roots.add(root);
    root.adoptedStyleSheets = [...root.adoptedStyleSheets, this.sheet];
  }

  add(hit: PaintedRange): void {
    this.highlights.get(highlightName(hit.brandIndex))?.add(hit.range);
  }

  remove(hit: PaintedRange): void {
    this.highlights.get(highlightName(hit.brandIndex))?.delete(hit.range);
    this.highlights.get(FOCUS_HIGHLIGHT)?.delete(hit.range);
  }

  /** Moves a hit into the focus highlight and back, so it is in exactly one highlight at any time. */
  focus(hit: PaintedRange, on: boolean): void {
    const from = this.highlights.get(on ? highlightName(hit.brandIndex) : FOCUS_HIGHLIGHT);
    const to = this.highlights.get(on ? FOCUS_HIGHLIGHT : highlightName(hit.brandIndex));
    if (from?.delete(hit.range)) to?.add(hit.range);
  }

  clear(): void {
    for (const highlight of this.highlights.values()) highlight.clear();
  }

  /** Removes everything this painter registered (settings paused the page). */
  dispose(): void {
    for (const name of this.highlights.keys()) CSS.highlights.delete(name);
    this.highlights.clear();
    for (const root of this.roots) root.adoptedStyleSheets = root.adoptedStyleSheets.filter((s) => s !== this.sheet);
    this.roots.clear();
  }
}
