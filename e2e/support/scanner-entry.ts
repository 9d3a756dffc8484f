// What e2e/scan-while-page-changes.spec.ts drives inside a page (bundled by
// page-bundle.ts): the content script's walk and scanner, without the extension.
export { walkBlocks } from '../../src/content/collect.ts';
export { HighlightPainter } from '../../src/content/painter.ts';
export { PageScanner } from '../../src/content/scanner.ts';
export { compileMatcher } from '../../src/core/matcher.ts';
export { normalizeSettings } from '../../src/core/profile.ts';
