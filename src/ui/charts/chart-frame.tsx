import type { ComponentChildren } from 'preact';
import { t } from '../../platform/i18n.ts';
import { Swatch } from './patterns.tsx';
import type { Fill } from './palette.ts';

export interface LegendEntry {
  label: string;
  fill?: Fill;
  /** For lines: a short sample of the line with its marker, drawn by the chart. */
  sample?: ComponentChildren;
}

/**
 * A chart as a figure: its title, a legend, the SVG (an image named by the
 * title, described by the summary) and its numbers as a table, the text
 * alternative for screen readers and for anyone who wants the figures.
 */
export function ChartFrame(props: {
  id: string;
  title: string;
  /** One sentence that says what the chart shows ("12 mentions in 8 weeks"). */
  summary: string;
  legend?: readonly LegendEntry[];
  /** The table open from the start (the printed report). */
  tableOpen?: boolean;
  empty?: string | undefined;
  chart: ComponentChildren;
  table: ComponentChildren;
}) {
  const { id } = props;
  return (
    <figure class="chart" id={id} data-chart={id} aria-labelledby={`${id}-title`}>
      <figcaption id={`${id}-title`} class="chart-title">
        {props.title}
      </figcaption>
      {props.empty ? (
        <p class="chart-empty muted">{props.empty}</p>
      ) : (
        <>
          <p class="chart-summary muted" id={`${id}-summary`}>
            {props.summary}
          </p>
          <>
            {props.legend && props.legend.length > 0 && (
              <ul class="chart-legend" aria-hidden="true">
                {props.legend.map((entry) => (
                  <li key={entry.label}>
                    {entry.fill ? <Swatch chart={id} fill={entry.fill} /> : entry.sample}
                    {entry.label}
                  </li>
                ))}
              </ul>
            )}
            <div
              class="chart-svg"
              role="img"
              aria-labelledby={`${id}-title`}
              aria-describedby={`${id}-summary`}
            >
              {props.chart}
            </div>
            <details class="chart-table" open={props.tableOpen}>
              <summary>{t('chartAsTable')}</summary>
              {props.table}
            </details>
          </>
        </>
      )}
    </figure>
  );
}
