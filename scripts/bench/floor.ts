// The floor: one TreeWalker pass over the page's text nodes (skipping what
// the content script skips: script, style, form fields, editors, …) testing
// one combined case-insensitive regex on each, without painting. Shared by
// the warm pass (page-entry.ts) and the page-load mode's floor extension
// (load-floor-entry.ts), so both measure the same code.
import { isSkippedElement } from '../../src/content/collect.ts';

/** Escapes the syntax characters (all that the `u` flag allows escaping outside a class). */
function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/** One alternation of the terms, longest first, as whole words: no letter, digit or underscore on either side. */
export function floorRegex(terms: readonly string[]): RegExp {
  const alternatives = [...terms]
    .sort((a, b) => b.length - a.length)
    .map(escapeRegExp)
    .join('|');
  return new RegExp(`(?<![\\p{L}\\p{N}_])(?:${alternatives})(?![\\p{L}\\p{N}_])`, 'giu');
}

export function floorWalker(root: Node): TreeWalker {
  return document.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT, {
    acceptNode(node: Node): number {
      if (node.nodeType === Node.TEXT_NODE) return NodeFilter.FILTER_ACCEPT;
      return isSkippedElement(node as Element) ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_SKIP;
    },
  });
}

/** The pass: the number of matches in every text node under `root`. */
export function floorPass(root: Node, regex: RegExp): number {
  const walker = floorWalker(root);
  let hits = 0;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const data = (node as Text).data;
    regex.lastIndex = 0;
    while (regex.exec(data)) hits++;
  }
  return hits;
}
