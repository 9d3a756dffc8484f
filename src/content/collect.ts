/**
 * Collects a page's text block by block.
 *
 * A block is an element that starts a new line of text (div, p, li, td, h1…);
 * the text of its inline descendants (a, b, span…) is joined into one string,
 * so that "<b>ACME</b> GmbH" and "AC<span>ME</span>" are whole names. Where a
 * nested block interrupts a block's own text, a BLOCK_SEPARATOR goes between,
 * so no hit spans a heading and the paragraph after it.
 *
 * Block-ness is decided by tag name, not by computed style: asking for style
 * would make the browser compute it for every element on every page.
 */
import { BLOCK_SEPARATOR } from '../core/matcher.ts';

/** A piece of a block's text that lives in one DOM text node. */
export interface TextSegment {
  node: Text;
  /** Offset of the node's first character in the block's text. */
  start: number;
}

export interface BlockText {
  /** The block element (or shadow root / document) whose own text this is. */
  owner: Node;
  text: string;
  segments: TextSegment[];
}

/** Elements whose text is not page prose, or is the user's own input. */
const SKIPPED = new Set([
  'SCRIPT',
  'STYLE',
  'NOSCRIPT',
  'TEMPLATE',
  'TEXTAREA',
  'INPUT',
  'SELECT',
  'OPTION',
  'OPTGROUP',
  'IFRAME',
  'FRAME',
  'OBJECT',
  'EMBED',
  'CANVAS',
  'VIDEO',
  'AUDIO',
  'SVG',
  'svg',
  'MATH',
  'math',
  'HEAD',
  'TITLE',
]);

/** Elements rendered inline by default; everything else (custom elements too) counts as a block. */
const INLINE = new Set([
  'A',
  'ABBR',
  'ACRONYM',
  'B',
  'BDI',
  'BDO',
  'BIG',
  'CITE',
  'CODE',
  'DATA',
  'DEL',
  'DFN',
  'EM',
  'FONT',
  'I',
  'INS',
  'KBD',
  'LABEL',
  'MARK',
  'NOBR',
  'Q',
  'RP',
  'RT',
  'RUBY',
  'S',
  'SAMP',
  'SLOT',
  'SMALL',
  'SPAN',
  'STRIKE',
  'STRONG',
  'SUB',
  'SUP',
  'TIME',
  'TT',
  'U',
  'VAR',
  'WBR',
  'IMG',
  'OUTPUT',
  'METER',
  'PROGRESS',
]);

/** Marks the hosts of the extension's own UI (result badges), whose text is never scanned. */
export const OWN_UI_ATTRIBUTE = 'data-markenlotse-ui';

export function isSkippedElement(el: Element): boolean {
  if (SKIPPED.has(el.tagName)) return true;
  if (el.hasAttribute(OWN_UI_ATTRIBUTE)) return true;
  const editable = el.getAttribute('contenteditable');
  return editable !== null && editable !== 'false';
}

export function isBlockElement(el: Element): boolean {
  return !INLINE.has(el.tagName);
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

/** Is `node` inside something never scanned (a textarea, an editor, our own UI)? */
export function isInSkippedContext(node: Node, memo?: Map<Element, boolean>): boolean {
  // `memo` remembers the answer for every element on the way up, so that many
  // appended siblings (a page of new results) cost one walk to the root, not one each.
  const visited: Element[] = [];
  let skipped: boolean | undefined;
  for (let el = node.nodeType === Node.ELEMENT_NODE ? (node as Element) : node.parentElement; el;) {
    skipped = memo?.get(el);
    if (skipped !== undefined) break;
    visited.push(el);
    if (isSkippedElement(el)) {
      skipped = true;
      break;
    }
    const parent: Element | null = el.parentElement;
    if (parent) el = parent;
    else {
      const root = el.getRootNode();
      el = root instanceof ShadowRoot ? root.host : null;
    }
  }
  skipped ??= node.ownerDocument?.designMode === 'on';
  if (memo) for (const el of visited) memo.set(el, skipped);
  return skipped;
}

class BlockBuilder {
  parts: string[] = [];
  segments: TextSegment[] = [];
  length = 0;
  hasText = false;
  constructor(readonly owner: Node) {}

  addText(node: Text): void {
    const data = node.data;
    if (data.length === 0) return;
    this.segments.push({ node, start: this.length });
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

/**
 * Yields the blocks under `root` (including `root`'s own text) in document
 * order of their completion. With `ownOnly`, only `root`'s own text: nested
 * blocks are stepped over (they are blocks of their own).
 */
export function* walkBlocks(
  root: Node,
  ownOnly = false,
  onShadowRoot?: (shadow: ShadowRoot) => void,
): Generator<BlockText> {
  if (root.nodeType === Node.TEXT_NODE) return;
  const stack: BlockBuilder[] = [];
  let current = new BlockBuilder(root);
  let node: Node | null = root.firstChild;

  outer: while (node) {
    let descend = false;
    if (node.nodeType === Node.TEXT_NODE) {
      current.addText(node as Text);
    } else if (node.nodeType === Node.ELEMENT_NODE) {
      const el = node as Element;
      if (el.tagName === 'BR') current.addVirtual('\n');
      else if (!isSkippedElement(el)) {
        if (!isBlockElement(el)) descend = true;
        else {
          current.addVirtual(BLOCK_SEPARATOR);
          if (!ownOnly) {
            stack.push(current);
            current = new BlockBuilder(el);
            descend = true;
          }
        }
      }
    }
    if (descend && node.firstChild) {
      node = node.firstChild;
      continue;
    }
    // Leave `node`, then climb until there is a next sibling.
    for (;;) {
      if (node.nodeType === Node.ELEMENT_NODE) {
        if (current.owner === node) {
          if (current.hasText) yield current.finish();
          current = stack.pop() ?? current;
        }
        const shadow = (node as Element).shadowRoot;
        if (shadow && !ownOnly && !isSkippedElement(node as Element)) {
          onShadowRoot?.(shadow);
          yield* walkBlocks(shadow, false, onShadowRoot);
        }
      }
      if (node.nextSibling) {
        node = node.nextSibling;
        continue outer;
      }
      node = node.parentNode;
      if (!node || node === root) break outer;
    }
  }
  if (current.owner === root && current.hasText) yield current.finish();
  const rootShadow = root.nodeType === Node.ELEMENT_NODE ? (root as Element).shadowRoot : null;
  if (rootShadow && !ownOnly) {
    onShadowRoot?.(rootShadow);
    yield* walkBlocks(rootShadow, false, onShadowRoot);
  }
}

/** Maps an offset in a block's text to a DOM position (binary search over segments). */
export function positionAt(
  block: BlockText,
  offset: number,
  isEnd: boolean,
): { node: Text; offset: number } | null {
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
  return { node: segment.node, offset: local };
}
