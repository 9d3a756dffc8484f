import { t } from '../../platform/i18n.ts';
import { ChartFrame } from './chart-frame.tsx';
import { labelEvery, weekLabelLong } from './format.ts';
import { WeekLabels } from './week-labels.tsx';
import { ROLE_FILLS } from './palette.ts';
import { fillOf, Patterns } from './patterns.tsx';
import { bandScale, percentages } from './scale.ts';

/** Own and competitors' results and hits on the results pages of one query, per week. */
export interface QueryShare {
  query: string;
  /** The engine's display name, or '' when the query was searched on several. */
  engine: string;
  /** One entry per week of `weeks`. */
  own: readonly number[];
  competitors: readonly number[];
}

const W = 640;
const ROW = 34;
const LABEL = 170;
const SHARE = 48;
const AXIS = 20;

const sum = (values: readonly number[]): number => values.reduce((a, b) => a + b, 0);

/** The own share of all, in whole per cent, or undefined when neither was seen. */
export function ownShare(own: number, competitors: number): number | undefined {
  return own + competitors === 0 ? undefined : percentages([own, competitors])[0];
}

/**
 * Share of voice as small multiples: one strip per query, one column per week
 * split into own (below, solid) and competitors (above, hatched), and the
 * query's share over the whole period at the end of its strip.
 */
export function ShareOfVoice(props: {
  id: string;
  title: string;
  lang: string;
  weeks: readonly string[];
  queries: readonly QueryShare[];
  tableOpen?: boolean;
}) {
  const { id, weeks, queries, lang } = props;
  const height = queries.length * ROW + AXIS;
  const x = bandScale(weeks.length, [LABEL, W - SHARE], 0.12);
  const every = labelEvery(weeks.length, W - LABEL - SHARE, 52);
  const own = sum(queries.map((q) => sum(q.own)));
  const all = own + sum(queries.map((q) => sum(q.competitors)));
  const overall = ownShare(own, all - own);
  return (
    <ChartFrame
      id={id}
      title={props.title}
      summary={
        overall === undefined
          ? t('chartNoData')
          : t('chartShareSummary', overall, queries.length, weeks.length)
      }
      legend={[
        { label: t('chartOwn'), fill: ROLE_FILLS.own },
        { label: t('chartCompetitors'), fill: ROLE_FILLS.competitors },
      ]}
      empty={queries.length === 0 || weeks.length === 0 ? t('chartNoShareData') : undefined}
      {...(props.tableOpen ? { tableOpen: true } : {})}
      chart={
        <svg viewBox={`0 0 ${W} ${height}`} class="chart-canvas" aria-hidden="true">
          <Patterns chart={id} fills={[ROLE_FILLS.own, ROLE_FILLS.competitors]} />
          {queries.map((q, row) => {
            const top = row * ROW + 4;
            const h = ROW - 10;
            const share = ownShare(sum(q.own), sum(q.competitors));
            return (
              <g key={`${q.engine} ${q.query}`} data-query={q.query}>
                <text x={0} y={top + h / 2 + 4} class="row-label">
                  <title>{q.engine ? `${q.query} (${q.engine})` : q.query}</title>
                  {truncate(q.query, 24)}
                </text>
                <rect x={LABEL} y={top} width={W - LABEL - SHARE} height={h} class="strip" />
                {weeks.map((week, w) => {
                  const mine = q.own[w] ?? 0;
                  const theirs = q.competitors[w] ?? 0;
                  if (mine + theirs === 0) return null;
                  const ownHeight = (h * mine) / (mine + theirs);
                  return (
                    <g key={week}>
                      <rect
                        x={x.at(w)}
                        width={x.width}
                        y={top}
                        height={h - ownHeight}
                        fill={fillOf(id, ROLE_FILLS.competitors)}
                      />
                      <rect
                        x={x.at(w)}
                        width={x.width}
                        y={top + h - ownHeight}
                        height={ownHeight}
                        fill={fillOf(id, ROLE_FILLS.own)}
                      />
                    </g>
                  );
                })}
                <text x={W} y={top + h / 2 + 4} text-anchor="end" class="value">
                  {share === undefined ? '–' : `${share} %`}
                </text>
              </g>
            );
          })}
          <WeekLabels
            weeks={weeks}
            every={every}
            centre={(w) => x.centre(w)}
            y={height - 5}
            lang={lang}
          />
        </svg>
      }
      table={
        <table class="chart-data">
          <thead>
            <tr>
              <th scope="col">{t('chartQuery')}</th>
              <th scope="col">{t('chartWeekOf')}</th>
              <th scope="col" class="num">
                {t('chartOwn')}
              </th>
              <th scope="col" class="num">
                {t('chartCompetitors')}
              </th>
              <th scope="col" class="num">
                {t('chartOwnShare')}
              </th>
            </tr>
          </thead>
          <tbody>
            {queries.flatMap((q) =>
              weeks.map((week, w) => {
                const mine = q.own[w] ?? 0;
                const theirs = q.competitors[w] ?? 0;
                if (mine + theirs === 0) return null;
                const share = ownShare(mine, theirs);
                return (
                  <tr key={`${q.engine} ${q.query} ${week}`}>
                    <th scope="row">{q.engine ? `${q.query} (${q.engine})` : q.query}</th>
                    <td>
                      <time dateTime={week}>{weekLabelLong(week, lang)}</time>
                    </td>
                    <td class="num">{mine}</td>
                    <td class="num">{theirs}</td>
                    <td class="num">{share === undefined ? '–' : `${share} %`}</td>
                  </tr>
                );
              }),
            )}
          </tbody>
        </table>
      }
    />
  );
}

export const truncate = (text: string, max: number): string =>
  text.length > max ? `${text.slice(0, max - 1)}…` : text;
