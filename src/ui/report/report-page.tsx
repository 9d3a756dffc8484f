import { useEffect, useState } from 'preact/hooks';
import { readLogAddress, siteOf } from '../../core/log-query.ts';
import { MENTION_STATUSES, SENTIMENTS, type Mention } from '../../core/mention.ts';
import { t } from '../../platform/i18n.ts';
import { OverviewCharts } from '../charts/overview-charts.tsx';
import { percentages } from '../charts/scale.ts';
import { describeFailure } from '../components/errors.tsx';
import { filterChips, formatDay } from '../log/filter/chips.ts';
import { SourceText } from '../log/mentions/mention-row.tsx';
import { useServices } from '../log/services.ts';
import { engineLabel, sentimentLabel, statusLabel } from '../log/words.ts';
import { REPORT_ROWS, reportData, type ReportData } from './report-data.ts';

const dayOfIso = (iso: string): string => {
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
};

/**
 * The printable report (report.html?<the workspace's filter>): the period,
 * summary figures, the charts and the mentions, laid out for A4; the
 * browser's print dialog saves it as a PDF.
 */
export function ReportPage() {
  const services = useServices();
  const [{ filter, mentionSort }] = useState(() => readLogAddress(services.readAddress()));
  const [data, setData] = useState<ReportData | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    reportData(services.ask, filter, mentionSort, engineLabel).then(
      (d) => {
        setData(d);
        services.mark('markenlotse:report-ready');
      },
      (e: unknown) => setError(describeFailure(e)),
    );
  }, []);

  const from = filter.from ?? (data?.first ? dayOfIso(data.first) : undefined);
  const to = filter.to ?? (data?.last ? dayOfIso(data.last) : undefined);
  // The period is said on its own line; the other chips say what the report is of.
  const chips = filterChips(filter).filter((c) => c.field !== 'from' && c.field !== 'to');
  const created = new Date(services.now()).toISOString();
  return (
    <main class="page report" data-ready={data ? 'true' : undefined}>
      <header class="report-header">
        <div>
          <h1>{t('reportTitle')}</h1>
          <p class="report-period">
            {from && to ? t('reportPeriod', formatDay(from), formatDay(to)) : t('reportNoPeriod')}
          </p>
          <p class="report-filter muted">
            {chips.length > 0 ? chips.map((c) => c.label).join(' · ') : t('reportAllMentions')}
            {filter.text && ` · ${t('reportSearchedFor', filter.text)}`}
          </p>
          <p class="report-created muted">{t('reportCreated', formatDay(dayOfIso(created)))}</p>
        </div>
        <button type="button" class="primary no-print" onClick={() => services.print()}>
          {t('reportPrint')}
        </button>
      </header>
      {error && <p class="banner banner-error">{error}</p>}
      {!data && !error && <p class="muted">{t('loading')}</p>}
      {data && (
        <>
          <Summary data={data} />
          <section class="report-charts" aria-labelledby="report-charts-heading">
            <h2 id="report-charts-heading">{t('reportCharts')}</h2>
            <OverviewCharts model={data.model} lang={services.language} />
          </section>
          <MentionList rows={data.rows} total={data.total} />
        </>
      )}
    </main>
  );
}

function Summary({ data }: { data: ReportData }) {
  const { totals } = data;
  const [ownShare] = percentages([totals.own, totals.competitors]);
  return (
    <section class="report-summary" aria-labelledby="report-summary-heading">
      <h2 id="report-summary-heading">{t('reportSummary')}</h2>
      <div class="figures">
        <dl class="figure" data-figure="mentions">
          <dt>{t('reportMentions')}</dt>
          <dd class="big">{data.total}</dd>
        </dl>
        <dl class="figure" data-figure="sentiment">
          <dt>{t('reportBySentiment')}</dt>
          {SENTIMENTS.map((s) => (
            <dd key={s} data-sentiment={s}>
              <span class={`dot sentiment-${s}`} aria-hidden="true" />
              {sentimentLabel(s)}: <strong>{totals.sentiments[s]}</strong>
            </dd>
          ))}
        </dl>
        <dl class="figure" data-figure="status">
          <dt>{t('reportByStatus')}</dt>
          {MENTION_STATUSES.map((s) => (
            <dd key={s} data-status={s}>
              {statusLabel(s)}: <strong>{data.byStatus[s]}</strong>
            </dd>
          ))}
        </dl>
        <dl class="figure" data-figure="share">
          <dt>{t('reportShareOfVoice')}</dt>
          {totals.own + totals.competitors === 0 ? (
            <dd class="muted">{t('reportNoShare')}</dd>
          ) : (
            <>
              <dd class="big">{ownShare} %</dd>
              <dd>{t('reportShareDetail', totals.own, totals.competitors)}</dd>
            </>
          )}
        </dl>
        <dl class="figure" data-figure="rank">
          <dt>{t('reportRankMovement')}</dt>
          {totals.movements.length === 0 ? (
            <dd class="muted">{t('reportNoRanks')}</dd>
          ) : (
            totals.movements.slice(0, 6).map((m) => (
              <dd key={`${m.engine} ${m.query}`}>
                {t('reportRankQuery', m.query, m.engine)}{' '}
                <strong>
                  #{m.first} → #{m.last}
                </strong>
              </dd>
            ))
          )}
        </dl>
      </div>
    </section>
  );
}

function MentionList({ rows, total }: { rows: Mention[]; total: number }) {
  return (
    <section class="report-mentions" aria-labelledby="report-mentions-heading">
      <h2 id="report-mentions-heading">
        {t('logMentions')} <span class="count">{total}</span>
      </h2>
      {total > rows.length && (
        <p class="muted">{t('reportFirstRows', rows.length, total, REPORT_ROWS)}</p>
      )}
      {rows.length === 0 ? (
        <p class="muted">{t('logNoMatches')}</p>
      ) : (
        <table class="report-table">
          <thead>
            <tr>
              <th scope="col">{t('logDate')}</th>
              <th scope="col">{t('logBrand')}</th>
              <th scope="col">{t('logColumnTitle')}</th>
              <th scope="col">{t('logSentiment')}</th>
              <th scope="col">{t('logStatus')}</th>
              <th scope="col">{t('logTags')}</th>
              <th scope="col">{t('logNote')}</th>
              <th scope="col">{t('logSource')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((m) => (
              <tr key={m.id}>
                <td class="nowrap">{formatDay(dayOfIso(m.createdAt))}</td>
                <td>{m.brands.join(', ')}</td>
                <td class="title">
                  <strong>{m.title || m.url}</strong>
                  <span class="host muted">{siteOf(m.url)}</span>
                </td>
                <td class={`sentiment-${m.sentiment}`}>{sentimentLabel(m.sentiment)}</td>
                <td>{statusLabel(m.status)}</td>
                <td>{m.tags.join(', ')}</td>
                <td class="note">{m.note}</td>
                <td>
                  <SourceText mention={m} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
