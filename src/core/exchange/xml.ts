/** Text safe to put into XML 1.0, for SpreadsheetML. */

/**
 * Characters XML 1.0 does not allow at all, not even as `&#…;`: C0 controls
 * other than tab, LF and CR, lone surrogates, U+FFFE and U+FFFF
 * (https://www.w3.org/TR/xml/#charsets). A page title can hold them; a file
 * with one is not XML, and Excel refuses to open it.
 */
const NOT_XML = /[^\t\n\r\x20-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** A quick test for the common case, text that needs nothing (a valid surrogate pair passes the slow way). */
// eslint-disable-next-line no-control-regex -- the control characters are what it looks for
const NEEDS_WORK = /[&<>"\x00-\x08\x0B\x0C\x0E-\x1F\uD800-\uDFFF\uFFFE\uFFFF]/;

/** Escapes `&`, `<`, `>` and `"` and drops what XML 1.0 forbids: for text and attribute values. */
export function escapeXml(text: string): string {
  if (!NEEDS_WORK.test(text)) return text;
  return text
    .replace(NOT_XML, '')
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;');
}
