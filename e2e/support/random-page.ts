/**
 * Random web pages with the names of a profile sprinkled in, each with the
 * hits a correct content script paints on it: the oracle of
 * e2e/random-pages.spec.ts. Drawn from a seed (src/core/random.ts).
 *
 * A page is nested blocks and inline elements, open shadow roots
 * (declarative), tables and lists, and things whose text is never scanned
 * (script, style, textarea, noscript, template, an editor, select, SVG) or
 * not shown (hidden, display:none, a closed <details>). Each name that should
 * be painted stands in a `<span data-slot="N">` of its own, sometimes split
 * over inline elements (`AC<b>ME</b>`); the filler words around it can never
 * form a name, and no name is followed by a letter, a legal form or a
 * genitive "s". So the oracle is exact: one range per slot that is shown,
 * with the name's text, and no range anywhere else.
 */
import { seededRandom } from '../../src/core/random.ts';

/** The profile the pages are made for. */
export const RANDOM_PAGE_SETTINGS = {
  brands: [
    { name: 'ACME', color: '#4fc3f7', terms: ['ACME'] },
    { name: 'Zorbix Werke', color: '#ffd54f', terms: ['Zorbix Werke'] },
    { name: 'Müller', color: '#a5d6a7', terms: ['Müller'] },
  ],
};

/** Spellings of each brand's term that match it (case, umlauts folded both ways, a soft hyphen). */
const SPELLINGS: readonly [brandIndex: number, text: string][] = [
  [0, 'ACME'],
  [1, 'Zorbix Werke'],
  [1, 'ZORBIX WERKE'],
  [1, 'zorbix werke'],
  [2, 'Müller'],
  [2, 'MÜLLER'],
  [2, 'Mueller'],
  [2, 'müller'],
  [2, 'Mül\u00adler'],
];

/** Words that are no name and, side by side, form none: Latin, German, RTL scripts, emoji sequences. */
const FILLER = [
  'lorem',
  'ipsum',
  'dolor',
  'sit',
  'amet',
  'consectetur',
  'tempor',
  'Straße',
  'naïve',
  'Grüße',
  'שלום',
  'עולם',
  'مرحبا',
  'بالعالم',
  '👩‍👩‍👧‍👦',
  '🇩🇪',
  '😀',
  '—',
  '(1)',
  '42',
  '\u200f',
  '\u202b',
];

/** One name the content script must paint: its slot, its highlight and its text. */
export interface PaintedName {
  slot: number;
  highlight: string;
  text: string;
}

export interface RandomPage {
  html: string;
  expected: PaintedName[];
  /** What the page holds, for the test's report: slots by context. */
  slots: { shown: number; hidden: number; skipped: number };
}

type Context = 'shown' | 'hidden' | 'skipped';

const escapeText = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

class PageMaker {
  private readonly next: () => number;
  private nextSlot = 0;
  private budget = 400;
  readonly expected: PaintedName[] = [];
  readonly slots = { shown: 0, hidden: 0, skipped: 0 };

  constructor(
    seed: number,
    private readonly options: RandomPageOptions,
  ) {
    this.next = seededRandom(seed);
  }

  private chance = (p: number) => this.next() < p;
  private int = (max: number) => Math.floor(this.next() * max);
  private pick = <T>(items: readonly T[]): T => items[this.int(items.length)]!;

  private words(): string {
    return Array.from({ length: 1 + this.int(6) }, () => this.pick(FILLER)).join(' ');
  }

  /** A name in a slot of its own, maybe split over inline elements. */
  private slot(context: Context): string {
    const [brandIndex, text] = this.pick(SPELLINGS);
    const slot = this.nextSlot++;
    this.slots[context]++;
    if (context === 'shown')
      this.expected.push({ slot, highlight: `markenlotse-${brandIndex}`, text });
    let inner = escapeText(text);
    if (this.chance(0.3) && text.length > 2) {
      const cut = 1 + this.int(text.length - 1);
      const tag = this.pick(['b', 'i', 'em', 'span', 'code']);
      inner = `${escapeText(text.slice(0, cut))}<${tag}>${escapeText(text.slice(cut))}</${tag}>`;
    }
    // A box-less parent (display:contents) still shows its text.
    const style =
      this.options.displayContents && this.chance(0.2) ? ' style="display:contents"' : '';
    return ` <span data-slot="${slot}"${style}>${inner}</span> `;
  }

  /**
   * Inline content: words, names, inline elements around more of it. (No link
   * inside a link: the parser would close the outer one, and a slot with it.)
   */
  private inline(context: Context, depth: number, inLink = false): string {
    const parts: string[] = [];
    const n = 1 + this.int(4);
    for (let i = 0; i < n && this.budget-- > 0; i++) {
      const roll = this.next();
      if (roll < 0.4) parts.push(` ${escapeText(this.words())} `);
      else if (roll < 0.7) parts.push(this.slot(context));
      else if (roll < 0.78)
        parts.push(`<span hidden>${this.inline('hidden', depth + 1, inLink)}</span>`);
      else if (roll < 0.8) parts.push('<br>');
      else if (roll < 0.86) parts.push(this.skipped(depth, true));
      else if (depth < 4) {
        const tag = this.pick([
          'b',
          'strong',
          'em',
          'span',
          'code',
          'small',
          ...(inLink ? [] : ['a']),
        ]);
        const open = tag === 'a' ? 'a href="#x"' : tag;
        parts.push(`<${open}>${this.inline(context, depth + 1, inLink || tag === 'a')}</${tag}>`);
      }
    }
    return parts.join('');
  }

  /** A name in text that is never scanned: raw text (no slot markup possible), or an element. */
  private skipped(depth: number, inline = false): string {
    const [, name] = this.pick(SPELLINGS);
    const raw = escapeText(name);
    this.slots.skipped++;
    switch (this.int(9)) {
      case 0:
        return `<script type="text/plain"> ${raw} </script>`;
      case 1:
        return `<style>/* ${raw} */</style>`;
      case 2:
        return `<textarea> ${raw} </textarea>`;
      case 3:
        return `<noscript> ${raw} </noscript>`;
      case 4:
        return `<select><option> ${raw} </option></select>`;
      case 5:
        return `<template><p>${this.inline('skipped', depth + 1)}</p></template>`;
      case 6:
        return `<svg width="200" height="20"><text x="0" y="15"> ${raw} </text></svg>`;
      case 7:
        return `<input value=" ${raw} ">`;
      default:
        // (Inline content gets an inline editor: a <div> would close an open <p>.)
        return inline
          ? `<span contenteditable="true">${this.inline('skipped', depth + 1)}</span>`
          : `<div contenteditable="true">${this.blocks('skipped', depth + 1)}</div>`;
    }
  }

  private hidden(depth: number): string {
    switch (this.int(3)) {
      case 0:
        return `<div hidden>${this.blocks('hidden', depth + 1)}</div>`;
      case 1:
        return `<div style="display:none">${this.blocks('hidden', depth + 1)}</div>`;
      default:
        // The summary of a closed <details> is shown, its body is not.
        return `<details><summary>${this.inline('shown', depth + 1)}</summary>${this.blocks('hidden', depth + 1)}</details>`;
    }
  }

  /** One block element with its content. */
  private block(context: Context, depth: number): string {
    if (this.budget-- <= 0 || depth > 7) return `<p>${escapeText(this.words())}</p>`;
    const roll = this.next();
    if (roll < 0.08) return this.skipped(depth);
    if (roll < 0.13 && context === 'shown') return this.hidden(depth);
    if (roll < 0.2) {
      const host = this.pick(['div', 'section', 'x-card']);
      return `<${host}><template shadowrootmode="open">${this.blocks(context, depth + 1)}</template></${host}>`;
    }
    if (roll < 0.26)
      return `<table><tr><td>${this.inline(context, depth)}</td><td>${this.blocks(context, depth + 1)}</td></tr></table>`;
    if (roll < 0.32)
      return `<ul><li>${this.inline(context, depth)}</li><li>${this.blocks(context, depth + 1)}</li></ul>`;
    const tag = this.pick(['div', 'p', 'section', 'article', 'h2', 'blockquote', 'x-card']);
    const inner =
      tag === 'p' || tag === 'h2' || this.chance(0.5)
        ? this.inline(context, depth)
        : `${this.inline(context, depth)}${this.blocks(context, depth + 1)}${this.inline(context, depth)}`;
    return `<${tag}>${inner}</${tag}>`;
  }

  blocks(context: Context, depth: number, atLeast = 1): string {
    return Array.from({ length: atLeast + this.int(4) }, () => this.block(context, depth)).join(
      '\n',
    );
  }
}

export interface RandomPageOptions {
  /** Some names stand in a `display:contents` element (issue 10, item 6). */
  displayContents?: boolean;
}

export function randomPage(seed: number, options: RandomPageOptions = {}): RandomPage {
  const maker = new PageMaker(seed, options);
  const body = maker.blocks('shown', 0, 8);
  const html = `<!doctype html>\n<html lang="de"><head><meta charset="utf-8"><title>Seite ${seed}</title></head>\n<body>\n${body}\n</body></html>\n`;
  const expected = [...maker.expected].sort(comparePainted);
  return { html, expected, slots: maker.slots };
}

export function comparePainted(a: PaintedName, b: PaintedName): number {
  return a.slot - b.slot || a.highlight.localeCompare(b.highlight) || a.text.localeCompare(b.text);
}

/**
 * Every range of the markenlotse highlights (the focus highlight aside), as
 * the page's main world sees it, with the slot it lies in (-1: none, or it
 * leaves its slot). Runs in the page.
 */
export function paintedNamesInPage(): { slot: number; highlight: string; text: string }[] {
  const out: { slot: number; highlight: string; text: string }[] = [];
  const slotOf = (node: Node) => {
    const el = node.nodeType === Node.ELEMENT_NODE ? (node as Element) : node.parentElement;
    const slot = el?.closest('[data-slot]')?.getAttribute('data-slot');
    return slot === undefined || slot === null ? -1 : Number(slot);
  };
  CSS.highlights.forEach((highlight, name) => {
    if (!name.startsWith('markenlotse-') || name === 'markenlotse-focus') return;
    for (const range of highlight) {
      const start = slotOf(range.startContainer);
      const end = slotOf(range.endContainer);
      const r = document.createRange();
      r.setStart(range.startContainer, range.startOffset);
      r.setEnd(range.endContainer, range.endOffset);
      out.push({ slot: start === end ? start : -1, highlight: name, text: r.toString() });
    }
  });
  return out;
}
