/**
 * The page's painter and scanner, kept as a pair: switching between the
 * Highlight API and the <mark> fallback (the `highlightMethod` setting)
 * replaces both. Who follows the hits (the report to the worker, the results
 * overlay) subscribes here and stays subscribed across a switch.
 */
import type { BrandMatcher } from '../core/matcher.ts';
import type { Brand, HighlightStyle, Settings } from '../core/profile.ts';
import { highlightApiAvailable, HighlightPainter, MarkPainter, type Painter } from './painter.ts';
import { PageScanner, type Hit } from './scanner.ts';

/** The page's hits as they stand, and word when they change. */
export interface PageHits {
  /** A pass or rescan is under way (the hits are not complete yet). */
  readonly busy: boolean;
  readonly total: number;
  hitsInOrder(): readonly Hit[];
  /** See PageScanner.structureVersion. */
  readonly structureVersion: number;
  /** Calls `listener` after each change of the hits; returns the unsubscribe. */
  subscribe(listener: () => void): () => void;
}

export class PageHighlights implements PageHits {
  private currentPainter: Painter;
  private scanner: PageScanner;
  private readonly listeners = new Set<() => void>();

  constructor(private readonly doc: Document) {
    this.currentPainter = this.createPainter('auto');
    this.scanner = this.createScanner();
  }

  private createPainter(method: Settings['highlightMethod']): Painter {
    return method === 'marks' || !highlightApiAvailable(window)
      ? new MarkPainter(this.doc)
      : new HighlightPainter(this.doc);
  }

  private createScanner(): PageScanner {
    const scanner = new PageScanner(this.doc, this.currentPainter);
    scanner.onChange = () => {
      for (const listener of this.listeners) listener();
    };
    return scanner;
  }

  /** Switches between the Highlight API and the <mark> fallback when the settings ask for it. */
  use(method: Settings['highlightMethod']): void {
    const wanted = this.createPainter(method);
    if (wanted.kind === this.currentPainter.kind) return;
    this.scanner.stop();
    this.currentPainter.dispose();
    this.currentPainter = wanted;
    this.scanner = this.createScanner();
  }

  get painter(): Painter {
    return this.currentPainter;
  }

  configure(brands: readonly Brand[], style: HighlightStyle): void {
    this.currentPainter.configure(brands, style);
  }

  /** Scans the page with a new matcher, replacing whatever was painted. */
  start(matcher: BrandMatcher): Promise<void> {
    return this.scanner.start(matcher);
  }

  /** Removes every hit and the styles (paused, or no brands). */
  stop(): void {
    this.scanner.stop();
    this.currentPainter.dispose();
  }

  get busy(): boolean {
    return this.scanner.busy;
  }

  get total(): number {
    return this.scanner.total;
  }

  hitsInOrder(): readonly Hit[] {
    return this.scanner.hitsInOrder();
  }

  get structureVersion(): number {
    return this.scanner.structureVersion;
  }

  /** Full passes and rescans so far (diagnostics). */
  get stats(): { fullPasses: number; rescans: number } {
    return { ...this.scanner.stats };
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
