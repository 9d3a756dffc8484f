/**
 * Entry of the results-page script (results.js): loaded only on the hosts of
 * known search engines (the second content_scripts entry of the manifest,
 * whose globs scripts/build.ts takes from the engine rules), in the top
 * frame, beside the content script. The content script finds the factory
 * through ../results-hook.ts.
 */
import { registerResultsPage } from '../results-hook.ts';
import { isConsentPage, isSearchUrl } from '../serp/index.ts';
import { ResultsOverlay } from './results-overlay.ts';

registerResultsPage((url, hits, brands, matcher) =>
  isSearchUrl(url) && !isConsentPage(url, document)
    ? new ResultsOverlay(url, hits, brands, matcher)
    : null,
);
