/** The page as the popup shows it: hits with their context, pause, painter, results. */
import type { PageHit, PageResults, PageState } from '../core/messages.ts';
import type { Brand } from '../core/profile.ts';
import { snippetAround } from '../core/snippet.ts';
import type { Painter } from './painter.ts';
import type { Hit } from './scanner.ts';

/** The popup lists at most this many hits. */
export const MAX_LISTED_HITS = 500;

export interface PageFacts {
  url: string;
  title: string;
  hits: readonly Hit[];
  total: number;
  brands: readonly Brand[];
  paused: PageState['paused'];
  painter: Painter['kind'];
  stats: PageState['stats'];
  /** On a recognised results page. */
  results: PageResults | null;
}

export function pageState(facts: PageFacts): PageState {
  const hits: PageHit[] = facts.hits.slice(0, MAX_LISTED_HITS).map((hit, index) => {
    const brand = facts.brands[hit.brandIndex];
    const snippet = snippetAround(hit.block.text, hit.start, hit.end);
    return {
      index,
      brand: brand?.name ?? '',
      brandColor: brand?.color ?? '#ffd54f',
      term: brand?.terms[hit.termIndex]?.text ?? '',
      text: snippet.match,
      before: snippet.before,
      after: snippet.after,
    };
  });
  const state: PageState = {
    url: facts.url,
    title: facts.title,
    total: facts.total,
    hits,
    paused: facts.paused,
    painter: facts.painter,
    stats: facts.stats,
  };
  if (facts.results) state.results = facts.results;
  return state;
}
