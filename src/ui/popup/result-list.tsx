import type { PageResults } from '../../core/messages.ts';
import { formatDate, t } from '../../platform/i18n.ts';

/** On a results page: the results that mention a brand, in rank order, with new / seen and rank movement. */
const ENGINE_NAMES: Record<string, string> = {
  google: 'Google',
  bing: 'Bing',
  duckduckgo: 'DuckDuckGo',
  ecosia: 'Ecosia',
  startpage: 'Startpage',
  qwant: 'Qwant',
  generic: 'Search',
};

const isAd = (kind: string): boolean => kind === 'ad' || kind === 'competitor-ad';

export function ResultList({ results }: { results: PageResults }) {
  // The content script lists results that mention a brand, and ads by others on a search for it.
  const matching = results.results;
  return (
    <section class="results" aria-labelledby="results-heading">
      <h3 id="results-heading">
        {t('popupResultsHeading', ENGINE_NAMES[results.engine] ?? results.engine, results.query)}
      </h3>
      <p class="muted small">{t('popupAdapter', results.adapter)}</p>
      {matching.length === 0 ? (
        <p class="muted">{t('popupNoResults')}</p>
      ) : (
        <ol class="result-list">
          {matching.map((r) => (
            <li key={`${r.kind}-${r.rank}`} class={r.kind === 'competitor-ad' ? 'result-ad' : ''}>
              <span class="rank">
                {isAd(r.kind) ? t('popupAd') : `#${r.rank}`}
                {r.previousRank !== undefined && r.previousRank !== r.rank && !isAd(r.kind) && (
                  <span class="movement" title={t('popupPreviousRank')}>
                    {` (#${r.previousRank} → #${r.rank})`}
                  </span>
                )}
              </span>
              <a href={r.url} target="_blank" rel="noreferrer">
                {r.title}
              </a>
              {r.kind === 'competitor-ad' && (
                <span class="pill competitor">{t('popupCompetitorAd')}</span>
              )}
              {isAd(r.kind) ? null : r.firstSeen ? (
                <span class="pill seen">{t('popupSeenSince', formatDate(r.firstSeen))}</span>
              ) : (
                <span class="pill new">{t('popupNew')}</span>
              )}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
