/**
 * What the walk does with an element, by its tag: skip it (scripts, form
 * fields, editors, our own UI), join it into its block's text (inline
 * elements), break the line (br), or start a block of its own (everything
 * else, custom elements too). Decided by tag name, not computed style:
 * asking for style would make the browser compute it for every element of
 * every page.
 *
 * By `localName`, which is lower case for HTML elements in HTML and XHTML
 * documents alike (`tagName` is upper case only in HTML documents: in an
 * XHTML page the tables once missed every tag).
 */
import { OWN_UI_TAG } from './own-ui.ts';

/** Elements whose text is not page prose, or is the user's own input. */
// prettier-ignore
const SKIPPED = [
  'script', 'style', 'noscript', 'template', 'textarea', 'input', 'select', 'option', 'optgroup',
  'iframe', 'frame', 'object', 'embed', 'canvas', 'video', 'audio', 'svg', 'math', 'head', 'title',
  // The extension's own UI (result badges).
  OWN_UI_TAG,
];

/** Elements rendered inline by default. */
// prettier-ignore
const INLINE = [
  'a', 'abbr', 'acronym', 'b', 'bdi', 'bdo', 'big', 'cite', 'code', 'data', 'del', 'dfn', 'em',
  'font', 'i', 'ins', 'kbd', 'label', 'mark', 'nobr', 'q', 'rp', 'rt', 'ruby', 's', 'samp', 'slot',
  'small', 'span', 'strike', 'strong', 'sub', 'sup', 'time', 'tt', 'u', 'var', 'wbr', 'img',
  'output', 'meter', 'progress',
];

/**
 * Blocks that cannot host a shadow root (attachShadow() throws for them);
 * the walk does not ask them for one. Those that can (div, p, section,
 * article, custom elements, …) are the default.
 */
// prettier-ignore
const BLOCKS_WITHOUT_SHADOW = [
  'html', 'li', 'ul', 'ol', 'dl', 'dt', 'dd', 'menu', 'table', 'caption', 'colgroup', 'col',
  'thead', 'tbody', 'tfoot', 'tr', 'td', 'th', 'form', 'fieldset', 'legend', 'button', 'figure',
  'figcaption', 'picture', 'source', 'pre', 'address', 'center', 'hgroup', 'details', 'summary',
  'dialog', 'hr', 'map', 'area',
];

/** What the walk does with an element: bit flags (a block has none of the first three). */
export const INLINE_ELEMENT = 1;
export const SKIP = 2;
export const LINE_BREAK = 4;
/** Its tag allows a shadow root (only span among the inline ones). */
export const MAY_HOST_SHADOW = 8;

let kindByTag: Map<string, number> | undefined;

/** One look-up per element: the walk touches every element of the page, and each DOM call on it counts. */
function kinds(): Map<string, number> {
  kindByTag ??= new Map<string, number>([
    ...INLINE.map((tag): [string, number] => [tag, INLINE_ELEMENT]),
    ['span', INLINE_ELEMENT | MAY_HOST_SHADOW],
    ...SKIPPED.map((tag): [string, number] => [tag, SKIP]),
    ['br', LINE_BREAK],
    ...BLOCKS_WITHOUT_SHADOW.map((tag): [string, number] => [tag, 0]),
  ]);
  return kindByTag;
}

/**
 * What the tag alone says, by local name: `get(localName) ?? MAY_HOST_SHADOW`
 * (a skipped tag is exactly SKIP). For the walk, which reads it once and
 * looks up every element in it; an editor is told apart (see kindOf).
 */
export const tagKinds = (): ReadonlyMap<string, number> => kinds();

export function kindOf(el: Element): number {
  const kind = kinds().get(el.localName) ?? MAY_HOST_SHADOW;
  if (kind === SKIP) return SKIP;
  const editable = el.getAttribute('contenteditable');
  return editable !== null && editable.toLowerCase() !== 'false' ? SKIP : kind;
}

/** Elements whose text is the user's own input: contenteditable, unless "false". */
export const EDITABLE_SELECTOR = '[contenteditable]:not([contenteditable="false" i])';

export function isSkippedElement(el: Element): boolean {
  return kindOf(el) === SKIP;
}

/**
 * Does `el` stand apart from its parent block's text (a block of its own, or
 * text never scanned)? Inline elements and line breaks are part of it.
 */
export function isBlockElement(el: Element): boolean {
  const kind = kinds().get(el.localName);
  return kind === undefined || (kind & (INLINE_ELEMENT | LINE_BREAK)) === 0;
}

/** Is this the tag of an element whose own text is never scanned (a script, a style, …)? */
export const isSkippedTag = (localName: string): boolean => kinds().get(localName) === SKIP;

let selector: string | undefined;

/** The same elements as a selector, for one native `closest()` call. */
export function skippedSelector(): string {
  selector ??= [...SKIPPED, EDITABLE_SELECTOR].join(',');
  return selector;
}
