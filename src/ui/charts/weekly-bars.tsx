import { t } from '../../platform/i18n.ts';
import { ChartFrame } from './chart-frame.tsx';
import { labelEvery, numberLabel, weekLabel, weekLabelLong } from './format.ts';
import type { Fill } from './palette.ts';
import { fillOf, Patterns } from './patterns.tsx';
import { bandScale, linearScale, stack } from './scale.ts';

export interface WeeklySeries {
  key: string;
  label: string;
  fill: Fill;
  /** One value per week, in the order of `weeks`. */
  values: readonly number[];
}

const W = 640;
const H = 220;
const M = { top: 14, right: 8, bottom: 26, left: 34 };

/** Counts per week as stacked bars, each bar's total written above it. */
export function WeeklyBars(props: {
  id: string;
  title: string;
  lang: string;
  weeks: readonly string[];
  series: readonly WeeklySeries[];
  tableOpen?: boolean;
}) {
  const { id, weeks, series, lang } = props;
  const totals = weeks.map((_, w) => series.reduce((sum, s) => sum + (s.values[w] ?? 0), 0));
  const grand = totals.reduce((a, b) => a + b, 0);
  const y = linearScale(Math.max(0, ...totals), [H - M.bottom, M.top]);
  const x = bandScale(weeks.length, [M.left, W - M.right]);
  const every = labelEvery(weeks.length, W - M.left - M.right, 52);
  const showTotals = x.width >= 14;
  return (
    <ChartFrame
      id={id}
      title={props.title}
      summary={t('chartWeeklySummary', numberLabel(grand, lang), weeks.length)}
      legend={series.map((s) => ({ label: s.label, fill: s.fill }))}
      empty={weeks.length === 0 ? t('chartNoData') : undefined}
      {...(props.tableOpen ? { tableOpen: true } : {})}
      chart={
        <svg viewBox={`0 0 ${W} ${H}`} class="chart-canvas" aria-hidden="true">
          <Patterns chart={id} fills={series.map((s) => s.fill)} />
          {y.ticks.map((tick) => (
            <g key={tick} class="tick">
              <line x1={M.left} x2={W - M.right} y1={y.at(tick)} y2={y.at(tick)} class="grid" />
              <text x={M.left - 6} y={y.at(tick) + 4} text-anchor="end">
                {numberLabel(tick, lang)}
              </text>
            </g>
          ))}
          {weeks.map((week, w) => {
            const segments = stack(series.map((s) => s.values[w] ?? 0));
            return (
              <g key={week} data-week={week}>
                {series.map((s, i) => {
                  const seg = segments[i];
                  if (!seg || seg.to === seg.from) return null;
                  return (
                    <rect
                      key={s.key}
                      x={x.at(w)}
                      width={x.width}
                      y={y.at(seg.to)}
                      height={y.at(seg.from) - y.at(seg.to)}
                      fill={fillOf(id, s.fill)}
                      stroke="var(--bg, #fff)"
                      stroke-width="0.6"
                    />
                  );
                })}
                {showTotals && (totals[w] ?? 0) > 0 && (
                  <text
                    x={x.centre(w)}
                    y={y.at(totals[w] ?? 0) - 3}
                    text-anchor="middle"
                    class="value"
                  >
                    {numberLabel(totals[w] ?? 0, lang)}
                  </text>
                )}
                {w % every === 0 && (
                  <text x={x.centre(w)} y={H - 8} text-anchor="middle" class="axis-label">
                    {weekLabel(week, lang)}
                  </text>
                )}
              </g>
            );
          })}
          <line x1={M.left} x2={W - M.right} y1={y.at(0)} y2={y.at(0)} class="axis" />
        </svg>
      }
      table={
        <table class="chart-data">
          <thead>
            <tr>
              <th scope="col">{t('chartWeekOf')}</th>
              {series.map((s) => (
                <th key={s.key} scope="col" class="num">
                  {s.label}
                </th>
              ))}
              <th scope="col" class="num">
                {t('chartTotal')}
              </th>
            </tr>
          </thead>
          <tbody>
            {weeks.map((week, w) => (
              <tr key={week}>
                <th scope="row">
                  <time dateTime={week}>{weekLabelLong(week, lang)}</time>
                </th>
                {series.map((s) => (
                  <td key={s.key} class="num">
                    {s.values[w] ?? 0}
                  </td>
                ))}
                <td class="num">{totals[w] ?? 0}</td>
              </tr>
            ))}
          </tbody>
        </table>
      }
    />
  );
}
