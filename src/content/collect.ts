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
import { BLOCK_SEPARATOR } from '../core/matcher/types.ts';
import { OWN_UI_TAG } from './own-ui.ts';

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
  // The extension's own UI (result badges).
  OWN_UI_TAG.toUpperCase(),
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

/**
 * Blocks that cannot host a shadow root (attachShadow() throws for them);
 * the walk does not ask them for one. Those that can (div, p, section,
 * article, custom elements, …) are the default.
 */
const BLOCKS_WITHOUT_SHADOW = [
  'HTML',
  'LI',
  'UL',
  'OL',
  'DL',
  'DT',
  'DD',
  'MENU',
  'TABLE',
  'CAPTION',
  'COLGROUP',
  'COL',
  'THEAD',
  'TBODY',
  'TFOOT',
  'TR',
  'TD',
  'TH',
  'FORM',
  'FIELDSET',
  'LEGEND',
  'BUTTON',
  'FIGURE',
  'FIGCAPTION',
  'PICTURE',
  'SOURCE',
  'PRE',
  'ADDRESS',
  'CENTER',
  'HGROUP',
  'DETAILS',
  'SUMMARY',
  'DIALOG',
  'HR',
  'MAP',
  'AREA',
];

/** What the walk does with an element: bit flags (a block has none of the first three). */
const INLINE_ELEMENT = 1;
const SKIP = 2;
const LINE_BREAK = 4;
/** Its tag allows a shadow root (only span among the inline ones). */
const MAY_HOST_SHADOW = 8;

/** One look-up per element: the walk touches every element of the page, and each DOM call on it counts. */
const KIND_BY_TAG = new Map<string, number>([
  ...[...INLINE].map((tag): [string, number] => [tag, INLINE_ELEMENT]),
  ['SPAN', INLINE_ELEMENT | MAY_HOST_SHADOW],
  ...[...SKIPPED].map((tag): [string, number] => [tag, SKIP]),
  ['BR', LINE_BREAK],
  ...BLOCKS_WITHOUT_SHADOW.map((tag): [string, number] => [tag, 0]),
]);

function kindOf(el: Element): number {
  const kind = KIND_BY_TAG.get(el.tagName) ?? MAY_HOST_SHADOW;
  if ((kind & SKIP) !== 0) return SKIP;
  const editable = el.getAttribute('contenteditable');
  return editable !== null && editable.toLowerCase() !== 'false' ? SKIP : kind;
}

export function isSkippedElement(el: Element): boolean {
  return kindOf(el) === SKIP;
}

/**
 * Does `el` stand apart from its parent block's text (a block of its own, or
 * text never scanned)? Inline elements and line breaks are part of it.
 */
export function isBlockElement(el: Element): boolean {
  const kind = KIND_BY_TAG.get(el.tagName);
  return kind === undefined || (kind & (INLINE_ELEMENT | LINE_BREAK)) === 0;
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

/** The same elements as a selector, for the one native `closest()` call below. */
const SKIPPED_SELECTOR = [
  ...new Set([...SKIPPED].map((tag) => tag.toLowerCase())),
  '[contenteditable]:not([contenteditable="false" i])',
].join(',');

/** Is `el` or an ancestor, across shadow hosts, never scanned? One native closest() per tree. */
function skippedFrom(el: Element | null): boolean {
  while (el) {
    if (el.closest(SKIPPED_SELECTOR)) return true;
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
  if (root.nodeType === Node.TEXT_NODE) return;
  const { ownOnly = false, onShadowRoot, onLost } = options;
  const stack: BlockBuilder[] = [];
  let current = new BlockBuilder(root);
  let node: Node | null = root.firstChild;

  outer: while (node) {
    let descend = false;
    const type = node.nodeType;
    if (type === Node.TEXT_NODE) {
      current.addText(node as Text);
    } else if (type === Node.ELEMENT_NODE) {
      const kind = kindOf(node as Element);
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
          yield* walkBlocks(shadow, options);
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
    yield* walkBlocks(rootShadow, options);
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
