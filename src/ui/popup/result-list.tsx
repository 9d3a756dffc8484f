import type { PageResults } from '../../core/messages.ts';
import { formatDate, t } from '../i18n.ts';

/** On a results page: the results that mention a brand, in rank order, with new / seen and rank movement. */
export function ResultList({ results }: { results: PageResults }) {
  const matching = results.results.filter((r) => r.terms.length > 0);
  return (
    <section class="results" aria-labelledby="results-heading">
      <h3 id="results-heading">{t('popupResultsHeading', results.engine, results.query)}</h3>
      {matching.length === 0 ? (
        <p class="muted">{t('popupNoResults')}</p>
      ) : (
        <ol class="result-list">
          {matching.map((r) => (
            <li key={`${r.kind}-${r.rank}`} class={r.kind === 'ad' ? 'result-ad' : ''}>
              <span class="rank">
                {r.kind === 'ad' ? t('popupAd') : `#${r.rank}`}
                {r.previousRank !== undefined && r.previousRank !== r.rank && r.kind !== 'ad' && (
                  <span class="movement" title={t('popupPreviousRank')}>
                    {` (#${r.previousRank} → #${r.rank})`}
                  </span>
                )}
              </span>
              <a href={r.url} target="_blank" rel="noreferrer">
                {r.title}
              </a>
              {r.firstSeen ? (
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
