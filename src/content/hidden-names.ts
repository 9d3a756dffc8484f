/**
 * Names found in text the page does not show (display:none, a closed
 * <details>, the hidden attribute), kept per block with the elements that
 * hold them, and told when the page shows one: an accordion opened, a tab
 * switched.
 *
 * While some name is hidden, the page's attribute changes that can show it
 * (class, style, hidden, open) must be watched; pages that animate styles
 * produce those every frame, so they are watched only then: `watchAttributes`
 * is told when to start and, at `settle()`, when to stop.
 */
export class HiddenNames {
  /** Blocks with names that were hidden when scanned, with the elements holding them. */
  private readonly holders = new Map<Node, Element[]>();
  /** Is an element rendered? Asked only for hits, cached until the page may have changed it. */
  private readonly visibility = new Map<Element, boolean>();

  constructor(private readonly watchAttributes: (on: boolean) => void) {}

  /** Is a hit in this text node shown? Text under display:none (or otherwise not rendered) is not. */
  isShown(node: Text): boolean {
    const el = node.parentElement;
    return el ? this.isShownElement(el) : true;
  }

  private isShownElement(el: Element): boolean {
    let visible = this.visibility.get(el);
    if (visible === undefined) {
      visible =
        (typeof el.checkVisibility === 'function'
          ? el.checkVisibility()
          : el.getClientRects().length > 0) || this.isShownWithoutBox(el);
      this.visibility.set(el, visible);
    }
    return visible;
  }

  /**
   * An element with display:contents has no box, so checkVisibility() is
   * false for it (Chromium 156 and Firefox ESR 153, 2026-12-01; as the spec
   * says: https://drafts.csswg.org/cssom-view/#dom-element-checkvisibility),
   * yet its content is shown where its parent in the flat tree (its slot, or
   * its parent) shows its content. A closed <details> shows only its summary:
   * its other content is not rendered though the element is (and text there
   * still has client rects in Chromium). Style is asked only where the check
   * said no, which is rare.
   */
  private isShownWithoutBox(el: Element): boolean {
    if (getComputedStyle(el).display !== 'contents') return false;
    const parent = el.parentNode;
    const above =
      el.assignedSlot ?? (parent instanceof ShadowRoot ? parent.host : el.parentElement);
    if (!above) return true;
    if (above.localName === 'details' && !above.hasAttribute('open') && el.localName !== 'summary')
      return false;
    return this.isShownElement(above);
  }

  /** The page ran (between two slices, before a rescan): what it shows may have changed. */
  forgetVisibility(): void {
    this.visibility.clear();
  }

  /** Records the elements that hold a block's hidden names, and starts the attribute watch. */
  note(owner: Node, holders: Element[]): void {
    this.holders.set(owner, holders);
    this.watchAttributes(true);
  }

  /** The block is scanned again: its hidden names, if any, are noted anew. */
  forget(owner: Node): void {
    // No Map delete per block while nothing is hidden (most pages).
    if (this.holders.size) this.holders.delete(owner);
  }

  /** Is some name hidden (are attribute changes worth keeping)? */
  get any(): boolean {
    return this.holders.size > 0;
  }

  /** Forgets the blocks the page removed. */
  forgetRemoved(): void {
    for (const owner of this.holders.keys()) if (!owner.isConnected) this.holders.delete(owner);
  }

  /**
   * The blocks whose hidden names the page has shown by changing the
   * attributes of `targets`: to rescan.
   */
  shownBy(targets: readonly Node[]): Node[] {
    const shown: Node[] = [];
    for (const [owner, holders] of this.holders) {
      if (!owner.isConnected) {
        this.holders.delete(owner);
        continue;
      }
      // The change was around the block (a container shown) or inside it (a span shown).
      if (!targets.some((target) => target.contains(owner) || owner.contains(target))) continue;
      if (holders.some((holder) => this.isShownElement(holder))) shown.push(owner);
    }
    return shown;
  }

  /** After a rescan: with no name hidden any more, attribute changes are not watched. */
  settle(): void {
    if (!this.any) this.watchAttributes(false);
  }

  clear(): void {
    this.holders.clear();
    this.visibility.clear();
  }
}
