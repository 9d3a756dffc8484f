import { useEffect, useState } from 'preact/hooks';
import type { LogFilter } from '../../../core/log-query.ts';
import { t } from '../../../platform/i18n.ts';
import { OverviewCharts } from '../../charts/overview-charts.tsx';
import { overviewModel, type OverviewModel } from '../../charts/overview-model.ts';
import { useServices } from '../services.ts';
import { usePanelFailure } from '../shared/log-failure.tsx';
import { engineLabel } from '../words.ts';

/** The overview tab: the charts of what the filter lets through. */
export function OverviewPanel({ filter, changes }: { filter: LogFilter; changes: number }) {
  const { ask, language, mark } = useServices();
  const [model, setModel] = useState<OverviewModel | null>(null);
  const [error, reportError] = usePanelFailure();
  useEffect(() => {
    let current = true;
    const started = performance.now();
    ask('log/overview', { filter }).then(
      (overview) => {
        if (!current) return;
        setModel(overviewModel(overview, { engineName: engineLabel }));
        reportError(null);
        mark('markenlotse:overview-answered', { ms: performance.now() - started });
      },
      (e: unknown) => current && reportError(e),
    );
    return () => {
      current = false;
    };
  }, [JSON.stringify(filter), changes]);
  return (
    <section class="overview-panel" aria-labelledby="overview-heading">
      <h2 id="overview-heading">{t('logOverview')}</h2>
      {error && <p class="banner banner-error">{error}</p>}
      {model ? (
        <OverviewCharts model={model} lang={language} />
      ) : (
        !error && <p class="muted">{t('loading')}</p>
      )}
    </section>
  );
}
