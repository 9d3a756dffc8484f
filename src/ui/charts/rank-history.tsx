import { t } from '../../platform/i18n.ts';
import { ChartFrame } from './chart-frame.tsx';
import { labelEvery, weekLabelLong } from './format.ts';
import { WeekLabels } from './week-labels.tsx';
import { lineStyle } from './palette.ts';
import { Marker } from './patterns.tsx';
import { bandScale, rankScale } from './scale.ts';
import { truncate } from './share-of-voice.tsx';

/** The best rank an own result had on a query's results pages, per week (undefined: not searched or not found). */
export interface RankLine {
  query: string;
  engine: string;
  ranks: readonly (number | undefined)[];
}

const W = 640;
const H = 240;
const M = { top: 12, right: 150, bottom: 26, left: 34 };

/**
 * The own results' rank per query over the weeks: rank 1 on top, each query
 * its own colour, line dash and marker, and its name at the end of its line.
 */
export function RankHistory(props: {
  id: string;
  title: string;
  lang: string;
  weeks: readonly string[];
  lines: readonly RankLine[];
  tableOpen?: boolean;
}) {
  const { id, weeks, lines, lang } = props;
  const worst = Math.max(1, ...lines.flatMap((l) => l.ranks.filter((r) => r !== undefined)));
  const y = rankScale(worst, [M.top, H - M.bottom]);
  const x = bandScale(weeks.length, [M.left, W - M.right], 0);
  const every = labelEvery(weeks.length, W - M.left - M.right, 52);
  const name = (l: RankLine) => (l.engine ? `${l.query} (${l.engine})` : l.query);
  return (
    <ChartFrame
      id={id}
      title={props.title}
      summary={t('chartRankSummary', lines.length, weeks.length)}
      legend={lines.map((l, i) => ({
        label: name(l),
        sample: (
          <svg class="swatch-svg" width="22" height="14" viewBox="0 0 22 14" aria-hidden="true">
            <line
              x1="0"
              x2="22"
              y1="7"
              y2="7"
              stroke={lineStyle(i).color}
              stroke-width="2"
              stroke-dasharray={lineStyle(i).dash}
            />
            <Marker shape={lineStyle(i).marker} x={11} y={7} color={lineStyle(i).color} />
          </svg>
        ),
      }))}
      empty={lines.length === 0 || weeks.length === 0 ? t('chartNoRankData') : undefined}
      {...(props.tableOpen ? { tableOpen: true } : {})}
      chart={
        <svg viewBox={`0 0 ${W} ${H}`} class="chart-canvas" aria-hidden="true">
          {y.ticks.map((tick) => (
            <g key={tick} class="tick">
              <line x1={M.left} x2={W - M.right} y1={y.at(tick)} y2={y.at(tick)} class="grid" />
              <text x={M.left - 6} y={y.at(tick) + 4} text-anchor="end">
                #{tick}
              </text>
            </g>
          ))}
          {lines.map((line, i) => {
            const style = lineStyle(i);
            const points = line.ranks.flatMap((rank, w) =>
              rank === undefined ? [] : [{ x: x.centre(w), y: y.at(rank), rank }],
            );
            const last = points.at(-1);
            // Gaps (weeks not searched) break the line, so it never suggests a rank that was not seen.
            const path = line.ranks
              .map((rank, w) =>
                rank === undefined
                  ? ''
                  : `${w > 0 && line.ranks[w - 1] !== undefined ? 'L' : 'M'}${x.centre(w)} ${y.at(rank)}`,
              )
              .join('');
            return (
              <g key={name(line)} data-query={line.query}>
                <path
                  d={path}
                  fill="none"
                  stroke={style.color}
                  stroke-width="2"
                  stroke-dasharray={style.dash}
                />
                {points.map((p, k) => (
                  <Marker key={k} shape={style.marker} x={p.x} y={p.y} color={style.color} />
                ))}
                {last && (
                  <text x={W - M.right + 8} y={last.y + 4} class="line-label">
                    {`#${last.rank} ${truncate(line.query, 18)}`}
                  </text>
                )}
              </g>
            );
          })}
          <WeekLabels
            weeks={weeks}
            every={every}
            centre={(w) => x.centre(w)}
            y={H - 8}
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
                {t('chartBestRank')}
              </th>
            </tr>
          </thead>
          <tbody>
            {lines.flatMap((line) =>
              weeks.map((week, w) => {
                const rank = line.ranks[w];
                return rank === undefined ? null : (
                  <tr key={`${name(line)} ${week}`}>
                    <th scope="row">{name(line)}</th>
                    <td>
                      <time dateTime={week}>{weekLabelLong(week, lang)}</time>
                    </td>
                    <td class="num">{rank}</td>
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
