/**
 * Collects a page's text block by block.
 *
 * A block is an element that starts a new line of text (div, p, li, td, h1…);
 * the text of its inline descendants (a, b, span…) is joined into one string,
 * so that "<b>ACME</b> GmbH" and "AC<span>ME</span>" are whole names. Where a
 * nested block interrupts a block's own text, a BLOCK_SEPARATOR goes between,
 * so no hit spans a heading and the paragraph after it.
 *
 * Which elements are blocks, inline or skipped: ./tags.ts.
 */
import { BLOCK_SEPARATOR } from '../core/matcher/types.ts';
import {
  EDITABLE_SELECTOR,
  INLINE_ELEMENT,
  isBlockElement,
  isSkippedElement,
  kindOf,
  LINE_BREAK,
  MAY_HOST_SHADOW,
  SKIP,
  skippedSelector,
  tagKinds,
} from './tags.ts';

export { isBlockElement, isSkippedElement } from './tags.ts';

/** A piece of a block's text that lives in one DOM text node. */
export interface TextSegment {
  node: Text;
  /** Offset of the node's first character in the block's text. */
  start: number;
  /**
   * The node's number in the order walks met text nodes: document order
   * within one walk, increasing from walk to walk (see hit-order.ts).
   */
  order: number;
}

export interface BlockText {
  /** The block element (or shadow root / document) whose own text this is. */
  owner: Node;
  text: string;
  segments: TextSegment[];
}

/** The block whose own text contains `node`. */
export function blockOwnerOf(node: Node): Node {
  let current: Node | null = node.nodeType === Node.ELEMENT_NODE ? node : node.parentNode;
  while (current) {
    if (current.nodeType === Node.ELEMENT_NODE && isBlockElement(current as Element))
      return current;
    if (current.nodeType === Node.DOCUMENT_FRAGMENT_NODE || current.nodeType === Node.DOCUMENT_NODE)
      return current;
    current = current.parentNode;
  }
  return node.ownerDocument ?? node;
}

/** Is `el` or an ancestor, across shadow hosts, never scanned? One native closest() per tree. */
function skippedFrom(el: Element | null): boolean {
  while (el) {
    if (el.closest(skippedSelector())) return true;
    const root = el.getRootNode();
    el = root instanceof ShadowRoot ? root.host : null;
  }
  return false;
}

/**
 * Is `node` inside something never scanned (a textarea, an editor, our own
 * UI)? With `memo`, siblings share the answer for their ancestors: a change
 * often adds many roots under one parent (a page of new results).
 */
export function isInSkippedContext(node: Node, memo?: Map<Node, boolean>): boolean {
  const el = node.nodeType === Node.ELEMENT_NODE ? (node as Element) : node.parentElement;
  if (!el) return node.ownerDocument?.designMode === 'on';
  const parent = el.parentNode;
  let above = parent ? memo?.get(parent) : undefined;
  if (above === undefined) {
    above =
      skippedFrom(el.parentElement ?? (parent instanceof ShadowRoot ? parent.host : null)) ||
      el.ownerDocument.designMode === 'on';
    if (parent) memo?.set(parent, above);
  }
  return above || isSkippedElement(el);
}

/** Text nodes met so far, by every walk (numbers for TextSegment.order). */
let textNodesMet = 0;

class BlockBuilder {
  parts: string[] = [];
  segments: TextSegment[] = [];
  length = 0;
  hasText = false;
  constructor(readonly owner: Node) {}

  addText(node: Text): void {
    const data = node.data;
    if (data.length === 0) return;
    this.segments.push({ node, start: this.length, order: textNodesMet++ });
    this.parts.push(data);
    this.length += data.length;
    // Only blocks with something besides white space are worth matching.
    if (!this.hasText && /\S/.test(data)) this.hasText = true;
  }

  /** A character that stands for structure (a line break, a nested block), not for any text node. */
  addVirtual(char: string): void {
    if (this.length === 0 || this.parts[this.parts.length - 1] === char) return;
    this.parts.push(char);
    this.length += 1;
  }

  finish(): BlockText {
    return { owner: this.owner, text: this.parts.join(''), segments: this.segments };
  }
}

/** Yielded by walkSteps between blocks every PAUSE_NODES nodes: a place where the caller may let the page run. */
export const PAUSE = null;
const PAUSE_NODES = 2048;

export interface WalkOptions {
  /** Only `root`'s own text: nested blocks are stepped over (they are blocks of their own). */
  ownOnly?: boolean;
  /** Called for each open shadow root met (its blocks are walked too, unless `ownOnly`). */
  onShadowRoot?: (shadow: ShadowRoot) => void;
  /**
   * Called when the walk cannot go on because the page took away the part
   * it was in while the caller held a block (the walk then ends early).
   */
  onLost?: () => void;
}

/**
 * Yields the blocks under `root` (including `root`'s own text) in document
 * order of their completion.
 *
 * The caller may let the page run between two blocks (the full pass yields
 * to it). If the page removed the block just yielded, the walk goes on with
 * what followed it; if it removed more than that, the walk ends and says so
 * (`onLost`), rather than silently skipping the rest of the page.
 */
export function* walkBlocks(root: Node, options: WalkOptions = {}): Generator<BlockText> {
  for (const step of walkSteps(root, options)) if (step !== PAUSE) yield step;
}

/**
 * walkBlocks, with a PAUSE also every PAUSE_NODES nodes, inside a block too:
 * a block of 200,000 text nodes is a long walk. The caller may let the page
 * run at a pause as between blocks; if the page then took the place the
 * walk was at out of `root`, the walk ends and says so (`onLost`).
 */
export function* walkSteps(
  root: Node,
  options: WalkOptions = {},
): Generator<BlockText | typeof PAUSE> {
  if (root.nodeType === Node.TEXT_NODE) return;
  const { ownOnly = false, onShadowRoot, onLost } = options;
  // Editors found with one native query, not an attribute read per element
  // (a results page has thousands of elements and no editor). One made
  // editable between two slices of the walk is still walked; the page's
  // new content is rescanned anyway. A walk of one block's own text reads
  // the attribute instead: a query would cover the nested blocks it skips.
  const editors = ownOnly ? undefined : editorsUnder(root);
  const byTag = tagKinds();
  const stack: BlockBuilder[] = [];
  let current = new BlockBuilder(root);
  let node: Node | null = root.firstChild;
  let visited = 0;

  outer: while (node) {
    if (++visited === PAUSE_NODES) {
      visited = 0;
      yield PAUSE;
      if (!root.contains(node)) {
        onLost?.();
        break outer;
      }
    }
    let descend = false;
    const type = node.nodeType;
    if (type === Node.TEXT_NODE) {
      current.addText(node as Text);
    } else if (type === Node.ELEMENT_NODE) {
      const kind =
        editors === undefined
          ? kindOf(node as Element)
          : editors?.has(node as Element)
            ? SKIP
            : (byTag.get((node as Element).localName) ?? MAY_HOST_SHADOW);
      if ((kind & (SKIP | LINE_BREAK)) === 0) {
        if ((kind & INLINE_ELEMENT) !== 0) descend = true;
        else {
          current.addVirtual(BLOCK_SEPARATOR);
          if (!ownOnly) {
            stack.push(current);
            current = new BlockBuilder(node);
            descend = true;
          }
        }
        // A shadow root's blocks are its own; they are yielded before the host's.
        const shadow =
          (kind & MAY_HOST_SHADOW) !== 0 && !ownOnly ? (node as Element).shadowRoot : null;
        if (shadow) {
          onShadowRoot?.(shadow);
          yield* walkSteps(shadow, options);
        }
      } else if (kind === LINE_BREAK) current.addVirtual('\n');
    }
    if (descend && node.firstChild) {
      node = node.firstChild;
      continue;
    }
    // Leave `node`, then climb until there is a next sibling.
    for (;;) {
      if (current.owner === node) {
        const done = current;
        current = stack.pop() ?? current;
        if (done.hasText) {
          const parent: ParentNode | null = node.parentNode;
          const next: ChildNode | null = node.nextSibling;
          yield done.finish();
          if (node.parentNode !== parent) {
            // Removed (or moved) while the caller had it: go on from where it was.
            if (next && next.parentNode === parent) {
              node = next;
              continue outer;
            }
            if (next || !parent) {
              onLost?.();
              break outer;
            }
            // It was the last child: leave its parent next.
            node = parent;
            if (node === root) break outer;
            continue;
          }
        }
      }
      if (node.nextSibling) {
        node = node.nextSibling;
        continue outer;
      }
      node = node.parentNode;
      if (node === root) break outer;
      if (!node) {
        // Climbed out of a subtree the page detached: where the rest is, is lost.
        onLost?.();
        break outer;
      }
    }
  }
  if (current.owner === root && current.hasText) yield current.finish();
  const rootShadow = root.nodeType === Node.ELEMENT_NODE ? (root as Element).shadowRoot : null;
  if (rootShadow && !ownOnly) {
    onShadowRoot?.(rootShadow);
    yield* walkSteps(rootShadow, options);
  }
}

/** The editable elements under `root` (null: none), by one native query. */
function editorsUnder(root: Node): Set<Element> | null {
  const found = (root as ParentNode).querySelectorAll?.(EDITABLE_SELECTOR);
  return found?.length ? new Set(found) : null;
}

/** Maps an offset in a block's text to a DOM position (binary search over segments), with the segment's order. */
export function positionAt(
  block: BlockText,
  offset: number,
  isEnd: boolean,
): { node: Text; offset: number; order: number } | null {
  const { segments } = block;
  let lo = 0;
  let hi = segments.length - 1;
  // An end offset belongs to the segment holding its last character.
  const target = isEnd ? offset - 1 : offset;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((segments[mid] as TextSegment).start <= target) lo = mid;
    else hi = mid - 1;
  }
  const segment = segments[lo];
  if (!segment) return null;
  const local = offset - segment.start;
  if (local < 0 || local > segment.node.length) return null;
  return { node: segment.node, offset: local, order: segment.order };
}
