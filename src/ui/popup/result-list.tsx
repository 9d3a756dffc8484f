import { useEffect, useState } from 'preact/hooks';
import { engineName } from '../../core/engines.ts';
import type { PageResults } from '../../core/messages.ts';
import { t } from '../../platform/i18n.ts';
import { callWorker } from '../../platform/messaging.ts';
import { describeFailure } from '../components/errors.tsx';
import { isAd, ResultLine, type ListedResult } from './result-line.tsx';

/**
 * On a results page: the results that mention a brand, in rank order, each
 * marked when it is logged already and loggable in one click; the ads
 * folded into one line that says how many are by someone else on your name.
 */
export function ResultList(props: {
  results: PageResults;
  onLogged: () => void;
  onError: (e: string) => void;
}) {
  const { results } = props;
  const [logged, setLogged] = useState<ReadonlySet<string>>(new Set());
  const urls = results.results.map((r) => r.url);
  const refresh = () =>
    callWorker('mentions/logged-urls', { urls })
      .then((found) => setLogged(new Set(found)))
      .catch((e: unknown) => props.onError(describeFailure(e)));
  useEffect(() => void refresh(), [urls.join('\n')]);

  const organic = results.results.filter((r) => !isAd(r.kind));
  const ads = results.results.filter((r) => isAd(r.kind));
  const byOthers = ads.filter((r) => r.kind === 'competitor-ad').length;
  const engine = engineName(results.engine);
  const line = (r: ListedResult) => (
    <ResultLine
      key={`${r.kind}-${r.rank}`}
      result={r}
      search={results}
      loggedBefore={logged.has(r.url)}
      onChanged={() => {
        void refresh();
        props.onLogged();
      }}
      onError={props.onError}
    />
  );
  return (
    <section class="results" aria-labelledby="results-heading">
      <h2 id="results-heading">
        {engine
          ? t('popupResultsHeading', engine, results.query)
          : t('popupResultsHeadingOther', results.query)}
      </h2>
      {organic.length === 0 && <p class="muted">{t('popupNoResults')}</p>}
      {organic.length > 0 && (
        <ol class="result-list" aria-label={t('popupResultsList')}>
          {organic.map(line)}
        </ol>
      )}
      {ads.length > 0 && (
        <details class="ads">
          <summary>
            {t('popupAds', ads.length)}
            {byOthers > 0 && <span class="pill competitor">{t('popupAdsByOthers', byOthers)}</span>}
          </summary>
          <ol class="result-list" aria-label={t('popupAdsList')}>
            {ads.map(line)}
          </ol>
        </details>
      )}
    </section>
  );
}
