/**
 * Which addresses a page may turn into a link. A mention's `url` can come
 * from an imported file written by anyone: `javascript:`, `data:` or
 * `chrome:` addresses stay text, everywhere (popup, workspace, badges).
 */

/** True for an absolute http(s) address. */
export function isWebAddress(url: string): boolean {
  if (!/^https?:\/\//i.test(url)) return false;
  try {
    new URL(url);
    return true;
  } catch {
    return false;
  }
}
