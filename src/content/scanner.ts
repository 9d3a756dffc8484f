/**
 * Finds and paints every hit on a page, then keeps up as the page changes.
 *
 * The full pass walks the page block by block in slices of a few
 * milliseconds, painting as it goes and yielding to the page in between, so
 * no task blocks the main thread for long. Afterwards the change queue
 * (change-queue.ts) collects and coalesces what the page changed, and a
 * rescan matches again only the blocks those changes touched, in slices too.
 *
 * Hidden text (display:none, a closed <details>) is not counted; the names
 * found in it are kept by hidden-names.ts, which says when the page shows
 * them, and the block is rescanned then.
 */
import type { BrandMatcher } from '../core/matcher.ts';
import { ChangeQueue } from './change-queue.ts';
import {
  isBlockElement,
  isInSkippedContext,
  PAUSE,
  positionAt,
  walkBlocks,
  walkSteps,
  type BlockText,
} from './collect.ts';
import { HiddenNames } from './hidden-names.ts';
import { HitOrder } from './hit-order.ts';
import type { PaintedRange, Painter } from './painter.ts';
import { SliceClock, yieldToPage } from './slice-clock.ts';

export interface Hit extends PaintedRange {
  termIndex: number;
  /** Offsets of the hit in its block's text. */
  start: number;
  end: number;
  block: BlockRecord;
  /** Where the hit is in document order, among the others (hit-order.ts). */
  order: number;
}

interface BlockRecord {
  owner: Node;
  text: string;
  hits: Hit[];
}

/** A full pass that lost its place (the page removed what it was in) starts over at most this often. */
const MAX_PASS_RESTARTS = 2;

export class PageScanner {
  private readonly blocks = new Map<Node, BlockRecord>();
  private matcher: BrandMatcher | null = null;
  private readonly hidden = new HiddenNames((on) => this.changes.watchAttributes(on));
  private readonly changes = new ChangeQueue({
    onDue: () => void this.flush(),
    keepsAttributeChanges: () => this.hidden.any,
  });
  /** Bumped on every restart; a full pass from an older generation stops. */
  private generation = 0;
  private passRunning = false;
  /** A rescan of changes is under way (it yields to the page like the full pass). */
  private rescanRunning = false;
  private readonly order = new HitOrder<Hit>();
  private contentWalked = 0;

  /** How often the page was scanned in full and in part (diagnostics; tests check the page is not rescanned in a loop). */
  readonly stats = { fullPasses: 0, rescans: 0 };

  /** Called after each pass or rescan that changed the hits, and after each slice of one. */
  onChange: () => void = () => undefined;

  constructor(
    private readonly doc: Document,
    private readonly painter: Painter,
  ) {}

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
    this.changes.hold();
    this.stats.fullPasses++;
    const clock = new SliceClock();
    // No root element at all while a page has taken it away (issue 10 item 8): the
    // document itself, whose observer sees the root come back as an added subtree.
    const documentElement: Element | null = this.doc.documentElement;
    const root: Node = this.doc.body ?? documentElement ?? this.doc;
    const walk = this.walk(root, true);
    for (const step of walk.blocks) {
      if (step === PAUSE) {
        // Inside a long block (200,000 text nodes in one): read the clock as between blocks.
        if (clock.over()) {
          if (!(await this.yieldSlice(generation))) return;
          clock.restart();
        }
        continue;
      }
      this.scanBlock(step);
      if (clock.spent(step.text.length)) {
        if (!(await this.yieldSlice(generation))) return;
        clock.restart();
      }
    }
    if (walk.lost()) {
      // The page took away the part of it the pass was in, between two slices
      // (a framework replacing its content as it loads): what came after it
      // was not walked. Start over; a page that keeps doing it gets its body
      // rescanned as a change instead.
      if (restarts < MAX_PASS_RESTARTS) return this.pass(matcher, restarts + 1);
      this.changes.addSubtree(root);
    }
    this.passRunning = false;
    this.contentWalked++;
    this.changed();
    // Mutations that arrived during the pass are rescanned now.
    this.changes.release();
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
    this.hidden.forgetVisibility();
    return true;
  }

  /** Stops observing and removes every hit. */
  stop(): void {
    this.generation++;
    this.passRunning = false;
    this.rescanRunning = false;
    this.changes.clear();
    this.hidden.clear();
    this.withoutOwnMutations(() => {
      for (const record of this.blocks.values()) this.painter.unpaintBlock(record.hits);
    });
    this.blocks.clear();
    this.order.clear();
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

  /**
   * Grows each time the scanner has walked content the page added: a full
   * pass, or a subtree taken in by a rescan. Who reads the page's structure
   * (the results overlay) tells by it new elements from edited text.
   */
  get structureVersion(): number {
    return this.contentWalked;
  }

  /** All hits in document order (kept until the hits change; no DOM sorting, see hit-order.ts). */
  hitsInOrder(): Hit[] {
    return this.order.inOrder(
      () => this.allHits(),
      (hit) => this.blocks.get(hit.block.owner) === hit.block,
    );
  }

  private *allHits(): Generator<Hit> {
    for (const record of this.blocks.values()) yield* record.hits;
  }

  private changed(): void {
    this.order.changed();
    this.onChange();
  }

  /**
   * Walks the blocks under `root`, observing the shadow roots it enters;
   * `lost()` tells whether the page took away the part the walk was in.
   */
  private walk(root: Node): { blocks: Generator<BlockText>; lost: () => boolean };
  private walk(
    root: Node,
    pauses: true,
  ): { blocks: Generator<BlockText | typeof PAUSE>; lost: () => boolean };
  private walk(
    root: Node,
    pauses = false,
  ): { blocks: Generator<BlockText | typeof PAUSE>; lost: () => boolean } {
    let lost = false;
    const options = {
      onShadowRoot: (shadow: ShadowRoot) => this.observe(shadow),
      onLost: () => (lost = true),
    };
    const blocks = pauses ? walkSteps(root, options) : walkBlocks(root, options);
    return { blocks, lost: () => lost };
  }

  private observe(root: Document | ShadowRoot): void {
    if (this.changes.observe(root) && root instanceof ShadowRoot) this.painter.adopt(root);
  }

  /** Matches and paints one block; returns its hits. */
  private scanBlock(block: BlockText): Hit[] {
    this.dropBlock(block.owner);
    this.hidden.forget(block.owner);
    const matches = this.matcher?.find(block.text);
    if (!matches?.length) return [];
    const record: BlockRecord = { owner: block.owner, text: block.text, hits: [] };
    let hidden: Element[] | undefined;
    for (const match of matches) {
      const start = positionAt(block, match.start, false);
      const end = positionAt(block, match.end, true);
      if (!start || !end) continue;
      if (!this.hidden.isShown(start.node)) {
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
        order: start.order,
      };
      record.hits.push(hit);
    }
    if (hidden) this.hidden.note(block.owner, hidden);
    if (!record.hits.length) return [];
    this.blocks.set(block.owner, record);
    this.withoutOwnMutations(() => this.painter.paintBlock(record.hits));
    return record.hits;
  }

  private dropBlock(owner: Node): void {
    const record = this.blocks.get(owner);
    if (!record) return;
    this.withoutOwnMutations(() => this.painter.unpaintBlock(record.hits));
    this.blocks.delete(owner);
  }

  /** Runs a painter step; where painting changes the DOM (the <mark> fallback), not as a change of the page. */
  private withoutOwnMutations(paint: () => void): void {
    if (this.painter.changesDom) this.changes.withoutOwnMutations(paint);
    else paint();
  }

  /**
   * Rescans what the coalesced mutations touched, in slices like the full
   * pass (a single-page app may replace its whole content at once).
   * Mutations during the rescan wait for the next one.
   */
  private async flush(): Promise<void> {
    if (!this.matcher) return;
    const generation = this.generation;
    this.rescanRunning = true;
    this.changes.hold();
    await this.rescan(generation);
    if (generation !== this.generation) return; // stopped meanwhile: stop() reset the state
    this.rescanRunning = false;
    this.hidden.settle();
    this.changes.release();
  }

  private async rescan(generation: number): Promise<void> {
    this.hidden.forgetVisibility();
    const swept = this.changes.takeRemovals();
    if (swept) {
      for (const [owner, record] of this.blocks) {
        if (!owner.isConnected) this.dropBlock(owner);
        else if (record.hits.some((hit) => !hit.range.startContainer.isConnected))
          this.changes.addOwn(owner);
      }
      this.hidden.forgetRemoved();
    }
    const targets = this.changes.takeAttributeTargets();
    if (targets.length)
      for (const owner of this.hidden.shownBy(targets)) this.changes.addOwn(owner);
    const { own, subtrees } = this.changes.takeBlocks();
    if (own.length || subtrees.length) this.stats.rescans++;
    // Attribute changes that showed nothing: no rescan, nothing to report.
    else if (!swept) return;
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
        // A changed block's hits are placed among the others one by one.
        this.order.changed({ hits: this.scanBlock(block), contiguous: false });
        chars += block.text.length;
      }
      if (clock.spent(chars) && !(await nextSlice())) return;
    }
    for (const root of subtrees) {
      if (!root.isConnected || isInSkippedContext(root, skippedMemo)) continue;
      // An inline root's own text belongs to its parent block, rescanned above.
      const inline = root.nodeType === Node.ELEMENT_NODE && !isBlockElement(root as Element);
      const walk = this.walk(root);
      // The subtree's hits follow one another in the document: placed as one run.
      const found: Hit[] = [];
      const place = (): void => this.order.changed({ hits: found.splice(0), contiguous: true });
      for (const block of walk.blocks) {
        if (!(inline && block.owner === root)) found.push(...this.scanBlock(block));
        if (clock.spent(block.text.length)) {
          place();
          if (!(await nextSlice())) return;
        }
      }
      place();
      this.contentWalked++;
      // The page took away the part the walk was in: the rest of `root` next time.
      if (walk.lost() && root.isConnected) this.changes.addSubtree(root);
    }
    this.changed();
  }
}
