/**
 * Nothing is done in a frame before it has text to scan: an ad slot, a
 * tracking frame or an empty document costs a look at its text nodes once
 * it is parsed and, while it has none, a MutationObserver that looks again
 * (coalesced) after the frame changes. Its settings are not even read.
 *
 * Each DOM interface a frame's content script touches first makes the
 * browser set it up in that frame's isolated world (10–200 µs each, measured
 * 2026-12-01): the look touches the body, a TreeWalker, text nodes, and the
 * parents of text that is not white space only.
 */
import { isInSkippedContext } from './collect.ts';
import { isSkippedTag } from './tags.ts';

/** How long changes to a frame without text are coalesced before it is looked at again. */
const RECHECK_MS = 150;

/** Does `doc` hold text outside what is never scanned (scripts, styles, form fields, …)? */
export function hasText(doc: Document): boolean {
  // The body (or a frameset, which has no text); a document without one (SVG, XML) from its root.
  const root = doc.body ?? doc.documentElement;
  if (!root) return false;
  const walker = doc.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  let memo: Map<Node, boolean> | undefined;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (!/\S/.test((node as Text).data)) continue;
    // Most text of a frame without any is that of its scripts and styles: told by the parent's tag.
    const parent = node.parentElement;
    if (parent && isSkippedTag(parent.localName)) continue;
    if (!isInSkippedContext(node, (memo ??= new Map()))) return true;
  }
  return false;
}

/** Documents seen with text once: the entry and the session both wait for it, and the look is not free (2.5 ms on a results page, cold). */
const hadText = new WeakSet<Document>();

/** hasText, asked once per document that has some. */
export function textSeen(doc: Document): boolean {
  if (hadText.has(doc)) return true;
  if (!hasText(doc)) return false;
  hadText.add(doc);
  return true;
}

/** Resolves once `doc` is parsed (DOMContentLoaded). */
export function documentParsed(doc: Document): Promise<void> {
  return new Promise((resolve) => {
    if (doc.readyState !== 'loading') resolve();
    // On the window: no listener on the document, one DOM interface less to set up.
    else addEventListener('DOMContentLoaded', () => resolve(), { once: true });
  });
}

/** Resolves once `doc` has text to scan (at once if it has). */
export function whenTextArrives(doc: Document): Promise<void> {
  if (textSeen(doc)) return Promise.resolve();
  return new Promise((resolve) => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const observer = new MutationObserver(() => {
      timer ??= setTimeout(() => {
        timer = undefined;
        if (!textSeen(doc)) return;
        observer.disconnect();
        resolve();
      }, RECHECK_MS);
    });
    observer.observe(doc, { childList: true, subtree: true, characterData: true });
  });
}
