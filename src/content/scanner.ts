/**
 * Finds and paints every hit on a page, then keeps up as the page changes.
 *
 * The full pass walks the page block by block in slices of a few
 * milliseconds, painting as it goes and yielding to the page in between, so
 * no task blocks the main thread for long. Afterwards a MutationObserver
 * collects what changed; changes are coalesced and rescanned together at most
 * a few times a second, and only the blocks they touched are matched again.
 *
 * Hidden text (display:none, a closed <details>) is not counted. Where a name
 * was found hidden, the observer also watches attribute changes that can show
 * it (class, style, hidden, open), and the block is rescanned once it shows:
 * an accordion opened, a tab switched. Pages without hidden names are spared
 * those (frequent) attribute records.
 */
import type { BrandMatcher } from '../core/matcher.ts';
import {
  blockOwnerOf,
  isBlockElement,
  isInSkippedContext,
  positionAt,
  walkBlocks,
  type BlockText,
} from './collect.ts';
import type { PaintedRange, Painter } from './painter.ts';

export interface Hit extends PaintedRange {
  termIndex: number;
  /** Offsets of the hit in its block's text. */
  start: number;
  end: number;
  block: BlockRecord;
}

interface BlockRecord {
  owner: Node;
  text: string;
  hits: Hit[];
}

/** How long one slice of the full pass may run before yielding to the page. */
const SLICE_MS = 8;
/** Mutations are coalesced for this long before a rescan. */
const MUTATION_DELAY_MS = 150;
/** A full pass that lost its place (the page removed what it was in) starts over at most this often. */
const MAX_PASS_RESTARTS = 2;
/** Attribute changes that can show hidden text. */
const SHOWING_ATTRIBUTES = ['class', 'style', 'hidden', 'open'];

const yieldToPage = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

/**
 * Tells when a slice of work is over. The clock is read only every few
 * thousand characters of work: performance.now() costs about a microsecond,
 * as much as scanning a short block, and pages have tens of thousands of
 * blocks. A slice overruns by at most that much work (well under a ms).
 */
class SliceClock {
  /** Characters scanned since the clock was last read; each block also counts this much. */
  private work = 0;
  private deadline = performance.now() + SLICE_MS;

  static readonly READ_EVERY = 4096;
  static readonly PER_BLOCK = 64;

  /** Counts a block of `chars` characters; true once the slice is over. */
  spent(chars: number): boolean {
    this.work += chars + SliceClock.PER_BLOCK;
    if (this.work < SliceClock.READ_EVERY) return false;
    this.work = 0;
    return performance.now() > this.deadline;
  }

  restart(): void {
    this.work = 0;
    this.deadline = performance.now() + SLICE_MS;
  }
}

export class PageScanner {
  private readonly blocks = new Map<Node, BlockRecord>();
  private matcher: BrandMatcher | null = null;
  private readonly observer: MutationObserver;
  private readonly observedRoots: (Document | ShadowRoot)[] = [];
  /** Are attribute changes observed (only while some match is hidden)? */
  private watchingAttributes = false;
  /** Blocks with matches that were hidden when scanned, with the elements holding them. */
  private readonly hiddenMatches = new Map<Node, Element[]>();
  /** Elements whose class/style/hidden/open changed since the last rescan. */
  private readonly attributeTargets = new Set<Node>();
  private readonly dirtyOwn = new Set<Node>();
  private readonly dirtySubtrees = new Set<Node>();
  private sweepNeeded = false;
  private flushTimer: ReturnType<typeof setTimeout> | undefined;
  /** Bumped on every restart; a full pass from an older generation stops. */
  private generation = 0;
  private passRunning = false;
  /** A rescan of changes is under way (it yields to the page like the full pass). */
  private rescanRunning = false;
  private orderedCache: Hit[] | null = null;
  private visibility = new Map<Element, boolean>();

  /** How often the page was scanned in full and in part (diagnostics; tests check the page is not rescanned in a loop). */
  readonly stats = { fullPasses: 0, rescans: 0 };

  /** Called after each pass or rescan that changed the hits. */
  onChange: () => void = () => undefined;

  constructor(
    private readonly doc: Document,
    private readonly painter: Painter,
  ) {
    this.observer = new MutationObserver((records) => this.noteMutations(records));
  }

  /** Scans the whole page with a new matcher, replacing whatever was painted. */
  start(matcher: BrandMatcher): Promise<void> {
    return this.pass(matcher, 0);
  }

  private async pass(matcher: BrandMatcher, restarts: number): Promise<void> {
    this.stop();
    this.matcher = matcher;
    const generation = this.generation;
    this.observe(this.doc);
    this.passRunning = true;
    this.stats.fullPasses++;
    const clock = new SliceClock();
    const root = this.doc.body ?? this.doc.documentElement;
    let lost = false;
    const walk = walkBlocks(root, {
      onShadowRoot: this.onShadowRoot,
      onLost: () => (lost = true),
    });
    for (const block of walk) {
      this.scanBlock(block);
      if (clock.spent(block.text.length)) {
        if (!(await this.yieldSlice(generation))) return;
        clock.restart();
      }
    }
    if (lost) {
      // The page took away the part of it the pass was in, between two slices
      // (a framework replacing its content as it loads): what came after it
      // was not walked. Start over; a page that keeps doing it gets its body
      // rescanned as a change instead.
      if (restarts < MAX_PASS_RESTARTS) return this.pass(matcher, restarts + 1);
      this.dirtySubtrees.add(root);
    }
    this.passRunning = false;
    this.changed();
    // Mutations that arrived during the pass are rescanned now.
    if (this.changesPending) this.scheduleFlush();
  }

  /** Mutations noted and not rescanned yet. */
  private get changesPending(): boolean {
    return (
      this.dirtyOwn.size > 0 ||
      this.dirtySubtrees.size > 0 ||
      this.sweepNeeded ||
      this.attributeTargets.size > 0
    );
  }

  /**
   * Ends a slice of work: paints and reports what is done, lets the page run,
   * and says whether to go on (false once the scanner was stopped or restarted).
   */
  private async yieldSlice(generation: number): Promise<boolean> {
    this.changed();
    await yieldToPage();
    if (generation !== this.generation) return false;
    // The page may have changed what is shown while it ran.
    this.visibility.clear();
    return true;
  }

  /** Stops observing and removes every hit. */
  stop(): void {
    this.generation++;
    this.passRunning = false;
    this.rescanRunning = false;
    this.observer.disconnect();
    this.observedRoots.length = 0;
    this.watchingAttributes = false;
    clearTimeout(this.flushTimer);
    this.flushTimer = undefined;
    this.dirtyOwn.clear();
    this.dirtySubtrees.clear();
    this.hiddenMatches.clear();
    this.attributeTargets.clear();
    this.withoutOwnMutations(() => {
      for (const record of this.blocks.values()) this.painter.unpaintBlock(record.hits);
    });
    this.blocks.clear();
    this.matcher = null;
    this.changed();
  }

  /** A full pass or a rescan is under way (its hits are not complete yet). */
  get busy(): boolean {
    return this.passRunning || this.rescanRunning;
  }

  get total(): number {
    let sum = 0;
    for (const record of this.blocks.values()) sum += record.hits.length;
    return sum;
  }

  /** All hits in document order (cached until the hits change). */
  hitsInOrder(): Hit[] {
    if (this.orderedCache) return this.orderedCache;
    const hits = [...this.blocks.values()].flatMap((record) => record.hits);
    hits.sort((a, b) => {
      if (a.range.startContainer === b.range.startContainer)
        return a.range.startOffset - b.range.startOffset;
      const position = a.range.startContainer.compareDocumentPosition(b.range.startContainer);
      return position & Node.DOCUMENT_POSITION_FOLLOWING
        ? -1
        : position & Node.DOCUMENT_POSITION_PRECEDING
          ? 1
          : 0;
    });
    this.orderedCache = hits;
    return hits;
  }

  private changed(): void {
    this.orderedCache = null;
    this.onChange();
  }

  private readonly onShadowRoot = (shadow: ShadowRoot): void => this.observe(shadow);

  private observe(root: Document | ShadowRoot): void {
    if (this.observedRoots.includes(root)) return;
    this.observedRoots.push(root);
    this.observer.observe(root, this.observerOptions());
    if (root instanceof ShadowRoot) this.painter.adopt(root);
  }

  private observerOptions(): MutationObserverInit {
    const options: MutationObserverInit = { childList: true, subtree: true, characterData: true };
    if (this.watchingAttributes) options.attributeFilter = SHOWING_ATTRIBUTES;
    return options;
  }

  /** Starts or stops observing attribute changes, as hidden matches come and go. */
  private watchAttributes(on: boolean): void {
    if (on === this.watchingAttributes) return;
    // Records of the old registration would be lost when observe() replaces it.
    const pending = this.observer.takeRecords();
    if (pending.length) this.noteMutations(pending);
    this.watchingAttributes = on;
    for (const root of this.observedRoots) this.observer.observe(root, this.observerOptions());
  }

  private scanBlock(block: BlockText): void {
    this.dropBlock(block.owner);
    if (this.hiddenMatches.size) this.hiddenMatches.delete(block.owner);
    const matches = this.matcher?.find(block.text);
    if (!matches?.length) return;
    const record: BlockRecord = { owner: block.owner, text: block.text, hits: [] };
    let hidden: Element[] | undefined;
    for (const match of matches) {
      const start = positionAt(block, match.start, false);
      const end = positionAt(block, match.end, true);
      if (!start || !end) continue;
      if (!this.isVisible(start.node)) {
        const holder = start.node.parentElement;
        if (holder && !hidden?.includes(holder)) (hidden ??= []).push(holder);
        continue;
      }
      const range = new StaticRange({
        startContainer: start.node,
        startOffset: start.offset,
        endContainer: end.node,
        endOffset: end.offset,
      });
      const hit: Hit = {
        range,
        brandIndex: match.brandIndex,
        termIndex: match.termIndex,
        start: match.start,
        end: match.end,
        block: record,
      };
      record.hits.push(hit);
    }
    if (hidden) {
      this.hiddenMatches.set(block.owner, hidden);
      this.watchAttributes(true);
    }
    if (!record.hits.length) return;
    this.blocks.set(block.owner, record);
    this.withoutOwnMutations(() => this.painter.paintBlock(record.hits));
  }

  private dropBlock(owner: Node): void {
    const record = this.blocks.get(owner);
    if (!record) return;
    this.withoutOwnMutations(() => this.painter.unpaintBlock(record.hits));
    this.blocks.delete(owner);
  }

  /**
   * Runs a painter step; where painting changes the DOM (the <mark>
   * fallback), the observer's records of it are dropped, after the page's own
   * pending records have been taken in.
   */
  private withoutOwnMutations(paint: () => void): void {
    if (!this.painter.changesDom) {
      paint();
      return;
    }
    const pending = this.observer.takeRecords();
    if (pending.length) this.noteMutations(pending);
    paint();
    this.observer.takeRecords();
  }

  /** Text under display:none (or otherwise not rendered) is not counted. Asked only for hits, and cached. */
  private isVisible(node: Text): boolean {
    const el = node.parentElement;
    return el ? this.isVisibleElement(el) : true;
  }

  private isVisibleElement(el: Element): boolean {
    let visible = this.visibility.get(el);
    if (visible === undefined) {
      visible =
        typeof el.checkVisibility === 'function'
          ? el.checkVisibility()
          : el.getClientRects().length > 0;
      this.visibility.set(el, visible);
    }
    return visible;
  }

  private noteMutations(records: MutationRecord[]): void {
    let pending = false;
    for (const record of records) {
      const target = record.target;
      if (record.type === 'attributes') {
        // Kept only while a hidden match could be shown by it.
        if (this.hiddenMatches.size) {
          this.attributeTargets.add(target);
          pending = true;
        }
        continue;
      }
      pending = true;
      if (record.type === 'characterData') {
        this.dirtyOwn.add(blockOwnerOf(target));
        continue;
      }
      if (record.removedNodes.length) {
        this.sweepNeeded = true;
        this.dirtyOwn.add(blockOwnerOf(target));
      }
      for (const node of record.addedNodes) {
        if (node.nodeType === Node.TEXT_NODE) this.dirtyOwn.add(blockOwnerOf(target));
        else if (node.nodeType === Node.ELEMENT_NODE) {
          if (!isBlockElement(node as Element)) this.dirtyOwn.add(blockOwnerOf(target));
          this.dirtySubtrees.add(node);
        }
      }
    }
    if (pending) this.scheduleFlush();
  }

  private scheduleFlush(): void {
    if (this.flushTimer !== undefined || this.passRunning || this.rescanRunning) return;
    this.flushTimer = setTimeout(() => void this.flush(), MUTATION_DELAY_MS);
  }

  /**
   * Rescans what the coalesced mutations touched, in slices like the full
   * pass (a single-page app may replace its whole content at once).
   * Mutations during the rescan wait for the next one.
   */
  private async flush(): Promise<void> {
    this.flushTimer = undefined;
    if (!this.matcher) return;
    const generation = this.generation;
    this.rescanRunning = true;
    await this.rescan(generation);
    if (generation !== this.generation) return; // stopped meanwhile: stop() reset the state
    this.rescanRunning = false;
    if (!this.hiddenMatches.size) this.watchAttributes(false);
    if (this.changesPending) this.scheduleFlush();
  }

  private async rescan(generation: number): Promise<void> {
    this.visibility.clear();
    const swept = this.sweepNeeded;
    if (this.sweepNeeded) {
      this.sweepNeeded = false;
      for (const [owner, record] of this.blocks) {
        if (!owner.isConnected) this.dropBlock(owner);
        else if (record.hits.some((hit) => !hit.range.startContainer.isConnected))
          this.dirtyOwn.add(owner);
      }
      for (const owner of this.hiddenMatches.keys())
        if (!owner.isConnected) this.hiddenMatches.delete(owner);
    }
    if (this.attributeTargets.size) this.noteShownMatches();
    const own = [...this.dirtyOwn];
    const subtrees = [...this.dirtySubtrees];
    if (own.length || subtrees.length) this.stats.rescans++;
    // Attribute changes that showed nothing: no rescan, nothing to report.
    else if (!swept) return;
    this.dirtyOwn.clear();
    this.dirtySubtrees.clear();
    // Which ancestors are skipped (an editor, our own UI): asked once per parent and slice.
    const skippedMemo = new Map<Node, boolean>();
    const clock = new SliceClock();
    const nextSlice = async (): Promise<boolean> => {
      if (!(await this.yieldSlice(generation))) return false;
      skippedMemo.clear();
      clock.restart();
      return true;
    };
    for (const owner of own) {
      this.dropBlock(owner);
      if (!owner.isConnected || isInSkippedContext(owner, skippedMemo)) continue;
      let chars = 0;
      for (const block of walkBlocks(owner, { ownOnly: true })) {
        this.scanBlock(block);
        chars += block.text.length;
      }
      if (clock.spent(chars) && !(await nextSlice())) return;
    }
    for (const root of subtrees) {
      if (!root.isConnected || isInSkippedContext(root, skippedMemo)) continue;
      // An inline root's own text belongs to its parent block, rescanned above.
      const inline = root.nodeType === Node.ELEMENT_NODE && !isBlockElement(root as Element);
      let lost = false;
      const walk = walkBlocks(root, {
        onShadowRoot: this.onShadowRoot,
        onLost: () => (lost = true),
      });
      for (const block of walk) {
        if (!(inline && block.owner === root)) this.scanBlock(block);
        if (clock.spent(block.text.length) && !(await nextSlice())) return;
      }
      // The page took away the part the walk was in: the rest of `root` next time.
      if (lost && root.isConnected) this.dirtySubtrees.add(root);
    }
    this.changed();
  }

  /** Marks for a rescan the blocks whose hidden matches an attribute change has shown. */
  private noteShownMatches(): void {
    const targets = [...this.attributeTargets];
    this.attributeTargets.clear();
    for (const [owner, holders] of this.hiddenMatches) {
      if (!owner.isConnected) {
        this.hiddenMatches.delete(owner);
        continue;
      }
      // The change was around the block (a container shown) or inside it (a span shown).
      if (!targets.some((target) => target.contains(owner) || owner.contains(target))) continue;
      if (holders.some((holder) => this.isVisibleElement(holder))) this.dirtyOwn.add(owner);
    }
  }
}
