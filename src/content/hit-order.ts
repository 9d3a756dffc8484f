/**
 * The page's hits in document order, for the popup and for stepping through
 * them, without sorting by asking the DOM: compareDocumentPosition costs up
 * to the number of siblings between two nodes, and sorting 10,000 hits in
 * flat paragraphs with it took one 1.2 s task (issue 15).
 *
 * Every hit carries an `order`: the full pass numbers text nodes as it walks
 * them (collect.ts), which is document order, so its hits need no DOM at
 * all. Hits a rescan found (content the page added or changed) are placed
 * among the others when the order is next asked for: a binary search with a
 * few DOM comparisons per rescanned subtree (its hits follow one another) or
 * per hit of a block whose own text changed, and an order between its
 * neighbours' from then on.
 */

/** What is ordered: a hit's start and its order number. */
export interface Ordered {
  order: number;
  range: { startContainer: Node; startOffset: number };
}

/** Hits a rescan found, to be placed: from one subtree (in document order among themselves) or not. */
interface PendingGroup<H> {
  hits: H[];
  contiguous: boolean;
}

/** Numeric order, then offset within the same node (hits of one text node share its number). */
const byOrder = (a: Ordered, b: Ordered): number =>
  a.order - b.order || a.range.startOffset - b.range.startOffset;

/** The node's chain up to the document: itself, then the host of each shadow root it is in. */
function hostChain(node: Node): Node[] {
  const chain = [node];
  for (let root = node.getRootNode(); root instanceof ShadowRoot; root = root.host.getRootNode())
    chain.push(root.host);
  return chain;
}

/** Document order of two hits' starts, through shadow roots as the page shows them. */
export function compareInDocument(a: Ordered, b: Ordered): number {
  const na = a.range.startContainer;
  const nb = b.range.startContainer;
  if (na === nb) return a.range.startOffset - b.range.startOffset;
  let x = na;
  let y = nb;
  if (na.getRootNode() !== nb.getRootNode()) {
    // In different trees: compare where they are in the first tree both are in (a
    // shadow tree's content comes where its host is).
    const ca = hostChain(na);
    const cb = hostChain(nb);
    const found = ca.findIndex((n) => cb.some((m) => m.getRootNode() === n.getRootNode()));
    if (found < 0) return 0;
    x = ca[found] as Node;
    y = cb.find((m) => m.getRootNode() === x.getRootNode()) as Node;
    if (x === y) return found === 0 ? -1 : 1;
  }
  const position = x.compareDocumentPosition(y);
  if (position & Node.DOCUMENT_POSITION_CONTAINED_BY) return -1;
  if (position & Node.DOCUMENT_POSITION_CONTAINS) return 1;
  return position & Node.DOCUMENT_POSITION_FOLLOWING
    ? -1
    : position & Node.DOCUMENT_POSITION_PRECEDING
      ? 1
      : 0;
}

export class HitOrder<H extends Ordered> {
  private sorted: H[] | null = null;
  private pending: PendingGroup<H>[] = [];

  /** The hits changed; `found` are new hits from a rescan (placed when the order is asked for). */
  changed(found?: { hits: H[]; contiguous: boolean }): void {
    this.sorted = null;
    if (found && found.hits.length) this.pending.push(found);
  }

  clear(): void {
    this.sorted = null;
    this.pending = [];
  }

  /**
   * All live hits in document order. `live` yields every hit the scanner
   * holds now; `isLive` tells whether a pending hit still is one.
   */
  inOrder(live: () => Iterable<H>, isLive: (hit: H) => boolean): H[] {
    if (this.sorted) return this.sorted;
    const pending = new Set<H>();
    for (const group of this.pending) for (const hit of group.hits) pending.add(hit);
    const placed: H[] = [];
    for (const hit of live()) if (!pending.has(hit)) placed.push(hit);
    placed.sort(byOrder);
    for (const group of this.pending) {
      const hits = group.hits.filter(isLive);
      if (!hits.length) continue;
      hits.sort(byOrder);
      if (!(group.contiguous && this.insertRun(placed, hits)))
        for (const hit of hits) this.insertRun(placed, [hit]);
    }
    this.pending = [];
    this.sorted = placed;
    return placed;
  }

  /**
   * Inserts hits that follow one another in the document, with orders
   * between their neighbours'. False, and nothing inserted, where a placed
   * hit lies between the run's first and last (a subtree rescanned over
   * several slices: a block's text around a nested block's comes in a later
   * slice than the nested block's).
   */
  private insertRun(placed: H[], run: H[]): boolean {
    const first = run[0] as H;
    let lo = 0;
    let hi = placed.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (compareInDocument(placed[mid] as H, first) < 0) lo = mid + 1;
      else hi = mid;
    }
    const next = placed[lo];
    if (run.length > 1 && next && compareInDocument(run[run.length - 1] as H, next) > 0)
      return false;
    if (!this.number(placed, lo, run)) {
      // No room between the neighbours' numbers (many insertions at one place): number all again.
      placed.forEach((hit, i) => (hit.order = i * 1024));
      this.number(placed, lo, run);
    }
    placed.splice(lo, 0, ...run);
    return true;
  }

  /** Gives `run` orders between placed[at - 1] and placed[at]; false where they would not fit. */
  private number(placed: H[], at: number, run: H[]): boolean {
    const before = placed[at - 1]?.order;
    const after = placed[at]?.order;
    const low = before ?? (after ?? 0) - run.length - 1;
    const high = after ?? low + run.length + 1;
    const step = (high - low) / (run.length + 1);
    if (!(step > 0) || low + step === low || high - step === high) return false;
    run.forEach((hit, i) => (hit.order = low + step * (i + 1)));
    return true;
  }
}
