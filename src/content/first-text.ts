/**
 * Nothing is done in a frame before it has text to scan: an ad slot, a
 * tracking frame or an empty document costs a look at its text nodes and,
 * while it has none, a MutationObserver that looks again (coalesced) after
 * the frame changes. Its settings are not even read.
 */
import { isInSkippedContext } from './collect.ts';

/** How long changes to a frame without text are coalesced before it is looked at again. */
const RECHECK_MS = 150;

/** Does `doc` hold text outside what is never scanned (scripts, styles, form fields, …)? */
export function hasText(doc: Document): boolean {
  const walker = doc.createTreeWalker(doc, NodeFilter.SHOW_TEXT);
  const memo = new Map<Node, boolean>();
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (/\S/.test((node as Text).data) && !isInSkippedContext(node, memo)) return true;
  }
  return false;
}

/** Resolves once `doc` has text to scan (at once if it has). */
export function whenTextArrives(doc: Document): Promise<void> {
  if (hasText(doc)) return Promise.resolve();
  return new Promise((resolve) => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const observer = new MutationObserver(() => {
      timer ??= setTimeout(() => {
        timer = undefined;
        if (!hasText(doc)) return;
        observer.disconnect();
        resolve();
      }, RECHECK_MS);
    });
    observer.observe(doc, { childList: true, subtree: true, characterData: true });
  });
}
