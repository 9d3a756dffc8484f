/**
 * Stepping through a page's hits: the popup reveals one, the keyboard
 * shortcuts step to the next or previous. A revealed hit is scrolled into
 * view and outlined for a moment.
 */
import type { PageHighlights } from './page-highlights.ts';
import type { Hit } from './scanner.ts';

/** How long a revealed hit stays outlined. */
const FOCUS_MS = 1600;

export class HitCursor {
  private index = -1;
  private focused: { hit: Hit; timer: ReturnType<typeof setTimeout> } | null = null;

  constructor(private readonly highlights: PageHighlights) {}

  /** Scrolls a hit into view and outlines it for a moment; false if there is no such hit. */
  reveal(index: number): boolean {
    const hit: Hit | undefined = this.highlights.hitsInOrder()[index];
    if (!hit) return false;
    this.index = index;
    const painter = this.highlights.painter;
    painter.elementOf(hit)?.scrollIntoView({ block: 'center', behavior: 'smooth' });
    this.unfocus();
    painter.focus(hit, true);
    this.focused = { hit, timer: setTimeout(() => this.unfocus(), FOCUS_MS) };
    return true;
  }

  /** Reveals the next (1) or previous (-1) hit, round the end of the page. */
  step(step: 1 | -1): boolean {
    const count = this.highlights.hitsInOrder().length;
    if (count === 0) return false;
    return this.reveal((this.index + step + count) % count);
  }

  /** The hits are about to be painted anew (settings changed): start from the top, outline nothing. */
  reset(): void {
    this.index = -1;
    if (this.focused) clearTimeout(this.focused.timer);
    this.focused = null;
  }

  /** Only one hit is outlined at a time: stepping on ends the previous outline at once. */
  private unfocus(): void {
    if (!this.focused) return;
    clearTimeout(this.focused.timer);
    this.highlights.painter.focus(this.focused.hit, false);
    this.focused = null;
  }
}
