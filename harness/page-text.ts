/**
 * Screenshots that cannot lie: before a picture is saved, every text the
 * page holds is checked for message keys shown in place of their text
 * (`t()` falls back to the key when the browser has no message for it).
 */
import type { BrowserContext, Page } from '@playwright/test';

/** The attributes whose values a person sees or a screen reader says. */
const SHOWN_ATTRIBUTES = new Set(['placeholder', 'title', 'aria-label', 'alt', 'value']);
const NOT_SHOWN = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE']);
/**
 * Elements that show identifiers as they are, not messages: "What is stored"
 * names each field (`<code>highlightStyle</code>`) for a data-protection
 * officer, and such a name may look like a message key.
 */
const LITERAL = new Set(['CODE', 'KBD', 'SAMP']);

interface DomNode {
  nodeType: number;
  nodeName: string;
  nodeValue: string;
  attributes?: string[];
  children?: DomNode[];
  shadowRoots?: (DomNode & { shadowRootType?: string })[];
  contentDocument?: DomNode;
}

/**
 * All text of a page: text nodes (outside scripts and styles) and shown
 * attributes, in the document, its frames and every shadow root, closed ones
 * included (the results-page badges live in closed shadow roots, which no
 * page script can read: Chromium's DevTools protocol can).
 */
export async function textOfPage(context: BrowserContext, page: Page): Promise<string[]> {
  const cdp = await context.newCDPSession(page);
  try {
    const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as {
      root: DomNode;
    };
    const texts: string[] = [];
    const visit = (node: DomNode): void => {
      if (node.nodeType === 3 && node.nodeValue.trim()) texts.push(node.nodeValue);
      const attributes = node.attributes ?? [];
      for (let i = 0; i + 1 < attributes.length; i += 2)
        if (SHOWN_ATTRIBUTES.has(attributes[i] ?? '')) texts.push(attributes[i + 1] ?? '');
      if (NOT_SHOWN.has(node.nodeName) || LITERAL.has(node.nodeName)) return;
      for (const child of node.children ?? []) visit(child);
      for (const shadow of node.shadowRoots ?? [])
        if (shadow.shadowRootType !== 'user-agent') visit(shadow);
      if (node.contentDocument) visit(node.contentDocument);
    };
    visit(root);
    return texts;
  } finally {
    await cdp.detach();
  }
}

/**
 * lowerCamelCase, as every message key of more than one word is
 * ("popupOnThisPage", "exportCsv"); names such as iOS, iPhone or eBay are not.
 */
const KEY_SHAPED = /^[a-z]{2,}(?:[A-Z][a-z0-9]+)+$/;

/**
 * Message keys among the texts: a text that is a key of the locale files as
 * a whole (preact gives each `{t(…)}` a text node of its own; this catches a
 * one-word key such as "loading" without flagging the word in a sentence),
 * or any word shaped like a key, which is also how a key that the code asks
 * for but no locale file defines would show.
 */
export function rawMessageKeys(texts: readonly string[], keys: ReadonlySet<string>): string[] {
  return [...new Set(textsWithRawKeys(texts, keys).flatMap(({ keys }) => keys))].sort();
}

/** The texts that hold message keys, with the keys in each: for an error message that shows where. */
export function textsWithRawKeys(
  texts: readonly string[],
  keys: ReadonlySet<string>,
): { text: string; keys: string[] }[] {
  const found: { text: string; keys: string[] }[] = [];
  for (const text of texts) {
    const inText = new Set<string>();
    if (keys.has(text.trim())) inText.add(text.trim());
    for (const word of text.match(/[A-Za-z][A-Za-z0-9_]*/g) ?? [])
      if (KEY_SHAPED.test(word)) inText.add(word);
    if (inText.size) found.push({ text, keys: [...inText] });
  }
  return found;
}
