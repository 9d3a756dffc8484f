/**
 * Functions that run inside a page (passed to Playwright's or puppeteer's
 * evaluate), shared by the Chromium and Firefox helpers.
 */

/**
 * Each registered markenlotse highlight with the text of its ranges (sorted),
 * as the page's main world sees it.
 */
export function highlightTextsInPage(): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  CSS.highlights.forEach((highlight, name) => {
    if (!name.startsWith('markenlotse')) return;
    out[name] = [...highlight]
      .map((range) => {
        const r = document.createRange();
        r.setStart(range.startContainer, range.startOffset);
        r.setEnd(range.endContainer, range.endOffset);
        return r.toString();
      })
      .sort();
  });
  return out;
}
