// What e2e/scan-while-page-changes.spec.ts drives inside a page (bundled by
// page-bundle.ts): the content script's walk and scanner, without the extension.
import { HighlightPainter } from '../../src/content/painter.ts';
import { PageScanner } from '../../src/content/scanner.ts';
import { compileMatcher, type BrandMatcher } from '../../src/core/matcher.ts';
import { normalizeSettings } from '../../src/core/profile.ts';

export { walkBlocks } from '../../src/content/collect.ts';

/** A scanner of `document` for one brand, ACME, painting with the Highlight API, and its matcher. */
export function acmeScanner(): { scanner: PageScanner; matcher: BrandMatcher } {
  const { settings } = normalizeSettings({ brands: [{ name: 'ACME', terms: ['ACME'] }] });
  const painter = new HighlightPainter(document);
  painter.configure(settings.brands, 'fill');
  return { scanner: new PageScanner(document, painter), matcher: compileMatcher(settings.brands) };
}

/** Makes performance.now() advance 100 ms per call, so every long block ends a slice; returns the undo. */
export function fastClock(): () => void {
  const now = performance.now.bind(performance);
  let clock = 0;
  performance.now = () => (clock += 100);
  return () => {
    performance.now = now;
  };
}
