/**
 * What the page changed since the scanner last looked, as its
 * MutationObserver reports it: the blocks whose own text changed, the
 * subtrees it added, whether it removed anything, and (only while attribute
 * changes are watched) the elements whose class, style, hidden or open
 * changed.
 *
 * Changes are coalesced: `onDue` is called once, `delayMs` after the first
 * change noted since the queue was last taken, and never while the queue is
 * held (a pass or a rescan is under way; it is due again once released).
 */
import { blockOwnerOf, isBlockElement } from './collect.ts';

/** Mutations are coalesced for this long before a rescan. */
export const MUTATION_DELAY_MS = 150;
/** Attribute changes that can show hidden text. */
export const SHOWING_ATTRIBUTES = ['class', 'style', 'hidden', 'open'];

export interface ChangeQueueHooks {
  /** The coalescing delay is over: time to take the changes and rescan. */
  onDue(): void;
  /** Is an attribute change worth keeping now (is some name hidden)? Asked per record. */
  keepsAttributeChanges(): boolean;
}

/** The blocks and subtrees to scan again, taken out of the queue. */
export interface ChangedBlocks {
  /** Blocks whose own text (not their nested blocks') changed. */
  own: Node[];
  /** Elements the page added, to walk whole. */
  subtrees: Node[];
}

export class ChangeQueue {
  private readonly observer: MutationObserver;
  private readonly roots: (Document | ShadowRoot)[] = [];
  private watchingAttributes = false;
  private readonly own = new Set<Node>();
  private readonly subtrees = new Set<Node>();
  /** Elements whose class/style/hidden/open changed. */
  private readonly attributeTargets = new Set<Node>();
  private removals = false;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private held = false;

  constructor(
    private readonly hooks: ChangeQueueHooks,
    private readonly delayMs = MUTATION_DELAY_MS,
  ) {
    this.observer = new MutationObserver((records) => this.note(records));
  }

  /** Starts observing a document or shadow root; false if it was observed already. */
  observe(root: Document | ShadowRoot): boolean {
    if (this.roots.includes(root)) return false;
    this.roots.push(root);
    this.observer.observe(root, this.options());
    return true;
  }

  get watchesAttributes(): boolean {
    return this.watchingAttributes;
  }

  /** Starts or stops observing the attribute changes that can show hidden text. */
  watchAttributes(on: boolean): void {
    if (on === this.watchingAttributes) return;
    // Records of the old registration would be lost when observe() replaces it.
    this.takePageRecords();
    this.watchingAttributes = on;
    for (const root of this.roots) this.observer.observe(root, this.options());
  }

  private options(): MutationObserverInit {
    const options: MutationObserverInit = { childList: true, subtree: true, characterData: true };
    if (this.watchingAttributes) options.attributeFilter = SHOWING_ATTRIBUTES;
    return options;
  }

  /** Changes noted and not taken yet. */
  get pending(): boolean {
    return (
      this.own.size > 0 || this.subtrees.size > 0 || this.removals || this.attributeTargets.size > 0
    );
  }

  /** A pass or rescan is under way: changes wait for it. */
  hold(): void {
    this.held = true;
  }

  /** The pass or rescan is over: what arrived meanwhile is due after the delay. */
  release(): void {
    this.held = false;
    if (this.pending) this.schedule();
  }

  /**
   * Runs a step that changes the DOM itself (painting with the <mark>
   * fallback): the observer's records of it are dropped, after the page's own
   * pending records have been taken in.
   */
  withoutOwnMutations(change: () => void): void {
    this.takePageRecords();
    change();
    this.observer.takeRecords();
  }

  private takePageRecords(): void {
    const pending = this.observer.takeRecords();
    if (pending.length) this.note(pending);
  }

  /** Was anything removed since the last time asked? (Then hits may have gone with it.) */
  takeRemovals(): boolean {
    const removals = this.removals;
    this.removals = false;
    return removals;
  }

  takeAttributeTargets(): Node[] {
    const targets = [...this.attributeTargets];
    this.attributeTargets.clear();
    return targets;
  }

  /** Marks a block for a rescan of its own text (its hits lost their text, a hidden name shown). */
  addOwn(owner: Node): void {
    this.own.add(owner);
  }

  /** Puts back a subtree whose walk the page cut short: the rest of it next time. */
  addSubtree(root: Node): void {
    this.subtrees.add(root);
  }

  takeBlocks(): ChangedBlocks {
    const blocks = { own: [...this.own], subtrees: [...this.subtrees] };
    this.own.clear();
    this.subtrees.clear();
    return blocks;
  }

  /** Stops observing and forgets every change (the scanner stopped or starts over). */
  clear(): void {
    this.observer.disconnect();
    this.roots.length = 0;
    this.watchingAttributes = false;
    clearTimeout(this.timer);
    this.timer = undefined;
    this.held = false;
    this.own.clear();
    this.subtrees.clear();
    this.attributeTargets.clear();
    this.removals = false;
  }

  private note(records: MutationRecord[]): void {
    let pending = false;
    for (const record of records) {
      const target = record.target;
      if (record.type === 'attributes') {
        // Kept only while a hidden name could be shown by it.
        if (this.hooks.keepsAttributeChanges()) {
          this.attributeTargets.add(target);
          pending = true;
        }
        continue;
      }
      pending = true;
      if (record.type === 'characterData') {
        this.own.add(blockOwnerOf(target));
        continue;
      }
      if (record.removedNodes.length) {
        this.removals = true;
        this.own.add(blockOwnerOf(target));
      }
      for (const node of record.addedNodes) {
        if (node.nodeType === Node.TEXT_NODE) this.own.add(blockOwnerOf(target));
        else if (node.nodeType === Node.ELEMENT_NODE) {
          if (!isBlockElement(node as Element)) this.own.add(blockOwnerOf(target));
          this.subtrees.add(node);
        }
      }
    }
    if (pending) this.schedule();
  }

  private schedule(): void {
    if (this.timer !== undefined || this.held) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.hooks.onDue();
    }, this.delayMs);
  }
}
